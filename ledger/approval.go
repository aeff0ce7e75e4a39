package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrConflict is returned (wrapped) by SaveApproval when the approval changed since it was read:
// the caller reads it again and redoes its step.
var ErrConflict = errors.New("approval changed since it was read")

// Approval is the stored approval of one form's period: the state machine of package approval as
// JSON, with a revision counting its updates.
type Approval struct {
	Form, Period string
	State        json.RawMessage
	Revision     int
	UpdatedAt    time.Time
}

// ApprovalUpdate is one step of an approval, stored at once: the new state, the mails it sends,
// its events and, when the report is issued, the period closed and the issue recorded (which
// closes an open correction); or, when an issued report is to be corrected, the correction
// opened and the period reopened for counting.
type ApprovalUpdate struct {
	Form, Period string
	State        json.RawMessage
	// Revision is the revision the step was computed from (0 when there was no approval yet).
	Revision    int
	At          time.Time
	Mails       []OutMail
	Events      []Event
	ClosePeriod bool
	// Issue is the issue the step made (with ClosePeriod); its Number must be the next one.
	Issue *Issue
	// Reopen is the correction the step opened: the period is reopened with it. Recorded with a
	// mail (Intake.Approval), its MailID is that mail's.
	Reopen *Correction
	// Wait is the approved report waiting for the registry clerk's number (issue 20), instead
	// of Issue; an Issue with its Numbered ends the wait.
	Wait *RegisterWait
}

// Approval returns the stored approval of form and period, or ErrNotFound.
func (l *Ledger) Approval(ctx context.Context, form, period string) (Approval, error) {
	a := Approval{Form: form, Period: period}
	var state, updated string
	err := l.db.QueryRowContext(ctx, `SELECT state, revision, updated_at FROM approvals
		WHERE form = ? AND period = ?`, form, period).Scan(&state, &a.Revision, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Approval{}, fmt.Errorf("approval %s %s: %w", form, period, err)
	}
	a.State = json.RawMessage(state)
	a.UpdatedAt, err = decodeTime(updated)
	return a, err
}

// SaveApproval stores u in one transaction, unless the approval's revision is no longer
// u.Revision (ErrConflict): then nothing is written.
func (l *Ledger) SaveApproval(ctx context.Context, u ApprovalUpdate) error {
	if err := checkApproval(u); err != nil {
		return fmt.Errorf("save approval %s %s: %w", u.Form, u.Period, err)
	}
	err := l.inTx(ctx, func(tx *sql.Tx) error { return saveApproval(ctx, tx, u) })
	if err != nil {
		return fmt.Errorf("save approval %s %s: %w", u.Form, u.Period, err)
	}
	return nil
}

func checkApproval(u ApprovalUpdate) error {
	switch {
	case u.Form == "" || u.Period == "":
		return errors.New("form and period are required")
	case !json.Valid(u.State):
		return errors.New("state is not valid JSON")
	case u.At.IsZero():
		return errors.New("update time is required")
	}
	for _, m := range u.Mails {
		if err := checkOutMail(m); err != nil {
			return fmt.Errorf("outbox %q: %w", m.Key, err)
		}
	}
	if u.Issue != nil {
		if err := checkIssue(*u.Issue); err != nil {
			return err
		}
	}
	if u.Wait != nil {
		w := *u.Wait
		w.Form, w.Period = u.Form, u.Period
		if err := checkWait(w); err != nil {
			return err
		}
	}
	if u.Reopen != nil {
		c := *u.Reopen
		c.Form, c.Period = u.Form, u.Period
		return checkCorrection(c)
	}
	return nil
}

func saveApproval(ctx context.Context, tx *sql.Tx, u ApprovalUpdate) error {
	if err := writeApprovalState(ctx, tx, u); err != nil {
		return err
	}
	for _, m := range u.Mails {
		if _, _, err := insertOutMail(ctx, tx, m); err != nil {
			return fmt.Errorf("outbox %q: %w", m.Key, err)
		}
	}
	if u.ClosePeriod {
		_, err := tx.ExecContext(ctx, `UPDATE periods SET status = ? WHERE form = ? AND period = ?`,
			PeriodClosed, u.Form, u.Period)
		if err != nil {
			return fmt.Errorf("close period: %w", err)
		}
	}
	if u.Issue != nil {
		is := *u.Issue
		is.Form, is.Period = u.Form, u.Period
		if err := insertIssue(ctx, tx, is); err != nil {
			return err
		}
	}
	if u.Wait != nil {
		w := *u.Wait
		w.Form, w.Period = u.Form, u.Period
		if err := putWait(ctx, tx, w); err != nil {
			return err
		}
	}
	if u.Reopen != nil {
		c := *u.Reopen
		c.Form, c.Period = u.Form, u.Period
		if err := openCorrection(ctx, tx, c); err != nil {
			return err
		}
	}
	return insertEvents(ctx, tx, withDefaultTime(u.Events, u.At))
}

// writeApprovalState inserts the first revision or updates the one read; anything else is a
// conflict.
func writeApprovalState(ctx context.Context, tx *sql.Tx, u ApprovalUpdate) error {
	var res sql.Result
	var err error
	if u.Revision == 0 {
		res, err = tx.ExecContext(ctx, `INSERT INTO approvals (form, period, state, revision, updated_at)
			VALUES (?, ?, ?, 1, ?) ON CONFLICT (form, period) DO NOTHING`,
			u.Form, u.Period, string(u.State), encodeTime(u.At))
	} else {
		res, err = tx.ExecContext(ctx, `UPDATE approvals SET state = ?, revision = revision + 1,
			updated_at = ? WHERE form = ? AND period = ? AND revision = ?`,
			string(u.State), encodeTime(u.At), u.Form, u.Period, u.Revision)
	}
	if err != nil {
		return fmt.Errorf("write approval: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("write approval: %w", err)
	}
	if n != 1 {
		return ErrConflict
	}
	return nil
}
