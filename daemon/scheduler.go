package daemon

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/templates"
)

// Schedule queues the templates, reminders, nags and the office's digest due now. Deciding is
// pure (package schedule); queueing is idempotent by key, so running it twice, or after a crash,
// sends nothing twice. Scheduled mail leaves only in working hours.
func (d *Daemon) Schedule(ctx context.Context) error {
	now := d.now()
	events := d.events(ctx)
	var errs []error
	var late []lateUnit
	for i := range d.o.Forms {
		code := d.o.Forms[i].Code
		plan := d.o.Plans[code]
		windows, err := plan.Active(now, d.o.Calendar, events)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, w := range windows {
			listed, err := d.scheduleWindow(ctx, plan, w)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s %s: %w", code, w.Period, err))
			}
			late = append(late, listed...)
		}
	}
	if err := d.queueDigest(ctx, late); err != nil {
		errs = append(errs, fmt.Errorf("digest: %w", err))
	}
	return errors.Join(errs...)
}

// scheduleWindow records the period and queues what is due for its units; it returns the late
// units to list in the office's digest. A closed period asks nothing more of anyone.
func (d *Daemon) scheduleWindow(ctx context.Context, plan schedule.Plan, w schedule.Window) ([]lateUnit, error) {
	created, err := d.ledger.EnsurePeriod(ctx, d.periodRow(plan.Form, w))
	if err != nil {
		return nil, fmt.Errorf("record period: %w", err)
	}
	if created {
		detail := fmt.Sprintf("deadline %s", w.Deadline.In(d.o.Location).Format("2006-01-02 15:04"))
		if err := d.ledger.Record(ctx, d.event("system", "period.opened", ledger.PeriodObject(plan.Form, w.Period.String()), detail)); err != nil {
			return nil, err
		}
	}
	closed, done, err := d.progress(ctx, plan.Form, w.Period)
	if err != nil || closed {
		return nil, err
	}
	var late []lateUnit
	for _, a := range plan.Due(w, d.now(), done) {
		if err := d.queueAction(ctx, a); err != nil {
			return late, fmt.Errorf("%s: %w", a.Key(), err)
		}
		if a.Digest {
			late = append(late, lateUnit{action: a, dueAt: w.Deadline})
		}
	}
	return late, nil
}

// progress tells whether the form's period is closed and which units have sent a valid file
// for it: what decides whether a scheduled mail is still wanted.
func (d *Daemon) progress(ctx context.Context, form string, p period.Period) (closed bool, done map[string]bool, err error) {
	row, err := d.ledger.Period(ctx, form, p.String())
	switch {
	case err == nil && row.Status == ledger.PeriodClosed:
		return true, nil, nil
	case err != nil && !errors.Is(err, ledger.ErrNotFound):
		return false, nil, err
	}
	latest, err := d.ledger.LatestValid(ctx, form, p.String())
	if err != nil {
		return false, nil, fmt.Errorf("read submissions: %w", err)
	}
	done = make(map[string]bool, len(latest))
	for unit := range latest {
		done[unit] = true
	}
	return false, done, nil
}

// queueAction puts the mail of one action in the outbox unless it is there already, to leave
// at the next working time. A new reminder or nag cancels the unit's earlier steps still
// waiting, so that a daemon catching up sends the step due now, not a burst of stale ones.
func (d *Daemon) queueAction(ctx context.Context, a schedule.Action) error {
	if _, err := d.ledger.OutMail(ctx, a.Key()); err == nil {
		return nil
	} else if !errors.Is(err, ledger.ErrNotFound) {
		return err
	}
	m, err := d.actionMail(a)
	if err != nil {
		return err
	}
	m.NotBefore = d.o.Calendar.NextWorkingTime(d.now())
	detail := m.Subject
	if len(m.Cc) > 0 {
		detail += " (cc " + m.Cc[0] + ")"
	}
	_, created, err := d.ledger.Enqueue(ctx, m, d.event("system", "outbox.queued."+a.Kind, "unit:"+a.Unit, detail))
	if err != nil || !created || a.Kind == schedule.KindTemplate {
		return err
	}
	for _, kind := range []string{schedule.KindReminder, schedule.KindNag} {
		prefix := schedule.StepsPrefix(kind, a.Form, a.Period, a.Unit)
		if _, err := d.ledger.CancelPending(ctx, prefix, a.Key(), "superseded by "+a.Key(), d.now()); err != nil {
			return err
		}
	}
	return nil
}

// stillNeeded reports whether a scheduled mail (template, reminder, nag) should still go: not
// once the unit has sent a valid file or the period is closed.
func (d *Daemon) stillNeeded(ctx context.Context, m ledger.OutMail) (bool, string, error) {
	a, ok := schedule.ParseKey(m.Key)
	if !ok {
		return true, "", nil
	}
	closed, done, err := d.progress(ctx, a.Form, a.Period)
	switch {
	case err != nil:
		return true, "", err
	case closed:
		return false, "period closed", nil
	case done[a.Unit]:
		return false, "unit sent a valid file", nil
	}
	return true, "", nil
}

// templateAttachment generates the unit's workbook for the action's period and stores it.
func (d *Daemon) templateAttachment(a schedule.Action) (ledger.Attachment, error) {
	f, _ := d.o.Form(a.Form)
	unit, _ := d.o.Unit(a.Unit)
	var buf bytes.Buffer
	meta := d.o.TemplateMetaAt(f, unit, a.Period, a.Deadline)
	if err := templates.Generate(&buf, f.Form, meta, nil); err != nil {
		return ledger.Attachment{}, fmt.Errorf("generate template: %w", err)
	}
	sha, err := d.ledger.PutBlob(buf.Bytes())
	if err != nil {
		return ledger.Attachment{}, err
	}
	name := templates.FileName(f.Form, unit.Code, a.Period.String())
	d.archive(buf.Bytes(), office.ArchivePath(f.Code, a.Period.String(), "mau", name))
	return ledger.Attachment{Name: name, ContentType: xlsxType, SHA256: sha}, nil
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (d *Daemon) periodRow(form string, w schedule.Window) ledger.Period {
	loc := d.o.Location
	f, _ := d.o.Form(form)
	start, end := w.Period.Coverage(f.CutoffDay, loc)
	return ledger.Period{
		Form: form, Period: w.Period.String(), Start: start, End: end,
		Deadline: w.Deadline, Status: ledger.PeriodOpen, OpenedAt: d.now(),
	}
}

// lateUnit is a unit listed in the office's digest.
type lateUnit struct {
	action schedule.Action
	dueAt  time.Time
}
