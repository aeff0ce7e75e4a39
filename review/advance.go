package review

import (
	"context"
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// Advance acts on every review that needs it (see next): it sends the copies and the requests,
// reminds, tells the clerks of a date passed and a supervisor of a file replaced, saving each
// review with its mails and events in one ledger transaction. A review another worker saved
// meanwhile is left for the next tick.
func (rv *Reviewer) Advance(ctx context.Context) error {
	todo, err := rv.Ledger.ReviewsToDo(ctx)
	if err != nil {
		return err
	}
	now := rv.now()
	var errs []error
	for _, r := range todo {
		s := next(r, now)
		if s == stepNone {
			continue
		}
		u, ok, err := rv.act(ctx, r, s)
		if err != nil {
			errs = append(errs, fmt.Errorf("review of submission %d: %w", r.Submission.ID, err))
			continue
		}
		if !ok {
			continue
		}
		if err := rv.Ledger.SaveReview(ctx, u); err != nil && !errors.Is(err, ledger.ErrConflict) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// act builds what one step of a review saves; ok is false when there is nothing to do.
func (rv *Reviewer) act(ctx context.Context, r ledger.Review, s step) (ledger.ReviewUpdate, bool, error) {
	now := rv.now()
	u := ledger.ReviewUpdate{Review: r, At: now}
	f := rv.file(ctx, r)
	p, reachable := rv.supervisor(r)
	switch s {
	case stepCopy:
		u.Review.State, u.Review.RequestedAt = ledger.ReviewCopied, now
		u.Review.RequestKey = ledger.ReviewKey(ledger.KindReviewCopy, r.Submission.ID, 0)
		if m, ok := rv.copyMail(r, f); ok {
			u.Mails = append(u.Mails, m)
		}
	case stepRequest:
		if !reachable { // the configuration changed: the clerks must settle it with the leader
			rv.log().Warn("review request not sent: the unit's supervisor has no email", "submission", r.Submission.ID, "supervisor", r.Supervisor)
			return u, false, nil
		}
		replaces, err := rv.replaces(ctx, r)
		if err != nil {
			return u, false, err
		}
		u.Review.RequestKey = ledger.ReviewKey(ledger.KindReviewRequest, r.Submission.ID, 0)
		u.Review.RequestedAt = now
		u.Mails = append(u.Mails, rv.toSupervisor(r, p, ledger.KindReviewRequest, u.Review.RequestKey,
			letters.ReviewRequestLetter(f, replaces), true, now))
	case stepRemind:
		if !reachable {
			return u, false, nil
		}
		u.Review.Reminders++
		key := ledger.ReviewKey(ledger.KindReviewReminder, r.Submission.ID, u.Review.Reminders)
		u.Mails = append(u.Mails, rv.toSupervisor(r, p, ledger.KindReviewReminder, key,
			letters.ReviewReminderLetter(f, r.Reminders, r.RequestedAt.In(rv.Office.Location)), true, rv.workingTime(now)))
	case stepOverdue:
		u.Review.OverdueTold = true
		if m, ok := rv.toClerks(r, ledger.ReviewKey(ledger.KindReviewOffice, r.Submission.ID, 0), letters.ReviewOverdueLetter(f)); ok {
			u.Mails = append(u.Mails, m)
		}
	case stepSuperseded:
		u.Review.SupersededTold = true
		if reachable {
			newer, err := rv.newest(ctx, r)
			if err != nil {
				return u, false, err
			}
			key := ledger.ReviewKey(ledger.KindReviewNotice, r.Submission.ID, 0)
			u.Mails = append(u.Mails, rv.toSupervisor(r, p, ledger.KindReviewNotice, key,
				letters.ReviewSupersededLetter(f, newer), false, now))
		}
	default:
		return u, false, nil
	}
	for _, m := range u.Mails {
		u.Events = append(u.Events, ledger.Event{At: now, Actor: "system", Action: ledger.Queued(m.Kind),
			Object: ledger.SubmissionObject(r.Submission), Detail: m.Subject})
	}
	return u, true, nil
}

// replaces is the unit's latest earlier file its supervisor was asked about and that this one
// superseded (its version), for the request to say so; 0 when none.
func (rv *Reviewer) replaces(ctx context.Context, r ledger.Review) (int, error) {
	list, err := rv.Ledger.Reviews(ctx, r.Submission.Form, r.Submission.Period)
	if err != nil {
		return 0, err
	}
	v := 0
	for _, e := range list {
		s := e.Submission
		if s.Unit == r.Submission.Unit && s.Version < r.Submission.Version && e.State == ledger.ReviewSuperseded && !e.RequestedAt.IsZero() {
			v = max(v, s.Version)
		}
	}
	return v, nil
}

// newest is the version of the unit's latest file of the same form and period.
func (rv *Reviewer) newest(ctx context.Context, r ledger.Review) (int, error) {
	list, err := rv.Ledger.Reviews(ctx, r.Submission.Form, r.Submission.Period)
	if err != nil {
		return 0, err
	}
	v := r.Submission.Version
	for _, e := range list {
		if e.Submission.Unit == r.Submission.Unit {
			v = max(v, e.Submission.Version)
		}
	}
	return v, nil
}
