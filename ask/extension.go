package ask

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/schedule"
)

// ErrNotLater is returned by ExtendDeadline for a deadline not after the unit's deadline in force.
var ErrNotLater = errors.New("the new deadline is not after the one in force")

// ExtendDeadline moves unit's deadline for form's period to deadline: reminders and nags count
// from it (the unit's pending ones are cancelled), lateness is measured from it, and the unit is
// told by mail. reason, the clerk's words, goes in the mail as written.
func (a *Asker) ExtendDeadline(ctx context.Context, form, p, unit string, deadline time.Time, reason, actor string) error {
	act, err := a.resendAction(ctx, form, p, unit) // the unit's request, with its deadline in force
	if err != nil {
		return err
	}
	if !deadline.After(act.Deadline) {
		return ErrNotLater
	}
	n, err := a.Ledger.CountExtensions(ctx, form, p, unit)
	if err != nil {
		return err
	}
	u, _ := a.Office.Unit(unit)
	now := a.now()
	req := a.scheduledRequest(act, deadline)
	l := letters.ExtensionLetter(letters.Extension{Office: a.Office.Letterhead(), Contact: a.Office.Contact(), Unit: u.Name,
		Request: req, Reason: strings.TrimSpace(reason)})
	m := ledger.OutMail{Key: ledger.ExtensionKey(form, p, unit, n+1), Kind: ledger.KindExtension,
		About: ledger.About{Form: form, Period: p, Unit: unit}, To: u.Emails, Subject: l.Subject, Body: l.Body,
		CreatedAt: now, NotBefore: now}
	detail := fmt.Sprintf("%s → %s", act.Deadline.In(a.Office.Location).Format("2006-01-02 15:04"),
		deadline.In(a.Office.Location).Format("2006-01-02 15:04"))
	return a.Ledger.RecordClerkAction(ctx, ledger.ClerkAction{
		Extension: &ledger.Extension{Form: form, Period: p, Unit: unit, Deadline: deadline, GrantedBy: actor,
			Reason: strings.TrimSpace(reason), GrantedAt: now},
		Mails: []ledger.OutMail{m},
		CancelKeys: []string{ledger.StepsPrefix(ledger.KindReminder, form, p, unit),
			ledger.StepsPrefix(ledger.KindNag, form, p, unit)},
		Events: []ledger.Event{
			a.actorEvent(actor, ledger.ActionDeadlineExtended, ledger.UnitPeriodObject(form, p, unit), detail),
			a.event(ledger.Queued(m.Kind), "unit:"+unit, m.Subject),
		},
	})
}

// due is what is due at now for window w: the units whose deadline was extended are asked by
// their own window (schedule.Plan.Extended), every other unit by the period's.
func (a *Asker) due(ctx context.Context, plan schedule.Plan, w schedule.Window, done map[string]bool, asked map[string]time.Time) ([]schedule.Action, error) {
	ext, err := a.Ledger.Extensions(ctx, plan.Form, w.Period.String())
	if err != nil || len(ext) == 0 {
		return plan.Due(w, a.now(), done, asked), err
	}
	skip := maps.Clone(done)
	if skip == nil {
		skip = map[string]bool{}
	}
	for unit := range ext {
		skip[unit] = true
	}
	out := plan.Due(w, a.now(), skip, asked)
	for _, unit := range plan.Units {
		e, ok := ext[unit]
		if !ok || done[unit] {
			continue
		}
		one := plan
		one.Units = []string{unit}
		out = append(out, one.Due(one.Extended(w, e.Deadline, a.Office.Calendar), a.now(), done, asked)...)
	}
	return out, nil
}
