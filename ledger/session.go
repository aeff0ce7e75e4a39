package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// StartSession stores a session of s.Account.ID with its event (the log-in), and drops the
// sessions already expired at s.CreatedAt, so the table does not grow with every log-in.
func (l *Ledger) StartSession(ctx context.Context, s Session, events ...Event) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, encodeTime(s.CreatedAt)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_sha256, account_id, csrf, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?)`, s.TokenSHA256, s.Account.ID, s.CSRF, encodeTime(s.CreatedAt), encodeTime(s.ExpiresAt))
		if err != nil {
			return err
		}
		return insertEvents(ctx, tx, withDefaultTime(events, s.CreatedAt))
	})
	if err != nil {
		return fmt.Errorf("start session: %w", err)
	}
	return nil
}

// SessionAt returns the session whose token hashes to tokenSHA256 if it is still valid at now,
// with its account; an unknown or expired session (or one whose account was removed) is an
// error wrapping ErrNotFound.
func (l *Ledger) SessionAt(ctx context.Context, tokenSHA256 string, now time.Time) (Session, error) {
	var s Session
	var created, expires, acctAt string
	err := l.db.QueryRowContext(ctx, `SELECT s.token_sha256, s.csrf, s.created_at, s.expires_at,
			a.id, a.name, a.role, a.password_hash, a.created_at
		FROM sessions s JOIN accounts a ON a.id = s.account_id
		WHERE s.token_sha256 = ? AND s.expires_at > ?`, tokenSHA256, encodeTime(now)).
		Scan(&s.TokenSHA256, &s.CSRF, &created, &expires, &s.Account.ID, &s.Account.Name, &s.Account.Role,
			&s.Account.PasswordHash, &acctAt)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Session{}, fmt.Errorf("session: %w", err)
	}
	var d timeDecoder
	s.CreatedAt, s.ExpiresAt, s.Account.CreatedAt = d.time(created), d.time(expires), d.time(acctAt)
	return s, d.err
}

// EndSession deletes the session (a log-out) with its events; an unknown session is no error.
func (l *Ledger) EndSession(ctx context.Context, tokenSHA256 string, events ...Event) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_sha256 = ?`, tokenSHA256); err != nil {
			return err
		}
		return insertEvents(ctx, tx, events)
	})
	if err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}

// RecordLoginFailure keeps a refused log-in for the lock-out, with its events, and drops the
// failures older than keepSince.
func (l *Ledger) RecordLoginFailure(ctx context.Context, name, addr string, at, keepSince time.Time, events ...Event) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE at < ?`, encodeTime(keepSince)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO login_failures (at, name, addr) VALUES (?, ?, ?)`,
			encodeTime(at), name, addr); err != nil {
			return err
		}
		return insertEvents(ctx, tx, withDefaultTime(events, at))
	})
	if err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	return nil
}

// LoginFailures counts the refused log-ins since since for the name and for the address.
func (l *Ledger) LoginFailures(ctx context.Context, name, addr string, since time.Time) (byName, byAddr int, err error) {
	err = l.db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM login_failures WHERE name = ? AND at >= ?),
			(SELECT count(*) FROM login_failures WHERE addr = ? AND at >= ?)`,
		name, encodeTime(since), addr, encodeTime(since)).Scan(&byName, &byAddr)
	if err != nil {
		return 0, 0, fmt.Errorf("count login failures: %w", err)
	}
	return byName, byAddr, nil
}
