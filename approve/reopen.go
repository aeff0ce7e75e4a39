package approve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
)

// A correction reopens an issued report: the approval goes to Correcting, the ledger records
// the correction and opens the period again for counting, and the next draft (built by the
// reports worker as soon as what it would count differs from the issued report, or a leader's
// edited workbook) goes up the whole chain; its approval issues it as the replacement (see
// issue). Who may open one: a person of the chain answering tonghop's mail about the report
// (issuedReply), or a clerk deciding to take in a file received after the issue (lateAnswer).

// opening is a correction about to be opened.
type opening struct {
	person config.Person
	cause  ledger.Cause
	words  string // what they wrote, verbatim
}

// reopenUpdate is the approval step that opens a correction of ref's issued report, with the
// issue it replaces.
func (a *Approver) reopenUpdate(ctx context.Context, ref Ref, stored stored, o opening) (ledger.ApprovalUpdate, ledger.Issue, error) {
	is, err := a.issueInForce(ctx, ref, stored.state)
	if err != nil {
		return ledger.ApprovalUpdate{}, is, err
	}
	now := a.now()
	next, actions, err := stored.state.Apply(a.chain(ref.Form, ref.Period), a.Office.Calendar, approval.Reopen{At: now, Person: o.person.ID})
	if err != nil {
		return ledger.ApprovalUpdate{}, is, err
	}
	fx, err := a.effects(ctx, ref.Form, ref.Period, next, actions, nil)
	if err != nil {
		return ledger.ApprovalUpdate{}, is, err
	}
	raw, err := json.Marshal(next)
	if err != nil {
		return ledger.ApprovalUpdate{}, is, err
	}
	object := ledger.PeriodObject(ref.Form.Code, ref.Period.String())
	events := append(fx.events, a.event(o.person.ID, ledger.ActionCorrectionOpened, object,
		fmt.Sprintf("replaces issue %d (v%d); cause %s", is.Number, is.Version, o.cause)))
	return ledger.ApprovalUpdate{
		Form: ref.Form.Code, Period: ref.Period.String(), State: raw, Revision: stored.revision, At: now, Events: events,
		Reopen: &ledger.Correction{Replaces: is.Number, Cause: o.cause, OpenedBy: o.person.ID, Words: o.words, OpenedAt: now},
	}, is, nil
}

// issueInForce is the issue of ref's period a correction replaces; for an approval issued
// before the ledger recorded issues, the state's version and time stand for it.
func (a *Approver) issueInForce(ctx context.Context, ref Ref, st approval.State) (ledger.Issue, error) {
	is, err := a.Ledger.LatestIssue(ctx, ref.Form.Code, ref.Period.String())
	if errors.Is(err, ledger.ErrNotFound) {
		return ledger.Issue{Form: ref.Form.Code, Period: ref.Period.String(), Number: 1, Version: st.Version, At: st.Since}, nil
	}
	return is, err
}

// issuedDraft describes the issued version for the letters about its correction.
func (a *Approver) issuedDraft(ctx context.Context, ref Ref, is ledger.Issue) (letters.Draft, error) {
	list, err := a.Ledger.Drafts(ctx, ref.Form.Code, ref.Period.String())
	if err != nil {
		return letters.Draft{}, err
	}
	dr := ledger.Draft{Form: ref.Form.Code, Period: ref.Period.String(), Version: is.Version}
	for _, d := range list {
		if d.Version == is.Version {
			dr = d
		}
	}
	return a.Office.DraftLetter(ref.Form, ref.Period, dr, 0, nil), nil
}

// differs reports whether what ref's report would count now differs from the issued one: the
// reports worker then builds the corrected draft at once.
func (a *Approver) differs(ctx context.Context, ref Ref, is ledger.Issue) (bool, error) {
	latest, err := a.Ledger.LatestValidAt(ctx, ref.Form.Code, ref.Period.String(), a.now())
	if err != nil {
		return false, err
	}
	now := make(map[string]int, len(latest))
	for unit, s := range latest {
		now[unit] = s.Version
	}
	return !maps.Equal(now, is.Basis), nil
}

// firstStep names the people a corrected draft goes to first.
func (a *Approver) firstStep(f *config.Form) string {
	if steps := a.Office.ApprovalSteps(f); len(steps) > 0 {
		return letters.PersonNames(office.People(steps[0].People))
	}
	return ""
}

// correctionNumber is the number the next correction of ref's period gets, counted from 1.
func (a *Approver) correctionNumber(ctx context.Context, ref Ref) (int, error) {
	all, err := a.Ledger.Corrections(ctx, ref.Form.Code, ref.Period.String())
	return len(all) + 1, err
}
