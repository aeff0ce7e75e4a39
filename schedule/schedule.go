// Package schedule decides, as a pure function of the time, which templates, reminders and nags
// are due for a form: no database, no mail. The daemon turns each Action into an outbox mail whose
// idempotency key is Action.Key, so deciding the same thing twice sends it once.
//
// Only the latest due step of each unit is returned: a daemon that was stopped for three days
// sends one reminder when it comes back, not the three it missed. A unit whose template has not
// gone out gets the template alone, marked Late when a step is already due (a daemon started on
// the deadline's day): one mail, never a template and a reminder at once. Steps fall in working hours:
// a reminder that the rule would put at lunch time or at night moves to the next session if that
// is still before the deadline, else to the session before; a nag moves to the next session.
package schedule

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Plan is the calendar of one form, read from the configuration.
type Plan struct {
	Form         string
	Kind         period.Kind
	Policy       period.Policy   // deadline rule, day-off shift, per-period overrides
	PlansNext    bool            // due in the period before the one it covers (work programs)
	SendTemplate period.Offset   // when the template goes out: a negative offset from the deadline
	Reminders    []period.Offset // negative offsets from the deadline (or "morning" of its day)
	Nags         []period.Offset // positive offsets from the deadline
	NagEvery     period.Offset   // after the listed nags, one more every NagEvery (zero: none)
	MaxNags      int             // nags in all, listed and repeated; 0 means DefaultMaxNags when NagEvery is set
	EscalateFrom int             // 1-based nag from which the supervisor is copied; 0: never
	DigestFrom   int             // 1-based nag from which the unit is listed in the office's digest; 0: never
	Units        []string
	Since        time.Time // windows whose deadline is before it are left alone (going live mid-period)
	// Only lists the numbers of the periods of Kind the form collects (`periods = ["Q1", "Q3"]`
	// gives 1 and 3); nil: all. It does not apply to 9m and year periods, which have none.
	Only []int
	// Opens, when set, is when the template goes out instead of SendTemplate before the
	// deadline: a one-off request's templates leave at once.
	Opens time.Time
	// Label, when set, names the period in letters and templates instead of its own label
	// (a one-off request's title).
	Label string
}

// ErrNotCollected is returned by Window for a period the plan does not ask for: one its
// `periods` leave out, a week without a working day, or a kind the form is not collected by.
var ErrNotCollected = errors.New("not collected")

// DefaultMaxNags bounds repeated nags when the configuration sets no limit: after the last one
// the unit gets no more mail, and `tonghop status` still shows it missing.
const DefaultMaxNags = 5

// Window is one period of a form with its key times.
type Window struct {
	Period     period.Period
	Due        period.Period // the period whose calendar placed the deadline (the one before, for work programs)
	Deadline   time.Time
	Placement  period.Placement
	TemplateAt time.Time // when units receive their template
	Steps      []Step    // reminders then nags, in time order
}

// Step is one reminder or nag of a window.
type Step struct {
	Kind string // KindReminder or KindNag
	N    int    // 1-based among steps of its kind
	At   time.Time
}

// Kinds of Action.
const (
	KindTemplate = "template"
	KindReminder = "reminder"
	KindNag      = "nag"
)

// Window computes the key times of period p. events tells when other forms' events happened;
// a deadline counted from one that has not happened yet gives an error wrapping
// period.ErrEventPending.
func (pl Plan) Window(p period.Period, cal period.Calendar, events period.EventTimes) (Window, error) {
	if err := pl.collects(p, cal); err != nil {
		return Window{}, fmt.Errorf("%s %s: %w", pl.Form, p, err)
	}
	return pl.window(p, cal, events)
}

// window is Window of a period the plan collects.
func (pl Plan) window(p period.Period, cal period.Calendar, events period.EventTimes) (Window, error) {
	due := p
	if pl.PlansNext {
		due = p.Prev()
	}
	placed, err := pl.place(p, due, cal, events)
	if err != nil {
		return Window{}, fmt.Errorf("deadline of %s %s: %w", pl.Form, p, err)
	}
	deadline := placed.At
	w := Window{Period: p, Due: due, Deadline: deadline, Placement: placed,
		TemplateAt: cal.PrevWorkingDay(pl.SendTemplate.From(deadline, cal))}
	if !pl.Opens.IsZero() {
		w.TemplateAt = pl.Opens
	}
	for i, o := range pl.Reminders {
		if at, ok := reminderTime(o.From(deadline, cal), deadline, cal); ok {
			w.Steps = append(w.Steps, Step{Kind: KindReminder, N: i + 1, At: at})
		}
	}
	return w.withNags(pl, cal), nil
}

// place finds the deadline: an override is set for the period the report covers (the one its
// file names), the rule applies to the period it is due in.
func (pl Plan) place(p, due period.Period, cal period.Calendar, events period.EventTimes) (period.Placement, error) {
	if o, ok := pl.Policy.Overrides[p]; ok {
		return period.Placement{At: o.At.In(cal.Loc), Overridden: true, Note: o.Note}, nil
	}
	rule := pl.Policy
	rule.Overrides = nil
	return rule.Place(due, cal, events)
}

