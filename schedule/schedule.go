// Package schedule decides, as a pure function of the time, which templates, reminders and nags
// are due for a form: no database, no mail. The daemon turns each Action into an outbox mail whose
// idempotency key is Action.Key, so deciding the same thing twice sends it once.
//
// Only the latest due step of each unit is returned: a daemon that was stopped for three days
// sends one reminder when it comes back, not the three it missed.
package schedule

import (
	"fmt"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Plan is the calendar of one form, read from the configuration.
type Plan struct {
	Form         string
	Kind         period.Kind
	Rule         period.Rule
	PlansNext    bool            // due in the period before the one it covers (work programs)
	SendTemplate period.Offset   // when the template goes out: a negative offset from the deadline
	Reminders    []period.Offset // negative offsets from the deadline
	Nags         []period.Offset // positive offsets from the deadline
	EscalateFrom int             // 1-based nag from which the supervisor is copied; 0: never
	Units        []string
	Since        time.Time // windows whose deadline is before it are left alone (going live mid-period)
}

// Window is one period of a form with its key times.
type Window struct {
	Period     period.Period
	Deadline   time.Time
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

// Action is something to send to one unit.
type Action struct {
	Kind     string
	Form     string
	Period   period.Period
	Unit     string
	N        int  // step number for reminders and nags
	Escalate bool // copy the unit's supervisor
	Deadline time.Time
	At       time.Time // when it became due
}

// Key is the action's idempotency key, e.g. "nag:BM.02.01/KH:2026-11:QLDN:2".
func (a Action) Key() string {
	if a.Kind == KindTemplate {
		return fmt.Sprintf("%s:%s:%s:%s", a.Kind, a.Form, a.Period, a.Unit)
	}
	return fmt.Sprintf("%s:%s:%s:%s:%d", a.Kind, a.Form, a.Period, a.Unit, a.N)
}

// Window computes the key times of period p.
func (pl Plan) Window(p period.Period, cal period.Calendar) (Window, error) {
	due := p
	if pl.PlansNext {
		due = p.Prev()
	}
	deadline, err := pl.Rule.Deadline(due, cal)
	if err != nil {
		return Window{}, fmt.Errorf("deadline of %s %s: %w", pl.Form, p, err)
	}
	w := Window{Period: p, Deadline: deadline, TemplateAt: cal.PrevWorkingDay(pl.SendTemplate.From(deadline, cal))}
	for i, o := range pl.Reminders {
		at := cal.PrevWorkingDay(o.From(deadline, cal))
		if at.Before(deadline) {
			w.Steps = append(w.Steps, Step{Kind: KindReminder, N: i + 1, At: at})
		}
	}
	for i, o := range pl.Nags {
		w.Steps = append(w.Steps, Step{Kind: KindNag, N: i + 1, At: cal.NextWorkingDay(o.From(deadline, cal))})
	}
	return w, nil
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

// Active returns the windows open at now: template sent or due, and the last nag not yet past.
func (pl Plan) Active(now time.Time, cal period.Calendar) ([]Window, error) {
	p := period.Of(pl.Kind, now.In(cal.Loc)).Prev()
	var out []Window
	for range 4 {
		w, err := pl.Window(p, cal)
		if err != nil {
			return nil, err
		}
		if !now.Before(w.TemplateAt) && !now.After(w.End()) && !w.Deadline.Before(pl.Since) {
			out = append(out, w)
		}
		p = p.Next()
	}
	return out, nil
}

// Due returns what must be sent at now for window w; done holds the units that have sent a
// valid file for the period.
func (pl Plan) Due(w Window, now time.Time, done map[string]bool) []Action {
	if now.Before(w.TemplateAt) || now.After(w.End()) {
		return nil
	}
	var out []Action
	latest, ok := latestStep(w.Steps, now)
	for _, unit := range pl.Units {
		if done[unit] {
			continue
		}
		base := Action{Form: pl.Form, Period: w.Period, Unit: unit, Deadline: w.Deadline}
		tpl := base
		tpl.Kind, tpl.At = KindTemplate, w.TemplateAt
		out = append(out, tpl)
		if !ok {
			continue
		}
		step := base
		step.Kind, step.N, step.At = latest.Kind, latest.N, latest.At
		step.Escalate = latest.Kind == KindNag && pl.EscalateFrom > 0 && latest.N >= pl.EscalateFrom
		out = append(out, step)
	}
	return out
}

// latestStep is the last step due at now.
func latestStep(steps []Step, now time.Time) (Step, bool) {
	var best Step
	found := false
	for _, s := range steps {
		if !s.At.After(now) && (!found || !s.At.Before(best.At)) {
			best, found = s, true
		}
	}
	return best, found
}
