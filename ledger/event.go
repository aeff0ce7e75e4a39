package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Event is one line of the audit trail: who did what to which object, and when. Events are
// append-only; the database itself refuses to change or delete one.
type Event struct {
	ID     int64
	At     time.Time
	Actor  string // "system", a unit code, an email address, "leader:<id>"
	Action Action // e.g. ActionMailReceived, ActionSubmissionAccepted, Queued(KindReceipt)
	Object string // e.g. "form:BM.02.01/KH/2026-11/unit:PKH", "outbox:42"
	Detail string
}

// Record appends events in one transaction. Each needs an Action and a non-zero At.
func (l *Ledger) Record(ctx context.Context, events ...Event) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		return insertEvents(ctx, tx, events)
	})
	if err != nil {
		return fmt.Errorf("record events: %w", err)
	}
	return nil
}

// Events returns up to limit events with ID greater than afterID, by ID; limit <= 0 means all.
// Paging by the last ID seen lets a reader follow the trail without missing or repeating lines.
func (l *Ledger) Events(ctx context.Context, afterID int64, limit int) ([]Event, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := l.db.QueryContext(ctx, `SELECT id, at, actor, action, object, detail
		FROM events WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Object, &e.Detail); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		if e.At, err = decodeTime(at); err != nil {
			return nil, fmt.Errorf("list events: event %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return out, nil
}

// insertEvents validates and appends events inside tx.
func insertEvents(ctx context.Context, tx *sql.Tx, events []Event) error {
	for _, e := range events {
		if err := checkEvent(e); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO events (at, actor, action, object, detail)
			VALUES (?, ?, ?, ?, ?)`, encodeTime(e.At), e.Actor, e.Action, e.Object, e.Detail)
		if err != nil {
			return fmt.Errorf("insert event %s: %w", e.Action, err)
		}
	}
	return nil
}

func checkEvent(e Event) error {
	if e.Action == "" {
		return errors.New("event without action")
	}
	if e.At.IsZero() {
		return fmt.Errorf("event %s without time", e.Action)
	}
	return nil
}

// withDefaultTime gives events that carry no time the time of the record they come with (the
// mail received, the mail enqueued), which is what the caller means in that case.
func withDefaultTime(events []Event, at time.Time) []Event {
	out := make([]Event, len(events))
	for i, e := range events {
		if e.At.IsZero() {
			e.At = at
		}
		out[i] = e
	}
	return out
}

// FirstEvent returns the earliest event with the given action on object, or an error wrapping
// ErrNotFound: when a report was issued (ActionReportIssued on PeriodObject), for example.
func (l *Ledger) FirstEvent(ctx context.Context, action Action, object string) (Event, error) {
	var e Event
	var at string
	err := l.db.QueryRowContext(ctx, `SELECT id, at, actor, action, object, detail FROM events
		WHERE object = ? AND action = ? ORDER BY at, id LIMIT 1`, object, action).
		Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Object, &e.Detail)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Event{}, fmt.Errorf("event %s on %s: %w", action, object, err)
	}
	if e.At, err = decodeTime(at); err != nil {
		return Event{}, fmt.Errorf("event %d: %w", e.ID, err)
	}
	return e, nil
}
