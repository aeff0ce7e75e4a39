package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// numberedIssue is the first issue of testForm's period p, numbered seq of year (auto).
func numberedIssue(year, seq int, p string, at time.Time) ApprovalUpdate {
	n := &Numbered{Year: year, Sequence: seq, Number: fmt.Sprintf("%02d/BC-BQL", seq), Symbol: "BC-BQL",
		Dated: at.Format("2006-01-02"), How: NumberedAuto, At: at}
	return ApprovalUpdate{Form: testForm, Period: p, State: json.RawMessage(`{"Status":"issued"}`), At: at, ClosePeriod: true,
		Issue: &Issue{Number: 1, Version: 1, At: at, Numbered: n},
		Mails: []OutMail{{Key: IssueKey(testForm, p), Kind: KindIssue, To: []string{"lanhdao@example.vn"},
			Subject: "Báo cáo", Body: "Số " + n.Number, CreatedAt: at, NotBefore: at}}}
}

func registerNumbers(t *testing.T, l *Ledger, year int) []string {
	t.Helper()
	reg, err := l.Register(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range reg {
		out = append(out, n.Number)
	}
	return out
}

func TestRegister_SameMinuteConsecutive(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	for i, p := range []string{"2026-10", "2026-11"} {
		next, err := l.NextSequence(ctx, 2026)
		if err != nil || next != i+1 {
			t.Fatalf("NextSequence: got %d, %v; want %d", next, err, i+1)
		}
		if err := l.SaveApproval(ctx, numberedIssue(2026, next, p, t0)); err != nil {
			t.Fatalf("issue %s: %v", p, err)
		}
	}
	if got := fmt.Sprint(registerNumbers(t, l, 2026)); got != "[01/BC-BQL 02/BC-BQL]" {
		t.Errorf("register: got %s, want [01/BC-BQL 02/BC-BQL]", got)
	}
	// A third issue computed from a stale read (it proposes 2 again) is refused whole: no issue,
	// no mail, no number — the step is redone and takes 3.
	err := l.SaveApproval(ctx, numberedIssue(2026, 2, "2026-12", t0))
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("stale auto number: got %v, want ErrConflict", err)
	}
	if _, err := l.LatestIssue(ctx, testForm, "2026-12"); !errors.Is(err, ErrNotFound) {
		t.Errorf("issue of a refused number: got %v, want ErrNotFound", err)
	}
	// A number past the next one would skip: refused as well.
	if err := l.SaveApproval(ctx, numberedIssue(2026, 4, "2026-12", t0)); !errors.Is(err, ErrConflict) {
		t.Errorf("skipping auto number: got %v, want ErrConflict", err)
	}
	if err := l.SaveApproval(ctx, numberedIssue(2026, 3, "2026-12", t0)); err != nil {
		t.Fatal(err)
	}
	n, err := l.IssueNumber(ctx, testForm, "2026-12", 1)
	if err != nil || n.Number != "03/BC-BQL" || n.Version != 1 || n.How != NumberedAuto {
		t.Errorf("IssueNumber: got %+v, %v; want 03/BC-BQL of v1, auto", n, err)
	}
}

func TestRegister_YearRollover(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	for i, p := range []string{"2026-11", "2026-12"} {
		if err := l.SaveApproval(ctx, numberedIssue(2026, i+1, p, t0)); err != nil {
			t.Fatal(err)
		}
	}
	next, err := l.NextSequence(ctx, 2027)
	if err != nil || next != 1 {
		t.Fatalf("first number of 2027: got %d, %v; want 1", next, err)
	}
	jan := time.Date(2026, 12, 31, 17, 5, 0, 0, time.UTC) // 00:05 on 1 January 2027 in Hà Nội
	if err := l.SaveApproval(ctx, numberedIssue(2027, 1, "2027-W01", jan)); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(registerNumbers(t, l, 2027)); got != "[01/BC-BQL]" {
		t.Errorf("register of 2027: got %s, want [01/BC-BQL]", got)
	}
	if got := len(registerNumbers(t, l, 2026)); got != 2 {
		t.Errorf("register of 2026: got %d documents, want 2", got)
	}
}

