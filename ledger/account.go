package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Issue 22, part B: the board's accounts, sessions and failed log-ins. The ledger stores what
// package web decides (hashes, expiry); it never sees a password or a session's token.

// Account is a person who may log in to the board. PasswordHash is a bcrypt hash.
type Account struct {
	ID           int64
	Name         string
	Role         string // "clerk", "leader" or "viewer"
	PasswordHash string
	CreatedAt    time.Time
}

// Session is a logged-in browser: TokenSHA256 is the hash of the cookie's random token, CSRF
// the token its forms carry.
type Session struct {
	TokenSHA256 string
	Account     Account
	CSRF        string
	CreatedAt   time.Time
	ExpiresAt   time.Time
}

// ErrAccountExists is returned by AddAccount for a name already taken.
var ErrAccountExists = errors.New("account exists")

// Audit actions of the board's accounts (actor: AccountActor of the account, or the operator).
const (
	ActionAccountAdded   Action = "account.added"
	ActionAccountRemoved Action = "account.removed"
	ActionLogin          Action = "login.ok"
	ActionLoginFailed    Action = "login.failed"     // a wrong name or password (detail: the address)
	ActionLoginLocked    Action = "login.locked_out" // refused unread: too many failures
	ActionLogout         Action = "login.out"
	// ActionBoardAction is recorded for every state-changing request the board carried out,
	// beside the stage's own events: the account's name and the action's path.
	ActionBoardAction Action = "board.action"
)

// AccountActor names an account of the board as the actor of an audit event.
func AccountActor(name string) string { return "account:" + name }

// AccountObject names an account as the object of an audit event.
func AccountObject(name string) string { return "account:" + name }

// AddAccount stores a new account with its event; a name already taken fails with
// ErrAccountExists.
func (l *Ledger) AddAccount(ctx context.Context, a Account, events ...Event) (Account, error) {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM accounts WHERE name = ?`, a.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrAccountExists
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO accounts (name, role, password_hash, created_at)
			VALUES (?, ?, ?, ?)`, a.Name, a.Role, a.PasswordHash, encodeTime(a.CreatedAt))
		if err != nil {
			return err
		}
		if a.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return insertEvents(ctx, tx, withDefaultTime(events, a.CreatedAt))
	})
	if err != nil {
		return Account{}, fmt.Errorf("add account %q: %w", a.Name, err)
	}
	return a, nil
}

// RemoveAccount deletes an account and its sessions, with its event; an unknown name fails with
// ErrNotFound.
func (l *Ledger) RemoveAccount(ctx context.Context, name string, events ...Event) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM accounts WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, ErrNotFound)
		}
		return insertEvents(ctx, tx, events)
	})
	if err != nil {
		return fmt.Errorf("remove account %q: %w", name, err)
	}
	return nil
}

// Accounts lists the accounts by name.
func (l *Ledger) Accounts(ctx context.Context) ([]Account, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT id, name, role, password_hash, created_at FROM accounts ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		a, err := scanAccount(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("list accounts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AccountByName returns the account, or an error wrapping ErrNotFound.
func (l *Ledger) AccountByName(ctx context.Context, name string) (Account, error) {
	a, err := scanAccount(l.db.QueryRowContext(ctx, `SELECT id, name, role, password_hash, created_at
		FROM accounts WHERE name = ?`, name).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Account{}, fmt.Errorf("account %q: %w", name, err)
	}
	return a, nil
}

func scanAccount(scan func(...any) error) (Account, error) {
	var a Account
	var at string
	if err := scan(&a.ID, &a.Name, &a.Role, &a.PasswordHash, &at); err != nil {
		return Account{}, err
	}
	var err error
	a.CreatedAt, err = decodeTime(at)
	return a, err
}
