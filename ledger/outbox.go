package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Attachment is a file attached to an outgoing mail; its content is the blob SHA256.
type Attachment struct{ Name, ContentType, SHA256 string }

// OutMail is a mail waiting in (or gone through) the outbox. The sender worker takes due mails
// with ClaimDue and settles each with MarkSent, MarkRetry or MarkFailed:
//
//	pending --ClaimDue--> sending --MarkSent--> sent
//	                         |----MarkRetry---> pending (NotBefore = next try)
//	                         `----MarkFailed--> failed
//	pending --Cancel / CancelPending--> cancelled   (no longer needed: never sent)
//
// A crash while sending leaves the mail in "sending"; RequeueSending at start-up puts it back, so
// delivery is at least once (the Message-ID stays the caller's to make stable, for dedupe by
// recipients' clients).
type OutMail struct {
	ID          int64
	Key         string // idempotency key, unique: enqueueing the same key twice stores (and sends) once
	Kind        Kind
	About       About // what a scheduled mail asks for; empty for other mail
	To, Cc      []string
	Subject     string
	Body        string // plain text
	Attachments []Attachment
	InReplyTo   string
	References  []string
	NotBefore   time.Time
	Status      string // "pending", "sending", "sent", "failed"
	Attempts    int
	LastError   string
	MessageID   string // set by MarkSent
	CreatedAt   time.Time
	SentAt      time.Time
}

// About is the form, period and unit a scheduled mail (a template, reminder or nag) asks for,
// and its step (a reminder's or nag's number; 0 for a template). It is stored beside the key
// so that whoever asks what the mail is about (is it still needed? which reminders went out?)
// reads it, and never parses the key.
type About struct {
	Form, Period, Unit string
	Step               int
}

// Outbox statuses.
const (
	OutPending   = "pending"
	OutSending   = "sending"
	OutSent      = "sent"
	OutFailed    = "failed"
	OutCancelled = "cancelled"
)

// Enqueue stores m as pending unless a mail with the same Key exists; then nothing is written and
// created is false. The events are recorded, in the same transaction, only if the mail was
// created (an event without a time gets m.CreatedAt). Status, Attempts, LastError, MessageID and
// SentAt of m are ignored: a new mail starts pending with no attempts.
func (l *Ledger) Enqueue(ctx context.Context, m OutMail, events ...Event) (id int64, created bool, err error) {
	err = l.inTx(ctx, func(tx *sql.Tx) error {
		id, created, err = insertOutMail(ctx, tx, m)
		if err != nil || !created {
			return err
		}
		return insertEvents(ctx, tx, withDefaultTime(events, m.CreatedAt))
	})
	if err != nil {
		return 0, false, fmt.Errorf("enqueue %q: %w", m.Key, err)
	}
	return id, created, nil
}

// insertOutMail adds m as pending, or returns the ID of the mail already stored under its key.
func insertOutMail(ctx context.Context, tx *sql.Tx, m OutMail) (int64, bool, error) {
	if err := checkOutMail(m); err != nil {
		return 0, false, err
	}
	lists, err := encodeLists(m)
	if err != nil {
		return 0, false, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO outbox (key, kind, form, period, unit, step, to_addrs,
		cc_addrs, subject, body, attachments, in_reply_to, refs, not_before, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (key) DO NOTHING`,
		m.Key, m.Kind, m.About.Form, m.About.Period, m.About.Unit, m.About.Step, lists.to, lists.cc,
		m.Subject, m.Body, lists.attachments, m.InReplyTo, lists.refs, encodeTime(m.NotBefore),
		encodeTime(m.CreatedAt))
	if err != nil {
		return 0, false, fmt.Errorf("insert outbox: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, false, fmt.Errorf("insert outbox: %w", err)
	}
	if n == 1 {
		id, err := res.LastInsertId()
		return id, true, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM outbox WHERE key = ?`, m.Key).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("find outbox: %w", err)
	}
	return id, false, nil
}

