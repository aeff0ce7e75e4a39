package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The scheduler reads the outbox on every pass; these queries answer its questions in one
// statement each, by a range of the unique key (its index) rather than one lookup per key.

// The queries, apart so that a test can check their plans.
var (
	templateTimesQuery = `SELECT key, not_before, sent_at FROM outbox WHERE key >= ? AND key < ?`
	latestDigestQuery  = `SELECT ` + outColumns + ` FROM outbox WHERE key >= ? AND key <= ?
		ORDER BY key DESC LIMIT 1`
)

// MailTimes is when an outbox mail was due to leave and, once sent, when it left.
type MailTimes struct{ NotBefore, SentAt time.Time }

// TemplateTimes returns, by unit, the times of the units' templates for a form's period that are
// in the outbox (whatever their status): the same as OutMail(TemplateKey(form, period, unit))
// for each unit, in one query.
func (l *Ledger) TemplateTimes(ctx context.Context, form, period string) (map[string]MailTimes, error) {
	prefix := TemplateKey(form, period, "")
	rows, err := l.db.QueryContext(ctx, templateTimesQuery, prefix, prefixEnd(prefix))
	if err != nil {
		return nil, fmt.Errorf("templates of %s %s: %w", form, period, err)
	}
	defer rows.Close()
	out := map[string]MailTimes{}
	for rows.Next() {
		var key, notBefore, sent string
		if err := rows.Scan(&key, &notBefore, &sent); err != nil {
			return nil, fmt.Errorf("templates of %s %s: %w", form, period, err)
		}
		var d timeDecoder
		t := MailTimes{NotBefore: d.time(notBefore), SentAt: d.time(sent)}
		if d.err != nil {
			return nil, fmt.Errorf("template %q: %w", key, d.err)
		}
		// Every key in the range starts with prefix, so the rest is the unit whose TemplateKey
		// it is.
		out[strings.TrimPrefix(key, prefix)] = t
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("templates of %s %s: %w", form, period, err)
	}
	return out, nil
}

// prefixEnd is the least string greater than every string that starts with prefix, for a key
// range the index can seek (LIKE or substr would scan the table). The prefixes we search end
// in ':', an ASCII byte, so incrementing the last byte never carries.
func prefixEnd(prefix string) string {
	b := []byte(prefix)
	b[len(b)-1]++
	return string(b)
}

// LatestDigest returns the latest clerks' digest of the days from first's date to last's date
// (each in its location), or an error wrapping ErrNotFound: the same as trying DigestKey of each
// day from last back to first, in one query. Digest keys end in the date written year first, so
// their order is the days' order.
func (l *Ledger) LatestDigest(ctx context.Context, first, last time.Time) (OutMail, error) {
	m, err := scanOutMail(l.db.QueryRowContext(ctx, latestDigestQuery, DigestKey(first), DigestKey(last)))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return OutMail{}, fmt.Errorf("digest of %s to %s: %w", first.Format(dayLayout), last.Format(dayLayout), err)
	}
	return m, nil
}

// InOutbox reports whether a mail is enqueued under key, whatever its status: OutMail's
// question without reading the mail, which the scheduler asks of every step still due.
func (l *Ledger) InOutbox(ctx context.Context, key string) (bool, error) {
	var in bool
	err := l.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM outbox WHERE key = ?)`, key).Scan(&in)
	if err != nil {
		return false, fmt.Errorf("outbox %q: %w", key, err)
	}
	return in, nil
}
