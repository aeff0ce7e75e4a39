package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/prefill"
	"github.com/tonghop/tonghop/templates"
)

// behaviour is how a simulated unit answers its templates.
type behaviour int

const (
	onTime     behaviour = iota // answers a few office hours after the template arrives
	late                        // answers the day after the deadline, once nagged
	withErrors                  // answers on time with mistakes, then corrects them when told
	silent                      // never answers
)

func (b behaviour) String() string {
	return [...]string{"on time", "late", "mistakes, then corrected", "silent"}[b]
}

// agent plays one unit's clerk: reads the unit's mailbox over IMAP like a mail client, fills the
// workbook it received and sends it back over SMTP.
type agent struct {
	unit      sampleUnit
	index     int
	behaviour behaviour
	delay     time.Duration // office time between receiving a template and answering it
	env       *environment

	inbox   mailboxReader
	pending []reply
	// submitted maps the Message-ID of each mail sent to the job it answered, so a reply to it
	// (an error list) can be told apart.
	submitted map[string]job
	corrected map[string]bool
	answered  map[string]bool // jobs answered already: reminders carry the template again
	// answeredFiles holds the names of the templates answered, each naming its form, period and
	// unit: a reminder's copy is known by its name without reading the workbook again.
	answeredFiles map[string]bool
	promised      bool // the late unit answered a reminder with a promise
	sent          int
}

// job is one template to answer.
type job struct {
	form     form.Form
	ident    form.Ident
	label    string // period label, "Tháng 11/2026"
	fileName string
	template []byte
	deadline time.Time
	// results are the rows the template came with in its results sheet: the tasks the unit
	// planned for the period, each to be marked done or carried over.
	results []form.Row
}

func (j job) key() string { return j.ident.Form + "/" + j.ident.Period }

type reply struct {
	at       time.Time
	job      job
	mistakes bool
	zipped   bool   // the workbook goes inside a .zip, as some clerks send it
	text     string // a message without a workbook, answering inReplyTo
	inReply  string
}

func (a *agent) connect(addr string) error {
	return a.inbox.connect(addr, a.unit.Email())
}

func (a *agent) close() { a.inbox.close() }

// step reads new mail and sends the answers that are due at now.
func (a *agent) step(ctx context.Context, now time.Time) error {
	msgs, err := a.inbox.fetchNew()
	if err != nil {
		return err
	}
	for _, raw := range msgs {
		msg, err := intake.Parse(raw, intake.Limits{})
		if err != nil {
			return fmt.Errorf("unit %s: read mail: %w", a.unit.Code, err)
		}
		a.read(msg, now)
	}
	var keep []reply
	for _, r := range a.pending {
		if r.at.After(now) {
			keep = append(keep, r)
			continue
		}
		if err := a.send(ctx, r, now); err != nil {
			return err
		}
	}
	a.pending = keep
	return nil
}

// read reacts to one received mail the way the unit's clerk would.
func (a *agent) read(msg *intake.Message, now time.Time) {
	if j, ok := a.submitted[msg.InReplyTo]; ok {
		// An answer to a file we sent: an error list makes the careless unit correct its file.
		key := j.key()
		if a.behaviour == withErrors && !a.corrected[key] && len(msg.Attachments) == 0 {
			a.corrected[key] = true
			a.pending = append(a.pending, reply{at: a.env.officeTime(now.Add(2 * time.Hour)), job: j, zipped: true})
		}
		return
	}
	if a.behaviour == late && !a.promised && len(msg.Spreadsheets()) == 0 && strings.Contains(msg.Subject, "Nhắc hạn") {
		// A person answers the reminder in words; tonghop shows it to the Planning Office.
		a.promised = true
		a.pending = append(a.pending, reply{at: a.env.officeTime(now.Add(time.Hour)), inReply: msg.MessageID,
			text: "Dạ, đơn vị đang tổng hợp số liệu từ các doanh nghiệp, em sẽ gửi báo cáo ngay khi xong ạ."})
		return
	}
	for _, att := range msg.Spreadsheets() {
		if a.behaviour == silent || a.answeredFiles[att.Name] {
			continue // a reminder carries again a template answered already: no need to read it
		}
		j, ok := a.env.jobFor(att)
		if !ok || a.answered[j.key()] {
			continue
		}
		a.answered[j.key()] = true
		a.answeredFiles[att.Name] = true
		r := reply{job: j, at: a.env.officeTime(now.Add(a.delay)), mistakes: a.behaviour == withErrors}
		if a.behaviour == late {
			r.at = a.env.officeTime(j.deadline.Add(26 * time.Hour))
		}
		if r.at.After(j.deadline) && a.behaviour != late {
			r.at = j.deadline.Add(-time.Hour)
		}
		a.pending = append(a.pending, r)
	}
}

// fill writes the unit's answer into its template.
func (a *agent) fill(j job, mistakes bool, now time.Time) ([]byte, error) {
	p, err := period.Parse(j.ident.Period)
	if err != nil {
		return nil, fmt.Errorf("unit %s: template of period %q: %w", a.unit.Code, j.ident.Period, err)
	}
	data := sampleData(j.form, p, a.index, now, mistakes)
	if len(j.results) > 0 {
		// The template lists last period's tasks: the clerk reports on those, adding none.
		delete(data.Tables, prefill.ResultsTable)
	}
	out, err := templates.Fill(j.template, j.form, data)
	if err == nil && len(j.results) > 0 {
		out, err = templates.FillRows(out, j.form, prefill.ResultsTable, answerResults(j.form, j.results, a.index))
	}
	if err != nil {
		return nil, fmt.Errorf("unit %s: fill %s: %w", a.unit.Code, j.ident.Form, err)
	}
	return out, nil
}
