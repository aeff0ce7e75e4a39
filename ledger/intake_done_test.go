package ledger

import (
	"context"
	"errors"
	"testing"
	"time"
)

// RecordIntakeDone records the mail and marks its tries done in one transaction; a mail whose
// try never began is not recorded at all.
func TestRecordIntakeDone(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	in := testIntake(t, l, "raw mail done", true, "PKH")
	if _, err := l.RecordIntakeDone(ctx, in, t0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("without a try begun: got %v, want ErrNotFound", err)
	}
	if mails, _ := l.Mails(ctx); len(mails) != 0 {
		t.Fatalf("without a try begun: %d mails recorded, want none", len(mails))
	}
	if _, err := l.BeginAttempt(ctx, in.Mail.SHA256, t0); err != nil {
		t.Fatal(err)
	}
	done := t0.Add(time.Second)
	res, err := l.RecordIntakeDone(ctx, in, done)
	if err != nil || res.Duplicate || len(res.Submissions) != 1 {
		t.Fatalf("RecordIntakeDone = %+v, %v; want one new submission", res, err)
	}
	a, err := l.Attempts(ctx, in.Mail.SHA256)
	if err != nil || !a.DoneAt.Equal(done) || a.Unfinished() != 0 {
		t.Errorf("attempts after: %+v, %v; want done at %v, none unfinished", a, err, done)
	}
	if mails, _ := l.Mails(ctx); len(mails) != 1 {
		t.Errorf("mails recorded: got %d, want 1", len(mails))
	}
}
