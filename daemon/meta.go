package daemon

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// TemplateMeta is what unit's template of form f for period p says about itself: the office, the
// unit, the period, its deadline by the form's calendar, where to send it, and the key signing
// its identification. The daemon and the template command build templates alike through it.
func TemplateMeta(c *config.Config, key []byte, f *config.Form, unit config.Unit, p period.Period) (templates.Meta, error) {
	if string(p.Kind) != f.Period {
		return templates.Meta{}, fmt.Errorf("period %s is a %s, form %s is reported by %s", p, p.Kind, f.Code, f.Period)
	}
	cal, plans, err := Calendar(c)
	if err != nil {
		return templates.Meta{}, err
	}
	// A template made by hand has no ledger: a deadline counted from another form's issue is
	// left out of it rather than guessed.
	var deadline time.Time
	w, err := plans[f.Code].Window(p, cal, EventTimes(context.Background(), nil, plans, cal, nil))
	switch {
	case err == nil:
		deadline = w.Deadline
	case !errors.Is(err, period.ErrEventPending):
		return templates.Meta{}, fmt.Errorf("deadline of %s %s: %w", f.Code, p, err)
	}
	return templateMeta(c, key, f, unit, p, deadline), nil
}

func templateMeta(c *config.Config, key []byte, f *config.Form, unit config.Unit, p period.Period, deadline time.Time) templates.Meta {
	m := templates.Meta{
		Office: c.Office.Name, UnitCode: unit.Code, UnitName: unit.Name,
		Period: p.String(), PeriodLabel: PeriodLabel(c, f, p),
		ReplyTo: c.SMTP.From, Secret: key,
	}
	if !deadline.IsZero() {
		m.Deadline = deadline.In(c.Location)
	}
	return m
}

// PeriodLabel names the period as the form's workbooks print it: "Tháng 11/2026", followed by
// the days the data covers when the form cuts its data off on a day of the month.
func PeriodLabel(c *config.Config, f *config.Form, p period.Period) string {
	label := p.Label()
	if f.CutoffDay > 0 {
		label += " " + period.CoverageLabel(p.Coverage(f.CutoffDay, c.Location))
	}
	return label
}
