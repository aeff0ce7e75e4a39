package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// RegisterWait is an approved report of a form the registry clerk numbers, waiting for the
// number her reply gives (issue 20, part R). Action is the approval's issue action, as JSON,
// carried out once she has given it.
type RegisterWait struct {
	Form, Period string
	Version      int
	Action       json.RawMessage
	Since        time.Time
	Asked        int // letters that asked her: the first and each ask again
	Reminded     int // reminders sent
}

// RegisterWaits lists the reports waiting for a number, by form and period.
func (l *Ledger) RegisterWaits(ctx context.Context) ([]RegisterWait, error) {
	out, err := queryWaits(ctx, l.db, `1 ORDER BY form, period`)
	if err != nil {
		return nil, fmt.Errorf("reports waiting for a number: %w", err)
	}
	return out, nil
}

// RegisterWaitOf returns the wait of a form's period, or ErrNotFound when it waits for none.
func (l *Ledger) RegisterWaitOf(ctx context.Context, form, period string) (RegisterWait, error) {
	out, err := queryWaits(ctx, l.db, `form = ? AND period = ?`, form, period)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return RegisterWait{}, fmt.Errorf("wait for a number of %s %s: %w", form, period, err)
	}
	return out[0], nil
}

// RemindRegistry records a reminder to the registry clerk about w: its mails queued and the
// count raised, unless the wait changed since it was read (ErrConflict) or ended.
func (l *Ledger) RemindRegistry(ctx context.Context, w RegisterWait, mails []OutMail, events []Event, at time.Time) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE register_waits SET reminded = reminded + 1 WHERE form = ? AND period = ? AND reminded = ?`,
			w.Form, w.Period, w.Reminded)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errors.Join(err, ErrConflict)
		}
		for _, m := range mails {
			if _, _, err := insertOutMail(ctx, tx, m); err != nil {
				return fmt.Errorf("outbox %q: %w", m.Key, err)
			}
		}
		return insertEvents(ctx, tx, withDefaultTime(events, at))
	})
	if err != nil {
		return fmt.Errorf("remind the registry of %s %s: %w", w.Form, w.Period, err)
	}
	return nil
}

func queryWaits(ctx context.Context, q queryer, where string, args ...any) ([]RegisterWait, error) {
	rows, err := q.QueryContext(ctx, `SELECT form, period, version, action, since, asked, reminded FROM register_waits WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RegisterWait
	for rows.Next() {
		var w RegisterWait
		var action, since string
		if err := rows.Scan(&w.Form, &w.Period, &w.Version, &action, &since, &w.Asked, &w.Reminded); err != nil {
			return nil, err
		}
		w.Action = json.RawMessage(action)
		if w.Since, err = decodeTime(since); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

func checkWait(w RegisterWait) error {
	switch {
	case w.Form == "" || w.Period == "" || w.Version < 1:
		return errors.New("wait for a number: form, period and version are required")
	case !json.Valid(w.Action):
		return errors.New("wait for a number: the action is not valid JSON")
	case w.Since.IsZero():
		return errors.New("wait for a number: since is required")
	}
	return nil
}

// putWait records w, replacing the wait of its form's period.
func putWait(ctx context.Context, tx *sql.Tx, w RegisterWait) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO register_waits (form, period, version, action, since, asked, reminded)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (form, period) DO UPDATE SET version = excluded.version,
		action = excluded.action, since = excluded.since, asked = excluded.asked, reminded = excluded.reminded`,
		w.Form, w.Period, w.Version, string(w.Action), encodeTime(w.Since), max(w.Asked, 1), w.Reminded)
	if err != nil {
		return fmt.Errorf("wait for a number: %w", err)
	}
	return nil
}
