package office

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// checkMonths is how far CheckSchedules looks ahead: two years, so that every period of a
// yearly form is met twice and a leap day once.
const checkMonths = 24

// maxCheckProblems bounds the problems told for one plan: one is enough to see the rule is
// wrong, three show the pattern.
const maxCheckProblems = 3

// CheckSchedules runs every form's plans over the periods whose deadlines fall in the 24 months
// from `from` and refuses what cannot be scheduled, naming the form, the period and the rule. It
// returns a *config.Errors, or nil. A deadline counted from another form's event, not known
// here, and a period the form does not collect are fine; a fixed date on a quarter or half form
// that collects each of them is refused even when it schedules ("07/07" would make the second
// half due in its first week); a form that collects no period at all is refused.
func (o *Office) CheckSchedules(from time.Time) error {
	var problems []string
	for i := range o.Forms {
		f := &o.Forms[i]
		plans := o.Plans[f.Code]
		for _, pl := range plans {
			name := fmt.Sprintf("forms[%d] (%s)", i, f.Code)
			key := name + ".deadline"
			if len(plans) > 1 {
				key += "." + string(pl.Kind) // [forms.deadline] half = "07/07"
			}
			problems = append(problems, o.checkPlan(name, key, pl, from)...)
		}
	}
	if len(problems) > 0 {
		return &config.Errors{Path: o.Path, Problems: problems}
	}
	return nil
}

// checkPlan returns the problems of one plan, each starting with name, or with key (its
// deadline's) when the rule alone is wrong.
func (o *Office) checkPlan(name, key string, pl schedule.Plan, from time.Time) []string {
	if pl.Kind == period.Once {
		return nil // a request's dates are its own, checked by tonghop request
	}
	loc := o.Calendar.Loc
	if loc == nil {
		loc = period.DefaultLocation()
	}
	until := from.AddDate(0, checkMonths, 0)
	var problems []string
	collected := 0
	for p := period.Of(pl.Kind, from.In(loc)).Prev(); p.Start(loc).Before(until); p = p.Next() {
		w, err := pl.Window(p, o.Calendar, nil)
		switch {
		case errors.Is(err, period.ErrEventPending):
			collected++
		case errors.Is(err, schedule.ErrNotCollected):
		case err != nil:
			// A period over before from is the same rule failing a year earlier: the next
			// ones are told.
			if len(problems) < maxCheckProblems && p.End(loc).After(from) {
				problems = append(problems, name+": "+p.String()+": "+describeScheduleError(err, pl, from.In(loc).Year()))
			}
		case !w.Deadline.Before(from):
			collected++
		}
	}
	// A period that cannot be scheduled says more than the rule's shape: told first.
	rule := pl.Policy.Rule
	if len(problems) == 0 && rule.FixedDate() && (pl.Kind == period.Quarter || pl.Kind == period.Half) && len(pl.Only) != 1 {
		return []string{fmt.Sprintf("%s: %q is a date, which fits one %s of the year; name it with periods = [%q]",
			key, rule, kindNoun(pl.Kind), rule.DatePeriod(pl.Kind, from.In(loc).Year()).Suffix())}
	}
	if len(problems) == 0 && collected == 0 {
		problems = append(problems, fmt.Sprintf("%s: no %s period is collected with a deadline between %s and %s: "+
			"check its periods", name, pl.Kind, from.In(loc).Format("02/01/2006"), until.In(loc).Format("02/01/2006")))
	}
	return problems
}

// describeScheduleError says why a period has no deadline, with the fix when it is known.
func describeScheduleError(err error, pl schedule.Plan, year int) string {
	var before *period.BeforeStartError
	if errors.As(err, &before) {
		return fmt.Sprintf("deadline %q gives %s, before the period starts on %s; list the periods it collects, e.g. periods = [%q]",
			before.Rule, before.Date.Format("02/01/2006"), before.Start.Format("02/01/2006"),
			before.Rule.DatePeriod(pl.Kind, year).Suffix())
	}
	return fmt.Sprintf("deadline %q: %s", pl.Policy.Rule, strings.TrimPrefix(err.Error(), pl.Form+" "))
}

// kindNoun names a kind in the refusal of a fixed date.
func kindNoun(k period.Kind) string {
	if k == period.Half {
		return "half"
	}
	return string(k)
}
