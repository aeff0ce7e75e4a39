package report

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// ErrNotArchived is returned by AddDraft, wrapped with the cause, when the draft was built and
// recorded in the ledger but its copy in the archive could not be written. The draft and report
// returned with it are valid: the ledger holds the draft, so the caller reports the error and
// carries on.
var ErrNotArchived = errors.New("archive copy of the draft not written")

// AddDraft builds the next draft of form f for period p, stores it in the ledger (numbered,
// with what it counted and why it was built) and files a copy in the archive beside the units'
// workbooks. A copy that cannot be written does not undo the draft: AddDraft then returns the
// recorded draft and its report together with an error wrapping ErrNotArchived.
func AddDraft(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, now time.Time, trigger string) (ledger.Draft, Report, error) {
	version := 1
	switch head, err := l.LatestDraft(ctx, f.Code, p.String()); {
	case err == nil:
		version = head.Version + 1
	case !errors.Is(err, ledger.ErrNotFound):
		return ledger.Draft{}, Report{}, err
	}
	rep, err := BuildReport(ctx, cfg, l, f, p, now, version, nil)
	if err != nil {
		return ledger.Draft{}, Report{}, err
	}
	sha, err := l.PutBlob(rep.Workbook)
	if err != nil {
		return ledger.Draft{}, Report{}, fmt.Errorf("store draft: %w", err)
	}
	draft := ledger.Draft{
		Form: f.Code, Period: p.String(), Version: version, FileName: office.ReportFileName(f.Code, p, version),
		FileSHA256: sha, Basis: rep.Basis, Trigger: trigger, BuiltAt: now,
	}
	doc, err := draftDocument(cfg, l, f, p, &draft, rep)
	if err != nil {
		return ledger.Draft{}, Report{}, err
	}
	draft, err = l.AddDraft(ctx, draft, ledger.Event{Actor: "tonghop", Action: ledger.ActionDraftBuilt,
		Object: ledger.PeriodObject(f.Code, p.String()), Detail: draftDetail(draft, rep.Book)})
	if err != nil {
		return ledger.Draft{}, Report{}, err
	}
	rel := cfg.ArchivePath(f.Code, p.String(), office.ReportFolder, draft.FileName)
	if err := cfg.Archive(rel, rep.Workbook); err != nil {
		return draft, rep, fmt.Errorf("%w: %w", ErrNotArchived, err)
	}
	rel = cfg.ArchivePath(f.Code, p.String(), office.ReportFolder, draft.DocName)
	if err := cfg.Archive(rel, doc); err != nil {
		return draft, rep, fmt.Errorf("%w: %w", ErrNotArchived, err)
	}
	return draft, rep, nil
}

// draftDocument builds the draft's administrative document (issue 20), its number left blank
// for the registry, and stores it beside the workbook: d gets its name and blob.
func draftDocument(cfg *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, d *ledger.Draft, rep Report) ([]byte, error) {
	doc := cfg.Document(f, p, office.DocumentInput{Book: rep.Book, At: d.BuiltAt, Draft: d.Version, Appendix: d.FileName})
	data, err := cfg.RenderDocument(doc)
	if err != nil {
		return nil, fmt.Errorf("document of draft v%d: %w", d.Version, err)
	}
	sha, err := l.PutBlob(data)
	if err != nil {
		return nil, fmt.Errorf("store the draft's document: %w", err)
	}
	d.DocName, d.DocSHA256 = office.DocumentFileName(f.Code, p.String(), d.Version, "docx"), sha
	return data, nil
}

func draftDetail(d ledger.Draft, b consolidate.Book) string {
	return fmt.Sprintf("v%d trigger=%s units=%d missing=%d warnings=%d sha256=%s",
		d.Version, d.Trigger, len(d.Basis), len(b.Missing), len(b.Warnings), d.FileSHA256)
}

// Basis is what a draft of form for period built at asOf would count: each unit's latest valid
// submission version. A draft whose basis differs from it is stale. It reads the submissions'
// heads alone: the daemon asks it of every open period at every step.
func Basis(ctx context.Context, l *ledger.Ledger, form, period string, asOf time.Time) (map[string]int, error) {
	latest, err := l.LatestValidHeadsAt(ctx, form, period, asOf)
	if err != nil {
		return nil, err
	}
	basis := make(map[string]int, len(latest))
	for unit, s := range latest {
		basis[unit] = s.Version
	}
	return basis, nil
}

// draftTrigger decides whether a period needs a new draft, and why: "" when not. The first draft
// comes when every expected unit has a valid file, or at due (the deadline and its grace) with
// the gaps shown; after it, any change in what would be counted (a resubmission, a late unit)
// makes the next version.
func draftTrigger(expected []config.Unit, basis map[string]int, head *ledger.Draft, now, due time.Time) string {
	if head != nil {
		if maps.Equal(head.Basis, basis) {
			return ""
		}
		return ledger.TriggerResubmission
	}
	all := len(expected) > 0
	for _, u := range expected {
		if _, ok := basis[u.Code]; !ok {
			all = false
		}
	}
	switch {
	case all:
		return ledger.TriggerAllIn
	case !due.IsZero() && !now.Before(due):
		return ledger.TriggerDeadline
	}
	return ""
}
