package office

import (
	"fmt"
	"sync"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/holiday"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// Calendar builds the office's working calendar: the configured days off, working days, weekly
// days off and hours (config.BaseCalendar), and the public holidays computed for any year
// unless public_holidays = "none". The configuration must be valid.
func Calendar(c *config.Config) (period.Calendar, error) {
	cal, err := c.BaseCalendar()
	if err != nil {
		return period.Calendar{}, err
	}
	o := c.Office
	if o.PublicHolidays != config.PublicHolidaysNone {
		cal.Public = publicHolidays(holiday.Options{
			TetDaysBefore: o.TetDaysBefore, TetDaysAfter: o.TetDaysAfter,
			NationalDayAdjacent: o.NationalDayAdjacent, NoCompensation: !o.HolidayCompensation,
			Weekend: cal.Weekend,
		})
	}
	return cal, cal.Validate()
}

// publicHolidays memoizes holiday.Vietnam by year: the calendar asks for a year's days on
// every working-day question.
func publicHolidays(opts holiday.Options) func(year int) map[string]string {
	var mu sync.Mutex
	byYear := map[int]map[string]string{}
	return func(year int) map[string]string {
		mu.Lock()
		defer mu.Unlock()
		if days, ok := byYear[year]; ok {
			return days
		}
		days := map[string]string{}
		for _, d := range holiday.Vietnam(year, opts) {
			days[d.Date.Format("2006-01-02")] = d.Name
		}
		byYear[year] = days
		return days
	}
}

// plans turns the forms into schedule plans, by form code, one plan per kind of the form's
// periods: the one place that reads a form's calendar settings for running.
func plans(c *config.Config) (map[string]schedule.Plans, error) {
	out := map[string]schedule.Plans{}
	for i := range c.Forms {
		f := &c.Forms[i]
		pl, err := formPlans(c, f)
		if err != nil {
			return nil, fmt.Errorf("forms[%d] (%s): %w", i, f.Code, err)
		}
		out[f.Code] = pl
	}
	return out, nil
}

// formPlans is one plan per cadence, sharing the form's offsets and units. A form collected
// only by one-off requests has none: its plans are the requests' (RequestPlan).
func formPlans(c *config.Config, f *config.Form) (schedule.Plans, error) {
	fs, err := c.Schedule(f)
	if err != nil {
		return nil, err
	}
	var units []string
	for _, u := range c.FormUnits(f) {
		units = append(units, u.Code)
	}
	out := make(schedule.Plans, 0, len(fs.Cadences))
	for _, cd := range fs.Cadences {
		out = append(out, schedule.Plan{
			Form: f.Code, Kind: cd.Kind, Policy: cd.Policy, PlansNext: cd.PlansNext, Only: cd.Only,
			SendTemplate: fs.SendTemplate, Reminders: fs.Reminders, Nags: fs.Nags, NagEvery: fs.NagEvery,
			MaxNags: fs.MaxNags, EscalateFrom: f.EscalateFrom, DigestFrom: f.DigestFrom, Since: c.Start,
			Units: units,
		})
	}
	return out, nil
}
