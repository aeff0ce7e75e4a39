package ledger

import (
	"context"
	"testing"
	"time"
)

// TestLedger_Backlog: the outbox mail due and unsent, and since when the longest-waiting of it
// has waited: a scheduled mail from its time, a retried one from when it was queued.
func TestLedger_Backlog(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)
	if b, err := l.Backlog(ctx, at); err != nil || b.Count != 0 || !b.Since.IsZero() {
		t.Fatalf("empty outbox: got %+v %v, want none", b, err)
	}
	queue := func(key string, created, notBefore time.Time) int64 {
		id, _, err := l.Enqueue(ctx, OutMail{Key: key, Kind: KindReminder, To: []string{"u@x.vn"}, CreatedAt: created, NotBefore: notBefore})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	queue("scheduled", at.Add(-24*time.Hour), at.Add(-30*time.Minute)) // queued yesterday for 07:30
	queue("later", at.Add(-48*time.Hour), at.Add(time.Hour))           // not due yet
	b, err := l.Backlog(ctx, at)
	if err != nil || b.Count != 1 || !b.Since.Equal(at.Add(-30*time.Minute)) {
		t.Fatalf("scheduled: got %+v %v, want 1 since 07:30", b, err)
	}

	retried := queue("retried", at.Add(-2*time.Hour), at.Add(-2*time.Hour))
	if _, err := l.ClaimDue(ctx, at.Add(-2*time.Hour), 10); err != nil {
		t.Fatal(err)
	}
	if err := l.MarkRetry(ctx, retried, "451 busy", at.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if b, err = l.Backlog(ctx, at); err != nil || b.Count != 2 || !b.Since.Equal(at.Add(-2*time.Hour)) {
		t.Errorf("retried: got %+v %v, want 2 since 06:00, when the retried mail was queued", b, err)
	}
	if err := l.Probe(ctx); err != nil {
		t.Errorf("Probe: %v", err)
	}
}
