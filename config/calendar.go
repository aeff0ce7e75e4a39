package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Values of Office.PublicHolidays.
const (
	PublicHolidaysVietnam = "vietnam" // computed from the Labour Code 2019 and the lunar calendar
	PublicHolidaysNone    = "none"    // only the days listed in holidays
)

// DeadlineOverride moves one period's deadline by hand: the leader moved this week's deadline.
type DeadlineOverride struct {
	Period   string `toml:"period"`   // the period the report covers, as its file names it: "2026-W48"
	Deadline string `toml:"deadline"` // "2026-11-20 10:00" in the office zone
	Note     string `toml:"note"`     // why, for the deadlines listing and the audit
}

// BaseCalendar builds the office's working calendar from what the file lists: days off,
// working days, weekly days off and working hours. The public holidays computed for every year
// are added when the office is compiled (package office). The configuration must be valid.
func (c *Config) BaseCalendar() (period.Calendar, error) {
	o := c.Office
	cal, err := period.NewCalendar(c.Location, o.Holidays, o.Workdays)
	if err != nil {
		return period.Calendar{}, err
	}
	if cal.Weekend, err = weekdays(o.Weekend); err != nil {
		return period.Calendar{}, fmt.Errorf("weekend: %w", err)
	}
	if err := setHours(&cal, o.WorkingHours); err != nil {
		return period.Calendar{}, fmt.Errorf("working_hours: %w", err)
	}
	return cal, cal.Validate()
}

var weekdayCodes = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// weekdays reads "sat", "sun" …; nil stays nil (Saturday and Sunday).
func weekdays(list []string) ([]time.Weekday, error) {
	if list == nil {
		return nil, nil
	}
	out := []time.Weekday{}
	for _, s := range list {
		d, ok := weekdayCodes[strings.ToLower(strings.TrimSpace(s))]
		if !ok {
			return nil, fmt.Errorf("%q: expected mon, tue, wed, thu, fri, sat or sun", s)
		}
		out = append(out, d)
	}
	return out, nil
}

// setHours reads ["07:30-11:30", "13:30-17:00"]: the morning and the afternoon session.
func setHours(cal *period.Calendar, sessions []string) error {
	if len(sessions) == 0 {
		return nil
	}
	if len(sessions) != 2 {
		return fmt.Errorf("give two sessions, morning and afternoon, such as [\"07:30-11:30\", \"13:30-17:00\"]")
	}
	var clocks [4]period.Clock
	for i, s := range sessions {
		from, to, ok := strings.Cut(s, "-")
		start, err1 := period.ParseClock(from)
		end, err2 := period.ParseClock(to)
		if !ok || err1 != nil || err2 != nil {
			return fmt.Errorf("%q: expected a session written HH:MM-HH:MM, such as 07:30-11:30", s)
		}
		clocks[2*i], clocks[2*i+1] = start, end
	}
	cal.MorningStart, cal.MorningEnd, cal.AfternoonStart, cal.AfternoonEnd = clocks[0], clocks[1], clocks[2], clocks[3]
	return nil
}

func (c *Config) override(f *Form, o DeadlineOverride) (period.Period, time.Time, error) {
	p, err := period.Parse(o.Period)
	if err != nil {
		return period.Period{}, time.Time{}, err
	}
	if !f.Period.Has(string(p.Kind)) {
		return period.Period{}, time.Time{}, fmt.Errorf("period %s is not a %s period", p, f.Period)
	}
	at, err := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(o.Deadline), c.Location)
	if err != nil {
		return period.Period{}, time.Time{}, fmt.Errorf("deadline %q: expected \"YYYY-MM-DD HH:MM\", such as \"2026-11-20 10:00\"", o.Deadline)
	}
	return p, at, nil
}

// validateWorkingCalendar checks the office's calendar settings.
func (c *Config) validateWorkingCalendar(v *validator) {
	o := c.Office
	switch o.PublicHolidays {
	case PublicHolidaysVietnam, PublicHolidaysNone:
	default:
		v.add("office.public_holidays", "%q: expected \"vietnam\" or \"none\"", o.PublicHolidays)
	}
	switch o.NationalDayAdjacent {
	case "", "auto", "before", "after":
	default:
		v.add("office.national_day_adjacent", "%q: expected \"before\" (1/9), \"after\" (3/9) or \"auto\"", o.NationalDayAdjacent)
	}
	for key, n := range map[string]int{"tet_days_before": o.TetDaysBefore, "tet_days_after": o.TetDaysAfter} {
		if n < 0 || n > 10 {
			v.add("office."+key, "%d must be 0 (the default) to 10", n)
		}
	}
	if _, err := period.ParseClock(o.DigestTime); err != nil {
		v.add("office.digest_time", "%v", err)
	}
	if _, err := c.BaseCalendar(); err != nil {
		v.add("office", "%v", err)
	}
}
