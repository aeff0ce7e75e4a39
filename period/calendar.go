package period

import (
	"fmt"
	"slices"
	"time"
)

// dateLayout is how calendar dates are written in the configuration.
const dateLayout = "2006-01-02"

// Calendar knows which days an office works: Monday to Friday (or the days Weekend leaves),
// except the public holidays the law sets (Public: Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 …)
// and the days off the government announces each year (Holidays), plus the days worked to
// compensate for a bridged holiday (Workdays). Methods interpret and return times in Loc. The
// zero Calendar is usable: default zone, no holidays, Saturday and Sunday off, default hours.
type Calendar struct {
	Loc      *time.Location  // office zone; nil means DefaultLocation()
	Holidays map[string]bool // "2026-09-02" → day off
	Workdays map[string]bool // "2026-10-10" → working day even if a weekend or holiday
	// Public returns the statutory days off of a year, date ("2026-04-27") → Vietnamese name;
	// nil means none. It is called often: the caller memoizes it.
	Public func(year int) map[string]string
	// Weekend lists the weekly days off; nil means Saturday and Sunday.
	Weekend []time.Weekday

	// Working hours; a zero Clock means the default (07:30–11:30, 13:30–17:00).
	// AfternoonEnd is also the deadline time of rules that name none.
	MorningStart, MorningEnd, AfternoonStart, AfternoonEnd Clock
}

// NewCalendar builds a Calendar from dates written "YYYY-MM-DD", with the default working
// hours. A date may not be both a holiday and a working day.
func NewCalendar(loc *time.Location, holidays, workdays []string) (Calendar, error) {
	c := Calendar{
		Loc:            orDefault(loc),
		Holidays:       make(map[string]bool, len(holidays)),
		Workdays:       make(map[string]bool, len(workdays)),
		MorningStart:   defaultMorningStart,
		MorningEnd:     defaultMorningEnd,
		AfternoonStart: defaultAfternoonStart,
		AfternoonEnd:   defaultAfternoonEnd,
	}
	if err := addDates(c.Holidays, "holidays", holidays); err != nil {
		return Calendar{}, err
	}
	if err := addDates(c.Workdays, "workdays", workdays); err != nil {
		return Calendar{}, err
	}
	for i, s := range workdays {
		if c.Holidays[s] {
			return Calendar{}, fmt.Errorf("workdays[%d] %q: also listed as a holiday; a date is either a day off or a working day", i, s)
		}
	}
	return c, nil
}

func addDates(set map[string]bool, field string, dates []string) error {
	for i, s := range dates {
		if _, err := time.Parse(dateLayout, s); err != nil {
			return fmt.Errorf("%s[%d] %q: expected a date written YYYY-MM-DD, such as 2026-09-02", field, i, s)
		}
		set[s] = true
	}
	return nil
}

// Validate reports working hours that are out of order.
func (c Calendar) Validate() error {
	h := c.hours()
	for i := 1; i < len(h); i++ {
		if h[i].minutes() <= h[i-1].minutes() {
			return fmt.Errorf("working hours %s–%s, %s–%s: each time must be later than the one before",
				h[0], h[1], h[2], h[3])
		}
	}
	return nil
}

func (c Calendar) loc() *time.Location {
	return orDefault(c.Loc)
}

// hours returns the effective morning start and end, afternoon start and end.
func (c Calendar) hours() [4]Clock {
	return [4]Clock{
		c.MorningStart.orDefault(defaultMorningStart),
		c.MorningEnd.orDefault(defaultMorningEnd),
		c.AfternoonStart.orDefault(defaultAfternoonStart),
		c.AfternoonEnd.orDefault(defaultAfternoonEnd),
	}
}

// EndOfDay returns the end of the working day (AfternoonEnd, 17:00 by default) on t's date.
func (c Calendar) EndOfDay(t time.Time) time.Time {
	return c.hours()[3].On(t, c.loc())
}

// IsWorkingDay reports whether the office works on t's date: an explicit workday, or a day
// that is neither a holiday nor a weekly day off.
func (c Calendar) IsWorkingDay(t time.Time) bool {
	t = t.In(c.loc())
	var buf [len(dateLayout)]byte
	key := appendDate(buf[:0], t)
	if c.Workdays[string(key)] {
		return true
	}
	// The weekly day off first: it needs no lookup, and the public holidays' is the costliest.
	if c.isWeekend(t.Weekday()) || c.Holidays[string(key)] {
		return false
	}
	if c.Public != nil {
		_, public := c.Public(t.Year())[string(key)]
		return !public
	}
	return true
}

// DayOff reports whether t's date is a day off and why: the name of the public holiday, a
// day off the office announced, or the weekly day off. An explicit workday is never off.
func (c Calendar) DayOff(t time.Time) (Reason, bool) {
	t = t.In(c.loc())
	var buf [len(dateLayout)]byte
	key := appendDate(buf[:0], t)
	if c.Workdays[string(key)] {
		return Reason{}, false
	}
	if c.Public != nil {
		if name, ok := c.Public(t.Year())[string(key)]; ok {
			return Reason{Kind: OffPublic, Name: name}, true
		}
	}
	if c.Holidays[string(key)] {
		return Reason{Kind: OffAnnounced, Name: announcedDayOffName}, true
	}
	if c.isWeekend(t.Weekday()) {
		return Reason{Kind: OffWeekly, Name: WeekdayName(t.Weekday())}, true
	}
	return Reason{}, false
}

