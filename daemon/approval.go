package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// chain turns a form's configured approval chain into the state machine's.
func (d *Daemon) chain(f *config.Form) approval.Chain {
	c := approval.Chain{OnRevise: f.ApprovalOnRevise, RemindAfter: f.RemindAfter(), MaxReminders: f.MaxApprovalReminders()}
	for _, s := range d.o.ApprovalSteps(f) {
		step := approval.Step{Title: s.Title()}
		for _, p := range s.People {
			step.People = append(step.People, p.ID)
		}
		c.Steps = append(c.Steps, step)
	}
	return c
}

// storedApproval is an approval read from the ledger with the revision to save it against.
type storedApproval struct {
	state    approval.State
	revision int
	raw      []byte
}

func (d *Daemon) loadApproval(ctx context.Context, form, p string) (storedApproval, error) {
	a, err := d.ledger.Approval(ctx, form, p)
	if errors.Is(err, ledger.ErrNotFound) {
		return storedApproval{state: approval.New(form, p)}, nil
	}
	if err != nil {
		return storedApproval{}, err
	}
	var st approval.State
	if err := json.Unmarshal(a.State, &st); err != nil {
		return storedApproval{}, fmt.Errorf("approval %s %s: stored state: %w", form, p, err)
	}
	return storedApproval{state: st, revision: a.Revision, raw: a.State}, nil
}

// Approvals moves every draft up its form's approval chain: a new draft is sent to the first
// step (or the step the chain resumes at), and steps that have not answered are reminded. A
// leader's answer comes in by mail and is handled with the mail (see decideApprovalReply).
func (d *Daemon) Approvals(ctx context.Context) error {
	heads, err := d.ledger.DraftHeads(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, head := range heads {
		f, ok := d.o.Form(head.Form)
		if !ok || len(f.Approval) == 0 {
			continue
		}
		if err := d.advanceApproval(ctx, f, head); err != nil {
			errs = append(errs, fmt.Errorf("approval %s %s: %w", head.Form, head.Period, err))
		}
	}
	return errors.Join(errs...)
}

func (d *Daemon) advanceApproval(ctx context.Context, f *config.Form, head ledger.Draft) error {
	stored, err := d.loadApproval(ctx, f.Code, head.Period)
	if err != nil || stored.state.Status == approval.Issued {
		return err
	}
	chain, now := d.chain(f), d.now()
	var events []any
	if head.Version > stored.state.Version {
		events = append(events, approval.Draft{Version: head.Version, At: head.BuiltAt, Author: head.Author})
	}
	events = append(events, approval.Tick{At: now})
	next, actions := stored.state, []approval.Action(nil)
	for _, ev := range events {
		var acts []approval.Action
		if next, acts, err = next.Apply(chain, d.o.Calendar, ev); err != nil {
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
	p, err := period.Parse(head.Period)
	if err != nil {
		return err
	}
	fx, err := d.approvalEffects(ctx, f, p, next, actions, nil)
	if err != nil {
		return err
	}
	return d.ledger.SaveApproval(ctx, ledger.ApprovalUpdate{
		Form: f.Code, Period: head.Period, State: raw, Revision: stored.revision, At: now,
		Mails: fx.mails, Events: fx.events, ClosePeriod: fx.issued,
	})
}
