package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Period is one reporting period of a form, e.g. BM.02.01/KH for November 2026.
type Period struct {
	Form, Period         string // "BM.02.01/KH", "2026-11"
	Start, End, Deadline time.Time
	Status               string // "open", "closed"
	OpenedAt             time.Time
}

// Period statuses.
const (
	PeriodOpen   = "open"
	PeriodClosed = "closed"
)

// EnsurePeriod inserts p unless a period with the same form and period exists; it never
// overwrites, so the dates a period was opened with stay those units were told. An empty Status
// means "open".
func (l *Ledger) EnsurePeriod(ctx context.Context, p Period) (created bool, err error) {
	p = withDefaultStatus(p)
	if err := checkPeriod(p); err != nil {
		return false, fmt.Errorf("ensure period %s %s: %w", p.Form, p.Period, err)
	}
	created, err = ensurePeriod(ctx, l.db, p)
	if err != nil {
		return false, fmt.Errorf("ensure period %s %s: %w", p.Form, p.Period, err)
	}
	return created, nil
}

// execer is what ensurePeriod writes through: the database, or a transaction (RecordIntake).
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// ensurePeriod inserts a checked period unless it exists.
func ensurePeriod(ctx context.Context, db execer, p Period) (created bool, err error) {
	res, err := db.ExecContext(ctx, `INSERT INTO periods
		(form, period, start_at, end_at, deadline, status, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (form, period) DO NOTHING`,
		p.Form, p.Period, encodeTime(p.Start), encodeTime(p.End), encodeTime(p.Deadline),
		p.Status, encodeTime(p.OpenedAt))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	return n == 1, nil
}

// withDefaultStatus makes a period without a status open.
func withDefaultStatus(p Period) Period {
	if p.Status == "" {
		p.Status = PeriodOpen
	}
	return p
}

func checkPeriod(p Period) error {
	switch {
	case p.Form == "" || p.Period == "":
		return errors.New("form and period are required")
	case p.Status != PeriodOpen && p.Status != PeriodClosed:
		return fmt.Errorf("unknown status %q", p.Status)
	case p.Deadline.IsZero() || p.OpenedAt.IsZero():
		return errors.New("deadline and opened-at times are required")
	}
	return nil
}

// SetPeriodStatus changes a period's status (to "closed" once consolidated, or back to "open")
// and records events in the same transaction. ErrNotFound if the period does not exist.
func (l *Ledger) SetPeriodStatus(ctx context.Context, form, period, status string, events ...Event) error {
	if status != PeriodOpen && status != PeriodClosed {
		return fmt.Errorf("set period %s %s status: unknown status %q", form, period, status)
	}
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE periods SET status = ? WHERE form = ? AND period = ?`,
			status, form, period)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		return insertEvents(ctx, tx, events)
	})
	if err != nil {
		return fmt.Errorf("set period %s %s status: %w", form, period, err)
	}
	return nil
}

// Periods returns the periods of form ("" for all forms), by form then start.
func (l *Ledger) Periods(ctx context.Context, form string) ([]Period, error) {
	// Two queries rather than "? = '' OR form = ?", which SQLite cannot answer from the primary
	// key: the drafter lists one form's periods on every step.
	query, args := periodsOfForm, []any{form}
	if form == "" {
		query, args = allPeriods, nil
	}
	rows, err := l.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list periods: %w", err)
	}
	defer rows.Close()
	var out []Period
	for rows.Next() {
		p, err := scanPeriod(rows)
		if err != nil {
			return nil, fmt.Errorf("list periods: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list periods: %w", err)
	}
	return out, nil
}

// The queries of Periods.
const (
	periodsOfForm = `SELECT ` + periodColumns + ` FROM periods WHERE form = ? ORDER BY start_at, period`
	allPeriods    = `SELECT ` + periodColumns + ` FROM periods ORDER BY form, start_at, period`
)

// Period returns one period, or an error wrapping ErrNotFound.
func (l *Ledger) Period(ctx context.Context, form, period string) (Period, error) {
	row := l.db.QueryRowContext(ctx, `SELECT `+periodColumns+` FROM periods
		WHERE form = ? AND period = ?`, form, period)
	p, err := scanPeriod(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Period{}, fmt.Errorf("period %s %s: %w", form, period, err)
	}
	return p, nil
}

// ClosedOrIssued reports whether a form's period is closed or its report was issued: either way
// its units are asked nothing more. It is Period's status and LatestIssue in one query, without
// reading the issue (nor its draft's basis); the scheduler asks it of every open window.
func (l *Ledger) ClosedOrIssued(ctx context.Context, form, period string) (bool, error) {
	var done bool
	err := l.db.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM periods WHERE form = ?1 AND period = ?2 AND status = 'closed')
		OR EXISTS (SELECT 1 FROM issues WHERE form = ?1 AND period = ?2)`, form, period).Scan(&done)
	if err != nil {
		return false, fmt.Errorf("period %s %s closed: %w", form, period, err)
	}
	return done, nil
}

const periodColumns = `form, period, start_at, end_at, deadline, status, opened_at`

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanPeriod(s scanner) (Period, error) {
	var p Period
	var start, end, deadline, opened string
	if err := s.Scan(&p.Form, &p.Period, &start, &end, &deadline, &p.Status, &opened); err != nil {
		return Period{}, err
	}
	var d timeDecoder
	p.Start, p.End, p.Deadline, p.OpenedAt = d.time(start), d.time(end), d.time(deadline), d.time(opened)
	return p, d.err
}
