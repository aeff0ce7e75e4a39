package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Probe commits a write of no meaning (a counter, migration 0019), so that it goes through
// SQLite's write lock, the WAL and the file system as any record does: a read-only or full disk,
// or a writer holding the lock past the busy timeout, fails it. The health endpoint calls it to
// say whether the ledger can still record.
func (l *Ledger) Probe(ctx context.Context) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, markSync)
		return err
	})
	if err != nil {
		return fmt.Errorf("probe ledger: %w", err)
	}
	return nil
}

// Backlog is the outbox mail due and not yet sent.
type Backlog struct {
	Count int
	// Since is when the longest-waiting of them became due: its NotBefore for a mail never
	// tried (scheduled mail is queued ahead of its time), else when it was queued (a retry moves
	// NotBefore). Zero when Count is 0.
	Since time.Time
}

// Backlog counts the outbox mails pending or being sent whose time has come at now.
func (l *Ledger) Backlog(ctx context.Context, now time.Time) (Backlog, error) {
	var b Backlog
	var since sql.NullString
	err := l.db.QueryRowContext(ctx, `SELECT count(*),
		min(CASE WHEN attempts = 0 AND not_before > created_at THEN not_before ELSE created_at END)
		FROM outbox WHERE status IN (?, ?) AND not_before <= ?`,
		OutPending, OutSending, encodeTime(now)).Scan(&b.Count, &since)
	if err != nil {
		return Backlog{}, fmt.Errorf("outbox backlog: %w", err)
	}
	if since.Valid {
		if b.Since, err = decodeTime(since.String); err != nil {
			return Backlog{}, fmt.Errorf("outbox backlog: %w", err)
		}
	}
	return b, nil
}
