package daemon

import (
	"context"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/schedule"
)

// Schedule queues the templates, reminders, nags and the office's digest due now (package ask).
func (d *Daemon) Schedule(ctx context.Context) error { return d.ask.Schedule(ctx) }

// periodRow is the ledger's row of a form's period opening now, as the scheduler writes it.
// Kept for checkIdent (workbook.go) until it moves to package receive, which calls
// office.PeriodRow itself.
func (d *Daemon) periodRow(form string, w schedule.Window) ledger.Period {
	return d.o.PeriodRow(form, w.Period, w.Deadline, d.now())
}

// xlsxType is kept for the drafts and approvals until they move to their stages, which use
// mailer.ContentTypeXLSX.
const xlsxType = mailer.ContentTypeXLSX
