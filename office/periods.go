package office

import (
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// PeriodRow is the ledger's row of a form's period opening now: the days it covers (by the
// form's cut-off day) and its deadline. The scheduler records it when a period opens, the intake
// when a workbook names a period the scheduler has not opened yet; both must write the same row.
func (o *Office) PeriodRow(form string, p period.Period, deadline, now time.Time) ledger.Period {
	var cutoff int
	if f, ok := o.Form(form); ok {
		cutoff = f.CutoffDay
	}
	start, end := p.Coverage(cutoff, o.Location)
	return ledger.Period{
		Form: form, Period: p.String(), Start: start, End: end,
		Deadline: deadline, Status: ledger.PeriodOpen, OpenedAt: now,
	}
}
