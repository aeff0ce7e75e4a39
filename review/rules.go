package review

import (
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// step is what Advance does next about one review.
type step int

const (
	stepNone       step = iota
	stepCopy            // mail the accepted file to the supervisor and the copies
	stepRequest         // ask the supervisor for their view (or approval)
	stepRemind          // remind the supervisor, once, halfway to the date due
	stepOverdue         // tell the clerks the date passed without an answer
	stepSuperseded      // tell the supervisor a newer file replaced the one they were asked about
)

// next decides what a review needs at now: a pure function of its record, so that the rules
// are a table and a restart changes nothing.
func next(r ledger.Review, now time.Time) step {
	switch {
	case r.State == ledger.ReviewSuperseded:
		if !r.RequestedAt.IsZero() && !r.SupersededTold {
			return stepSuperseded
		}
		return stepNone
	case r.State != ledger.ReviewPending:
		return stepNone
	case r.Mode == ledger.ReviewCopy:
		return stepCopy
	case r.RequestedAt.IsZero():
		return stepRequest
	case r.Due.IsZero():
		return stepNone
	case !now.Before(r.Due):
		if !r.OverdueTold {
			return stepOverdue
		}
		return stepNone
	case r.Reminders == 0 && !now.Before(remindAt(r)):
		return stepRemind
	}
	return stepNone
}

// remindAt is halfway from the request to the date due: the supervisor has had half their time.
func remindAt(r ledger.Review) time.Time {
	return r.RequestedAt.Add(r.Due.Sub(r.RequestedAt) / 2)
}
