package daemon

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

func TestDaemon_PollAnswersEachMail(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	e.append(t, mail("qldn@kcn.example", "ok@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false)))
	e.append(t, mail("qldt@kcn.example", "bad@kcn", "", "BM.02.01-KH_2026-11_QLDT.xlsx", e.workbook(t, "QLDT", true)))
	e.append(t, mail("qldt@kcn.example", "none@kcn", "", "", nil))
	e.append(t, mail("qldt@kcn.example", "old@kcn", "", "baocao.xls", []byte("\xd0\xcf\x11\xe0old")))
	e.append(t, mail("qldn@kcn.example", "other@kcn", "", "BM.02.01-KH_2026-11_QLDT.xlsx", e.workbook(t, "QLDT", false)))
	e.append(t, mail("stranger@other.example", "who@other", "", "x.xlsx", []byte("PK")))
	e.append(t, mail("qldn@kcn.example", "ooo@kcn", "Auto-Submitted: auto-replied\r\n", "", nil))
	e.append(t, mail("qldn@kcn.example", "junk@kcn", "", "BM.xlsx", []byte("PK\x03\x04 this is no workbook")))

	if err := e.d.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	mails, err := e.ledger.Mails(ctx)
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[string]string{}
	for _, m := range mails {
		outcomes[m.MessageID] = string(m.Outcome)
	}
	want := map[string]string{
		"ok@kcn": "accepted", "bad@kcn": "rejected", "none@kcn": "rejected", "old@kcn": "rejected",
		"other@kcn": "rejected", "who@other": "quarantined", "ooo@kcn": "ignored", "junk@kcn": "rejected",
	}
	for id, w := range want {
		if outcomes[id] != w {
			t.Errorf("mail %s: got outcome %q, want %q", id, outcomes[id], w)
		}
	}
	if n := e.count(t, "INBOX"); n != 0 {
		t.Errorf("INBOX: got %d messages left, want 0", n)
	}
	if got, want := e.count(t, "Processed"), 2; got != want {
		t.Errorf("Processed: got %d, want %d", got, want)
	}
	if got, want := e.count(t, "Rejected"), 5; got != want {
		t.Errorf("Rejected: got %d, want %d", got, want)
	}
	if got, want := e.count(t, "Quarantine"), 1; got != want {
		t.Errorf("Quarantine: got %d, want %d", got, want)
	}

	if err := e.d.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	// Receipt to QLDN; errors for its wrong-unit file; nothing for the auto-reply.
	if got, want := e.deliveredTo("qldn@kcn.example"), 3; got != want {
		t.Errorf("mails to qldn (receipt, wrong unit, unreadable): got %d, want %d", got, want)
	}
	if got, want := e.deliveredTo("qldt@kcn.example"), 3; got != want {
		t.Errorf("mails to qldt (3 rejections): got %d, want %d", got, want)
	}
	// A stranger gets no answer; the Planning Office's clerk is told instead.
	if got, want := e.deliveredTo("stranger@other.example"), 0; got != want {
		t.Errorf("mails to the stranger: got %d, want %d", got, want)
	}
	if got, want := e.deliveredTo(officetest.Clerk), 1; got != want {
		t.Errorf("notices to the clerk: got %d, want %d", got, want)
	}
	assertRejectionMentions(t, e, "bad@kcn", "Chỉ tiêu")
	assertRejectionMentions(t, e, "old@kcn", ".xlsx")
}

// assertRejectionMentions checks the reply to a mail names the problem.
func assertRejectionMentions(t *testing.T, e *env, id, text string) {
	t.Helper()
	mails, _ := e.ledger.Mails(context.Background())
	for _, m := range mails {
		if m.MessageID != id {
			continue
		}
		out, err := e.ledger.OutMail(context.Background(), "rejection:"+m.SHA256)
		if err != nil {
			t.Fatalf("no rejection for %s: %v", id, err)
		}
		if !strings.Contains(out.Body, text) || out.InReplyTo != id {
			t.Errorf("rejection of %s: want it threaded (in-reply-to %q) and mentioning %q; got:\n%s", id, out.InReplyTo, text, out.Body)
		}
		return
	}
	t.Fatalf("mail %s not recorded", id)
}

func TestDaemon_SameMailTwiceIsAnsweredOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	raw := mail("qldn@kcn.example", "twice@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false))
	e.append(t, raw)
	e.append(t, raw)
	if err := e.d.Step(ctx); err != nil {
		t.Fatal(err)
	}
	subs, err := e.ledger.Submissions(ctx, "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 {
		t.Errorf("submissions: got %d, want 1", len(subs))
	}
	if got := e.count(t, "Processed"); got != 2 {
		t.Errorf("Processed: got %d, want both copies moved (2)", got)
	}
	if receipts := e.deliveredMentioning("twice@kcn"); receipts != 1 {
		t.Errorf("replies to the mail: got %d, want 1", receipts)
	}
}

func TestDaemon_OutboxSendsEachKeyOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	m := ledger.OutMail{Key: "test:once", Kind: "reminder", To: []string{"qldn@kcn.example"}, Subject: "Nhắc",
		Body: "Nội dung", NotBefore: e.clock.Now(), CreatedAt: e.clock.Now()}
	for range 2 {
		if _, _, err := e.ledger.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := e.d.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.deliveredTo("qldn@kcn.example"); got != 1 {
		t.Errorf("deliveries: got %d, want 1", got)
	}
}

func TestDaemon_OutboxRetriesThenFails(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	now := e.clock.Now()
	for _, k := range []string{"test:temp", "test:perm"} {
		m := ledger.OutMail{Key: k, Kind: "reminder", To: []string{"qldn@kcn.example"}, Subject: k, Body: "x", NotBefore: now, CreatedAt: now}
		if _, _, err := e.ledger.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	e.srv.FailNext(1, 451, "4.3.0 busy")
	_ = e.d.Flush(ctx) // test:temp fails once, test:perm goes through
	temp, _ := e.ledger.OutMail(ctx, "test:temp")
	if temp.Status != "pending" || temp.Attempts != 1 || !strings.Contains(temp.LastError, "451") {
		t.Errorf("after a 451: got status %q attempts %d error %q, want pending, 1, a 451", temp.Status, temp.Attempts, temp.LastError)
	}
	e.clock.Advance(2 * time.Minute)
	if err := e.d.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if temp, _ = e.ledger.OutMail(ctx, "test:temp"); temp.Status != "sent" {
		t.Errorf("after the retry: got status %q, want sent", temp.Status)
	}
	m := ledger.OutMail{Key: "test:nobody", Kind: "reminder", To: []string{"nobody@kcn.example"}, Subject: "x", Body: "x", NotBefore: now, CreatedAt: now}
	if _, _, err := e.ledger.Enqueue(ctx, m); err != nil {
		t.Fatal(err)
	}
	_ = e.d.Flush(ctx)
	if got, _ := e.ledger.OutMail(ctx, "test:nobody"); got.Status != "failed" || got.Attempts != 1 {
		t.Errorf("unknown recipient (550): got status %q after %d attempts, want failed after 1", got.Status, got.Attempts)
	}
}

func TestDaemon_ScheduleQueuesTemplatesOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	for range 2 {
		if err := e.d.Step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// 16/11 09:00: the template went out on 11/11, the -2d reminder is due on 16/11 17:00.
	if got := e.deliveredTo("qldn@kcn.example"); got != 1 {
		t.Errorf("templates to qldn: got %d, want 1", got)
	}
	// The second nag, +2d after 18/11 17:00, falls at the end of Friday's working day and
	// leaves on Monday 23/11 at 07:30.
	e.clock.Set(time.Date(2026, 11, 23, 8, 0, 0, 0, e.cfg.Location))
	if err := e.d.Step(ctx); err != nil {
		t.Fatal(err)
	}
	var escalated bool
	for _, d := range e.srv.Deliveries() {
		for _, r := range d.To {
			escalated = escalated || r == "ptb@kcn.example"
		}
	}
	if !escalated {
		t.Errorf("the second nag (23/11) must copy the supervisor")
	}
}

func TestDaemon_RunStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.d.Run(ctx) }()
	e.append(t, mail("qldn@kcn.example", "run@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false)))
	deadline := time.Now().Add(20 * time.Second)
	processed := func() int { // the daemon creates the folder when it first connects
		msgs, _ := e.srv.Messages(officeAddr, "Processed")
		return len(msgs)
	}
	for processed() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: got %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10s of cancellation")
	}
	if e.count(t, "Processed") != 1 {
		t.Errorf("the mail was not processed before shutdown")
	}
}
