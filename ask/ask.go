// Package ask is the scheduler, the stage of the cycle that asks the units for their reports:
// it queues each form's templates, reminders and nags when package schedule says they are due,
// and the clerks' daily digest of the units still late; and it tells the outbox, just before a
// scheduled mail leaves, whether that mail is still needed (not once the unit has sent a valid
// file or the period is closed).
//
// Deciding is pure (package schedule); queueing is idempotent by the outbox key, so running a
// pass twice, or after a crash, sends nothing twice. Scheduled mail leaves only in working hours.
package ask

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/schedule"
)

// Asker is the scheduler of one office. It holds no state between passes: the ledger is the
// record of what was asked, so an Asker may be built at will and used from several goroutines.
type Asker struct {
	Office *office.Office
	Ledger *ledger.Ledger
	Now    func() time.Time // nil: the wall clock
	Log    *slog.Logger     // nil: discard
}

// pass is what one run of Schedule gathers beyond the outbox: the units to list in the
// clerks' digest and the generated templates to file in the archive.
type pass struct {
	late   []lateUnit
	copies []archiveCopy
}

// Schedule queues the templates, reminders, nags and the office's digest due now. An archive
// copy of a template that could not be written is among the errors returned, but its mail is
// queued all the same: the ledger's blob is the record, the archive a copy for people.
func (a *Asker) Schedule(ctx context.Context) error {
	now := a.now()
	events := a.Office.EventTimes(ctx, a.Ledger, a.log())
	var errs []error
	var p pass
	for i := range a.Office.Forms {
		code := a.Office.Forms[i].Code
		for _, plan := range a.Office.Plans[code] { // one per period kind of the form
			windows, err := plan.Active(now, a.Office.Calendar, events)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, w := range windows {
				if err := a.scheduleWindow(ctx, plan, w, &p); err != nil {
					errs = append(errs, fmt.Errorf("%s %s: %w", code, w.Period, err))
				}
			}
		}
	}
	errs = append(errs, a.scheduleRequests(ctx, &p))
	if err := a.queueDigest(ctx, p.late); err != nil {
		errs = append(errs, fmt.Errorf("digest: %w", err))
	}
	for _, c := range p.copies {
		errs = append(errs, a.Office.Archive(c.rel, c.data))
	}
	return errors.Join(errs...)
}

// scheduleWindow records the period and queues what is due for its units; the late units to
// list in the office's digest go to p. A closed period asks nothing more of anyone.
func (a *Asker) scheduleWindow(ctx context.Context, plan schedule.Plan, w schedule.Window, p *pass) error {
	created, err := a.Ledger.EnsurePeriod(ctx, a.Office.PeriodRow(plan.Form, w.Period, w.Deadline, a.now()))
	if err != nil {
		return fmt.Errorf("record period: %w", err)
	}
	if created {
		detail := fmt.Sprintf("deadline %s", w.Deadline.In(a.Office.Location).Format("2006-01-02 15:04"))
		if err := a.Ledger.Record(ctx, a.event(ledger.ActionPeriodOpened, ledger.PeriodObject(plan.Form, w.Period.String()), detail)); err != nil {
			return err
		}
	}
	closed, done, err := a.progress(ctx, plan.Form, w.Period.String())
	if err != nil || closed {
		return err
	}
	asked, err := a.asked(ctx, plan, w.Period.String())
	if err != nil {
		return err
	}
	acts, err := a.due(ctx, plan, w, done, asked) // issue 22: extended units by their own deadline
	if err != nil {
		return err
	}
	for _, act := range acts {
		if err := a.queueAction(ctx, act, p); err != nil {
			return err
		}
		if act.Digest {
			p.late = append(p.late, lateUnit{action: act, dueAt: act.Deadline})
		}
	}
	return nil
}

// progress tells whether the form's period is closed (or was issued) and which units have sent
// a valid file for it: what decides whether a scheduled mail is still wanted.
func (a *Asker) progress(ctx context.Context, form, p string) (closed bool, done map[string]bool, err error) {
	// A report issued once asks nothing more of anyone, even while a correction reopens its
	// period for counting: the correction is the Planning Office's work, not a new collection.
	switch closed, err := a.Ledger.ClosedOrIssued(ctx, form, p); {
	case err != nil:
		return false, nil, err
	case closed:
		return true, nil, nil
	}
	heads, err := a.Ledger.LatestValidHeadsAt(ctx, form, p, time.Time{}) // without the files' content
	if err != nil {
		return false, nil, fmt.Errorf("read submissions: %w", err)
	}
	done = make(map[string]bool, len(heads))
	for unit := range heads {
		done[unit] = true
	}
	// Issue 19, part V: a file waiting for the unit's supervisor was sent; the unit is not nagged.
	awaiting, err := a.Ledger.AwaitingReview(ctx, form, p)
	if err != nil {
		return false, nil, fmt.Errorf("read reviews: %w", err)
	}
	for unit := range awaiting {
		done[unit] = true
	}
	return false, done, nil
}

// asked tells, for each unit whose template for the form's period is in the outbox, when it
// leaves or left: a step due before then is covered by the template (schedule.Plan.Due), so a
// unit gets one mail at a time.
func (a *Asker) asked(ctx context.Context, plan schedule.Plan, period string) (map[string]time.Time, error) {
	times, err := a.Ledger.TemplateTimes(ctx, plan.Form, period) // one query a window, not one a unit
	if err != nil {
		return nil, fmt.Errorf("read the templates: %w", err)
	}
	out := map[string]time.Time{}
	for _, unit := range plan.Units {
		t, ok := times[unit]
		if !ok {
			continue
		}
		out[unit] = t.NotBefore
		if !t.SentAt.IsZero() {
			out[unit] = t.SentAt
		}
	}
	return out, nil
}

// StillNeeded reports whether an outbox mail should still go, and if not why: a template,
// reminder or nag is not needed once its unit has sent a valid file or the period is closed
// (the form, period and unit it asks for are its About). Every other mail is needed.
func (a *Asker) StillNeeded(ctx context.Context, m ledger.OutMail) (bool, string, error) {
	if !asksUnit(m.Kind) || m.About.Form == "" {
		return true, "", nil
	}
	closed, done, err := a.progress(ctx, m.About.Form, m.About.Period)
	switch {
	case err != nil:
		return true, "", err
	case closed:
		return false, "period closed", nil
	case done[m.About.Unit] && !ledger.IsResendKey(m.Key): // a clerk's resend goes all the same
		return false, "unit sent a valid file", nil
	}
	return true, "", nil
}

// Scheduled reports whether an outbox mail is one the scheduler queued (a template, reminder,
// nag or the clerks' digest): such mail leaves only in working hours, even on a retry.
func Scheduled(m ledger.OutMail) bool {
	return asksUnit(m.Kind) || m.Kind == ledger.KindDigest
}

// asksUnit reports whether mail of kind k asks a unit for its file: a template, reminder or nag.
func asksUnit(k ledger.Kind) bool {
	return k == ledger.KindTemplate || k == ledger.KindReminder || k == ledger.KindNag
}

func (a *Asker) now() time.Time {
	if a.Now == nil {
		return time.Now()
	}
	return a.Now()
}

func (a *Asker) log() *slog.Logger {
	if a.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return a.Log
}

// event is an entry of the ledger's journal, by the system.
func (a *Asker) event(action ledger.Action, object, detail string) ledger.Event {
	return ledger.Event{At: a.now(), Actor: "system", Action: action, Object: object, Detail: detail}
}
