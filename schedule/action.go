package schedule

import (
	"time"

	"github.com/tonghop/tonghop/period"
)

// Action is something to send to one unit. Package ask turns it into an outbox mail, whose
// key and kind are the ledger's.
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
