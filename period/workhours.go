package period

import "time"

// maxIdleDays bounds the search for working time in AddWorkingDuration: ten years without a
// single working session means the calendar is misconfigured (every weekday off), and the
// loop must still end.
const maxIdleDays = 3660

// sessions returns the morning and afternoon working sessions of day's date, as half-open
// intervals [start, end), or nothing when the office does not work that day.
func (c Calendar) sessions(day time.Time) [][2]time.Time {
	if !c.IsWorkingDay(day) {
		return nil
	}
	h, loc := c.hours(), c.loc()
	return [][2]time.Time{
		{h[0].On(day, loc), h[1].On(day, loc)},
		{h[2].On(day, loc), h[3].On(day, loc)},
	}
}

// noonOf returns noon on t's date in the office zone: a safe anchor to step from day to day.
func (c Calendar) noonOf(t time.Time) time.Time {
	y, m, d := t.In(c.loc()).Date()
	return time.Date(y, m, d, 12, 0, 0, 0, c.loc())
}

// WorkingDuration returns the working time between a and b: the part of [a, b) that falls
// inside the morning or afternoon session of a working day. Reminders of the approval chain
// count "one working day without an answer" with it, so that a request sent on Friday
// afternoon is not chased on Monday at 07:30. It is 0 when b is not after a.
func (c Calendar) WorkingDuration(a, b time.Time) time.Duration {
	if !b.After(a) {
		return 0
	}
	var total time.Duration
	for day := c.noonOf(a); !c.startOfDay(day).After(b); day = addDays(day, 1) {
		for _, s := range c.sessions(day) {
			from, to := latest(s[0], a), earliest(s[1], b)
			if to.After(from) {
				total += to.Sub(from)
			}
		}
	}
	return total
}

// startOfDay returns midnight at the start of day's date in the office zone.
func (c Calendar) startOfDay(day time.Time) time.Time {
	y, m, d := day.In(c.loc()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, c.loc())
}

// AddWorkingDuration returns the earliest instant at which d of working time has elapsed
// after t, so that WorkingDuration(t, AddWorkingDuration(t, d)) == d. Time outside working
// sessions does not count: one working hour after Friday 16:30 is Monday 08:00. When d ends
// exactly at the close of a session the result is that close (11:30), not the next opening.
// A d of zero or less returns t unchanged. The result is in the calendar's zone.
func (c Calendar) AddWorkingDuration(t time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return t
	}
	t = t.In(c.loc())
	day := c.noonOf(t)
	for idle := 0; idle < maxIdleDays; day = addDays(day, 1) {
		idle++
		for _, s := range c.sessions(day) {
			if !s[1].After(t) {
				continue
			}
			idle = 0
			from := latest(s[0], t)
			left := s[1].Sub(from)
			if d <= left {
				return from.Add(d)
			}
			d -= left
		}
	}
	return day
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
