package period

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Shift says where a deadline falling on a day off moves.
type Shift int

// Where deadlines on days off go.
const (
	ShiftPrevious Shift = iota // to the previous working day: the default, as offices do
	ShiftNext                  // to the next working day
)

// ParseShift reads "previous" ("before", "trước") or "next" ("after", "sau"); "" is previous.
func ParseShift(s string) (Shift, error) {
	switch fold(strings.TrimSpace(s)) {
	case "", "previous", "before", "truoc", "ngay truoc":
		return ShiftPrevious, nil
	case "next", "after", "sau", "ngay sau":
		return ShiftNext, nil
	}
	return 0, fmt.Errorf("%q: expected \"previous\" (the working day before) or \"next\" (the working day after)", s)
}

// String returns "previous" or "next".
func (s Shift) String() string {
	if s == ShiftNext {
		return "next"
	}
	return "previous"
}

// Override is a deadline moved by hand for one period ("the leader moved this week's deadline").
type Override struct {
	At   time.Time
	Note string // why, as the clerk wrote it
}

// Policy is a form's whole deadline setting: its rule, where a deadline falling on a day off
// moves, and the deadlines moved by hand for single periods.
type Policy struct {
	Rule      Rule
	DayOff    Shift
	Overrides map[Period]Override
}

// Placement is a deadline with how it was placed, for people checking it.
type Placement struct {
	At         time.Time
	Nominal    time.Time // where the rule put it before moving off a day off (zero for overrides)
	Overridden bool      // At comes from an Override
	Note       string    // the override's note
}

// Moved reports whether the deadline was moved off a day off.
func (pl Placement) Moved() bool {
	return !pl.Overridden && !pl.At.Equal(pl.Nominal)
}

// EventTimes tells when another form's event happened for period p; ok is false while it has
// not happened yet.
type EventTimes func(ev Event, p Period) (at time.Time, ok bool)

// ErrEventPending is returned by Place while the event a rule counts from has not happened:
// the period has no deadline yet.
var ErrEventPending = errors.New("the event the deadline counts from has not happened yet")

// Place returns the deadline of p: the override if one is set, else the rule's day moved off
// a day off as DayOff says. events may be nil when the rule needs none.
func (pol Policy) Place(p Period, cal Calendar, events EventTimes) (Placement, error) {
	if o, ok := pol.Overrides[p]; ok {
		return Placement{At: o.At.In(cal.loc()), Overridden: true, Note: o.Note}, nil
	}
	nominal, err := pol.Rule.nominal(p, cal)
	if errors.Is(err, ErrEventUnknown) {
		ev, _ := pol.Rule.Event()
		at, ok := time.Time{}, false
		if events != nil {
			at, ok = events(ev, p)
		}
		if !ok {
			return Placement{}, fmt.Errorf("deadline of %s: %s: %w", p, ev, ErrEventPending)
		}
		nominal, err = pol.Rule.After(at, cal), nil
	}
	if err != nil {
		return Placement{}, err
	}
	at := cal.PrevWorkingDay(nominal)
	if pol.DayOff == ShiftNext && pol.Rule.form != formLastWorkingDay {
		at = cal.NextWorkingDay(nominal)
	}
	return Placement{At: keepInWeek(at, nominal, p, cal), Nominal: nominal}, nil
}

// keepInWeek keeps a week's deadline moved back off a day off inside its own week: when going
// back leaves the week (Tết 2027: Thursday 11/02 of week 6, whose Monday to Thursday are off,
// would fall on 04/02 with week 5's), the deadline moves forward to the week's next working
// day instead (Friday 12/02). A week without a working day keeps the deadline moved back.
func keepInWeek(at, nominal time.Time, p Period, cal Calendar) time.Time {
	loc := cal.loc()
	if p.Kind != Week || !at.Before(p.Start(loc)) || nominal.Before(p.Start(loc)) || !nominal.Before(p.End(loc)) {
		return at
	}
	if next := cal.NextWorkingDay(nominal); next.Before(p.End(loc)) {
		return next
	}
	return at
}
