package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Correction is the correction of an issued report: opened by a leader's request for changes
// or by the Planning Office taking in a file received after the issue, it reopens the period for
// counting; the next draft goes up the whole chain and is issued as a replacement, which closes
// it (Issued: the replacement's issue number).
type Correction struct {
	ID           int64
	Form, Period string
	Replaces     int    // the number of the issue corrected
	Cause        Cause  // why it was opened
	OpenedBy     string // the person id who asked or decided
	Words        string // what they wrote, verbatim
	MailID       int64  // the mail that opened it; set by the ledger when recorded with it
	OpenedAt     time.Time
	Issued       int // the replacement's issue number; 0 while open
}

// Cause is why a correction was opened.
type Cause string

// Causes of a correction.
const (
	CauseLeader   Cause = "leader"    // a person of the chain asked for changes to the issued report
	CauseLateFile Cause = "late_file" // the clerks took in a file received after the issue
)

// OpenCorrection returns the open correction of form and period, or an error wrapping
// ErrNotFound.
func (l *Ledger) OpenCorrection(ctx context.Context, form, period string) (Correction, error) {
	out, err := queryCorrections(ctx, l.db, `form = ? AND period = ? AND issued = 0`, form, period)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return Correction{}, fmt.Errorf("open correction of %s %s: %w", form, period, err)
	}
	return out[0], nil
}

// Corrections returns every correction of form and period, oldest first.
func (l *Ledger) Corrections(ctx context.Context, form, period string) ([]Correction, error) {
	out, err := queryCorrections(ctx, l.db, `form = ? AND period = ?`, form, period)
	if err != nil {
		return nil, fmt.Errorf("corrections of %s %s: %w", form, period, err)
	}
	return out, nil
}

// OpenCorrections returns the corrections not yet issued, of every form, oldest first.
func (l *Ledger) OpenCorrections(ctx context.Context) ([]Correction, error) {
	out, err := queryCorrections(ctx, l.db, `issued = 0`)
	if err != nil {
		return nil, fmt.Errorf("open corrections: %w", err)
	}
	return out, nil
}

func queryCorrections(ctx context.Context, q queryer, where string, args ...any) ([]Correction, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, form, period, replaces, cause, opened_by, words,
		coalesce(mail_id, 0), opened_at, issued FROM corrections WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		var c Correction
		var at string
		if err := rows.Scan(&c.ID, &c.Form, &c.Period, &c.Replaces, &c.Cause, &c.OpenedBy, &c.Words,
			&c.MailID, &at, &c.Issued); err != nil {
			return nil, err
		}
		if c.OpenedAt, err = decodeTime(at); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// openCorrection records c and reopens its period for counting; a correction already open for
// the period is a conflict (ErrConflict).
func openCorrection(ctx context.Context, tx *sql.Tx, c Correction) error {
	var mailID any
	if c.MailID != 0 {
		mailID = c.MailID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO corrections (form, period, replaces, cause, opened_by, words,
		mail_id, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.Form, c.Period, c.Replaces, c.Cause, c.OpenedBy,
		c.Words, mailID, encodeTime(c.OpenedAt))
	if err != nil {
		var open int
		if tx.QueryRowContext(ctx, `SELECT count(*) FROM corrections WHERE form = ? AND period = ? AND issued = 0`,
			c.Form, c.Period).Scan(&open) == nil && open > 0 {
			return fmt.Errorf("a correction of %s %s is already open: %w", c.Form, c.Period, ErrConflict)
		}
		return fmt.Errorf("insert correction: %w", err)
	}
	// As closing it at the issue, reopening touches the period's row if it is recorded.
	if _, err := tx.ExecContext(ctx, `UPDATE periods SET status = ? WHERE form = ? AND period = ?`, PeriodOpen, c.Form, c.Period); err != nil {
		return fmt.Errorf("reopen period: %w", err)
	}
	return nil
}

func checkCorrection(c Correction) error {
	switch {
	case c.Form == "" || c.Period == "":
		return errors.New("correction: form and period are required")
	case c.Replaces < 1:
		return fmt.Errorf("correction: replaces issue %d", c.Replaces)
	case c.Cause != CauseLeader && c.Cause != CauseLateFile && c.Cause != CauseClerk:
		return fmt.Errorf("correction: unknown cause %q", c.Cause)
	case c.OpenedBy == "" || c.OpenedAt.IsZero():
		return errors.New("correction: who opened it and when are required")
	}
	return nil
}
