package daemon

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// A message over max_message_bytes is not downloaded: it is recorded from its header,
// quarantined, and its unit is told to send the workbook alone.
func TestDaemon_OversizeAnsweredFromHeader(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, func(o *Options) { o.Config.Mailbox.MaxMessageBytes = 1 << 20 })
	ctx := context.Background()
	big := mail("qldn@kcn.example", "big@kcn", "", "anh-chup.bin", bytes.Repeat([]byte("x"), 1<<20+1))
	e.append(t, big)
	e.append(t, mail(officetest.StrangerAddr, "big@other", "", "x.bin", bytes.Repeat([]byte("x"), 1<<20+1)))
	if err := e.d.Step(ctx); err != nil {
		t.Fatal(err)
	}
	if n := e.count(t, "Quarantine"); n != 2 {
		t.Errorf("Quarantine: got %d, want 2", n)
	}
	mails, _ := e.ledger.Mails(ctx)
	if len(mails) != 2 || mails[0].From != "qldn@kcn.example" || mails[0].Outcome != ledger.OutcomeQuarantined {
		t.Fatalf("mails: got %+v, want the unit's mail recorded from its header, quarantined", mails)
	}
	out, err := e.ledger.OutMail(ctx, "rejection:oversize:"+mails[0].SHA256)
	if err != nil {
		t.Fatalf("no answer to the unit: %v", err)
	}
	if !strings.Contains(out.Body, "vượt giới hạn 1 MB") || out.InReplyTo != "big@kcn" {
		t.Errorf("answer: want it threaded and naming the limit; got in-reply-to %q:\n%s", out.InReplyTo, out.Body)
	}
	if got := e.deliveredTo(officetest.StrangerAddr); got != 0 {
		t.Errorf("answers to the stranger: got %d, want 0", got)
	}
}

// A robot that answers every mail would loop with tonghop's replies; past replies_per_hour in
// an hour its mail is recorded without an answer, and answers resume an hour later.
func TestDaemon_ReplyRateLimit(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, func(o *Options) { o.Config.Mailbox.RepliesPerHour = 3 })
	ctx := context.Background()
	var got []string
	for i := range 5 {
		res, err := e.d.Ingest(ctx, mail("qldt@kcn.example", fmt.Sprintf("loop%d@kcn", i), "", "", nil))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, res.Reply)
		e.clock.Advance(time.Minute)
	}
	want := []string{"errors", "errors", "errors", "none", "none"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("replies: got %v, want %v", got, want)
	}
	e.clock.Advance(time.Hour)
	res, err := e.d.Ingest(ctx, mail("qldt@kcn.example", "later@kcn", "", "", nil))
	if err != nil || res.Reply != "errors" {
		t.Errorf("an hour later: got reply %q (%v), want errors", res.Reply, err)
	}
}

// Two workbooks for the same period in one mail get consecutive versions; the later counts.
func TestDaemon_TwoVersionsInOneMail(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	wb := e.workbook(t, "QLDN", false)
	raw := officetest.MailFiles("qldn@kcn.example", officetest.OfficeAddr, "two@kcn",
		officetest.File{Name: "a.xlsx", Data: wb}, officetest.File{Name: "b.xlsx", Data: wb})
	res, err := e.d.Ingest(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Submissions) != 2 || res.Submissions[0].Version != 1 || res.Submissions[1].Version != 2 {
		t.Fatalf("submissions: got %+v, want versions 1 and 2", res.Submissions)
	}
}

// A workbook for a period already closed is recorded, pending, and the unit is told one clear
// thing; the Planning Office is asked to decide.
func TestDaemon_AfterPeriodClosed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.d.Ingest(ctx, mail("qldn@kcn.example", "first@kcn", "", "a.xlsx", e.workbook(t, "QLDN", false))); err != nil {
		t.Fatal(err)
	}
	if err := e.ledger.SetPeriodStatus(ctx, "BM.02.01/KH", "2026-11", ledger.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	res, err := e.d.Ingest(ctx, mail("qldt@kcn.example", "late@kcn", "", "b.xlsx", e.workbook(t, "QLDT", false)))
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != "accepted" || res.Reply != "receipt" || !res.OfficeNotified {
		t.Errorf("got outcome %q, reply %q, notified %v; want accepted, receipt, notified", res.Outcome, res.Reply, res.OfficeNotified)
	}
	mails, _ := e.ledger.Mails(ctx)
	receipt, err := e.ledger.OutMail(ctx, "receipt:"+mails[len(mails)-1].SHA256)
	if err != nil || !strings.Contains(receipt.Body, "sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh") ||
		strings.Contains(receipt.Body, "được tiếp nhận") || strings.Contains(receipt.Body, "khóa sổ") {
		t.Errorf("receipt: want one clear thing; got (%v):\n%s", err, receipt.Body)
	}
	if latest, _ := e.ledger.LatestValid(ctx, "BM.02.01/KH", "2026-11"); len(latest) != 1 {
		t.Errorf("counted: got %d units, want only QLDN (the late file waits for the decision)", len(latest))
	}
}