func checkOutMail(m OutMail) error {
	switch {
	case m.Key == "":
		return errors.New("outbox mail without key")
	case m.Kind == "":
		return errors.New("outbox mail without kind")
	case len(m.To) == 0:
		return errors.New("outbox mail without recipient")
	case m.CreatedAt.IsZero():
		return errors.New("outbox mail without creation time")
	}
	for _, a := range m.Attachments {
		if !validSHA(a.SHA256) {
			return fmt.Errorf("attachment %q: bad sha256 %q", a.Name, a.SHA256)
		}
	}
	return nil
}

// ClaimDue hands out up to limit pending mails whose NotBefore is at or before now, oldest first,
// marking them "sending" and counting the attempt. The claim is one transaction, so two workers
// never get the same mail.
func (l *Ledger) ClaimDue(ctx context.Context, now time.Time, limit int) ([]OutMail, error) {
	if limit <= 0 {
		return nil, nil
	}
	var out []OutMail
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := dueIDs(ctx, tx, now, limit)
		if err != nil {
			return err
		}
		for _, id := range ids {
			_, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'sending', attempts = attempts + 1
				WHERE id = ?`, id)
			if err != nil {
				return err
			}
			m, err := scanOutMail(tx.QueryRowContext(ctx, `SELECT `+outColumns+` FROM outbox WHERE id = ?`, id))
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim due outbox: %w", err)
	}
	return out, nil
}

func dueIDs(ctx context.Context, tx *sql.Tx, now time.Time, limit int) ([]int64, error) {
	return queryIDs(ctx, tx, `SELECT id FROM outbox WHERE status = 'pending' AND not_before <= ?
		ORDER BY not_before, id LIMIT ?`, encodeTime(now), limit)
}

// queryIDs runs a query that selects one id column and returns the ids.
func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// MarkSent settles a claimed mail as sent with the Message-ID it went out with, and records the
// event ActionOutboxSent.
func (l *Ledger) MarkSent(ctx context.Context, id int64, messageID string, at time.Time) error {
	err := l.settle(ctx, id, `status = 'sent', message_id = ?, sent_at = ?, last_error = ''`,
		[]any{messageID, encodeTime(at)},
		Event{At: at, Actor: "system", Action: ActionOutboxSent, Object: outboxObject(id), Detail: messageID})
	if err != nil {
		return fmt.Errorf("mark outbox %d sent: %w", id, err)
	}
	return nil
}

// MarkRetry puts a claimed mail back to pending after a temporary failure, to be tried again at
// next.
func (l *Ledger) MarkRetry(ctx context.Context, id int64, errText string, next time.Time) error {
	err := l.settle(ctx, id, `status = 'pending', last_error = ?, not_before = ?`,
		[]any{errText, encodeTime(next)})
	if err != nil {
		return fmt.Errorf("mark outbox %d for retry: %w", id, err)
	}
	return nil
}

// MarkFailed gives up on a claimed mail after a permanent failure and records the event
// ActionOutboxFailed.
func (l *Ledger) MarkFailed(ctx context.Context, id int64, errText string, at time.Time) error {
	err := l.settle(ctx, id, `status = 'failed', last_error = ?`, []any{errText},
		Event{At: at, Actor: "system", Action: ActionOutboxFailed, Object: outboxObject(id), Detail: errText})
	if err != nil {
		return fmt.Errorf("mark outbox %d failed: %w", id, err)
	}
	return nil
}

// settle applies set to a mail in status "sending" and records events, in one transaction.
func (l *Ledger) settle(ctx context.Context, id int64, set string, args []any, events ...Event) error {
	return l.inTx(ctx, func(tx *sql.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, `SELECT status FROM outbox WHERE id = ?`, id).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if status != OutSending {
			return fmt.Errorf("status is %s: %w", status, ErrNotClaimed)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET `+set+` WHERE id = ?`, append(args, id)...); err != nil {
			return err
		}
		return insertEvents(ctx, tx, events)
	})
}

