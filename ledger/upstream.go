package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Issue 19, part 3 (tonghop to tonghop): an upper office's template, to fill from our issued
// report of the same period and send back (package upstream).

// UpstreamState is where an upper office's request stands.
type UpstreamState string

// States of an upstream request (see migration 0012).
const (
	UpstreamWaiting UpstreamState = "waiting" // our report is not issued yet
	UpstreamReady   UpstreamState = "ready"   // filled, goes at SendAfter unless held
	UpstreamHeld    UpstreamState = "held"    // the clerks held it back
	UpstreamSent    UpstreamState = "sent"    // queued to the upper office
	UpstreamFailed  UpstreamState = "failed"  // could not be filled; the clerks were told
)

// UpstreamRequest is an upper office's template for one of its forms and periods.
type UpstreamRequest struct {
	Upstream, Form, Period string // the [[upstream]] name, its form code, the period
	Unit                   string // our unit code in the upper office
	ReplyTo                string // the upper address the template came from
	TemplateSHA256         string
	MailID                 int64 // set by RecordIntake
	ReceivedAt             time.Time
	State                  UpstreamState
	Issue                  int // our issue last filled in; 0 none
	FilledSHA256           string
	SendAfter              time.Time
	Note                   string
	UpdatedAt              time.Time
}

// UpstreamUpdate moves a request from the state it was read in (From, FromIssue) to To, with
// the mails and events of the move, in one transaction.
type UpstreamUpdate struct {
	From      UpstreamState
	FromIssue int
	To        UpstreamRequest
	Outbox    []OutMail
	Events    []Event
}

// ErrUpstreamChanged is returned (wrapped) by UpdateUpstream when the request moved since it
// was read: nothing is written.
var ErrUpstreamChanged = errors.New("upstream request changed since it was read")

const upstreamColumns = `upstream, form, period, unit, reply_to, template_sha256, mail_id, received_at, state, issue,
	filled_sha256, send_after, note, updated_at`

// upsertUpstream records a template received (inside RecordIntake): a new request waits; one
// already known keeps its state and what was filled, and takes the newer template — except one
// that could not be filled, which waits again to be filled from the newer template.
func upsertUpstream(ctx context.Context, tx *sql.Tx, r UpstreamRequest, mailID int64) error {
	if !validSHA(r.TemplateSHA256) {
		return fmt.Errorf("upstream %s %s %s: bad template sha256", r.Upstream, r.Form, r.Period)
	}
	at := encodeTime(r.ReceivedAt)
	_, err := tx.ExecContext(ctx, `INSERT INTO upstream_requests (`+upstreamColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', 0, '', '', '', ?)
		ON CONFLICT (upstream, form, period) DO UPDATE SET unit = excluded.unit, reply_to = excluded.reply_to,
			template_sha256 = excluded.template_sha256, mail_id = excluded.mail_id, received_at = excluded.received_at,
			updated_at = excluded.updated_at,
			issue = CASE WHEN state = 'failed' THEN 0 ELSE issue END,
			state = CASE WHEN state = 'failed' THEN 'waiting' ELSE state END`,
		r.Upstream, r.Form, r.Period, r.Unit, r.ReplyTo, r.TemplateSHA256, mailID, at, at)
	return err
}

// UpstreamRequests lists the requests in any of states (all when none), oldest first.
func (l *Ledger) UpstreamRequests(ctx context.Context, states ...UpstreamState) ([]UpstreamRequest, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT `+upstreamColumns+` FROM upstream_requests ORDER BY received_at, upstream, form, period`)
	if err != nil {
		return nil, fmt.Errorf("list upstream requests: %w", err)
	}
	defer rows.Close()
	var out []UpstreamRequest
	for rows.Next() {
		r, err := scanUpstream(rows)
		if err != nil {
			return nil, fmt.Errorf("list upstream requests: %w", err)
		}
		if len(states) == 0 || containsState(states, r.State) {
			out = append(out, r)
		}
	}
	return out, rows.Err()
}

// UpstreamRequest returns one request, or an error wrapping ErrNotFound.
func (l *Ledger) UpstreamRequest(ctx context.Context, upstream, form, period string) (UpstreamRequest, error) {
	row := l.db.QueryRowContext(ctx, `SELECT `+upstreamColumns+` FROM upstream_requests
		WHERE upstream = ? AND form = ? AND period = ?`, upstream, form, period)
	r, err := scanUpstream(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return UpstreamRequest{}, fmt.Errorf("upstream request %s %s %s: %w", upstream, form, period, err)
	}
	return r, nil
}

// UpdateUpstream applies u: the request's state, issue, filled file, send time and note, its
// mails (a key already queued is kept) and events, in one transaction; ErrUpstreamChanged when
// the request is no longer in u.From at u.FromIssue. A filled file must be stored first.
func (l *Ledger) UpdateUpstream(ctx context.Context, u UpstreamUpdate) error {
	r := u.To
	if r.FilledSHA256 != "" && !l.hasBlob(r.FilledSHA256) {
		return fmt.Errorf("update upstream %s %s %s: filled file %s: %w", r.Upstream, r.Form, r.Period, r.FilledSHA256, ErrNotFound)
	}
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE upstream_requests SET state = ?, issue = ?, filled_sha256 = ?,
			send_after = ?, note = ?, updated_at = ? WHERE upstream = ? AND form = ? AND period = ? AND state = ? AND issue = ?`,
			r.State, r.Issue, r.FilledSHA256, encodeOptionalTime(r.SendAfter), r.Note, encodeTime(r.UpdatedAt),
			r.Upstream, r.Form, r.Period, u.From, u.FromIssue)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errors.Join(ErrUpstreamChanged, err)
		}
		for _, m := range u.Outbox {
			if _, _, err := insertOutMail(ctx, tx, m); err != nil {
				return fmt.Errorf("outbox %q: %w", m.Key, err)
			}
		}
		return insertEvents(ctx, tx, withDefaultTime(u.Events, r.UpdatedAt))
	})
	if err != nil {
		return fmt.Errorf("update upstream %s %s %s: %w", r.Upstream, r.Form, r.Period, err)
	}
	return nil
}

func encodeOptionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return encodeTime(t)
}

func containsState(states []UpstreamState, s UpstreamState) bool {
	for _, x := range states {
		if x == s {
			return true
		}
	}
	return false
}

func scanUpstream(s scanner) (UpstreamRequest, error) {
	var r UpstreamRequest
	var received, sendAfter, updated, state string
	err := s.Scan(&r.Upstream, &r.Form, &r.Period, &r.Unit, &r.ReplyTo, &r.TemplateSHA256, &r.MailID, &received, &state,
		&r.Issue, &r.FilledSHA256, &sendAfter, &r.Note, &updated)
	if err != nil {
		return UpstreamRequest{}, err
	}
	r.State = UpstreamState(state)
	var d timeDecoder
	r.ReceivedAt, r.UpdatedAt = d.time(received), d.time(updated)
	if sendAfter != "" {
		r.SendAfter = d.time(sendAfter)
	}
	return r, d.err
}
