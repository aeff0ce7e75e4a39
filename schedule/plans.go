package schedule

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Plans are the plans of one form, one per period kind it is collected by, in the order of its
// `period` key: a work program weekly, monthly, quarterly and yearly has four. A period's key
// says its kind, so Window and Active need no more than the period.
type Plans []Plan

// For returns the plan of kind k.
func (ps Plans) For(k period.Kind) (Plan, bool) {
	for _, pl := range ps {
		if pl.Kind == k {
			return pl, true
		}
	}
	return Plan{}, false
}

// Kinds lists the kinds planned, in order.
func (ps Plans) Kinds() []period.Kind {
	out := make([]period.Kind, len(ps))
	for i, pl := range ps {
		out[i] = pl.Kind
	}
	return out
}

// Window is the window of p by the plan of its kind; a kind without a plan is not collected.
func (ps Plans) Window(p period.Period, cal period.Calendar, events period.EventTimes) (Window, error) {
	pl, ok := ps.For(p.Kind)
	if !ok {
		return Window{}, fmt.Errorf("%s: the form is not collected by %s: %w", p, p.Kind, ErrNotCollected)
	}
	return pl.Window(p, cal, events)
}

// Active is the windows of every plan open at now, by deadline (then kind order).
func (ps Plans) Active(now time.Time, cal period.Calendar, events period.EventTimes) ([]Window, error) {
	var out []Window
	for _, pl := range ps {
		ws, err := pl.Active(now, cal, events)
		if err != nil {
			return nil, err
		}
		out = append(out, ws...)
	}
	slices.SortStableFunc(out, func(a, b Window) int { return cmp.Compare(a.Deadline.UnixNano(), b.Deadline.UnixNano()) })
	return out, nil
}
