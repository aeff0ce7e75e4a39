package daemon

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/templates"
)

// Schedule queues the templates, reminders and nags due now. Deciding is pure (package
// schedule); queueing is idempotent by key, so running it twice, or after a crash, sends nothing twice.
func (d *Daemon) Schedule(ctx context.Context) error {
	now := d.now()
	var errs []error
	for i := range d.cfg.Forms {
		code := d.cfg.Forms[i].Code
		plan := d.plans[code]
		windows, err := plan.Active(now, d.cal)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, w := range windows {
			if err := d.scheduleWindow(ctx, plan, w); err != nil {
				errs = append(errs, fmt.Errorf("%s %s: %w", code, w.Period, err))
			}
		}
	}
	return errors.Join(errs...)
}

func (d *Daemon) scheduleWindow(ctx context.Context, plan schedule.Plan, w schedule.Window) error {
	created, err := d.ledger.EnsurePeriod(ctx, d.periodRow(plan.Form, w))
	if err != nil {
		return fmt.Errorf("record period: %w", err)
	}
	if created {
		detail := fmt.Sprintf("deadline %s", w.Deadline.In(d.cfg.Location).Format("2006-01-02 15:04"))
		if err := d.ledger.Record(ctx, d.event("system", "period.opened", periodObject(plan.Form, w), detail)); err != nil {
			return err
		}
	}
	latest, err := d.ledger.LatestValid(ctx, plan.Form, w.Period.String())
	if err != nil {
		return fmt.Errorf("read submissions: %w", err)
	}
	done := make(map[string]bool, len(latest))
	for unit := range latest {
		done[unit] = true
	}
	for _, a := range plan.Due(w, d.now(), done) {
		if err := d.queueAction(ctx, a); err != nil {
			return fmt.Errorf("%s: %w", a.Key(), err)
		}
	}
	return nil
}

// queueAction puts the mail of one action in the outbox unless it is there already.
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
	detail := m.Subject
	if len(m.Cc) > 0 {
		detail += " (cc " + m.Cc[0] + ")"
	}
	_, _, err = d.ledger.Enqueue(ctx, m, d.event("system", "outbox.queued."+a.Kind, "unit:"+a.Unit, detail))
	return err
}

// templateAttachment generates the unit's workbook for the action's period and stores it.
func (d *Daemon) templateAttachment(a schedule.Action) (ledger.Attachment, error) {
	f, _ := d.cfg.Form(a.Form)
	unit, _ := d.cfg.Unit(a.Unit)
	var buf bytes.Buffer
	meta := templateMeta(d.cfg, d.key, unit, a.Period, a.Deadline)
	if err := templates.Generate(&buf, f.Form, meta, nil); err != nil {
		return ledger.Attachment{}, fmt.Errorf("generate template: %w", err)
	}
	sha, err := d.ledger.PutBlob(buf.Bytes())
	if err != nil {
		return ledger.Attachment{}, err
	}
	name := templates.FileName(f.Form, unit.Code, a.Period.String())
	d.archive(buf.Bytes(), archivePath(f.Code, a.Period.String(), "mau", name))
	return ledger.Attachment{Name: name, ContentType: xlsxType, SHA256: sha}, nil
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (d *Daemon) periodRow(form string, w schedule.Window) ledger.Period {
	loc := d.cfg.Location
	return ledger.Period{
		Form: form, Period: w.Period.String(), Start: w.Period.Start(loc), End: w.Period.End(loc),
		Deadline: w.Deadline, Status: "open", OpenedAt: d.now(),
	}
}

func periodObject(form string, w schedule.Window) string {
	return fmt.Sprintf("form:%s/%s", form, w.Period)
}
