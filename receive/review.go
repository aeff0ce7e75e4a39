package receive

import (
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// Issue 19, part V (supervisors): a valid file of a form whose units' supervisor takes part is
// recorded with its hold, in the same transaction as the file, so that it never counts before
// the supervisor agreed (package review sends the request); its receipt says where it stands.

// reviewHold is what a judged file is recorded with before its unit's supervisor; nil for an
// invalid file, one received after the issue (the clerks decide on it), or a form without.
func (j *Judge) reviewHold(sub ledger.Submission) *ledger.ReviewHold {
	if !sub.Valid || sub.AfterIssue {
		return nil
	}
	f, ok := j.Office.Form(sub.Form)
	if !ok {
		return nil
	}
	u, ok := j.Office.Unit(sub.Unit)
	if !ok {
		return nil
	}
	p, err := period.Parse(sub.Period)
	if err != nil {
		return nil
	}
	received := sub.ReceivedAt
	if received.IsZero() {
		received = j.now()
	}
	return j.Office.ReviewHold(f, u, p, received)
}

// reviewStanding is the receipt's paragraph for files held for the unit's supervisor: to whom
// they went and by when; "" when none is held.
func (j *Judge) reviewStanding(subs []ledger.Submission) string {
	for _, sub := range subs {
		h := sub.Review
		if h == nil || !h.Mode.Holds() {
			continue
		}
		p, ok := j.Office.Person(h.Supervisor)
		if !ok {
			continue
		}
		due := h.Due
		if !due.IsZero() {
			due = due.In(j.Office.Location)
		}
		return letters.ReviewStanding(letters.Person{Title: p.Title, Name: p.Name}, h.Mode == ledger.ReviewApprove, due)
	}
	return ""
}
