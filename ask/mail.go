package ask

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/templates"
)

// archiveCopy is a generated workbook to file in the archive (see office.Archive) once its
// mail is queued.
type archiveCopy struct {
	rel  string
	data []byte
}

// queueAction puts the mail of one action in the outbox unless it is there already, to leave
// at the next working time; the template it carries goes to p, to be filed in the archive.
func (a *Asker) queueAction(ctx context.Context, act schedule.Action, p *pass) error {
	m, err := scheduledMail(act)
	if err != nil {
		return err
	}
	if err := a.queueMail(ctx, act, m, p); err != nil {
		return fmt.Errorf("%s: %w", m.Key, err)
	}
	return nil
}

// scheduledMail is the outbox mail of a scheduled action, before its letter is written: its
// kind, its key and what it asks for.
func scheduledMail(act schedule.Action) (ledger.OutMail, error) {
	about := ledger.About{Form: act.Form, Period: act.Period.String(), Unit: act.Unit, Step: act.N}
	m := ledger.OutMail{About: about}
	switch act.Kind {
	case schedule.KindTemplate:
		m.Kind, m.Key = ledger.KindTemplate, ledger.TemplateKey(about.Form, about.Period, about.Unit)
	case schedule.KindReminder:
		m.Kind, m.Key = ledger.KindReminder, ledger.ReminderKey(about.Form, about.Period, about.Unit, act.N)
	case schedule.KindNag:
		m.Kind, m.Key = ledger.KindNag, ledger.NagKey(about.Form, about.Period, about.Unit, act.N)
	default:
		return m, fmt.Errorf("unknown action kind %q", act.Kind)
	}
	return m, nil
}

// queueMail writes and enqueues m, the mail of act. A new reminder or nag cancels the unit's
// earlier steps still waiting, so that a daemon catching up sends the step due now, not a
// burst of stale ones.
func (a *Asker) queueMail(ctx context.Context, act schedule.Action, m ledger.OutMail, p *pass) error {
	if queued, err := a.Ledger.InOutbox(ctx, m.Key); err != nil || queued {
		return err
	}
	m.NotBefore = a.Office.Calendar.NextWorkingTime(a.now())
	workbook, err := a.writeMail(ctx, act, &m)
	if err != nil {
		return err
	}
	detail := m.Subject
	if len(m.Cc) > 0 {
		detail += " (cc " + m.Cc[0] + ")"
	}
	_, created, err := a.Ledger.Enqueue(ctx, m, a.event(ledger.Queued(m.Kind), "unit:"+act.Unit, detail))
	if err != nil {
		return err
	}
	p.copies = append(p.copies, workbook)
	if !created || m.Kind == ledger.KindTemplate {
		return nil
	}
	for _, kind := range []ledger.Kind{ledger.KindReminder, ledger.KindNag} {
		prefix := ledger.StepsPrefix(kind, m.About.Form, m.About.Period, m.About.Unit)
		if _, err := a.Ledger.CancelPending(ctx, prefix, m.Key, "superseded by "+m.Key, a.now()); err != nil {
			return err
		}
	}
	return nil
}

