package report

import (
	"bytes"
	"context"
	"fmt"
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
		Groups: cfg.Groups,
	}
	var buf bytes.Buffer
	if err := reportbook.Write(&buf, book, st, meta); err != nil {
		return Report{}, fmt.Errorf("write consolidated workbook %s %s: %w", f.Code, p, err)
	}
	return Report{Workbook: buf.Bytes(), Book: book, Basis: basis}, nil
}
