package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// RecordIntakeDone is RecordIntake and FinishAttempts(in.Mail.SHA256, at) in one transaction:
// the mail recorded and its tries marked done commit together, one commit a mail instead of
// two. The mail's try must have begun (BeginAttempt); if none did, nothing is recorded and the
// error wraps ErrNotFound.
func (l *Ledger) RecordIntakeDone(ctx context.Context, in Intake, at time.Time) (IntakeResult, error) {
	if err := l.checkIntake(in); err != nil {
		return IntakeResult{}, fmt.Errorf("record intake %s: %w", in.Mail.SHA256, err)
	}
	var res IntakeResult
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if res, err = recordIntake(ctx, tx, in); err != nil {
			return err
		}
		done, err := tx.ExecContext(ctx, `UPDATE intake_attempts SET done_at = ?, last_at = ? WHERE sha256 = ?`,
			encodeTime(at), encodeTime(at), in.Mail.SHA256)
		if err != nil {
			return err
		}
		if n, err := done.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("attempt %s: %w", in.Mail.SHA256, errOr(err, ErrNotFound))
		}
		return nil
	})
	if err != nil {
		return IntakeResult{}, fmt.Errorf("record intake %s: %w", in.Mail.SHA256, err)
	}
	return res, nil
}

// errOr is err, or def when err is nil.
func errOr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// MailSubmissions returns the submissions recorded from the mail with row ID mailID, in the
// order recorded: what a mail found again after a crash had filed.
func (l *Ledger) MailSubmissions(ctx context.Context, mailID int64) ([]Submission, error) {
	subs, err := querySubmissions(ctx, l.db, `s.mail_id = ?`, mailID)
	if err != nil {
		return nil, fmt.Errorf("submissions of mail %d: %w", mailID, err)
	}
	return subs, nil
}
