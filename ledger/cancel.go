package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Cancel settles a claimed mail (status "sending") as cancelled: it was found no longer needed
// just before sending, for example a reminder to a unit whose file arrived meanwhile.
func (l *Ledger) Cancel(ctx context.Context, id int64, reason string, at time.Time) error {
	err := l.settle(ctx, id, `status = 'cancelled', last_error = ?`, []any{reason},
		Event{At: at, Actor: "system", Action: ActionOutboxCancelled, Object: outboxObject(id), Detail: reason})
	if err != nil {
		return fmt.Errorf("cancel outbox %d: %w", id, err)
	}
	return nil
}

// CancelPending cancels the pending mails whose key starts with keyPrefix, except the one
// whose key is keep ("" keeps none), and records one ActionOutboxCancelled event each. It returns
// how many it cancelled. Mails already claimed for sending are left alone.
func (l *Ledger) CancelPending(ctx context.Context, keyPrefix, keep, reason string, at time.Time) (int, error) {
	if keyPrefix == "" {
		return 0, fmt.Errorf("cancel pending outbox: empty key prefix would match every mail")
	}
	var n int
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := pendingWithPrefix(ctx, tx, keyPrefix, keep)
		if err != nil {
			return err
		}
		for _, id := range ids {
			_, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'cancelled', last_error = ? WHERE id = ?`, reason, id)
			if err != nil {
				return err
			}
			ev := Event{At: at, Actor: "system", Action: ActionOutboxCancelled, Object: outboxObject(id), Detail: reason}
			if err := insertEvents(ctx, tx, []Event{ev}); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("cancel pending outbox %q: %w", keyPrefix, err)
	}
	return n, nil
}

// pendingWithPrefix compares the key's leading characters rather than using LIKE, whose % and
// _ could appear in a form code.
func pendingWithPrefix(ctx context.Context, tx *sql.Tx, prefix, keep string) ([]int64, error) {
	return queryIDs(ctx, tx, `SELECT id FROM outbox WHERE status = 'pending'
		AND substr(key, 1, length(?1)) = ?1 AND key <> ?2 ORDER BY id`, prefix, keep)
}
