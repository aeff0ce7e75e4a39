package report

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// ErrIssued is returned by DraftNow for a report issued and not being corrected: a draft stored
// then would never go up the chain while looking like the report (see `tonghop consolidate`).
var ErrIssued = errors.New("the report is issued and not being corrected")

// DraftNow builds the next draft of f's period p at a clerk's request (issue 22), as `tonghop
// consolidate --force` does; without force, only when what it would count differs from the
// latest draft (built is false and the latest draft is returned otherwise). The approval stage
// sends it up the chain on its next tick. The event names the account (actor).
func DraftNow(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, now time.Time, actor string, force bool) (d ledger.Draft, built bool, err error) {
	if err := notIssued(ctx, l, f.Code, p.String()); err != nil {
		return ledger.Draft{}, false, err
	}
	head, err := l.LatestDraft(ctx, f.Code, p.String())
	switch {
	case err == nil && !force:
		basis, err := Basis(ctx, l, f.Code, p.String(), now)
		if err != nil || maps.Equal(basis, head.Basis) {
			return head, false, err
		}
	case err != nil && !errors.Is(err, ledger.ErrNotFound):
		return ledger.Draft{}, false, err
	}
	d, _, err = AddDraft(ctx, cfg, l, f, p, now, ledger.TriggerDemand)
	if err != nil && !errors.Is(err, ErrNotArchived) { // the ledger holds the draft: the copy's failure is reported
		return ledger.Draft{}, false, err
	}
	ev := ledger.Event{At: now, Actor: actor, Action: ledger.ActionDraftDemanded, Object: ledger.PeriodObject(f.Code, p.String()),
		Detail: fmt.Sprintf("v%d", d.Version)}
	if rerr := l.Record(ctx, ev); rerr != nil {
		return d, true, rerr
	}
	return d, true, err
}

// notIssued refuses a report issued and not being corrected.
func notIssued(ctx context.Context, l *ledger.Ledger, form, p string) error {
	switch _, err := l.LatestIssue(ctx, form, p); {
	case errors.Is(err, ledger.ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	switch _, err := l.OpenCorrection(ctx, form, p); {
	case errors.Is(err, ledger.ErrNotFound):
		return ErrIssued
	default:
		return err
	}
}
