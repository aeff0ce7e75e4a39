package daemon

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// ActionReportIssued is the audit action recorded when a form's report for a period is issued
// (ban hành), on the object PeriodObject(form, period): deadlines such as "5 working days after
// issue of BM.04.01/KH" count from its time.
const ActionReportIssued = "report.issued"

// PeriodObject names a form's period in the audit trail: "form:BM.02.01/KH/2026-11".
func PeriodObject(form string, p period.Period) string {
	return "form:" + form + "/" + p.String()
}

// EventTimes answers the deadline rules counted from another form's event: its deadline from
// its plan, its issue from the ledger (nil l: never issued). Errors reading the ledger count as
// "not happened yet" and are logged: a period then waits rather than getting a wrong deadline.
func EventTimes(ctx context.Context, l *ledger.Ledger, plans map[string]schedule.Plan, cal period.Calendar, log *slog.Logger) period.EventTimes {
	return func(ev period.Event, p period.Period) (time.Time, bool) {
		switch ev.Kind {
		case period.EventDeadline:
			pl, ok := plans[ev.Form]
			if !ok {
				return time.Time{}, false
			}
			w, err := pl.Window(p, cal, nil)
			return w.Deadline, err == nil
		case period.EventIssue:
			if l == nil {
				return time.Time{}, false
			}
			e, err := l.FirstEvent(ctx, ActionReportIssued, PeriodObject(ev.Form, p))
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