// writeMail writes the template, reminder or nag of a scheduled action into m; each carries the
// unit's template, so that a unit that lost the first mail can still answer this one. It
// returns the template's copy for the archive too.
func (a *Asker) writeMail(ctx context.Context, act schedule.Action, m *ledger.OutMail) (archiveCopy, error) {
	unit, _ := a.Office.Unit(act.Unit)
	req := a.scheduledRequest(act, act.Deadline)
	m.To, m.CreatedAt = unit.Emails, a.now()
	att, workbook, err := a.templateAttachment(ctx, act)
	if err != nil {
		return workbook, err
	}
	m.Attachments = []ledger.Attachment{att}
	now := a.now().In(a.Office.Location)
	head, contact := a.Office.Letterhead(), a.Office.Contact()
	var l letters.Letter
	switch m.Kind {
	case ledger.KindTemplate:
		tpl := letters.Template{Office: head, Contact: contact, Unit: unit.Name, Request: req, FileName: att.Name,
			Word: a.wordAccepted(act.Form, unit)}
		if act.Late { // worded for when it arrives: the deadline today, tomorrow or past
			tpl.Late, tpl.Now = true, m.NotBefore.In(a.Office.Location)
		}
		l = letters.TemplateLetter(tpl)
	case ledger.KindReminder:
		l = letters.ReminderLetter(letters.Reminder{Office: head, Contact: contact, Unit: unit.Name, Request: req, Now: now, FileName: att.Name})
	case ledger.KindNag:
		nag := letters.Nag{Office: head, Contact: contact, Unit: unit.Name, Request: req, Now: now, FileName: att.Name}
		if sup, ok := a.copied(act, unit); ok { // the letter names the leader only when they are copied
			nag.Copied = letters.Person{Title: sup.Title, Name: sup.Name}
			m.Cc = sup.Emails
		}
		l = letters.NagLetter(nag)
	}
	m.Subject, m.Body = l.Subject, l.Body
	return workbook, nil
}

// copied is the leader an escalated nag to unit is copied to: its supervisor, when one is
// configured with an address. ok is false when nobody is copied.
func (a *Asker) copied(act schedule.Action, unit config.Unit) (config.Person, bool) {
	if !act.Escalate {
		return config.Person{}, false
	}
	sup, ok := a.Office.Person(unit.Supervisor)
	return sup, ok && len(sup.Emails) > 0
}

// templateAttachment generates the unit's workbook for the action's period and stores it in
// the ledger's blobs; it returns the workbook's copy for the archive as well.
func (a *Asker) templateAttachment(ctx context.Context, act schedule.Action) (ledger.Attachment, archiveCopy, error) {
	f, _ := a.Office.Form(act.Form)
	unit, _ := a.Office.Unit(act.Unit)
	var buf bytes.Buffer
	meta := a.Office.TemplateMetaAt(f, unit, act.Period, act.Deadline)
	if act.Label != "" {
		meta.PeriodLabel = act.Label
	}
	prefill, err := a.Office.Prefill(ctx, a.Ledger, f, unit, act.Period)
	if err != nil {
		return ledger.Attachment{}, archiveCopy{}, fmt.Errorf("prefill template: %w", err)
	}
	if err := templates.Generate(&buf, a.Office.Workbook(f, unit), meta, prefill); err != nil {
		return ledger.Attachment{}, archiveCopy{}, fmt.Errorf("generate template: %w", err)
	}
	sha, err := a.Ledger.PutBlob(buf.Bytes())
	if err != nil {
		return ledger.Attachment{}, archiveCopy{}, err
	}
	name := templates.FileName(f.Form, unit.Code, act.Period.String())
	workbook := archiveCopy{rel: a.Office.ArchivePath(f.Code, act.Period.String(), office.TemplateFolder, name), data: buf.Bytes()}
	return ledger.Attachment{Name: name, ContentType: mailer.ContentTypeXLSX, SHA256: sha}, workbook, nil
}

// scheduledRequest describes what a scheduled action asks for, with the deadline the schedule
// already placed (office.Request would place it again).
func (a *Asker) scheduledRequest(act schedule.Action, deadline time.Time) letters.Request {
	r := letters.Request{FormCode: act.Form, Period: act.Period.Label(), Deadline: deadline.In(a.Office.Location)}
	if act.Label != "" {
		r.Period = act.Label
	}
	if f, ok := a.Office.Form(act.Form); ok {
		r.FormTitle = f.Title
	}
	return r
}

// wordAccepted says whether the unit may send its report of form code as a Word document: the
// form is narrative sections alone for it (issue 20, part W; the receive stage reads them).
func (a *Asker) wordAccepted(code string, unit config.Unit) bool {
	f, ok := a.Office.Form(code)
	if !ok {
		return false
	}
	layout := a.Office.Workbook(f, unit)
	return len(layout.Narrative) > 0 && len(layout.Tables) == 0 && len(layout.Indicators) == 0
}
