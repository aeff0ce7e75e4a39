package daemon

import (
	"context"

	"github.com/tonghop/tonghop/ledger"
)

// The daemon's hooks into its health.Monitor (nil: they do nothing) that need more than one
// line where the work is done.

// observeRecorded counts a recorded mail: its outcome, its workbooks and the approval steps
// its reply took. A duplicate wrote nothing and counts nothing.
func (d *Daemon) observeRecorded(in ledger.Intake, res ledger.IntakeResult) {
	if d.monitor == nil || res.Duplicate {
		return
	}
	d.monitor.Read(in.Mail.Outcome)
	for _, s := range res.Submissions {
		d.monitor.Submitted(s.Valid, s.Late)
	}
	events := in.Events
	if in.Approval != nil {
		events = append(events[:len(events):len(events)], in.Approval.Events...)
	}
	for _, e := range events {
		d.monitor.Approval(e.Action) // counts only approval actions
	}
}

// observeIssued measures how long the issued report of form's period took from the period's
// first draft; a report whose draft the ledger does not know is not measured.
func (d *Daemon) observeIssued(ctx context.Context, form, period string) {
	if d.monitor == nil || form == "" {
		return
	}
	first, err := d.ledger.FirstEvent(ctx, ledger.ActionDraftBuilt, ledger.PeriodObject(form, period))
	if err != nil {
		return
	}
	d.monitor.Issued(d.now().Sub(first.At))
}
