package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// maxErrorText bounds the error kept per mail: enough to tell two failures apart.
const maxErrorText = 1000

// FailAttempt records that a try to take in the mail sha ended at at with an error (as
// EndAttempt with AttemptError), and how: it returns how many tries in a row have now failed
// with this same error text, 1 when the error differs from the last one.
func (l *Ledger) FailAttempt(ctx context.Context, sha, errText string, at time.Time) (same int, err error) {
	if len(errText) > maxErrorText {
		errText = errText[:maxErrorText]
	}
	err = l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE intake_attempts SET ended = ended + 1, last_at = ?,
			same_errors = CASE WHEN last_error = ? THEN same_errors + 1 ELSE 1 END, last_error = ?
			WHERE sha256 = ?`, encodeTime(at), errText, errText, sha)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("no attempt begun: %w", ErrNotFound)
		}
		return tx.QueryRowContext(ctx, `SELECT same_errors FROM intake_attempts WHERE sha256 = ?`, sha).Scan(&same)
	})
	if err != nil {
		return 0, fmt.Errorf("fail attempt %s: %w", sha, err)
	}
	return same, nil
}
