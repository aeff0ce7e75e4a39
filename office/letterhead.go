package office

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/templates"
)

// Letterhead is the office as its letters sign: name, collecting desk, phone, shared mailbox;
// and the desk's clerks, to whom its notices are addressed.
func (o *Office) Letterhead() letters.Office {
	c := o.Config.Office
	head := letters.Office{Name: c.Name, Desk: c.Desk, Phone: c.Phone, Email: o.SMTP.From, Clerks: People(o.Clerks())}
	if o.Config.Web != nil { // issue 22: the clerks' letters link to the board's pages
		head.Board, head.HasBoard = o.Config.Web.PublicURL, true
	}
	return head
}

// Contact is the first clerk of the configuration, named in letters as the person to call.
func (o *Office) Contact() letters.Contact {
	clerks := o.Clerks()
	if len(clerks) == 0 {
		return letters.Contact{}
	}
	p := clerks[0]
	return letters.Contact{Name: p.Name, Title: p.Title, Email: p.Emails[0]}
}

// ClerkAddresses are every address of every clerk: where drafts and notices go.
func (o *Office) ClerkAddresses() []string {
	var to []string
	for _, p := range o.Clerks() {
		to = append(to, p.Emails...)
	}
	return to
}

// Request describes what a unit was asked for; a form or period it cannot name stays empty.
// events answers deadlines counted from other forms' events (see EventTimes).
func (o *Office) Request(formCode, periodName string, events period.EventTimes) letters.Request {
	r := letters.Request{FormCode: formCode}
	f, ok := o.Form(formCode)
	if !ok {
		return r
	}
	r.FormTitle = f.Title
	p, err := period.Parse(periodName)
	if err != nil {
		return r
	}
	r.Period = p.Label()
	if w, err := o.Plans[f.Code].Window(p, o.Calendar, events); err == nil { // a one-off period: none here
		r.Deadline = w.Deadline.In(o.Location)
	}
	return r
}

// PeriodLabel names the period as the form's workbooks print it: "Tháng 11/2026", followed by
// the days the data covers when the form cuts its data off on a day of the month.
func (o *Office) PeriodLabel(f *config.Form, p period.Period) string {
	label := p.Label()
	if f.CutoffDay > 0 {
		label += " " + period.CoverageLabel(p.Coverage(f.CutoffDay, o.Location))
	}
	return label
}

// TemplateMeta is what unit's template of form f for period p says about itself: the office,
// the unit, the period, its deadline by the form's calendar, where to send it, and the key
// signing its identification. A template made without a ledger (events nil) leaves out a
// deadline counted from another form's issue rather than guess it.
func (o *Office) TemplateMeta(f *config.Form, unit config.Unit, p period.Period, events period.EventTimes) (templates.Meta, error) {
	if p.Kind == period.Once { // the request's deadline is in the ledger: none stated here
		return o.TemplateMetaAt(f, unit, p, time.Time{}), nil
	}
	if !f.Period.Has(string(p.Kind)) {
		return templates.Meta{}, fmt.Errorf("period %s is a %s, form %s is reported by %s", p, p.Kind, f.Code, f.Period)
	}
	if events == nil {
		events = o.EventTimes(context.Background(), nil, nil)
	}
	var deadline time.Time
	w, err := o.Plans[f.Code].Window(p, o.Calendar, events)
	switch {
	case err == nil:
		deadline = w.Deadline
	case errors.Is(err, schedule.ErrNotCollected):
		return templates.Meta{}, fmt.Errorf("%s %s: %w", f.Code, p, err)
	case !errors.Is(err, period.ErrEventPending):
		return templates.Meta{}, fmt.Errorf("deadline of %s %s: %w", f.Code, p, err)
	}
	return o.TemplateMetaAt(f, unit, p, deadline), nil
}

// TemplateMetaAt is TemplateMeta with the deadline already placed (zero: none stated).
func (o *Office) TemplateMetaAt(f *config.Form, unit config.Unit, p period.Period, deadline time.Time) templates.Meta {
	m := templates.Meta{
		Office: o.Config.Office.Name, UnitCode: unit.Code, UnitName: unit.Name,
		Period: p.String(), PeriodLabel: o.PeriodLabel(f, p),
		ReplyTo: o.SMTP.From, Secret: o.Key,
	}
	if !deadline.IsZero() {
		m.Deadline = deadline.In(o.Location)
	}
	return m
}
