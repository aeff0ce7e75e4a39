package ledger

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
)

// markSync is a write that always changes a page (see migration 0019), so its commit writes a
// WAL frame and, with synchronous=FULL, syncs the WAL file.
const markSync = `UPDATE sync_marks SET marks = marks + 1 WHERE id = 1`

// Durable puts every transaction committed so far on disk, safe from a power cut. The ledger
// commits with synchronous=NORMAL: a commit survives the process dying at once, but in WAL mode
// reaches the disk only at the next checkpoint. That is enough until the daemon does something
// outside the ledger that a lost record cannot undo, such as moving mail out of the inbox (the
// inbox would no longer offer it again). One commit with synchronous=FULL syncs the WAL file,
// and with it every frame written before it, by any connection.
func (l *Ledger) Durable(ctx context.Context) error {
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("durable: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = FULL`); err != nil {
		return fmt.Errorf("durable: %w", err)
	}
	_, markErr := conn.ExecContext(ctx, markSync)
	// The connection goes back to the pool: it must commit as the others do. If it cannot be
	// set back, it is discarded rather than left syncing every commit.
	if _, err := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA synchronous = NORMAL`); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		return fmt.Errorf("durable: restore synchronous: %w", errors.Join(markErr, err))
	}
	if markErr != nil {
		return fmt.Errorf("durable: %w", markErr)
	}
	return nil
}