// reminderTime moves a reminder into working hours, keeping it before the deadline.
func reminderTime(at, deadline time.Time, cal period.Calendar) (time.Time, bool) {
	if next := cal.NextWorkingTime(at); next.Before(deadline) {
		return next, true
	}
	if prev := cal.SessionStartBefore(at); !cal.InWorkingHours(at) && prev.Before(deadline) {
		return prev, true
	}
	return time.Time{}, false
}

// withNags adds the listed nags, then the repeated ones, each at the next working time and
// never on the same day as the nag before (two offsets landing on one Monday after a weekend
// would otherwise skip a step of the escalation).
func (w Window) withNags(pl Plan, cal period.Calendar) Window {
	var last time.Time
	add := func(n int, at time.Time) {
		at = cal.NextWorkingTime(at)
		if !last.IsZero() && (!at.After(last) || sameDay(at, last, cal.Loc)) {
			at = cal.NextWorkingTime(cal.AddWorkingDays(last, 1))
		}
		last = at
		w.Steps = append(w.Steps, Step{Kind: KindNag, N: n, At: at})
	}
	for i, o := range pl.Nags {
		add(i+1, o.From(w.Deadline, cal))
	}
	if pl.NagEvery.IsZero() {
		return w
	}
	limit := pl.MaxNags
	if limit == 0 {
		limit = DefaultMaxNags
	}
	for n := len(pl.Nags) + 1; n <= limit; n++ {
		from := w.Deadline
		if !last.IsZero() {
			from = last
		}
		add(n, pl.NagEvery.From(from, cal))
	}
	return w
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	if loc == nil {
		loc = period.DefaultLocation()
	}
	ay, am, ad := a.In(loc).Date()
	by, bm, bd := b.In(loc).Date()
	return ay == by && am == bm && ad == bd
}

// Grace is how long after its last step a window stays active, so that a step falling due
// while the daemon was stopped, or between two polls, is still sent when it runs again.
const Grace = 24 * time.Hour

// End is the last moment the window asks anything of units: its last step (or the deadline)
// plus Grace.
func (w Window) End() time.Time {
	end := w.Deadline
	for _, s := range w.Steps {
		if s.At.After(end) {
			end = s.At
		}
	}
	return end.Add(Grace)
}

// lookBack bounds how many past periods Active examines: a weekly form nagged every working day
// for weeks still ends well within it.
const lookBack = 60

// Active returns the windows open at now, oldest first: template sent or due, and the last
// step not yet past. Windows whose deadline waits for an event that has not happened are left
// out; they appear once it has. So are the periods not collected. A plan of one-off requests
// (Once) has no periods to step through: its caller asks Window of each request.
func (pl Plan) Active(now time.Time, cal period.Calendar, events period.EventTimes) ([]Window, error) {
	if pl.Kind == period.Once {
		return nil, nil
	}
	p := period.Of(pl.Kind, now.In(cal.Loc)).Next().Next()
	var out []Window
	ended := 0
	for i := 0; i < lookBack && ended < 3; i, p = i+1, p.Prev() {
		if pl.gap(p, cal) != collected {
			continue
		}
		w, err := pl.window(p, cal, events)
		if errors.Is(err, period.ErrEventPending) {
			continue
		}
		if err != nil {
			return nil, err
		}
		// Windows end in period order, so three ended in a row mean the older ones have too (an
		// override may move one deadline past its neighbours, not three).
		if now.After(w.End()) {
			ended++
		} else {
			ended = 0
		}
		if !now.Before(w.TemplateAt) && !now.After(w.End()) && !w.Deadline.Before(pl.Since) {
			out = append([]Window{w}, out...)
		}
	}
	return out, nil
}

// collects says why the plan does not ask for p (an error wrapping ErrNotCollected), or nil.
func (pl Plan) collects(p period.Period, cal period.Calendar) error {
	switch pl.gap(p, cal) {
	case otherKind:
		return fmt.Errorf("the form is not collected by %s: %w", p.Kind, ErrNotCollected)
	case leftOut:
		return fmt.Errorf("%s is not among the periods the form collects: %w", p.Suffix(), ErrNotCollected)
	case noWorkingDay:
		return fmt.Errorf("the week has no working day: %w", ErrNotCollected)
	}
	return nil
}

// gap is why a plan does not ask for a period.
type gap int

const (
	collected    gap = iota // it does ask for it
	otherKind               // a kind the form is not collected by
	leftOut                 // one its `periods` leave out
	noWorkingDay            // a week without a working day
)

// gap says why the plan does not ask for p, without the words of an error: Active asks it of
// every period it walks past, most of them not collected by a form of chosen periods.
func (pl Plan) gap(p period.Period, cal period.Calendar) gap {
	switch {
	case p.Kind != pl.Kind:
		return otherKind
	case len(pl.Only) > 0 && p.N != 0 && !slices.Contains(pl.Only, p.N):
		return leftOut
	case p.Kind == period.Week && !cal.HasWorkingDay(p):
		return noWorkingDay
	}
	return collected
}
