package approve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// Approver moves the drafts of one office up their approval chains. Build it as a struct
// literal (it does no I/O until called) and use it by pointer; Advance and Reply may run on
// different workers.
type Approver struct {
	Office *office.Office   // the forms, their chains, the people and the calendar
	Ledger *ledger.Ledger   // the drafts, the approvals' states and what they send
	Now    func() time.Time // nil: the wall clock
	// Log gets the warnings about people the configuration cannot reach; nil: discard.
	Log *slog.Logger
	// LookupTXT resolves the DKIM keys of leaders' replies when mail_auth.verify_dkim is set;
	// nil: the system resolver.
	LookupTXT func(domain string) ([]string, error)
	// PDF converts the issued document to PDF (xlsconv's ToPDF: LibreOffice, sandboxed); nil:
	// the .docx goes alone (issue 20).
	PDF func(ctx context.Context, docx []byte) ([]byte, error)
}

// Advance moves every draft up its form's approval chain: a new draft is sent to the first
// step (or the step the chain resumes at), and steps that have not answered are reminded. A
// leader's answer comes in by mail and is handled with the mail (see Reply).
func (a *Approver) Advance(ctx context.Context) error {
	heads, err := a.Ledger.DraftHeads(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, head := range heads {
		f, ok := a.Office.Form(head.Form)
		if !ok || !f.HasChain() {
			continue
		}
		if err := a.advance(ctx, f, head); err != nil {
			errs = append(errs, fmt.Errorf("approval %s %s: %w", head.Form, head.Period, err))
		}
	}
	// Issue 20: reports approved and waiting for the registry clerk's number.
	errs = append(errs, a.remindRegistry(ctx))
	return errors.Join(errs...)
}

// advance applies a new draft, if any, and the passing of time to one approval and saves the
// result. The archive copy of a report it issues is filed after the save; its failure is
// returned, the issue stays recorded.
func (a *Approver) advance(ctx context.Context, f *config.Form, head ledger.Draft) error {
	stored, err := a.load(ctx, f.Code, head.Period)
	if err != nil || stored.state.Status == approval.Issued {
		return err
	}
	p, err := period.Parse(head.Period)
	if err != nil {
		return err
	}
	chain, now := a.chain(f, p), a.now()
	var events []any
	// A correction takes only a draft made after it was opened: one stored after the issue and
	// before it (an older build on demand) counted nothing anybody asked for.
	fresh := stored.state.Status != approval.Correcting || !head.BuiltAt.Before(stored.state.Since)
	if head.Version > stored.state.Version && fresh {
		events = append(events, approval.Draft{Version: head.Version, At: head.BuiltAt, Author: head.Author})
	}
	events = append(events, approval.Tick{At: now})
	next, actions := stored.state, []approval.Action(nil)
	for _, ev := range events {
		var acts []approval.Action
		if next, acts, err = next.Apply(chain, a.Office.Calendar, ev); err != nil {
			return err
		}
		actions = append(actions, acts...)
	}
	raw, err := json.Marshal(next)
	if err != nil {
		return err
	}
	if len(actions) == 0 && bytes.Equal(raw, stored.raw) {
		return nil
	}
	fx, err := a.effects(ctx, f, p, next, actions, nil)
	if err != nil {
		return err
	}
	if err := a.Ledger.SaveApproval(ctx, ledger.ApprovalUpdate{
		Form: f.Code, Period: head.Period, State: raw, Revision: stored.revision, At: now,
		Mails: fx.mails, Events: fx.events, ClosePeriod: fx.issued, Issue: fx.issue, Wait: fx.wait,
	}); err != nil {
		return err
	}
	return a.Office.File(fx.copies)
}

// chain turns a form's configured approval chain into the state machine's, with the steps'
// kinds and their due dates resolved for period p (see steps.go).
func (a *Approver) chain(f *config.Form, p period.Period) approval.Chain {
	c := approval.Chain{OnRevise: f.ApprovalOnRevise, RemindAfter: f.RemindAfter(), MaxReminders: f.MaxApprovalReminders()}
	for _, s := range a.Office.ApprovalSteps(f) {
		c.Steps = append(c.Steps, a.step(f, p, s))
	}
	return c
}

// stored is an approval read from the ledger with the revision to save it against.
type stored struct {
	state    approval.State
	revision int
	raw      []byte
}

// load reads the approval of form and period; a new one when none is stored yet.
func (a *Approver) load(ctx context.Context, form, p string) (stored, error) {
	ap, err := a.Ledger.Approval(ctx, form, p)
	if errors.Is(err, ledger.ErrNotFound) {
		return stored{state: approval.New(form, p)}, nil
	}
	if err != nil {
		return stored{}, err
	}
	var st approval.State
	if err := json.Unmarshal(ap.State, &st); err != nil {
		return stored{}, fmt.Errorf("approval %s %s: stored state: %w", form, p, err)
	}
	return stored{state: st, revision: ap.Revision, raw: ap.State}, nil
}

func (a *Approver) event(actor string, action ledger.Action, object, detail string) ledger.Event {
	return ledger.Event{At: a.now(), Actor: actor, Action: action, Object: object, Detail: detail}
}

func (a *Approver) now() time.Time {
	if a.Now == nil {
		return time.Now()
	}
	return a.Now()
}

func (a *Approver) log() *slog.Logger {
	if a.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return a.Log
}
