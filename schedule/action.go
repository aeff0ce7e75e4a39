package schedule

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Action is something to send to one unit.
type Action struct {
	Kind     string
	Form     string
	Period   period.Period
	Unit     string
	N        int  // step number for reminders and nags
	Escalate bool // copy the unit's supervisor
	Digest   bool // list the unit in the office's daily digest of late units
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

// StepsPrefix is the key prefix shared by the reminders or nags (kind) of one unit for one
// period: cancelling by it stops them.
func StepsPrefix(kind, form string, p period.Period, unit string) string {
	return fmt.Sprintf("%s:%s:%s:%s:", kind, form, p, unit)
}

// ParseKey reads back the kind, form, period, unit and step number of an action's key; ok is
// false for keys that are not an action's. A form code may itself contain colons.
func ParseKey(key string) (Action, bool) {
	parts := strings.Split(key, ":")
	var a Action
	switch {
	case len(parts) >= 4 && parts[0] == KindTemplate:
		a.Kind, a.Unit = KindTemplate, parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	case len(parts) >= 5 && (parts[0] == KindReminder || parts[0] == KindNag):
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil || n < 1 {
			return Action{}, false
		}
		a.Kind, a.N, a.Unit = parts[0], n, parts[len(parts)-2]
		parts = parts[:len(parts)-2]
	default:
		return Action{}, false
	}
	p, err := period.Parse(parts[len(parts)-1])
	if err != nil || a.Unit == "" {
		return Action{}, false
	}
	a.Period, a.Form = p, strings.Join(parts[1:len(parts)-1], ":")
	return a, a.Form != ""
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
		isNag := latest.Kind == KindNag
		step.Escalate = isNag && pl.EscalateFrom > 0 && latest.N >= pl.EscalateFrom
		step.Digest = isNag && pl.DigestFrom > 0 && latest.N >= pl.DigestFrom
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
