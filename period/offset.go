package period

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Offset is a signed distance in time written "2d", "-1d", "4h", "30m" or "1wd" (working
// days), used by the scheduler for reminders ("-2d": two days before the deadline).
type Offset struct {
	n       int
	unit    offsetUnit
	at      Clock // time of day of the result, when hasAt
	hasAt   bool
	morning bool // the start of the working morning of the result's day
}

type offsetUnit string

const (
	unitMinute     offsetUnit = "m"
	unitHour       offsetUnit = "h"
	unitDay        offsetUnit = "d"
	unitWorkingDay offsetUnit = "wd"
)

// maxOffset bounds the count so that working-day arithmetic stays quick (99999 working days
// are close to four centuries).
const maxOffset = 99999

// ParseOffset reads an Offset: an optional sign, a whole number and a unit, m (minutes),
// h (hours), d (calendar days) or wd (working days), case-insensitive, without spaces; a day
// offset may be followed by a time of day ("-1wd 08:00": the working day before, at 08:00).
// "morning" ("sáng", "buổi sáng") is the start of the working morning of the same day.
func ParseOffset(s string) (Offset, error) {
	switch fold(strings.Join(strings.Fields(s), " ")) {
	case "morning", "sang", "buoi sang", "the morning":
		return Offset{unit: unitDay, morning: true}, nil
	}
	if fields := strings.Fields(s); len(fields) == 2 && looksLikeClock(strings.ToLower(fields[1])) {
		o, err := ParseOffset(fields[0])
		if err != nil {
			return Offset{}, err
		}
		c, clockErr := ParseClock(fields[1])
		if clockErr != nil || (o.unit != unitDay && o.unit != unitWorkingDay && !o.IsZero()) {
			return Offset{}, fmt.Errorf("offset %q: only a day offset may take a time of day, such as \"-1wd 08:00\"", s)
		}
		if o.IsZero() {
			o.unit = unitDay
		}
		o.at, o.hasAt = c, true
		return o, nil
	}
	text := strings.ToLower(strings.TrimSpace(s))
	cut := strings.IndexFunc(text, func(r rune) bool { return r >= 'a' && r <= 'z' })
	if cut < 0 {
		return Offset{}, fmt.Errorf("offset %q: the unit is missing; expected a number and m, h, d or wd, such as -2d or 1wd", s)
	}
	number, unit := text[:cut], offsetUnit(text[cut:])
	switch unit {
	case unitMinute, unitHour, unitDay, unitWorkingDay:
	default:
		return Offset{}, fmt.Errorf("offset %q: unknown unit %q; expected m, h, d or wd, such as -2d or 1wd", s, unit)
	}
	sign := 1
	if rest, ok := strings.CutPrefix(number, "-"); ok {
		number, sign = rest, -1
	} else if rest, ok := strings.CutPrefix(number, "+"); ok {
		number = rest
	}
	n, ok := digits(number, len(number))
	if !ok || number == "" || len(number) > 5 {
		return Offset{}, fmt.Errorf("offset %q: expected a whole number of at most %d before the unit, such as -2d or 1wd", s, maxOffset)
	}
	if n == 0 {
		return Offset{}, nil // "0d" and "-0h" are all the zero Offset, so they compare equal
	}
	return Offset{n: sign * n, unit: unit}, nil
}

// IsZero reports whether o does not move a time.
func (o Offset) IsZero() bool {
	return o.n == 0 && !o.hasAt && !o.morning
}

// Negative reports whether o moves a time back (a time of day on the same day counts as
// neither: "morning" and "0d 08:00" are not negative).
func (o Offset) Negative() bool {
	return o.n < 0
}

// From returns t moved by o. Minutes and hours are exact durations; calendar days keep the
// clock time in cal's zone; working days use cal.AddWorkingDays. The result is not moved
// into working hours; see Calendar.NextWorkingTime for that.
func (o Offset) From(t time.Time, cal Calendar) time.Time {
	switch o.unit {
	case unitMinute:
		return t.Add(time.Duration(o.n) * time.Minute)
	case unitHour:
		return t.Add(time.Duration(o.n) * time.Hour)
	case unitDay:
		t = addDays(t.In(cal.loc()), o.n)
	case unitWorkingDay:
		t = cal.AddWorkingDays(t, o.n)
	}
	switch {
	case o.morning:
		return cal.hours()[0].On(t, cal.loc())
	case o.hasAt:
		return o.at.On(t, cal.loc())
	}
	return t
}

// String returns the canonical form, such as "-2d", "1wd", "-1wd 08:00" or "morning"; the
// zero Offset is "0m".
func (o Offset) String() string {
	if o.morning {
		return "morning"
	}
	unit := o.unit
	if unit == "" {
		unit = unitMinute
	}
	s := strconv.Itoa(o.n) + string(unit)
	if o.hasAt {
		s += " " + o.at.String()
	}
	return s
}

// MarshalText implements encoding.TextMarshaler.
func (o Offset) MarshalText() ([]byte, error) {
	return []byte(o.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, so offsets decode from TOML.
func (o *Offset) UnmarshalText(b []byte) error {
	v, err := ParseOffset(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}
