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
	Label    string    // the plan's Label: the period's name in letters and templates, when set
	// Late marks a template sent when a reminder or nag was already due (tonghop started late,
	// or the unit was added late): it is the one mail the unit gets, worded for a deadline that
	// is close or past, and it stands for that step, which is not sent.
	Late bool
}

// Due returns what must be sent at now for window w. done holds the units that have sent a
// valid file for the period; asked, for each unit whose template is queued already, when that
// template leaves (or left). A unit gets its template first, alone: a step already due then is
// left out, the template marked Late, and so is any step due before the template leaves; after
// that, the latest step due, once. So a unit never gets a template and a reminder at once.
func (pl Plan) Due(w Window, now time.Time, done map[string]bool, asked map[string]time.Time) []Action {
	if now.Before(w.TemplateAt) || now.After(w.End()) {
		return nil
	}
	var out []Action
	latest, ok := latestStep(w.Steps, now)
	for _, unit := range pl.Units {
		if done[unit] {
			continue
		}
		base := Action{Form: pl.Form, Period: w.Period, Unit: unit, Deadline: w.Deadline, Label: pl.Label}
		leaves, queued := asked[unit]
		switch {
		case !queued:
			tpl := base
			tpl.Kind, tpl.At, tpl.Late = KindTemplate, w.TemplateAt, ok
			out = append(out, tpl)
		case ok && latest.At.After(leaves):
			out = append(out, pl.stepAction(base, latest))
		}
	}
	return out
}

// stepAction is the reminder or nag of step for a unit, copying the supervisor and listing the
// unit in the digest from the configured nags on.
func (pl Plan) stepAction(base Action, step Step) Action {
	a := base
	a.Kind, a.N, a.At = step.Kind, step.N, step.At
	isNag := step.Kind == KindNag
	a.Escalate = isNag && pl.EscalateFrom > 0 && step.N >= pl.EscalateFrom
	a.Digest = isNag && pl.DigestFrom > 0 && step.N >= pl.DigestFrom
	return a
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
