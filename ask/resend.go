package ask

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// Resend sends unit a fresh template for form's period at a clerk's request: generated and
// pre-filled now, as the scheduled one is, worded as a resend, under a new outbox key so that it
// leaves although the first one went. It returns the key.
func (a *Asker) Resend(ctx context.Context, form, p, unit, actor string) (string, error) {
	act, err := a.resendAction(ctx, form, p, unit)
	if err != nil {
		return "", err
	}
	// The outbox would cancel it before it left: a closed or issued period asks nothing more.
	if closed, _, err := a.progress(ctx, form, p); err != nil || closed {
		return "", errors.Join(err, ErrNotAsking)
	}
	key, err := a.nextResendKey(ctx, form, p, unit)
	if err != nil {
		return "", err
	}
	u, _ := a.Office.Unit(unit)
	if len(u.Emails) == 0 {
		return "", fmt.Errorf("resend to %s: the unit has no address", unit)
	}
	now := a.now()
	m := ledger.OutMail{Key: key, Kind: ledger.KindTemplate, About: ledger.About{Form: form, Period: p, Unit: unit},
		To: u.Emails, CreatedAt: now, NotBefore: a.Office.Calendar.NextWorkingTime(now)}
	att, workbook, err := a.templateAttachment(ctx, act)
	if err != nil {
		return "", err
	}
	m.Attachments = []ledger.Attachment{att}
	l := letters.TemplateLetter(letters.Template{Office: a.Office.Letterhead(), Contact: a.Office.Contact(), Unit: u.Name,
		Request: a.scheduledRequest(act, act.Deadline), FileName: att.Name, Resent: true})
	m.Subject, m.Body = l.Subject, l.Body
	err = a.Ledger.RecordClerkAction(ctx, ledger.ClerkAction{Mails: []ledger.OutMail{m}, Events: []ledger.Event{
		a.actorEvent(actor, ledger.ActionTemplateResent, ledger.UnitPeriodObject(form, p, unit), key),
		a.event(ledger.Queued(m.Kind), "unit:"+unit, m.Subject),
	}})
	if err != nil {
		return "", err
	}
	// The ledger's blob is the record; the archive's copy is for people, its failure reported.
	return key, a.Office.Archive(workbook.rel, workbook.data)
}

// resendAction is the template action a resend stands for, with the unit's deadline in force
// (its extension, else the period's).
func (a *Asker) resendAction(ctx context.Context, form, p, unit string) (schedule.Action, error) {
	f, okForm := a.Office.Form(form)
	_, okUnit := a.Office.Unit(unit)
	per, err := period.Parse(p)
	if !okForm || !okUnit || err != nil {
		return schedule.Action{}, ErrUnknown
	}
	deadline, err := a.unitDeadline(ctx, form, p, unit)
	if err != nil {
		return schedule.Action{}, err
	}
	act := schedule.Action{Kind: schedule.KindTemplate, Form: f.Code, Period: per, Unit: unit, Deadline: deadline}
	if plan, ok := a.Office.Plans[form].For(per.Kind); ok {
		act.Label = plan.Label
	}
	return act, nil
}

// unitDeadline is unit's deadline for form's period: its latest extension, else the period's
// recorded deadline. A period not recorded yet has not been asked for: ErrUnknown.
func (a *Asker) unitDeadline(ctx context.Context, form, p, unit string) (time.Time, error) {
	row, err := a.Ledger.Period(ctx, form, p)
	if errors.Is(err, ledger.ErrNotFound) {
		return time.Time{}, ErrUnknown
	}
	if err != nil {
		return time.Time{}, err
	}
	ext, err := a.Ledger.Extensions(ctx, form, p)
	if err != nil {
		return time.Time{}, err
	}
	if e, ok := ext[unit]; ok {
		return e.Deadline, nil
	}
	return row.Deadline, nil
}

// nextResendKey is the key of the unit's next resend: one after those already queued.
func (a *Asker) nextResendKey(ctx context.Context, form, p, unit string) (string, error) {
	for n := 1; ; n++ {
		key := ledger.ResendKey(form, p, unit, n)
		switch _, err := a.Ledger.OutMail(ctx, key); {
		case errors.Is(err, ledger.ErrNotFound):
			return key, nil
		case err != nil:
			return "", err
		}
	}
}
