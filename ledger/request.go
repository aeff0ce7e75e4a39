package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// MaxRequests is how many one-off requests a form can have in a year: the key's number has two
// digits (period.MaxRequests).
const MaxRequests = 99

// ErrTooManyRequests is returned (wrapped) by CreateRequest when the form already has
// MaxRequests one-off requests in the year.
var ErrTooManyRequests = errors.New("the form has 99 one-off requests this year already")

// Request is a one-off request (tonghop request): a numbered period of a form, asked of some
// units by a date.
type Request struct {
	Form, Period  string // Period set by CreateRequest: "2026-R03"
	Year          int    // the office-zone year the request was made: the key's year
	Number        int    // set by CreateRequest: 3 for "2026-R03"
	Title, Covers string // what is asked, and the time it covers, as the clerk wrote them
	Units         []string
	Due           time.Time
	CreatedAt     time.Time // in the office's zone: its period starts at 00:00 that day
	CreatedBy     string
}

// CreateRequest numbers the form's next one-off period of r.Year and records it, its period row
// (open; start the creation day, end and deadline r.Due) and ev (request.created, its Object
// filled in when empty) in one transaction. ErrTooManyRequests past 99.
func (l *Ledger) CreateRequest(ctx context.Context, r Request, ev Event) (Request, error) {
	if err := checkRequest(r); err != nil {
		return Request{}, fmt.Errorf("create request of %s: %w", r.Form, err)
	}
	units, err := json.Marshal(r.Units)
	if err != nil {
		return Request{}, fmt.Errorf("create request of %s: %w", r.Form, err)
	}
	err = l.inTx(ctx, func(tx *sql.Tx) error {
		var last int
		err := tx.QueryRowContext(ctx, `SELECT coalesce(max(number), 0) FROM requests
			WHERE form = ? AND year = ?`, r.Form, r.Year).Scan(&last)
		if err != nil {
			return err
		}
		if last >= MaxRequests {
			return ErrTooManyRequests
		}
		r.Number = last + 1
		r.Period = RequestPeriod(r.Year, r.Number)
		y, m, d := r.CreatedAt.Date()
		p := Period{Form: r.Form, Period: r.Period, Start: time.Date(y, m, d, 0, 0, 0, 0, r.CreatedAt.Location()),
			End: r.Due, Deadline: r.Due, Status: PeriodOpen, OpenedAt: r.CreatedAt}
		created, err := ensurePeriod(ctx, tx, p)
		if err != nil {
			return err
		}
		if !created {
			return fmt.Errorf("period %s already exists", r.Period)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO requests
			(form, period, year, number, title, covers, units, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Form, r.Period, r.Year, r.Number, r.Title, r.Covers,
			string(units), encodeTime(r.CreatedAt), r.CreatedBy)
		if err != nil {
			return err
		}
		if ev.Object == "" {
			ev.Object = PeriodObject(r.Form, r.Period)
		}
		return insertEvents(ctx, tx, []Event{ev})
	})
	if err != nil {
		return Request{}, fmt.Errorf("create request of %s: %w", r.Form, err)
	}
	return r, nil
}

// RequestPeriod is the key of a form's n-th one-off request of year: "2026-R03".
func RequestPeriod(year, n int) string { return fmt.Sprintf("%04d-R%02d", year, n) }

func checkRequest(r Request) error {
	switch {
	case r.Form == "":
		return errors.New("form is required")
	case r.Year < 1000 || r.Year > 9999:
		return fmt.Errorf("year %d out of range", r.Year)
	case len(r.Units) == 0:
		return errors.New("no units asked")
	case r.Due.IsZero() || r.CreatedAt.IsZero():
		return errors.New("due and creation times are required")
	case !r.Due.After(r.CreatedAt):
		return errors.New("due before it is made")
	case r.CreatedBy == "":
		return errors.New("who made it is required")
	}
	return nil
}

const requestColumns = `r.form, r.period, r.year, r.number, r.title, r.covers, r.units, p.deadline,
	r.created_at, r.created_by`

// Request returns one request, or an error wrapping ErrNotFound.
func (l *Ledger) Request(ctx context.Context, form, period string) (Request, error) {
	row := l.db.QueryRowContext(ctx, `SELECT `+requestColumns+` FROM requests r
		JOIN periods p ON p.form = r.form AND p.period = r.period
		WHERE r.form = ? AND r.period = ?`, form, period)
	r, err := scanRequest(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Request{}, fmt.Errorf("request %s %s: %w", form, period, err)
	}
	return r, nil
}

// OpenRequests are the requests whose period is open, by due time.
func (l *Ledger) OpenRequests(ctx context.Context) ([]Request, error) {
	return l.requests(ctx, `p.status = 'open' ORDER BY p.deadline, r.form, r.period`)
}

// Requests are form's requests made in year, by number.
func (l *Ledger) Requests(ctx context.Context, form string, year int) ([]Request, error) {
	return l.requests(ctx, `r.form = ? AND r.year = ? ORDER BY r.number`, form, year)
}

// requestsFrom reads the requests, each with its period. CROSS JOIN keeps requests the outer
// table: left to choose, SQLite scanned every period of every form for the open ones (the
// scheduler's question on every pass), where the requests are few and each finds its period by
// the primary key.
const requestsFrom = `SELECT ` + requestColumns + ` FROM requests r
		CROSS JOIN periods p ON p.form = r.form AND p.period = r.period WHERE `

func (l *Ledger) requests(ctx context.Context, where string, args ...any) ([]Request, error) {
	rows, err := l.db.QueryContext(ctx, requestsFrom+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list requests: %w", err)
	}
	defer rows.Close()
	var out []Request
	for rows.Next() {
		r, err := scanRequest(rows)
		if err != nil {
			return nil, fmt.Errorf("list requests: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list requests: %w", err)
	}
	return out, nil
}

func scanRequest(s scanner) (Request, error) {
	var r Request
	var units, due, created string
	err := s.Scan(&r.Form, &r.Period, &r.Year, &r.Number, &r.Title, &r.Covers, &units, &due,
		&created, &r.CreatedBy)
	if err != nil {
		return Request{}, err
	}
	if err := json.Unmarshal([]byte(units), &r.Units); err != nil {
		return Request{}, fmt.Errorf("stored units %q: %w", units, err)
	}
	var d timeDecoder
	r.Due, r.CreatedAt = d.time(due), d.time(created)
	return r, d.err
}
