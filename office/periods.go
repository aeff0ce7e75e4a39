package office

import (
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/schedule"
)

// PeriodRow is the ledger's row of a form's period in its schedule window, opened at now: its
// coverage in the office's time zone and its deadline. The scheduler records it when it first
// asks for the period, intake when a workbook of the period arrives first.
func (o *Office) PeriodRow(formCode string, w schedule.Window, now time.Time) ledger.Period {
	cutoff := 0
	if f, ok := o.Form(formCode); ok {
		cutoff = f.CutoffDay
	}
	start, end := w.Period.Coverage(cutoff, o.Location)
	return ledger.Period{
		Form: formCode, Period: w.Period.String(), Start: start, End: end,
		Deadline: w.Deadline, Status: ledger.PeriodOpen, OpenedAt: now,
	}
}
