package office

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
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

// Deadlines lists every period of form f in year with its deadline, then the one-off requests
// the ledger holds (nil l: none). A form of one kind without requests keeps period order; with
// several kinds or requests the lines are in date order (the deadline, or the period's start
// when there is none), ties by the order of the form's `period` key, then by period. events
// answers deadlines counted from another form's event.
func (o *Office) Deadlines(ctx context.Context, l *ledger.Ledger, f *config.Form, year int, events period.EventTimes) ([]DeadlineLine, error) {
	requests, err := o.RequestLines(ctx, l, f, year)
	if err != nil {
		return nil, err
	}
	var out []DeadlineLine
	plans := o.Plans[f.Code]
	for _, pl := range plans {
		for _, p := range period.InYear(pl.Kind, year) {
			line, err := o.deadlineLine(f, pl, p, events)
			if err != nil {
				return nil, err
			}
			out = append(out, line)
		}
	}
	if len(plans) < 2 && len(requests) == 0 {
		return out, nil
	}
	out = append(out, requests...)
	o.sortLines(f, out)
	return out, nil
}

// sortLines puts the lines in date order, stably: by deadline (a period without one by its
// start), then the kind's place in the form's `period` key, then the period.
func (o *Office) sortLines(f *config.Form, lines []DeadlineLine) {
	when := func(l DeadlineLine) time.Time {
		if l.At.IsZero() && l.Period.Kind != period.Once {
			return l.Period.Start(o.Location)
		}
		return l.At
	}
	rank := func(k period.Kind) int {
		if i := slices.Index(f.Period, string(k)); i >= 0 {
			return i
		}
		return len(f.Period)
	}
	slices.SortStableFunc(lines, func(a, b DeadlineLine) int {
		return cmp.Or(when(a).Compare(when(b)), cmp.Compare(rank(a.Period.Kind), rank(b.Period.Kind)),
			cmp.Compare(a.Period.Year, b.Period.Year), cmp.Compare(a.Period.N, b.Period.N))
	})
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
