package ask

import (
	"context"
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// scheduleRequests queues what is due for each open one-off request, as Schedule does for the
// recurring periods: its templates at once, then the form's reminders and nags around its due
// time. A request past its last step asks nothing more.
func (a *Asker) scheduleRequests(ctx context.Context, p *pass) error {
	rs, err := a.Ledger.OpenRequests(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, r := range rs {
		if _, ok := a.Office.Form(r.Form); !ok {
			continue // a form since removed from the configuration: nothing to ask
		}
		if err := a.scheduleRequest(ctx, r, p); err != nil {
			errs = append(errs, fmt.Errorf("%s %s: %w", r.Form, r.Period, err))
		}
	}
	return errors.Join(errs...)
}

// scheduleRequest queues what is due now for request r.
func (a *Asker) scheduleRequest(ctx context.Context, r ledger.Request, p *pass) error {
	plan, err := a.Office.RequestPlan(r)
	if err != nil {
		return err
	}
	key, err := period.Parse(r.Period)
	if err != nil {
		return err
	}
	w, err := plan.Window(key, a.Office.Calendar, nil)
	if err != nil {
		return err
	}
	if a.now().After(w.End()) {
		return nil
	}
	return a.scheduleWindow(ctx, plan, withoutEarlySteps(w, plan), p)
}

// withoutEarlySteps drops the reminders placed before the request was made (a request due in
// two days of a form that reminds three days ahead): the template is the first mail a unit
// gets, and it is not worded as late.
func withoutEarlySteps(w schedule.Window, plan schedule.Plan) schedule.Window {
	var steps []schedule.Step
	for _, s := range w.Steps {
		if s.At.After(plan.Opens) {
			steps = append(steps, s)
		}
	}
	w.Steps = steps
	return w
}

// Request queues request form/period's templates now, for the command that makes the request:
// they are in the outbox when it returns, and the running daemon's outbox sends them. Queueing
// is idempotent by the outbox key, so the daemon's own pass over the request adds nothing.
func (a *Asker) Request(ctx context.Context, form, period string) error {
	r, err := a.Ledger.Request(ctx, form, period)
	if err != nil {
		return err
	}
	var p pass
	errs := []error{a.scheduleRequest(ctx, r, &p)}
	for _, c := range p.copies {
		errs = append(errs, a.Office.Archive(c.rel, c.data))
	}
	return errors.Join(errs...)
}
