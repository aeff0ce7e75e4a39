package period

import (
	"fmt"
	"strings"
	"time"
)

// Clock is a time of day in an office, to the minute.
type Clock struct {
	Hour, Minute int
}

// Default working hours of Vietnamese public offices; the afternoon end is also the default
// deadline time.
var (
	defaultMorningStart   = Clock{7, 30}
	defaultMorningEnd     = Clock{11, 30}
	defaultAfternoonStart = Clock{13, 30}
	defaultAfternoonEnd   = Clock{17, 0}
)

// ParseClock reads "HH:MM" (also "H:MM", and the Vietnamese habits "15h", "15h30", "15g30").
func ParseClock(s string) (Clock, error) {
	c, ok := parseClock(strings.ToLower(strings.TrimSpace(s)))
	if !ok {
		return Clock{}, fmt.Errorf("time %q: expected HH:MM between 00:00 and 23:59, such as 17:00 or 15h30", s)
	}
	return c, nil
}

func parseClock(s string) (Clock, bool) {
	var hourText, minuteText string
	switch {
	case strings.Contains(s, ":"):
		hourText, minuteText, _ = strings.Cut(s, ":")
	case strings.HasSuffix(s, "h") || strings.HasSuffix(s, "g"):
		hourText, minuteText = s[:len(s)-1], "00"
	case strings.ContainsAny(s, "hg"):
		hourText, minuteText, _ = strings.Cut(strings.Replace(s, "g", "h", 1), "h")
	default:
		return Clock{}, false
	}
	hour, okHour := digits(hourText, len(hourText))
	minute, okMinute := digits(minuteText, 2)
	if !okHour || !okMinute || len(hourText) < 1 || len(hourText) > 2 || hour > 23 || minute > 59 {
		return Clock{}, false
	}
	return Clock{hour, minute}, true
}

// String returns "HH:MM".
func (c Clock) String() string {
	return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute)
}

// MarshalText implements encoding.TextMarshaler.
func (c Clock) MarshalText() ([]byte, error) {
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, so working hours decode from TOML.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func (c Clock) minutes() int {
	return 60*c.Hour + c.Minute
}

// On returns the instant at clock c on t's date in loc.
func (c Clock) On(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(orDefault(loc)).Date()
	return time.Date(y, m, d, c.Hour, c.Minute, 0, 0, orDefault(loc))
}

func (c Clock) orDefault(def Clock) Clock {
	if c == (Clock{}) {
		return def
	}
	return c
}
