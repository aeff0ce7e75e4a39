package daemon

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// Report builds the drafts that are due, then moves them up their approval chains.
func (d *Daemon) Report(ctx context.Context) error {
	return errors.Join(d.Consolidate(ctx), d.Approvals(ctx))
}

// draftLookback bounds the open periods watched for drafts: a period whose deadline is older
// than this is consolidated on demand only (tonghop consolidate), not rebuilt on every pass.
const draftLookback = 90 * 24 * time.Hour

// Consolidate builds the drafts that are due: for every open period of every form, the first one
// when all expected units have sent a valid file or at the deadline plus the form's grace, and
// the next version whenever what would be counted changed. The Planning Office gets each draft.
func (d *Daemon) Consolidate(ctx context.Context) error {
	now := d.now()
	var errs []error
	for i := range d.o.Forms {
		f := &d.o.Forms[i]
		rows, err := d.ledger.Periods(ctx, f.Code)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, row := range rows {
			if row.Status != ledger.PeriodOpen || row.Deadline.Before(now.Add(-draftLookback)) {
				continue
			}
			if err := d.consolidatePeriod(ctx, f, row, now); err != nil {
				errs = append(errs, fmt.Errorf("%s %s: %w", f.Code, row.Period, err))
			}
		}
	}
	return errors.Join(errs...)
}

func (d *Daemon) consolidatePeriod(ctx context.Context, f *config.Form, row ledger.Period, now time.Time) error {
	p, err := period.Parse(row.Period)
	if err != nil {
		return err
	}
	basis, err := Basis(ctx, d.ledger, f.Code, row.Period, now)
	if err != nil {
		return err
	}
	var head *ledger.Draft
	switch h, err := d.ledger.LatestDraft(ctx, f.Code, row.Period); {
	case err == nil:
		head = &h
	case !errors.Is(err, ledger.ErrNotFound):
		return err
	}
	due := f.ConsolidateOffset().From(row.Deadline, d.o.Calendar)
	trigger := draftTrigger(d.o.FormUnits(f), basis, head, now, due)
	if trigger == "" {
		return nil
	}
	draft, rep, err := AddDraft(ctx, d.o, d.ledger, f, p, now, trigger, d.log)
	if err != nil {
		return err
	}
	d.log.Info("draft built", "component", "consolidate", "form", f.Code, "period", row.Period,
		"version", draft.Version, "trigger", trigger, "units", len(draft.Basis), "missing", len(rep.Book.Missing))
	return d.queueDraftNotice(ctx, f, p, draft, rep, head)
}

// Basis is what a draft of form for period built at asOf would count: each unit's latest valid
// submission version. A draft whose basis differs from it is stale.
func Basis(ctx context.Context, l *ledger.Ledger, form, period string, asOf time.Time) (map[string]int, error) {
	latest, err := l.LatestValidAt(ctx, form, period, asOf)
	if err != nil {
		return nil, err
	}
	basis := make(map[string]int, len(latest))
	for unit, s := range latest {
		basis[unit] = s.Version
	}
	return basis, nil
}

// queueDraftNotice sends the Planning Office the new draft, saying where it goes next.
func (d *Daemon) queueDraftNotice(ctx context.Context, f *config.Form, p period.Period, draft ledger.Draft, rep Report, previous *ledger.Draft) error {
	to := d.o.ClerkAddresses()
	if len(to) == 0 {
		d.log.Warn("draft not mailed: no person has the clerk role", "form", f.Code, "period", p.String())
		return nil
	}
	next := ""
	if steps := d.o.ApprovalSteps(f); len(steps) > 0 {
		next = letters.PersonNames(office.People(steps[0].People))
	}
	letter := letters.DraftNoticeLetter(d.o.DraftLetter(f, p, draft, len(rep.Book.Warnings), previous), next)
	m := ledger.OutMail{
		Key: fmt.Sprintf("draft:%s:%s:v%d", f.Code, p, draft.Version), Kind: ledger.KindDraft, To: to,
		Subject: letter.Subject, Body: letter.Body, CreatedAt: d.now(),
		Attachments: []ledger.Attachment{{Name: draft.FileName, ContentType: mailer.ContentTypeXLSX, SHA256: draft.FileSHA256}},
	}
	_, _, err := d.ledger.Enqueue(ctx, m, d.event("system", "outbox.queued."+ledger.KindDraft, ledger.PeriodObject(f.Code, p.String()), letter.Subject))
	return err
}
