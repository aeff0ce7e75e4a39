package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Issue is one issue of a form's period: the first (Number 1) or a replacement after a
// correction. The report in force is the issue with the highest number.
type Issue struct {
	Form, Period string
	Number       int       // 1 for the first issue, 2 and up for its replacements
	Version      int       // the draft issued
	FileSHA256   string    // the stamped workbook sent ("" for an issue recorded before 0008 without it)
	At           time.Time // when it was issued
	// Basis is what the issued draft counted (unit → submission version), read from the draft.
	Basis map[string]int
	// Numbered is the document's entry in the register (issue 20), recorded with the issue;
	// nil for an issue that was not numbered. Not read back by LatestIssue (see IssueNumber).
	Numbered *Numbered
	// Issue 20 (part D): the issued document (.docx) and its PDF; "" when not made.
	DocSHA256, PDFSHA256 string
}

// LatestIssue returns the issue in force of form and period, or an error wrapping ErrNotFound
// when the report was never issued.
func (l *Ledger) LatestIssue(ctx context.Context, form, period string) (Issue, error) {
	out, err := queryIssues(ctx, l.db, `i.form = ? AND i.period = ? ORDER BY i.number DESC LIMIT 1`, form, period)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return Issue{}, fmt.Errorf("issue of %s %s: %w", form, period, err)
	}
	return out[0], nil
}

// Issues returns every issue of form ("" for all forms), by form, period and number.
func (l *Ledger) Issues(ctx context.Context, form string) ([]Issue, error) {
	out, err := queryIssues(ctx, l.db, `? = '' OR i.form = ? ORDER BY i.form, i.period, i.number`, form, form)
	if err != nil {
		return nil, fmt.Errorf("list issues: %w", err)
	}
	return out, nil
}

// queryIssues lists issues matching where (a trusted constant over alias i), each with the
// basis of its draft.
func queryIssues(ctx context.Context, q queryer, where string, args ...any) ([]Issue, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.form, i.period, i.number, i.version, i.file_sha256, i.issued_at,
		coalesce(d.basis, '{}'), i.doc_sha256, i.pdf_sha256 FROM issues i
		LEFT JOIN drafts d ON d.form = i.form AND d.period = i.period AND d.version = i.version WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Issue
	for rows.Next() {
		var is Issue
		var at, basis string
		if err := rows.Scan(&is.Form, &is.Period, &is.Number, &is.Version, &is.FileSHA256, &at, &basis, &is.DocSHA256, &is.PDFSHA256); err != nil {
			return nil, err
		}
		if is.At, err = decodeTime(at); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(basis), &is.Basis); err != nil {
			return nil, fmt.Errorf("basis of draft v%d: %w", is.Version, err)
		}
		out = append(out, is)
	}
	return out, rows.Err()
}

// insertIssue records an issue; its number must be the next one of its period (ErrConflict
// otherwise: another writer issued meanwhile). It closes the period's open correction, which
// the issue replaces.
func insertIssue(ctx context.Context, tx *sql.Tx, is Issue) error {
	var next int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(number), 0) + 1 FROM issues WHERE form = ? AND period = ?`,
		is.Form, is.Period).Scan(&next); err != nil {
		return fmt.Errorf("number issue: %w", err)
	}
	if is.Number != next {
		return fmt.Errorf("issue %d of %s %s, next is %d: %w", is.Number, is.Form, is.Period, next, ErrConflict)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO issues (form, period, number, version, file_sha256, issued_at,
		doc_sha256, pdf_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, is.Form, is.Period, is.Number, is.Version, is.FileSHA256,
		encodeTime(is.At), is.DocSHA256, is.PDFSHA256); err != nil {
		return fmt.Errorf("insert issue: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE corrections SET issued = ? WHERE form = ? AND period = ? AND issued = 0`,
		is.Number, is.Form, is.Period); err != nil {
		return err
	}
	if is.Numbered == nil {
		return nil
	}
	n := *is.Numbered
	n.Form, n.Period, n.Issue, n.Version = is.Form, is.Period, is.Number, is.Version
	return insertNumbered(ctx, tx, n)
}

func checkIssue(is Issue) error {
	switch {
	case is.Number < 1 || is.Version < 1:
		return fmt.Errorf("issue number %d, version %d: both must be at least 1", is.Number, is.Version)
	case is.FileSHA256 != "" && !validSHA(is.FileSHA256):
		return fmt.Errorf("issue: bad file sha256 %q", is.FileSHA256)
	case is.DocSHA256 != "" && !validSHA(is.DocSHA256), is.PDFSHA256 != "" && !validSHA(is.PDFSHA256):
		return fmt.Errorf("issue: bad document sha256 %q or %q", is.DocSHA256, is.PDFSHA256)
	case is.At.IsZero():
		return errors.New("issue: time is required")
	case is.Numbered != nil:
		return checkNumbered(*is.Numbered)
	}
	return nil
}
