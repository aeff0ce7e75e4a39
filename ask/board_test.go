package ask

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

const (
	bForm   = "BM.02.01/KH"
	bMonth  = "2026-11"
	byClerk = "account:lan"
)

func at(t *testing.T, a *Asker, day, hour, minute int) {
	t.Helper()
	now := time.Date(2026, 11, day, hour, minute, 0, 0, period.DefaultLocation())
	a.Now = func() time.Time { return now }
}

func runPass(t *testing.T, a *Asker) {
	t.Helper()
	if err := a.Schedule(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func countKind(t *testing.T, a *Asker, k ledger.Kind, unit string) int {
	t.Helper()
	n := 0
	for _, m := range outbox(t, a) {
		if m.Kind == k && m.About.Unit == unit && m.Status != ledger.OutCancelled {
			n++
		}
	}
	return n
}

// An extended unit is told its new deadline and is not reminded by the period's deadline; the
// others are. A deadline not later than the one in force is refused.
func TestAsker_ExtendDeadline(t *testing.T) {
	ctx := context.Background()
	a := newAsker(t)
	at(t, a, 18, 9, 0)
	runPass(t, a)
	newDeadline := time.Date(2026, 11, 25, 17, 0, 0, 0, period.DefaultLocation())
	if err := a.ExtendDeadline(ctx, bForm, bMonth, "QLDN", newDeadline, "Chờ số liệu doanh nghiệp", byClerk); err != nil {
		t.Fatal(err)
	}
	m, err := a.Ledger.OutMail(ctx, ledger.ExtensionKey(bForm, bMonth, "QLDN", 1))
	if err != nil || !strings.Contains(m.Body, "17:00 ngày 25/11/2026") || !strings.Contains(m.Body, "Chờ số liệu doanh nghiệp") {
		t.Fatalf("the unit's mail (%v):\n%s", err, m.Body)
	}
	at(t, a, 18, 13, 31) // the period's afternoon reminder is due
	runPass(t, a)
	if got := countKind(t, a, ledger.KindReminder, "QLDN"); got != 0 {
		t.Errorf("QLDN reminders: got %d, want none before its own deadline", got)
	}
	if got := countKind(t, a, ledger.KindReminder, "QLDT"); got != 1 {
		t.Errorf("QLDT reminders: got %d, want 1", got)
	}
	if err := a.ExtendDeadline(ctx, bForm, bMonth, "QLDN", newDeadline, "", byClerk); !errors.Is(err, ErrNotLater) {
		t.Errorf("the same deadline again: got %v, want ErrNotLater", err)
	}
	if err := a.ExtendDeadline(ctx, bForm, "2031-01", "QLDN", newDeadline, "", byClerk); !errors.Is(err, ErrUnknown) {
		t.Errorf("a period never opened: got %v, want ErrUnknown", err)
	}
	ext, _ := a.Ledger.Extensions(ctx, bForm, bMonth)
	if e := ext["QLDN"]; e.GrantedBy != byClerk || !e.Deadline.Equal(newDeadline) {
		t.Errorf("extension: got %+v", e)
	}
}

// A resend is a fresh template under a new key each time, worded as a resend.
func TestAsker_Resend(t *testing.T) {
	ctx := context.Background()
	a := newAsker(t)
	runPass(t, a)
	for n := 1; n <= 2; n++ {
		key, err := a.Resend(ctx, bForm, bMonth, "QLDN", byClerk)
		if err != nil {
			t.Fatal(err)
		}
		if want := ledger.ResendKey(bForm, bMonth, "QLDN", n); key != want {
			t.Errorf("key: got %s, want %s", key, want)
		}
		m, _ := a.Ledger.OutMail(ctx, key)
		if m.Kind != ledger.KindTemplate || len(m.Attachments) != 1 || !strings.HasPrefix(m.Subject, "Gửi lại tệp mẫu") {
			t.Errorf("resend %d: got %s %q with %d attachments", n, m.Kind, m.Subject, len(m.Attachments))
		}
		if needed, _, err := a.StillNeeded(ctx, m); err != nil || !needed {
			t.Errorf("resend %d still needed: got %v (%v)", n, needed, err)
		}
	}
	if _, err := a.Resend(ctx, bForm, bMonth, "NOPE", byClerk); !errors.Is(err, ErrUnknown) {
		t.Errorf("unknown unit: got %v, want ErrUnknown", err)
	}
	if err := a.ClosePeriod(ctx, bForm, bMonth, byClerk); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Resend(ctx, bForm, bMonth, "QLDN", byClerk); !errors.Is(err, ErrNotAsking) {
		t.Errorf("closed period: got %v, want ErrNotAsking", err)
	}
}

// Closing stops the asking; reopening takes in the files received while closed.
func TestAsker_CloseReopen(t *testing.T) {
	ctx := context.Background()
	a := newAsker(t)
	runPass(t, a)
	if err := a.ClosePeriod(ctx, bForm, bMonth, byClerk); err != nil {
		t.Fatal(err)
	}
	if err := a.ClosePeriod(ctx, bForm, bMonth, byClerk); !errors.Is(err, ErrClosed) {
		t.Errorf("closed twice: got %v, want ErrClosed", err)
	}
	before := len(outbox(t, a))
	at(t, a, 18, 13, 31)
	runPass(t, a)
	if got := len(outbox(t, a)); got != before {
		t.Errorf("closed period: outbox grew from %d to %d", before, got)
	}
	late := recordLateFile(t, a, "QLDN")
	n, err := a.ReopenPeriod(ctx, bForm, bMonth, byClerk)
	if err != nil || n != 1 {
		t.Fatalf("reopen: took %d (%v), want 1", n, err)
	}
	if p, _ := a.Ledger.Period(ctx, bForm, bMonth); p.Status != ledger.PeriodOpen {
		t.Errorf("status: got %s, want open", p.Status)
	}
	latest, _ := a.Ledger.LatestValid(ctx, bForm, bMonth)
	if latest["QLDN"].ID != late.ID {
		t.Errorf("the file received while closed: not counted after the reopening (%v)", latest)
	}
	if _, err := a.ReopenPeriod(ctx, bForm, bMonth, byClerk); !errors.Is(err, ErrOpen) {
		t.Errorf("reopened twice: got %v, want ErrOpen", err)
	}
}

func recordLateFile(t *testing.T, a *Asker, unit string) ledger.Submission {
	t.Helper()
	raw := []byte("From: u@kcn.example\r\nSubject: " + unit + "\r\n\r\nx\r\n")
	sha, err := a.Ledger.PutBlob(raw)
	if err != nil {
		t.Fatal(err)
	}
	in := ledger.Intake{Mail: ledger.Mail{SHA256: sha, Size: int64(len(raw)), Mailbox: "INBOX", ReceivedAt: a.now(),
		From: "u@kcn.example", Outcome: ledger.OutcomeAccepted},
		Submissions: []ledger.Submission{{Form: bForm, Period: bMonth, Unit: unit, FileName: unit + ".xlsx", FileSHA256: sha,
			Valid: true, AfterIssue: true, Data: json.RawMessage(`{}`), Problems: json.RawMessage(`[]`)}}}
	res, err := a.Ledger.RecordIntake(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return res.Submissions[0]
}
