package period

import (
	"errors"
	"fmt"
	"time"
)

// Check reports whether the rule makes sense for periods of kind k: a weekday only for
// weeks, a day of the month for any kind longer than a week, a fixed date for quarters, halves,
// 9 months and years, "last working day" for all.
func (r Rule) Check(k Kind) error {
	if !k.valid() {
		return fmt.Errorf("period kind %q: expected week, month, quarter, half, 9m or year", string(k))
	}
	switch r.form {
	case formNone:
		return errors.New("empty deadline rule")
	case formWeekday:
		if k != Week {
			return fmt.Errorf("rule %q names a weekday, which fits only week periods, not %s; "+
				"use \"day 20\" or \"last working day\"", r, k)
		}
	case formMonthDay:
		if k == Week {
			return fmt.Errorf("rule %q names a day of the month, which does not fit week periods; "+
				"use a weekday such as \"thu 15:00\"", r)
		}
	case formDate:
		if k == Week || k == Month {
			return fmt.Errorf("rule %q names a fixed date, which fits quarter, half, 9m and year periods, not %s; "+
				"use \"day 20\"", r, k)
		}
	}
	return nil
}

// Deadline returns the deadline of period p under rule r, in cal's zone. The day is found
// inside p (a weekday of the week, a day of the period's last month, a date in the period's
// year, the period's last working day, working days after its start or end); a day past the
// month's end becomes its last day; a day off moves back to the previous working day, keeping
// the time. Without a time the deadline is at the end of the working day (cal's AfternoonEnd,
// 17:00 by default). A rule counted from another form's event returns ErrEventUnknown: see
// Policy.Place.
func (r Rule) Deadline(p Period, cal Calendar) (time.Time, error) {
	nominal, err := r.nominal(p, cal)
	if err != nil {
		return time.Time{}, err
	}
	return cal.PrevWorkingDay(nominal), nil
}

// nominal returns the deadline before it is moved off a day off.
func (r Rule) nominal(p Period, cal Calendar) (time.Time, error) {
	if err := p.Valid(); err != nil {
		return time.Time{}, fmt.Errorf("deadline of %s: %w", p, err)
	}
	if err := r.Check(p.Kind); err != nil {
		return time.Time{}, fmt.Errorf("deadline of %s: %w", p, err)
	}
	if r.form == formAfter {
		switch r.event.Kind {
		case EventPeriodStart:
			return r.After(p.Start(cal.loc()), cal), nil
		case EventPeriodEnd:
			return r.After(p.End(cal.loc()).Add(-time.Hour), cal), nil
		}
		return time.Time{}, fmt.Errorf("deadline of %s: rule %q: %w", p, r, ErrEventUnknown)
	}
	y, m, d := r.day0(p)
	day := time.Date(y, m, d, 12, 0, 0, 0, cal.loc())
	if r.form == formDate && day.Before(p.Start(cal.loc())) {
		return time.Time{}, &BeforeStartError{Period: p, Rule: r, Date: day, Start: p.Start(cal.loc())}
	}
	at := cal.sessionEnd(r.session) // the afternoon's end, unless the rule says the morning
	if r.hasTime {
		at = r.at
	}
	return at.On(day, cal.loc()), nil
}

// day0 returns the nominal deadline date, before moving off days off.
func (r Rule) day0(p Period) (int, time.Month, int) {
	switch r.form {
	case formWeekday:
		y, m, d := weekMonday(p.Year, p.N)
		return y, m, d + (int(r.weekday)+6)%7
	case formMonthDay:
		last := p.Kind.lastMonth(p.N)
		return p.Year, time.Month(last), min(r.day, daysIn(p.Year, last))
	case formDate:
		y := p.Year
		if r.nextYear {
			y++
		}
		return y, time.Month(r.month), min(r.day, daysIn(y, r.month))
	}
	return p.lastDay()
}

// BeforeStartError is a fixed date that falls before the period it is the deadline of: "15/06"
// for the second half of the year.
type BeforeStartError struct {
	Period      Period
	Rule        Rule
	Date, Start time.Time
}

func (e *BeforeStartError) Error() string {
	return fmt.Sprintf("deadline of %s: rule %q gives %s, before the period starts on %s",
		e.Period, e.Rule, e.Date.Format("02/01/2006"), e.Start.Format("02/01/2006"))
}

// FixedDate reports whether the rule names a date of the year ("15/06", "10/01 next year"),
// which fits one quarter or half of the year, not each.
func (r Rule) FixedDate() bool {
	return r.form == formDate
}

// DatePeriod is the period of kind k of year y a fixed date most likely closes: the one before
// when the date falls in the first month of a period ("07/07" closes H1, not H2), else the one
// holding it; the year's last for a date of the next year. Other rules give the zero Period.
func (r Rule) DatePeriod(k Kind, y int) Period {
	if r.form != formDate || !k.valid() {
		return Period{}
	}
	if r.nextYear {
		return Of(k, time.Date(y, 12, 31, 12, 0, 0, 0, time.UTC))
	}
	day := time.Date(y, time.Month(r.month), min(r.day, daysIn(y, r.month)), 12, 0, 0, 0, time.UTC)
	p := Of(k, day)
	if p.N > 1 && day.Before(p.Start(time.UTC).AddDate(0, 1, 0)) {
		return p.Prev()
	}
	return p
}
