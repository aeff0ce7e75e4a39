package ask

import (
	"context"
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/ledger"
)

// Issue 22 (part A): the clerk's actions on the board that belong to the scheduler: closing or
// reopening a period (board.go), resending a template (resend.go), extending one unit's
// deadline (extension.go). The actor is the account's (ledger.AccountActor).

// Errors a board action reports to the clerk.
var (
	ErrClosed    = errors.New("the period is already closed")
	ErrOpen      = errors.New("the period is already open")
	ErrIssuedNow = errors.New("the report is issued: start a correction to count new files")
	ErrUnknown   = errors.New("unknown form, period or unit")
	ErrNotAsking = errors.New("the period is closed or its report issued: nothing more is asked")
)

// ClosePeriod stops waiting for form's period: nothing more is asked of anyone (the scheduler
// and the outbox skip it), a unit still without a valid file shows as missing, and a file
// received from now on is kept as a late file for the clerks to decide, as after the issue.
func (a *Asker) ClosePeriod(ctx context.Context, form, p, actor string) error {
	row, err := a.Ledger.Period(ctx, form, p)
	if err != nil {
		return fmt.Errorf("close %s %s: %w", form, p, err)
	}
	if row.Status == ledger.PeriodClosed {
		return ErrClosed
	}
	return a.Ledger.RecordClerkAction(ctx, ledger.ClerkAction{
		PeriodStatus: &ledger.PeriodStatus{Form: form, Period: p, Status: ledger.PeriodClosed},
		Events:       []ledger.Event{a.actorEvent(actor, ledger.ActionPeriodClosed, ledger.PeriodObject(form, p), "on the board")},
	})
}

// ReopenPeriod opens a period closed by hand again: files count as they arrive, and the files
// received while it was closed and still waiting for a decision are taken in. An issued report
// is reopened only by a correction (approve.StartCorrection), which goes up the chain again.
func (a *Asker) ReopenPeriod(ctx context.Context, form, p, actor string) (taken int, err error) {
	row, err := a.Ledger.Period(ctx, form, p)
	if err != nil {
		return 0, fmt.Errorf("reopen %s %s: %w", form, p, err)
	}
	if row.Status == ledger.PeriodOpen {
		return 0, ErrOpen
	}
	switch _, err := a.Ledger.LatestIssue(ctx, form, p); {
	case err == nil:
		return 0, ErrIssuedNow
	case !errors.Is(err, ledger.ErrNotFound):
		return 0, err
	}
	files, err := a.Ledger.LateFiles(ctx, form, p)
	if err != nil {
		return 0, err
	}
	now := a.now()
	act := ledger.ClerkAction{PeriodStatus: &ledger.PeriodStatus{Form: form, Period: p, Status: ledger.PeriodOpen},
		Events: []ledger.Event{a.actorEvent(actor, ledger.ActionPeriodReopened, ledger.PeriodObject(form, p), "on the board")}}
	for _, f := range files {
		if f.Decision != ledger.DecisionPending {
			continue
		}
		act.LateDecisions = append(act.LateDecisions, ledger.LateDecision{SubmissionID: f.Submission.ID, Decision: ledger.DecisionTaken, By: actor, At: now})
		act.Events = append(act.Events, a.actorEvent(actor, ledger.ActionLateFileTaken, ledger.SubmissionObject(f.Submission),
			fmt.Sprintf("v%d, with the period reopened", f.Submission.Version)))
	}
	return len(act.LateDecisions), a.Ledger.RecordClerkAction(ctx, act)
}

// actorEvent is an entry of the journal by a board account.
func (a *Asker) actorEvent(actor string, action ledger.Action, object, detail string) ledger.Event {
	e := a.event(action, object, detail)
	e.Actor = actor
	return e
}
