package approve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// remindRegistry reminds the registry clerk of every report waiting for her number: as the
// form's approval steps are reminded, after its approval_remind_after of working time, and again
// after as much, at most approval_max_reminders times; in working hours only.
func (a *Approver) remindRegistry(ctx context.Context) error {
	waits, err := a.Ledger.RegisterWaits(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, w := range waits {
		if err := a.remindWait(ctx, w); err != nil && !errors.Is(err, ledger.ErrConflict) {
			errs = append(errs, fmt.Errorf("registry reminder %s %s: %w", w.Form, w.Period, err))
		}
	}
	return errors.Join(errs...)
}

func (a *Approver) remindWait(ctx context.Context, w ledger.RegisterWait) error {
	f, ok := a.Office.Form(w.Form)
	p, err := period.Parse(w.Period)
	if !ok || err != nil {
		return nil // a form no longer configured: nobody to remind for it
	}
	after, now := f.RemindAfter(), a.now()
	if after <= 0 || w.Reminded >= f.MaxApprovalReminders() {
		return nil
	}
	if a.Office.Calendar.WorkingDuration(w.Since, now) < after*time.Duration(w.Reminded+1) {
		return nil
	}
	var act approval.Action
	if err := json.Unmarshal(w.Action, &act); err != nil {
		return err
	}
	stored, err := a.load(ctx, w.Form, w.Period)
	if err != nil {
		return err
	}
	ew, err := a.effectWriter(ctx, f, p, stored.state, nil)
	if err != nil {
		return err
	}
	n := w.Reminded + 1
	var mails []ledger.OutMail
	for _, person := range a.Office.Registry() {
		l := letters.NumberReminderLetter(ew.numberRequest(act, person.ID), n, w.Since.In(a.Office.Location))
		mails = append(mails, ledger.OutMail{Key: ledger.RegistryReminderKey(w.Form, w.Period, w.Version, n, person.ID), Kind: ledger.KindRegistry,
			About: ledger.About{Form: w.Form, Period: w.Period}, To: person.Emails[:1], Subject: l.Subject, Body: l.Body,
			Attachments: ew.attachment(w.Version), CreatedAt: now, NotBefore: a.Office.Calendar.NextWorkingTime(now)})
	}
	ev := a.event("system", ledger.ActionNumberReminded, ledger.PeriodObject(w.Form, w.Period), fmt.Sprintf("v%d reminder %d", w.Version, n))
	return a.Ledger.RemindRegistry(ctx, w, mails, []ledger.Event{ev}, now)
}
