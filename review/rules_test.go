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

// FuzzNext holds the rules' invariants over any record: a settled review needs nothing, a
// request goes once, a copy never waits for a view, the clerks are told of a date once.
func FuzzNext(f *testing.F) {
	f.Add(uint8(1), uint8(0), int64(0), int64(3600), int64(7200), uint8(0), false, false)
	f.Add(uint8(2), uint8(4), int64(10), int64(3600), int64(7200), uint8(1), true, false)
	modes := []ledger.ReviewMode{ledger.ReviewCopy, ledger.ReviewReview, ledger.ReviewApprove}
	states := []ledger.ReviewState{ledger.ReviewPending, ledger.ReviewCopied, ledger.ReviewAgreed, ledger.ReviewReturned, ledger.ReviewSuperseded}
	t0 := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, mode, state uint8, requested, due, now int64, reminders uint8, overdueTold, supersededTold bool) {
		r := ledger.Review{Mode: modes[int(mode)%len(modes)], State: states[int(state)%len(states)],
			Reminders: int(reminders), OverdueTold: overdueTold, SupersededTold: supersededTold}
		if requested > 0 {
			r.RequestedAt = t0.Add(time.Duration(requested%1e6) * time.Second)
		}
		if due > 0 {
			r.Due = t0.Add(time.Duration(due%1e6) * time.Second)
		}
		s := next(r, t0.Add(time.Duration(now%1e7)*time.Second))
		switch {
		case (r.State == ledger.ReviewAgreed || r.State == ledger.ReviewReturned || r.State == ledger.ReviewCopied) && s != stepNone:
			t.Fatalf("a settled review (%s) needs %d", r.State, s)
		case s == stepRequest && (!r.RequestedAt.IsZero() || r.Mode == ledger.ReviewCopy):
			t.Fatalf("a request again, or for a copy: %+v", r)
		case s == stepCopy && r.Mode != ledger.ReviewCopy:
			t.Fatalf("a copy for mode %s", r.Mode)
		case s == stepOverdue && (r.OverdueTold || r.Due.IsZero()):
			t.Fatalf("the clerks told twice or without a date: %+v", r)
		case s == stepSuperseded && (r.SupersededTold || r.RequestedAt.IsZero()):
			t.Fatalf("a supervisor told of a file they never had, or twice: %+v", r)
		case s == stepRemind && r.Reminders > 0:
			t.Fatalf("reminded twice: %+v", r)
		}
	})
}
