package review

import (
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

func TestNext(t *testing.T) {
	t0 := time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)
	due := t0.Add(24 * time.Hour)
	pending := ledger.Review{Mode: ledger.ReviewReview, State: ledger.ReviewPending, Due: due}
	asked := pending
	asked.RequestedAt = t0
	with := func(r ledger.Review, edit func(*ledger.Review)) ledger.Review { edit(&r); return r }
	tests := []struct {
		name string
		r    ledger.Review
		now  time.Time
		want step
	}{
		{"CopyToSend", ledger.Review{Mode: ledger.ReviewCopy, State: ledger.ReviewPending}, t0, stepCopy},
		{"CopySent", ledger.Review{Mode: ledger.ReviewCopy, State: ledger.ReviewCopied}, t0, stepNone},
		{"RequestToSend", pending, t0, stepRequest},
		{"ApprovalRequestToSend", with(pending, func(r *ledger.Review) { r.Mode = ledger.ReviewApprove }), t0, stepRequest},
		{"RequestedWaiting", asked, t0.Add(11 * time.Hour), stepNone},
		{"Halfway", asked, t0.Add(12 * time.Hour), stepRemind},
		{"RemindedOnce", with(asked, func(r *ledger.Review) { r.Reminders = 1 }), t0.Add(20 * time.Hour), stepNone},
		{"Overdue", with(asked, func(r *ledger.Review) { r.Reminders = 1 }), due, stepOverdue},
		{"OverdueWithoutReminder", asked, due.Add(time.Hour), stepOverdue},
		{"OverdueTold", with(asked, func(r *ledger.Review) { r.OverdueTold = true }), due.Add(48 * time.Hour), stepNone},
		{"NoDate", with(asked, func(r *ledger.Review) { r.Due = time.Time{} }), due.Add(48 * time.Hour), stepNone},
		{"Agreed", with(asked, func(r *ledger.Review) { r.State = ledger.ReviewAgreed }), due.Add(time.Hour), stepNone},
		{"Returned", with(asked, func(r *ledger.Review) { r.State = ledger.ReviewReturned }), due.Add(time.Hour), stepNone},
		{"SupersededAsked", with(asked, func(r *ledger.Review) { r.State = ledger.ReviewSuperseded }), t0, stepSuperseded},
		{"SupersededTold", with(asked, func(r *ledger.Review) { r.State, r.SupersededTold = ledger.ReviewSuperseded, true }), t0, stepNone},
		{"SupersededNeverAsked", with(pending, func(r *ledger.Review) { r.State = ledger.ReviewSuperseded }), t0, stepNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := next(tt.r, tt.now); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
