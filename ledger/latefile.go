package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// LateFile is a unit's file recorded while its period was closed, after the report was issued.
// It is not counted until the Planning Office takes it in; the clerks decide by answering the
// notice NoticeKey.
type LateFile struct {
	Submission Submission // the file, as recorded
	AfterIssue int        // the number of the issue in force when it arrived; 0: none recorded
	NoticeKey  string     // the clerks' notice asking for the decision
	Decision   Decision   // pending until the clerks decide
	Asked      int        // unclear answers the clerks were asked again about
	DecidedBy  string     // the clerk's person id
	DecidedAt  time.Time
}

// Decision is what the Planning Office decided about a file received after the issue.
type Decision string

// Decisions on a late file.
const (
	DecisionPending Decision = "pending"  // nobody decided yet: not counted
	DecisionTaken   Decision = "taken"    // taken into a corrected report: counted
	DecisionLeftOut Decision = "left_out" // left out: kept, never counted
)

// LateDecision is a clerk's answer about a late file, recorded with the mail that carried it
// (Intake.LateDecision). Asked records an unclear answer (asked again, nothing decided);
// otherwise Decision is taken or left out and the file must still be pending.
type LateDecision struct {
	SubmissionID int64
	Decision     Decision
	Asked        bool
	By           string // the clerk's person id
	At           time.Time
}

// LateFileByNotice returns the late file whose decision the notice with key asks for, or an
// error wrapping ErrNotFound.
func (l *Ledger) LateFileByNotice(ctx context.Context, key string) (LateFile, error) {
	out, err := queryLateFiles(ctx, l.db, `lf.notice_key = ?`, key)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return LateFile{}, fmt.Errorf("late file of notice %s: %w", key, err)
	}
	return out[0], nil
}

// LateFiles returns the late files of form and period, by submission.
func (l *Ledger) LateFiles(ctx context.Context, form, period string) ([]LateFile, error) {
	out, err := queryLateFiles(ctx, l.db, `s.form = ? AND s.period = ?`, form, period)
	if err != nil {
		return nil, fmt.Errorf("late files of %s %s: %w", form, period, err)
	}
	return out, nil
}

func queryLateFiles(ctx context.Context, q queryer, where string, args ...any) ([]LateFile, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+submissionColumns+`, lf.after_issue, lf.notice_key, lf.asked,
		lf.decided_by, lf.decided_at FROM late_files lf JOIN submissions s ON s.id = lf.submission_id
		WHERE `+where+` ORDER BY s.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LateFile
	for rows.Next() {
		var f LateFile
		var at string
		sub, err := scanSubmission(rows, &f.AfterIssue, &f.NoticeKey, &f.Asked, &f.DecidedBy, &at)
		if err != nil {
			return nil, err
		}
		f.Submission, f.Decision = sub, sub.Decision
		if f.DecidedAt, err = decodeTime(at); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// insertLateFile marks a submission just recorded as received after the issue: pending.
func insertLateFile(ctx context.Context, tx *sql.Tx, s Submission) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO late_files (submission_id, after_issue, notice_key)
		VALUES (?, coalesce((SELECT max(number) FROM issues WHERE form = ? AND period = ?), 0), ?)`,
		s.ID, s.Form, s.Period, AfterCloseNoticeKey(s.Form, s.Period, s.Unit, s.Version))
	if err != nil {
		return fmt.Errorf("record late file: %w", err)
	}
	return nil
}

// decideLateFile records a clerk's answer. A decision on a file no longer pending is a
// conflict (another clerk decided meanwhile): the mail is read again and answered as such.
func decideLateFile(ctx context.Context, tx *sql.Tx, d LateDecision, mailID int64) error {
	var res sql.Result
	var err error
	if d.Asked {
		res, err = tx.ExecContext(ctx, `UPDATE late_files SET asked = asked + 1 WHERE submission_id = ? AND decision = 'pending'`,
			d.SubmissionID)
	} else {
		res, err = tx.ExecContext(ctx, `UPDATE late_files SET decision = ?, decided_by = ?, decided_at = ?, answer_mail_id = ?
			WHERE submission_id = ? AND decision = 'pending'`, d.Decision, d.By, encodeTime(d.At), mailID, d.SubmissionID)
	}
	if err != nil {
		return fmt.Errorf("decide late file %d: %w", d.SubmissionID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("decide late file %d: not pending (%v): %w", d.SubmissionID, err, ErrConflict)
	}
	return nil
}

func checkLateDecision(d LateDecision) error {
	switch {
	case d.SubmissionID <= 0:
		return errors.New("late decision: no submission")
	case d.Asked:
		return nil
	case d.Decision != DecisionTaken && d.Decision != DecisionLeftOut:
		return fmt.Errorf("late decision: %q is not a decision", d.Decision)
	case d.By == "" || d.At.IsZero():
		return errors.New("late decision: who decided and when are required")
	}
	return nil
}
