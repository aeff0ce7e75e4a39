package report

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// draftLookback bounds the open periods watched for drafts: a period whose deadline is older
// than this is consolidated on demand only (tonghop consolidate), not rebuilt on every pass.
const draftLookback = 90 * 24 * time.Hour

// Drafter is the daemon's consolidation pass: it builds the drafts that are due and queues, for
// each, the notice that sends it to the clerks of the Planning Office. A nil Log discards.
type Drafter struct {
	Office *office.Office
	Ledger *ledger.Ledger
	Now    func() time.Time
	Log    *slog.Logger
}

// Step builds the drafts that are due: for every open period of every form, the first one when
// all expected units have sent a valid file or at the deadline plus the form's grace, and the
// next version whenever what would be counted changed. The Planning Office gets each draft.
// A draft whose archive copy could not be written is still recorded and sent; the error, which
// wraps ErrNotArchived, is returned with the others for the worker to log.
func (dr *Drafter) Step(ctx context.Context) error {
	now := dr.Now()
	corrections, err := dr.corrections(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for i := range dr.Office.Forms {
		f := &dr.Office.Forms[i]
		rows, err := dr.Ledger.Periods(ctx, f.Code)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, row := range rows {
			c, correcting := corrections[f.Code+" "+row.Period]
			if row.Status != ledger.PeriodOpen || !correcting && row.Deadline.Before(now.Add(-draftLookback)) {
				continue
			}
			var cp *ledger.Correction
			if correcting {
				cp = &c
			}
			if err := dr.period(ctx, f, row, cp, now); err != nil {
				errs = append(errs, fmt.Errorf("%s %s: %w", f.Code, row.Period, err))
			}
		}
	}
	return errors.Join(errs...)
}

// corrections are the open corrections by "form period": their periods are drafted however old.
func (dr *Drafter) corrections(ctx context.Context) (map[string]ledger.Correction, error) {
	list, err := dr.Ledger.OpenCorrections(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]ledger.Correction, len(list))
	for _, c := range list {
		out[c.Form+" "+c.Period] = c
	}
	return out, nil
}

// period builds the next draft of one open period when one is due, and queues its notice. Under
// a correction (c), a draft stored before it was opened stands for nothing anybody asked for:
// the next one is due when what would be counted differs from the issued report.
func (dr *Drafter) period(ctx context.Context, f *config.Form, row ledger.Period, c *ledger.Correction, now time.Time) error {
	p, err := period.Parse(row.Period)
	if err != nil {
		return err
	}
	basis, err := Basis(ctx, dr.Ledger, f.Code, row.Period, now)
	if err != nil {
		return err
	}
	var head *ledger.Draft
	switch h, err := dr.Ledger.LatestDraft(ctx, f.Code, row.Period); {
	case err == nil:
		head = &h
	case !errors.Is(err, ledger.ErrNotFound):
		return err
	}
	if c != nil && head != nil && head.BuiltAt.Before(c.OpenedAt) {
		is, err := dr.Ledger.LatestIssue(ctx, f.Code, row.Period)
		if err != nil {
			return err
		}
		issued := *head
		issued.Basis = is.Basis
		head = &issued
	}
	due := f.ConsolidateOffset().From(row.Deadline, dr.Office.Calendar)
	units, err := dr.Office.PeriodUnits(ctx, dr.Ledger, f, p)
	if err != nil {
		return err
	}
	trigger := draftTrigger(units, basis, head, now, due)
	if trigger == "" {
		return nil
	}
	draft, rep, archiveErr := AddDraft(ctx, dr.Office, dr.Ledger, f, p, now, trigger)
	if archiveErr != nil && !errors.Is(archiveErr, ErrNotArchived) {
		return archiveErr
	}
	dr.log().Info("draft built", "component", "consolidate", "form", f.Code, "period", row.Period,
		"version", draft.Version, "trigger", trigger, "units", len(draft.Basis), "missing", len(rep.Book.Missing))
	return errors.Join(archiveErr, dr.queueDraftNotice(ctx, f, p, draft, rep, head))
}

// queueDraftNotice sends the Planning Office the new draft, saying where it goes next.
func (dr *Drafter) queueDraftNotice(ctx context.Context, f *config.Form, p period.Period, draft ledger.Draft, rep Report, previous *ledger.Draft) error {
	to := dr.Office.ClerkAddresses()
	if len(to) == 0 {
		dr.log().Warn("draft not mailed: no person has the clerk role", "form", f.Code, "period", p.String())
		return nil
	}
	next := ""
	if steps := dr.Office.ApprovalSteps(f); len(steps) > 0 {
		next = letters.PersonNames(office.People(steps[0].People))
	}
	d := dr.Office.DraftLetter(f, p, draft, len(rep.Book.Warnings), previous)
	d.Missing = withWaiting(d.Missing, rep.Book.Missing)
	letter := letters.DraftNoticeLetter(d, next)
	now := dr.Now()
	m := ledger.OutMail{
		Key: ledger.DraftKey(f.Code, p.String(), draft.Version), Kind: ledger.KindDraft, To: to,
		Subject: letter.Subject, Body: letter.Body, CreatedAt: now,
		Attachments: office.DraftAttachments(draft),
	}
	ev := ledger.Event{At: now, Actor: "system", Action: ledger.Queued(ledger.KindDraft),
		Object: ledger.PeriodObject(f.Code, p.String()), Detail: letter.Subject}
	_, _, err := dr.Ledger.Enqueue(ctx, m, ev)
	return err
}

func (dr *Drafter) log() *slog.Logger {
	if dr.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return dr.Log
}
