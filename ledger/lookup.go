package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// MailByMessageID returns the mail recorded with this Message-ID from this sender, or an error
// wrapping ErrNotFound. The sender is part of the key because Message-IDs come from outside:
// a stranger reusing a unit's Message-ID must not make the unit's mail look already recorded.
func (l *Ledger) MailByMessageID(ctx context.Context, messageID, from string) (Mail, error) {
	if messageID == "" {
		return Mail{}, fmt.Errorf("mail without message-id: %w", ErrNotFound)
	}
	row := l.db.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mails
		WHERE from_addr = ? AND message_id = ? ORDER BY id LIMIT 1`, strings.ToLower(from), messageID)
	m, err := scanMail(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Mail{}, fmt.Errorf("mail <%s> from %s: %w", messageID, from, err)
	}
	return m, nil
}

// CountMailTo counts the outbox mails of the given kinds created at or after since with addr
// among their recipients (To or Cc, case-insensitive).
func (l *Ledger) CountMailTo(ctx context.Context, addr string, since time.Time, kinds ...Kind) (int, error) {
	if len(kinds) == 0 {
		return 0, nil
	}
	addr = strings.ToLower(strings.TrimSpace(addr))
	args := []any{encodeTime(since)}
	for _, k := range kinds {
		args = append(args, k)
	}
	args = append(args, addr, addr)
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(kinds)), ", ")
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM outbox o
		WHERE o.created_at >= ? AND o.kind IN (`+marks+`) AND (
			EXISTS (SELECT 1 FROM json_each(o.to_addrs) WHERE lower(value) = ?) OR
			EXISTS (SELECT 1 FROM json_each(o.cc_addrs) WHERE lower(value) = ?))`, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count mail to %s: %w", addr, err)
	}
	return n, nil
}

// OutMailByMessageID returns the sent mail that got this Message-ID (with or without angle
// brackets), or an error wrapping ErrNotFound: the mail a reply's In-Reply-To points to.
func (l *Ledger) OutMailByMessageID(ctx context.Context, messageID string) (OutMail, error) {
	bare := strings.Trim(strings.TrimSpace(messageID), "<>")
	if bare == "" {
		return OutMail{}, fmt.Errorf("outbox mail without message-id: %w", ErrNotFound)
	}
	m, err := scanOutMail(l.db.QueryRowContext(ctx, `SELECT `+outColumns+` FROM outbox
		WHERE message_id IN (?, ?) ORDER BY id LIMIT 1`, bare, "<"+bare+">"))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return OutMail{}, fmt.Errorf("outbox mail <%s>: %w", bare, err)
	}
	return m, nil
}
