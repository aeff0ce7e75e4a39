package daemon

import (
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
	plans, err := Plans(c)
	if err != nil {
		return templates.Meta{}, err
	}
	cal, err := period.NewCalendar(c.Location, c.Office.Holidays, c.Office.Workdays)
	if err != nil {
		return templates.Meta{}, err
	}
	w, err := plans[f.Code].Window(p, cal)
	if err != nil {
		return templates.Meta{}, fmt.Errorf("deadline of %s %s: %w", f.Code, p, err)
	}
	return templateMeta(c, key, unit, p, w.Deadline), nil
}

func templateMeta(c *config.Config, key []byte, unit config.Unit, p period.Period, deadline time.Time) templates.Meta {
	return templates.Meta{
		Office: c.Office.Name, UnitCode: unit.Code, UnitName: unit.Name,
		Period: p.String(), PeriodLabel: p.Label(), Deadline: deadline.In(c.Location),
		ReplyTo: c.SMTP.From, Secret: key,
	}
}
