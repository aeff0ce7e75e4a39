package demo

import (
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/prefill"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/templates"
)

// environment is what every simulated unit knows: the office's forms and calendar, and where to
// send mail.
type environment struct {
	cfg      *config.Config
	cal      period.Calendar
	plans    map[string]schedule.Plans
	key      []byte
	smtpHost string
	smtpPort int
}

// jobFor reads a received template the way a clerk reads its cover: which form, which period, by when.
func (e *environment) jobFor(att intake.Attachment) (job, bool) {
	rep, err := templates.Read(att.Data, e.cfg.Layouts(), e.key, templates.Limits{})
	if err != nil || rep == nil {
		return job{}, false
	}
	id := rep.Filled.Ident
	f, ok := e.cfg.Form(id.Form)
	if !ok {
		return job{}, false
	}
	p, err := period.Parse(id.Period)
	if err != nil {
		return job{}, false
	}
	w, err := e.plans[f.Code].Window(p, e.cal, nil)
	if err != nil {
		return job{}, false
	}
	return job{form: f.Form, ident: id, label: p.Label(), fileName: att.Name, template: att.Data, deadline: w.Deadline,
		results: rep.Filled.Tables[prefill.ResultsTable]}, true
}

// officeTime moves t into office hours: nobody answers mail at night or on Sunday.
func (e *environment) officeTime(t time.Time) time.Time { return e.cal.NextWorkingTime(t) }
