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
	n    int
	unit offsetUnit
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
// h (hours), d (calendar days) or wd (working days), case-insensitive, without spaces.
func ParseOffset(s string) (Offset, error) {
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
	return o.n == 0
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
		return addDays(t.In(cal.loc()), o.n)
	case unitWorkingDay:
		return cal.AddWorkingDays(t, o.n)
	}
	return t
}

// String returns the canonical form, such as "-2d" or "1wd"; the zero Offset is "0m".
func (o Offset) String() string {
	unit := o.unit
	if unit == "" {
		unit = unitMinute
	}
	return strconv.Itoa(o.n) + string(unit)
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
