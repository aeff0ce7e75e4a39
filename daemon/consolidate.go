package daemon

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/reportbook"
)

// Report is a consolidated workbook as built, with what it counted.
type Report struct {
	Workbook []byte
	Book     consolidate.Book
	Basis    map[string]int // unit → submission version counted
}

// BuildReport consolidates form f for period p from the ledger as it stands at now and writes
// the workbook, numbered draft; approvals, when given, mark it as the issued report.
func BuildReport(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, now time.Time, draft int, approvals []reportbook.Approval) (Report, error) {
	in, basis, err := ConsolidationInput(ctx, cfg, l, f, p, now)
	if err != nil {
		return Report{}, fmt.Errorf("consolidate %s %s: %w", f.Code, p, err)
	}
	book, err := consolidate.Build(in)
	if err != nil {
		return Report{}, fmt.Errorf("consolidate %s %s: %w", f.Code, p, err)
	}
	st, err := StatusMatrix(ctx, cfg, l, f, p.String(), 1, now)
	if err != nil {
		return Report{}, fmt.Errorf("submission status %s %s: %w", f.Code, p, err)
	}
	state, err := l.State(ctx)
	if err != nil {
		return Report{}, err
	}
	meta := reportbook.Meta{
		Office: cfg.Office.Name, Desk: cfg.Office.Desk, PeriodLabel: cfg.PeriodLabel(f, p),
		Draft: draft, BuiltAt: now, Location: cfg.Location, LedgerState: state, Approvals: approvals,
	}
	var buf bytes.Buffer
	if err := reportbook.Write(&buf, book, st, meta); err != nil {
		return Report{}, fmt.Errorf("write consolidated workbook %s %s: %w", f.Code, p, err)
	}
	return Report{Workbook: buf.Bytes(), Book: book, Basis: basis}, nil
}

// AddDraft builds the next draft of form f for period p, stores it in the ledger (numbered,
// with what it counted and why it was built) and files a copy in the archive beside the units'
// workbooks (a copy that cannot be written is logged: the ledger holds the draft).
func AddDraft(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, now time.Time, trigger string, log *slog.Logger) (ledger.Draft, Report, error) {
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
	draft, err = l.AddDraft(ctx, draft, ledger.Event{Actor: "tonghop", Action: "draft.built",
		Object: ledger.PeriodObject(f.Code, p.String()), Detail: draftDetail(draft, rep.Book)})
	if err != nil {
		return ledger.Draft{}, Report{}, err
	}
	rel := office.ArchivePath(f.Code, p.String(), office.ReportFolder, draft.FileName)
	if err := cfg.Archive(rel, rep.Workbook); err != nil {
		log.Warn("archive copy of the draft not written", "path", rel, "err", err)
	}
	return draft, rep, nil
}

func draftDetail(d ledger.Draft, b consolidate.Book) string {
	return fmt.Sprintf("v%d trigger=%s units=%d missing=%d warnings=%d sha256=%s",
		d.Version, d.Trigger, len(d.Basis), len(b.Missing), len(b.Warnings), d.FileSHA256)
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
