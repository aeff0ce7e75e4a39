package daemon

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// Outbox kinds.
const (
	kindTemplate      = schedule.KindTemplate
	kindReminder      = schedule.KindReminder
	kindNag           = schedule.KindNag
	kindReceipt       = "receipt"
	kindRejection     = "rejection"
	kindUnknownSender = "unknown_sender"
)

func (d *Daemon) office() mailer.Office {
	o := d.cfg.Office
	return mailer.Office{Name: o.Name, Desk: o.Desk, Phone: o.Phone, Email: d.cfg.SMTP.From}
}

// contact is the first clerk of the configuration, named in letters as the person to call.
func (d *Daemon) contact() mailer.Contact {
	for _, p := range d.cfg.People {
		for _, r := range p.Roles {
			if r == "clerk" {
				return mailer.Contact{Name: p.Name, Title: p.Title, Email: p.Emails[0]}
			}
		}
	}
	return mailer.Contact{}
}

// request describes what a unit was asked for; a form or period it cannot name stays empty.
func (d *Daemon) request(formCode, periodName string) mailer.Request {
	r := mailer.Request{FormCode: formCode}
	f, ok := d.cfg.Form(formCode)
	if !ok {
		return r
	}
	r.FormTitle = f.Title
	p, err := period.Parse(periodName)
	if err != nil {
		return r
	}
	r.Period = p.Label()
	if w, err := d.plans[f.Code].Window(p, d.cal); err == nil {
		r.Deadline = w.Deadline.In(d.cfg.Location)
	}
	return r
}

// reply addresses an answer to a received message, threaded under it.
func reply(msg *intake.Message, kind, key string, l mailer.Letter) ledger.OutMail {
	m := ledger.OutMail{Key: key, Kind: kind, To: []string{msg.From.Addr}, Subject: l.Subject, Body: l.Body}
	if msg.MessageID != "" {
		m.InReplyTo = msg.MessageID
		m.References = append(append([]string(nil), msg.References...), msg.MessageID)
	}
	return m
}

func (d *Daemon) receiptMail(msg *intake.Message, unit config.Unit, subs []ledger.Submission, sha string) ledger.OutMail {
	first := subs[0]
	r := mailer.Receipt{
		Office: d.office(), Contact: d.contact(), Unit: unit.Name, Request: d.request(first.Form, first.Period),
		Version: first.Version, ReceivedAt: d.now().In(d.cfg.Location),
	}
	for _, s := range subs {
		r.Files = append(r.Files, s.FileName)
		r.Warnings = append(r.Warnings, submissionWarnings(s)...)
	}
	return reply(msg, kindReceipt, "receipt:"+sha, mailer.ReceiptLetter(r))
}

// submissionWarnings returns the warnings recorded with a submission, for its receipt.
func submissionWarnings(s ledger.Submission) []form.Problem {
	var p struct {
		Warnings []form.Problem `json:"warnings"`
	}
	if err := json.Unmarshal(s.Problems, &p); err != nil {
		return nil
	}
	return p.Warnings
}

func (d *Daemon) rejectionMail(msg *intake.Message, unit config.Unit, files []fileProblems, sha string) ledger.OutMail {
	first := files[0]
	r := mailer.Rejection{
		Office: d.office(), Contact: d.contact(), Unit: unit.Name, Request: d.request(first.Form, first.Period),
		Reason: rejectReason(first.Problems), ReceivedAt: d.now().In(d.cfg.Location), OriginalSubject: msg.Subject,
	}
	for _, f := range files {
		if f.File != "" {
			r.Files = append(r.Files, f.File)
		}
		for _, p := range f.Problems {
			if len(files) > 1 && f.File != "" {
				p.Message = fmt.Sprintf("(tệp “%s”) %s", f.File, p.Message)
			}
			r.Problems = append(r.Problems, p)
		}
	}
	return reply(msg, kindRejection, "rejection:"+sha, mailer.RejectionLetter(r))
}

// rejectReason picks the letter's explanation from the first problem's code.
func rejectReason(problems []form.Problem) mailer.RejectReason {
	if len(problems) == 0 {
		return mailer.RejectInvalid
	}
	switch problems[0].Code {
	case codeNoWorkbook:
		return mailer.RejectNoWorkbook
	case "unreadable", codeUnreadable:
		return mailer.RejectUnreadable
	case "unknown_form":
		return mailer.RejectUnknownForm
	}
	return mailer.RejectInvalid
}

// unknownSenderMail answers an address no unit owns, at most once a day per address so that a
// robot writing to the mailbox cannot start a loop.
func (d *Daemon) unknownSenderMail(msg *intake.Message, now time.Time) ledger.OutMail {
	l := mailer.UnknownSenderLetter(mailer.UnknownSender{
		Office: d.office(), Contact: d.contact(), Address: msg.From.Addr,
		ReceivedAt: now.In(d.cfg.Location), OriginalSubject: msg.Subject,
	})
	key := fmt.Sprintf("unknown-sender:%s:%s", strings.ToLower(msg.From.Addr), now.In(d.cfg.Location).Format("2006-01-02"))
	return reply(msg, kindUnknownSender, key, l)
}

// actionMail writes the template, reminder or nag of a scheduled action.
func (d *Daemon) actionMail(a schedule.Action) (ledger.OutMail, error) {
	unit, _ := d.cfg.Unit(a.Unit)
	req := d.request(a.Form, a.Period.String())
	m := ledger.OutMail{Key: a.Key(), Kind: a.Kind, To: unit.Emails, NotBefore: a.At, CreatedAt: d.now()}
	now := d.now().In(d.cfg.Location)
	var l mailer.Letter
	switch a.Kind {
	case kindTemplate:
		att, err := d.templateAttachment(a)
		if err != nil {
			return m, err
		}
		m.Attachments = []ledger.Attachment{att}
		l = mailer.TemplateLetter(mailer.Template{Office: d.office(), Contact: d.contact(), Unit: unit.Name, Request: req, FileName: att.Name})
	case kindReminder:
		l = mailer.ReminderLetter(mailer.Reminder{Office: d.office(), Contact: d.contact(), Unit: unit.Name, Request: req, Now: now})
	case kindNag:
		nag := mailer.Nag{Office: d.office(), Contact: d.contact(), Unit: unit.Name, Request: req, Now: now, Escalated: a.Escalate}
		if sup, ok := d.cfg.Person(unit.Supervisor); ok && a.Escalate {
			nag.SupervisorTitle, nag.SupervisorName = sup.Title, sup.Name
			m.Cc = sup.Emails
		}
		l = mailer.NagLetter(nag)
	default:
		return m, fmt.Errorf("unknown action kind %q", a.Kind)
	}
	m.Subject, m.Body = l.Subject, l.Body
	return m, nil
}
