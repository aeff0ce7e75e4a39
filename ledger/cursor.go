package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Cursor returns how far the mailbox folder was read: the UIDVALIDITY seen and the highest UID
// processed. Both are zero if the folder was never read. If the server's UIDVALIDITY differs, the
// UIDs were renumbered and the folder must be read again from the start (the SHA256 dedupe of
// RecordIntake keeps that safe).
func (l *Ledger) Cursor(ctx context.Context, mailbox string) (uidValidity, lastUID uint32, err error) {
	var v, u int64
	err = l.db.QueryRowContext(ctx, `SELECT uid_validity, last_uid FROM cursors WHERE mailbox = ?`,
		mailbox).Scan(&v, &u)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("read cursor %s: %w", mailbox, err)
	}
	return uint32(v), uint32(u), nil
}

// SetCursor records how far the mailbox folder was read.
func (l *Ledger) SetCursor(ctx context.Context, mailbox string, uidValidity, lastUID uint32) error {
	_, err := l.db.ExecContext(ctx, `INSERT INTO cursors (mailbox, uid_validity, last_uid) VALUES (?, ?, ?)
		ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid`,
		mailbox, int64(uidValidity), int64(lastUID))
	if err != nil {
		return fmt.Errorf("set cursor %s: %w", mailbox, err)
	}
	return nil
}
