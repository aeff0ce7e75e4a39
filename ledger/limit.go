package ledger

import (
	"context"
	"fmt"
	"time"
)

// Lookups for the hourly limits on the mail tonghop sends: how many notices one sender's mail
// caused and how many all senders' did, how many were held back for the clerks' digest, and
// whether a unit had sent a file before (a receipt for new work is never held back).

// CountEvents counts the events with action recorded at or after since; only those by actor
// when actor is not "" (the address whose mail caused a notice, for example).
func (l *Ledger) CountEvents(ctx context.Context, action Action, actor string, since time.Time) (int, error) {
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM events
		WHERE action = ? AND at >= ? AND (? = '' OR actor = ?)`, action, encodeTime(since), actor, actor).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count events %s: %w", action, err)
	}
	return n, nil
}

// SubmittedBefore reports whether unit has a recorded submission of the file whose stored bytes
// hash to fileSHA: a mail carrying it again repeats earlier work.
func (l *Ledger) SubmittedBefore(ctx context.Context, unit, fileSHA string) (bool, error) {
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM submissions
		WHERE unit = ? AND file_sha256 = ? AND file_sha256 <> ''`, unit, fileSHA).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up file %s of %s: %w", fileSHA, unit, err)
	}
	return n > 0, nil
}
