package office

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// DeadlineLine is one line of the deadlines listing: a period of a form, its deadline, and in
// Vietnamese what placed it or why there is none.
type DeadlineLine struct {
	Period period.Period
	At     time.Time // zero: no deadline (not collected, or counted from an event still to come)
	Note   string
}

// Deadlines lists every period of form f in year with its deadline, kind by kind in the order
// of the form's `period` key (WP-B: in date order), then the one-off requests the ledger holds
// (nil l: none). events answers deadlines counted from another form's event.
func (o *Office) Deadlines(ctx context.Context, l *ledger.Ledger, f *config.Form, year int, events period.EventTimes) ([]DeadlineLine, error) {
	out, err := o.RequestLines(ctx, l, f, year)
	if err != nil {
		return nil, err
	}
	for _, pl := range o.Plans[f.Code] {
		for _, p := range period.InYear(pl.Kind, year) {
			line, err := o.deadlineLine(f, pl, p, events)
			if err != nil {
				return nil, err
			}
			out = append(out, line)
		}
	}
	return out, nil
}

// deadlineLine places one period's deadline, or says why it has none.
func (o *Office) deadlineLine(f *config.Form, pl schedule.Plan, p period.Period, events period.EventTimes) (DeadlineLine, error) {
	cal := o.Calendar
	win, err := pl.Window(p, cal, events)
	switch {
	case errors.Is(err, schedule.ErrNotCollected) && p.Kind == period.Week && !cal.HasWorkingDay(p):
		return DeadlineLine{Period: p, Note: period.NoWorkingDayNote(p)}, nil
	case errors.Is(err, schedule.ErrNotCollected):
		return DeadlineLine{Period: p, Note: period.OutsidePeriodsNote(p)}, nil
	case errors.Is(err, period.ErrEventPending):
		return DeadlineLine{Period: p, Note: period.PendingNote(pl.Policy.Rule, p)}, nil
	case err != nil:
		return DeadlineLine{}, err
	}
	note := win.Placement.Explain(p, pl.Policy, cal)
	if f.CutoffDay > 0 {
		start, end := p.Coverage(f.CutoffDay, o.Location)
		note += "; " + period.CutoffNote(start, end, win.Deadline, cal)
	}
	return DeadlineLine{Period: p, At: win.Deadline, Note: note}, nil
}

// Format writes the line as the listing prints it: period, deadline (YYYY-MM-DD HH:MM in loc,
// or "—") and note, separated by tabs.
func (l DeadlineLine) Format(loc *time.Location) string {
	at := "—"
	if !l.At.IsZero() {
		at = l.At.In(loc).Format("2006-01-02 15:04")
	}
	return fmt.Sprintf("%s\t%s\t%s", l.Period, at, l.Note)
}
