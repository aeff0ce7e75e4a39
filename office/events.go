package office

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// EventTimes answers the deadline rules counted from another form's event: its deadline from
// its plan, its issue from the ledger (nil l: never issued). Errors reading the ledger count as
// "not happened yet" and are logged: a period then waits rather than getting a wrong deadline.
func (o *Office) EventTimes(ctx context.Context, l *ledger.Ledger, log *slog.Logger) period.EventTimes {
	return func(ev period.Event, p period.Period) (time.Time, bool) {
		switch ev.Kind {
		case period.EventDeadline:
			pl, ok := o.Plans[ev.Form]
			if !ok {
				return time.Time{}, false
			}
			w, err := pl.Window(p, o.Calendar, nil)
			return w.Deadline, err == nil
		case period.EventIssue:
			if l == nil {
				return time.Time{}, false
			}
			e, err := l.FirstEvent(ctx, ledger.ActionReportIssued, ledger.PeriodObject(ev.Form, p.String()))
			if err != nil {
				if !errors.Is(err, ledger.ErrNotFound) && log != nil {
					log.Warn("read issue time", "form", ev.Form, "period", p.String(), "err", err)
				}
				return time.Time{}, false
			}
			return e.At, true
		}
		return time.Time{}, false
	}
}