// RequeueSending puts mails left in "sending" (by a crash mid-send) back to pending and returns
// how many. Call it at start-up, before any worker claims mail.
func (l *Ledger) RequeueSending(ctx context.Context) (int, error) {
	res, err := l.db.ExecContext(ctx, `UPDATE outbox SET status = 'pending' WHERE status = 'sending'`)
	if err != nil {
		return 0, fmt.Errorf("requeue sending outbox: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("requeue sending outbox: %w", err)
	}
	return int(n), nil
}

// OutMail returns the mail enqueued under key, or an error wrapping ErrNotFound.
func (l *Ledger) OutMail(ctx context.Context, key string) (OutMail, error) {
	m, err := scanOutMail(l.db.QueryRowContext(ctx, `SELECT `+outColumns+` FROM outbox WHERE key = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return OutMail{}, fmt.Errorf("outbox %q: %w", key, err)
	}
	return m, nil
}

// Outbox returns the mails with status ("" for all), by ID.
func (l *Ledger) Outbox(ctx context.Context, status string) ([]OutMail, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT `+outColumns+` FROM outbox
		WHERE ? = '' OR status = ? ORDER BY id`, status, status)
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	defer rows.Close()
	var out []OutMail
	for rows.Next() {
		m, err := scanOutMail(rows)
		if err != nil {
			return nil, fmt.Errorf("list outbox: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	return out, nil
}

// outboxObject names an outbox mail in events.
func outboxObject(id int64) string { return "outbox:" + strconv.FormatInt(id, 10) }

var outColumns = strings.Join([]string{"id", "key", "kind", "form", "period", "unit", "step",
	"to_addrs", "cc_addrs", "subject", "body", "attachments", "in_reply_to", "refs", "not_before",
	"status", "attempts", "last_error", "message_id", "created_at", "sent_at"}, ", ")

func scanOutMail(s scanner) (OutMail, error) {
	var m OutMail
	var lists outLists
	var notBefore, created, sent string
	err := s.Scan(&m.ID, &m.Key, &m.Kind, &m.About.Form, &m.About.Period, &m.About.Unit, &m.About.Step,
		&lists.to, &lists.cc, &m.Subject, &m.Body, &lists.attachments, &m.InReplyTo, &lists.refs,
		&notBefore, &m.Status, &m.Attempts, &m.LastError, &m.MessageID, &created, &sent)
	if err != nil {
		return OutMail{}, err
	}
	if err := lists.decodeInto(&m); err != nil {
		return OutMail{}, fmt.Errorf("outbox %d: %w", m.ID, err)
	}
	var d timeDecoder
	m.NotBefore, m.CreatedAt, m.SentAt = d.time(notBefore), d.time(created), d.time(sent)
	return m, d.err
}

// outLists holds the list fields of an OutMail as the JSON text stored in their columns.
type outLists struct{ to, cc, refs, attachments string }

func encodeLists(m OutMail) (outLists, error) {
	var l outLists
	var err error
	for _, f := range []struct {
		dst *string
		v   any
	}{{&l.to, m.To}, {&l.cc, m.Cc}, {&l.refs, m.References}, {&l.attachments, m.Attachments}} {
		if *f.dst, err = jsonList(f.v); err != nil {
			return outLists{}, err
		}
	}
	return l, nil
}

// jsonList encodes a slice, nil as "[]", so the columns always hold a JSON array.
func jsonList(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode list: %w", err)
	}
	if string(b) == "null" {
		return "[]", nil
	}
	return string(b), nil
}

func (l outLists) decodeInto(m *OutMail) error {
	for _, f := range []struct {
		src string
		dst any
	}{{l.to, &m.To}, {l.cc, &m.Cc}, {l.refs, &m.References}, {l.attachments, &m.Attachments}} {
		if f.src == "[]" {
			continue // leave the field nil, as it was enqueued
		}
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return fmt.Errorf("decode list %q: %w", f.src, err)
		}
	}
	return nil
}
