package schedule

import (
	"time"

	"github.com/tonghop/tonghop/period"
)

// Extended is w for one unit whose deadline was moved to deadline (issue 22): its reminders and
// nags placed from the new deadline by the plan's offsets, as Window places them from the
// period's. The template's time stays: it went when the period opened.
func (pl Plan) Extended(w Window, deadline time.Time, cal period.Calendar) Window {
	e := Window{Period: w.Period, Due: w.Due, Deadline: deadline, Placement: w.Placement, TemplateAt: w.TemplateAt}
	e.Placement.At, e.Placement.Overridden = deadline, true
	for i, o := range pl.Reminders {
		if at, ok := reminderTime(o.From(deadline, cal), deadline, cal); ok {
			e.Steps = append(e.Steps, Step{Kind: KindReminder, N: i + 1, At: at})
		}
	}
	return e.withNags(pl, cal)
}
