package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Attempts is what the ledger knows of the tries to judge one received mail. Intake marks a try
// before it parses the mail, so a mail that kills the process (a crash, an out-of-memory kill)
// leaves a try that began and never ended.
type Attempts struct {
	SHA256      string // of the raw mail
	Started     int    // tries that began
	Ended       int    // tries that ended without recording the mail: an error, or out of budget
	OutOfBudget int    // of those, the tries that ran out of the mail's budget
	FirstAt     time.Time
	LastAt      time.Time
	DoneAt      time.Time // when the mail was recorded; zero while it is not
	// LastError is how the last try that ended in an error failed; SameErrors how many tries in
	// a row failed that way (FailAttempt).
	LastError  string
	SameErrors int
}

// Unfinished is the number of tries that began and never ended: the process died judging the
// mail. None once the mail is recorded.
func (a Attempts) Unfinished() int {
	if !a.DoneAt.IsZero() {
		return 0
	}
	return max(0, a.Started-a.Ended)
}

// Failed is the number of tries that died or ran out of budget: the mail's own fault, unlike an
// error of the ledger or the mailbox.
func (a Attempts) Failed() int { return a.Unfinished() + a.OutOfBudget }

// AttemptEnd says how a try ended without recording its mail.
type AttemptEnd string

// Ends of a try.
const (
	AttemptError       AttemptEnd = "error"         // an error outside the mail (the ledger, the mailbox): tried again
	AttemptOutOfBudget AttemptEnd = "out_of_budget" // judging the mail took more than its budget
)

// BeginAttempt records, in its own committed transaction, that a try to judge the mail sha
// begins at at, and returns what was known before it.
func (l *Ledger) BeginAttempt(ctx context.Context, sha string, at time.Time) (Attempts, error) {
	var before Attempts
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if before, err = attempts(ctx, tx, sha); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO intake_attempts (sha256, started, first_at, last_at)
			VALUES (?, 1, ?, ?) ON CONFLICT (sha256) DO UPDATE SET started = started + 1, last_at = excluded.last_at`,
			sha, encodeTime(at), encodeTime(at))
		return err
	})
	if err != nil {
		return Attempts{}, fmt.Errorf("begin attempt %s: %w", sha, err)
	}
	return before, nil
}

// EndAttempt records that a try to judge the mail sha ended at at without recording it.
func (l *Ledger) EndAttempt(ctx context.Context, sha string, end AttemptEnd, at time.Time) error {
	budget := 0
	switch end {
	case AttemptOutOfBudget:
		budget = 1
	case AttemptError:
	default:
		return fmt.Errorf("end attempt %s: unknown end %q", sha, end)
	}
	return l.updateAttempt(ctx, sha, `UPDATE intake_attempts SET ended = ended + 1,
		out_of_budget = out_of_budget + ?, last_at = ? WHERE sha256 = ?`, budget, encodeTime(at), sha)
}

// FinishAttempts records that the mail sha was recorded at at: its tries are done.
func (l *Ledger) FinishAttempts(ctx context.Context, sha string, at time.Time) error {
	return l.updateAttempt(ctx, sha, `UPDATE intake_attempts SET done_at = ?, last_at = ? WHERE sha256 = ?`,
		encodeTime(at), encodeTime(at), sha)
}

func (l *Ledger) updateAttempt(ctx context.Context, sha, query string, args ...any) error {
	res, err := l.db.ExecContext(ctx, query, args...)
	if err == nil {
		var n int64
		if n, err = res.RowsAffected(); err == nil && n == 0 {
			err = ErrNotFound
		}
	}
	if err != nil {
		return fmt.Errorf("attempt %s: %w", sha, err)
	}
	return nil
}

// Attempts returns what the ledger knows of the tries to judge the mail sha; the zero Attempts
// with its SHA256 when none began.
func (l *Ledger) Attempts(ctx context.Context, sha string) (Attempts, error) {
	a, err := attempts(ctx, l.db, sha)
	if err != nil {
		return Attempts{}, fmt.Errorf("attempts %s: %w", sha, err)
	}
	return a, nil
}

func attempts(ctx context.Context, q queryer, sha string) (Attempts, error) {
	a := Attempts{SHA256: sha}
	var first, last, done string
	err := q.QueryRowContext(ctx, `SELECT started, ended, out_of_budget, first_at, last_at, done_at, last_error, same_errors
		FROM intake_attempts WHERE sha256 = ?`, sha).Scan(&a.Started, &a.Ended, &a.OutOfBudget, &first, &last, &done,
		&a.LastError, &a.SameErrors)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil
	}
	if err != nil {
		return Attempts{}, err
	}
	var d timeDecoder
	a.FirstAt, a.LastAt, a.DoneAt = d.time(first), d.time(last), d.time(done)
	return a, d.err
}