// appendDate appends t's date as dateLayout writes it ("2026-09-02"). The calendar looks dates
// up on every working-day question; written by hand into the caller's array, and looked up as
// string(key) (which Go does without a copy), a date costs no allocation and no layout parsing.
func appendDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, dateLayout) // years of other widths, as Format writes them
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// Reason says why a day is off.
type Reason struct {
	Kind OffKind
	Name string // Vietnamese: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Chủ nhật", …
}

// OffKind classifies days off.
type OffKind int

// Kinds of days off.
const (
	OffNone      OffKind = iota
	OffPublic            // a public holiday set by law, or its compensatory day
	OffAnnounced         // a day off listed in the configuration (announced for the year)
	OffWeekly            // the weekly day off
)

func (c Calendar) isWeekend(d time.Weekday) bool {
	if c.Weekend == nil {
		return d == time.Saturday || d == time.Sunday
	}
	return slices.Contains(c.Weekend, d)
}

// addDays moves t by n calendar days in loc, keeping the clock time.
func addDays(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+n, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

// PrevWorkingDay returns t if it falls on a working day, else the same clock time on the
// latest working day before it.
func (c Calendar) PrevWorkingDay(t time.Time) time.Time {
	return c.seekWorkingDay(t.In(c.loc()), -1)
}

// NextWorkingDay returns t if it falls on a working day, else the same clock time on the
// earliest working day after it.
func (c Calendar) NextWorkingDay(t time.Time) time.Time {
	return c.seekWorkingDay(t.In(c.loc()), 1)
}

// seekWorkingDay steps one day at a time; it ends because only finitely many weekdays can be
// holidays.
func (c Calendar) seekWorkingDay(t time.Time, dir int) time.Time {
	for !c.IsWorkingDay(t) {
		t = addDays(t, dir)
	}
	return t
}

// AddWorkingDays moves t by n working days, keeping the clock time: AddWorkingDays(t, 5) is
// the fifth working day after t's date ("within 5 working days"), and a negative n counts
// back. t itself need not be a working day (Saturday plus 1 is Monday); n == 0 returns t.
func (c Calendar) AddWorkingDays(t time.Time, n int) time.Time {
	t = t.In(c.loc())
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		t = c.seekWorkingDay(addDays(t, dir), dir)
	}
	return t
}

// WorkingDaysBetween counts the working days after a's date up to and including b's date, so
// that WorkingDaysBetween(a, AddWorkingDays(a, n)) == n. It is negative when b's date is
// before a's; clock times are ignored.
func (c Calendar) WorkingDaysBetween(a, b time.Time) int {
	loc := c.loc()
	ay, am, ad := a.In(loc).Date()
	by, bm, bd := b.In(loc).Date()
	from := time.Date(ay, am, ad, 12, 0, 0, 0, loc)
	to := time.Date(by, bm, bd, 12, 0, 0, 0, loc)
	sign := 1
	if to.Before(from) {
		from, to, sign = to, from, -1
	}
	count := 0
	for d := addDays(from, 1); !d.After(to); d = addDays(d, 1) {
		if c.IsWorkingDay(d) {
			count++
		}
	}
	return sign * count
}

// InWorkingHours reports whether t falls on a working day within the morning or afternoon
// session (start inclusive, end exclusive).
func (c Calendar) InWorkingHours(t time.Time) bool {
	t = t.In(c.loc())
	if !c.IsWorkingDay(t) {
		return false
	}
	h, now := c.hours(), 60*t.Hour()+t.Minute()
	return (now >= h[0].minutes() && now < h[1].minutes()) || (now >= h[2].minutes() && now < h[3].minutes())
}

// NextWorkingTime returns t if it is within working hours, else the start of the next
// session: the scheduler uses it so that reminders do not leave at night or on a holiday.
func (c Calendar) NextWorkingTime(t time.Time) time.Time {
	t = t.In(c.loc())
	if c.InWorkingHours(t) {
		return t
	}
	h := c.hours()
	if c.IsWorkingDay(t) {
		for _, start := range []Clock{h[0], h[2]} {
			if s := start.On(t, c.loc()); t.Before(s) {
				return s
			}
		}
	}
	next := c.NextWorkingDay(addDays(h[0].On(t, c.loc()), 1))
	return h[0].On(next, c.loc())
}

// SessionStartBefore returns the start of the latest working session (morning or afternoon
// of a working day) that begins strictly before t. A reminder that would fall outside working
// hours and whose next working time is already too late moves there instead.
func (c Calendar) SessionStartBefore(t time.Time) time.Time {
	t = t.In(c.loc())
	h := c.hours()
	day := t
	for range 3660 { // ten years of days off in a row cannot happen; the bound only guards the loop
		if c.IsWorkingDay(day) {
			for _, start := range []Clock{h[2], h[0]} {
				if s := start.On(day, c.loc()); s.Before(t) {
					return s
				}
			}
		}
		day = addDays(day, -1)
	}
	return t
}