// The number is recorded with the issue and its mail; the outbox sends later. A restart in
// between finds the number taken and the mail still to send, carrying it.
func TestRegister_RestartBetweenNumberingAndSending(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ledger")
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.SaveApproval(ctx, numberedIssue(2026, 1, "2026-11", t0)); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	m, err := l.OutMail(ctx, IssueKey(testForm, "2026-11"))
	if err != nil || m.Body != "Số 01/BC-BQL" || !m.SentAt.IsZero() {
		t.Fatalf("issue mail after restart: got %q sent %v, %v; want unsent, carrying 01/BC-BQL", m.Body, m.SentAt, err)
	}
	next, err := l.NextSequence(ctx, 2026)
	if err != nil || next != 2 {
		t.Errorf("next number after restart: got %d, %v; want 2 (01 neither skipped nor reused)", next, err)
	}
}

func TestRegister_TakenNumbersRefused(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if err := l.SaveApproval(ctx, numberedIssue(2026, 1, "2026-11", t0)); err != nil {
		t.Fatal(err)
	}
	u := numberedIssue(2026, 1, "2026-12", t0)
	u.Issue.Numbered.How, u.Issue.Numbered.Person = NumberedRegistry, "vanthu"
	if err := l.SaveApproval(ctx, u); !errors.Is(err, ErrNumberTaken) {
		t.Errorf("registry number already taken: got %v, want ErrNumberTaken", err)
	}
	// The schema refuses it too, whatever a writer does.
	db := rawDB(t, l.dir)
	_, err := db.ExecContext(ctx, `INSERT INTO register (year, sequence, number, symbol, form, period, issue, version, dated, how, numbered_at)
		VALUES (2026, 7, '01/BC-BQL', 'BC-BQL', ?, '2026-11', 1, 1, '2026-11-18', 'auto', '')`, testForm)
	if err == nil {
		t.Error("a number text twice in a year: the schema accepted it")
	}
	_, err = db.ExecContext(ctx, `INSERT INTO register (year, sequence, number, symbol, form, period, issue, version, dated, how, numbered_at)
		VALUES (2026, 1, '01/TB-VP', 'TB-VP', ?, '2026-11', 1, 1, '2026-11-18', 'auto', '')`, testForm)
	if err == nil {
		t.Error("a sequence twice in a year: the schema accepted it")
	}
}

func TestRegister_Wait(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	w := RegisterWait{Version: 1, Action: json.RawMessage(`{"Kind":"issue"}`), Since: t0}
	if err := l.SaveApproval(ctx, ApprovalUpdate{Form: testForm, Period: "2026-11", State: json.RawMessage(`{}`), At: t0,
		ClosePeriod: true, Wait: &w}); err != nil {
		t.Fatal(err)
	}
	got, err := l.RegisterWaitOf(ctx, testForm, "2026-11")
	if err != nil || got.Version != 1 || got.Asked != 1 || string(got.Action) != `{"Kind":"issue"}` {
		t.Fatalf("wait: got %+v, %v", got, err)
	}
	if err := l.RemindRegistry(ctx, got, nil, nil, t0); err != nil {
		t.Fatal(err)
	}
	if err := l.RemindRegistry(ctx, got, nil, nil, t0); !errors.Is(err, ErrConflict) {
		t.Errorf("a reminder from a stale read: got %v, want ErrConflict", err)
	}
	u := numberedIssue(2026, 125, "2026-11", t0)
	u.Revision, u.Issue.Numbered.How, u.Issue.Numbered.Person, u.Issue.Numbered.Number = 1, NumberedRegistry, "vanthu", "125/BC-BQL"
	if err := l.SaveApproval(ctx, u); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RegisterWaitOf(ctx, testForm, "2026-11"); !errors.Is(err, ErrNotFound) {
		t.Errorf("wait after the number was given: got %v, want ErrNotFound", err)
	}
}
