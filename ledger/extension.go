package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Extension is one unit's deadline moved later for one period of a form (issue 22): reminders,
// nags and lateness count from Deadline instead of the period's.
type Extension struct {
	Form, Period, Unit string
	Deadline           time.Time
	GrantedBy          string // the account's actor (AccountActor)
	Reason             string
	GrantedAt          time.Time
}

// Extensions returns the deadline in force for each unit of form and period whose deadline was
// extended: the latest extension granted.
func (l *Ledger) Extensions(ctx context.Context, form, period string) (map[string]Extension, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT unit, deadline, granted_by, reason, granted_at
		FROM deadline_extensions WHERE form = ? AND period = ? ORDER BY id`, form, period)
	if err != nil {
		return nil, fmt.Errorf("extensions of %s %s: %w", form, period, err)
	}
	defer rows.Close()
	out := map[string]Extension{}
	for rows.Next() {
		e := Extension{Form: form, Period: period}
		var deadline, at string
		if err := rows.Scan(&e.Unit, &deadline, &e.GrantedBy, &e.Reason, &at); err != nil {
			return nil, fmt.Errorf("extensions of %s %s: %w", form, period, err)
		}
		var d timeDecoder
		e.Deadline, e.GrantedAt = d.time(deadline), d.time(at)
		if d.err != nil {
			return nil, fmt.Errorf("extensions of %s %s: %w", form, period, d.err)
		}
		out[e.Unit] = e // by id: the latest wins
	}
	return out, rows.Err()
}

// CountExtensions is how many times unit's deadline for form's period was extended: the next
// extension's mail is numbered after them.
func (l *Ledger) CountExtensions(ctx context.Context, form, period, unit string) (int, error) {
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM deadline_extensions WHERE form = ? AND period = ? AND unit = ?`,
		form, period, unit).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count extensions: %w", err)
	}
	return n, nil
}

func insertExtension(ctx context.Context, tx *sql.Tx, e Extension) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO deadline_extensions (form, period, unit, deadline, granted_by, reason, granted_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, e.Form, e.Period, e.Unit, encodeTime(e.Deadline), e.GrantedBy, e.Reason, encodeTime(e.GrantedAt))
	if err != nil {
		return fmt.Errorf("insert extension: %w", err)
	}
	return nil
}

func checkExtension(e Extension) error {
	switch {
	case e.Form == "" || e.Period == "" || e.Unit == "":
		return errors.New("extension: form, period and unit are required")
	case e.Deadline.IsZero() || e.GrantedAt.IsZero():
		return errors.New("extension: the deadline and when it was granted are required")
	case e.GrantedBy == "":
		return errors.New("extension: who granted it is required")
	}
	return nil
}
