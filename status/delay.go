package status

import "time"

// Delay is a length of time as tonghop states it to people: a unit's lateness in its receipt
// and in the status table, the time left in a reminder. There is one rounding, here, so that a
// receipt saying "gửi quá hạn 35 phút" and the status saying "quá hạn 35 phút" never disagree.
type Delay struct {
	Days, Hours, Minutes int
}

// DelayOf rounds d up to the whole minute: a started minute counts, so a file a few seconds
// late is one minute late (never "0 minutes", never on time), and 34 min 20 s is 35 minutes.
// Anything under a minute, zero or negative, is one minute.
func DelayOf(d time.Duration) Delay {
	minutes := 1
	if d > time.Minute {
		minutes = int((d + time.Minute - 1) / time.Minute)
	}
	return Delay{Days: minutes / (24 * 60), Hours: minutes / 60 % 24, Minutes: minutes % 60}
}

// DelayUnit names a part of a Delay.
type DelayUnit int

// Units of a DelayPart.
const (
	UnitDay DelayUnit = iota
	UnitHour
	UnitMinute
)

// DelayPart is one number of a written delay, with its unit.
type DelayPart struct {
	N    int
	Unit DelayUnit
}

// Parts are the two largest units of the delay, largest first, a zero second one left out:
// 2 days 3 hours (the minutes dropped), 5 hours 20 minutes, 5 hours, 45 minutes. Every writer
// of a delay writes these parts, in its own words.
func (d Delay) Parts() []DelayPart {
	switch {
	case d.Days > 0:
		return twoParts(DelayPart{d.Days, UnitDay}, DelayPart{d.Hours, UnitHour})
	case d.Hours > 0:
		return twoParts(DelayPart{d.Hours, UnitHour}, DelayPart{d.Minutes, UnitMinute})
	}
	return []DelayPart{{d.Minutes, UnitMinute}}
}

func twoParts(first, second DelayPart) []DelayPart {
	if second.N == 0 {
		return []DelayPart{first}
	}
	return []DelayPart{first, second}
}
