package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/address"
)

// MailByMessageID returns the mail recorded with this Message-ID from this sender, or an error
// wrapping ErrNotFound. The sender is part of the key because Message-IDs come from outside:
// a stranger reusing a unit's Message-ID must not make the unit's mail look already recorded.
// The sender is found as the intake records it (address.Lower) or in its canonical form
// (address.Key): never by Unicode case folding, which would make a look-alike the address it
// imitates.
func (l *Ledger) MailByMessageID(ctx context.Context, messageID, from string) (Mail, error) {
	if messageID == "" {
		return Mail{}, fmt.Errorf("mail without message-id: %w", ErrNotFound)
	}
	row := l.db.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mails
		WHERE from_addr IN (?, ?) AND message_id = ? ORDER BY id LIMIT 1`, address.Lower(from), address.Key(from), messageID)
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
// among their recipients (To or Cc), addresses compared by address.Key: ASCII letters in any
// case and an IDN domain in Unicode or punycode are one recipient, a look-alike is another.
func (l *Ledger) CountMailTo(ctx context.Context, addr string, since time.Time, kinds ...Kind) (int, error) {
	if len(kinds) == 0 {
		return 0, nil
	}
	key := address.Key(addr)
	args := []any{encodeTime(since)}
	for _, k := range kinds {
		args = append(args, k)
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(kinds)), ", ")
	query := `SELECT to_addrs, cc_addrs FROM outbox WHERE created_at >= ? AND kind IN (` + marks + `)`
	if local, ok := recipientLocal(key); ok {
		query += ` AND id IN (SELECT outbox_id FROM outbox_recipients WHERE local = ? AND created_at >= ?)`
		args = append(args, local, encodeTime(since))
	}
	rows, err := l.db.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("count mail to %s: %w", addr, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var to, cc string
		var recipients, copied []string
		if err := rows.Scan(&to, &cc); err != nil {
			return 0, fmt.Errorf("count mail to %s: %w", addr, err)
		}
		if err := errors.Join(json.Unmarshal([]byte(to), &recipients), json.Unmarshal([]byte(cc), &copied)); err != nil {
			return 0, fmt.Errorf("count mail to %s: %w", addr, err)
		}
		if slices.ContainsFunc(append(recipients, copied...), func(a string) bool { return address.Key(a) == key }) {
			n++
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("count mail to %s: %w", addr, err)
	}
	return n, nil
}

// recipientLocal is the local part by which outbox_recipients (migration 0018) finds every
// outbox row with key among its recipients, so that CountMailTo decodes the recipients of those
// rows only, not of every mail of the hour (a drain of a thousand receipts decoded half a million
// lists). None (ok false) for a key without a canonical form: those rows are all read.
func recipientLocal(key string) (string, bool) {
	if _, ok := address.Canonical(key); !ok {
		return "", false
	}
	return key[:strings.LastIndexByte(key, '@')], true
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
