package daemon

import (
	"fmt"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/schedule"
)

// scheduledRequest describes what a scheduled action asks for, with the deadline the schedule
// already placed (request would place it again).
func (d *Daemon) scheduledRequest(a schedule.Action, deadline time.Time) letters.Request {
	r := letters.Request{FormCode: a.Form, Period: a.Period.Label(), Deadline: deadline.In(d.o.Location)}
	if f, ok := d.o.Form(a.Form); ok {
		r.FormTitle = f.Title
	}
	return r
}

// actionMail writes the template, reminder or nag of a scheduled action; each carries the
// unit's template, so that a unit that lost the first mail can still answer this one.
func (d *Daemon) actionMail(a schedule.Action) (ledger.OutMail, error) {
	unit, _ := d.o.Unit(a.Unit)
	req := d.scheduledRequest(a, a.Deadline)
	m := ledger.OutMail{Key: a.Key(), Kind: a.Kind, To: unit.Emails, NotBefore: a.At, CreatedAt: d.now()}
	att, err := d.templateAttachment(a)
	if err != nil {
		return m, err
	}
	m.Attachments = []ledger.Attachment{att}
	now := d.now().In(d.o.Location)
	var l letters.Letter
	switch a.Kind {
	case ledger.KindTemplate:
		l = letters.TemplateLetter(letters.Template{Office: d.o.Letterhead(), Contact: d.o.Contact(), Unit: unit.Name, Request: req, FileName: att.Name})
	case ledger.KindReminder:
		l = letters.ReminderLetter(letters.Reminder{Office: d.o.Letterhead(), Contact: d.o.Contact(), Unit: unit.Name, Request: req, Now: now, FileName: att.Name})
	case ledger.KindNag:
		nag := letters.Nag{Office: d.o.Letterhead(), Contact: d.o.Contact(), Unit: unit.Name, Request: req, Now: now, Escalated: a.Escalate, FileName: att.Name}
		if sup, ok := d.o.Person(unit.Supervisor); ok && a.Escalate {
			nag.SupervisorTitle, nag.SupervisorName = sup.Title, sup.Name
			m.Cc = sup.Emails
		}
		l = letters.NagLetter(nag)
	default:
		return m, fmt.Errorf("unknown action kind %q", a.Kind)
	}
	m.Subject, m.Body = l.Subject, l.Body
	return m, nil
}
