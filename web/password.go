package web

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/tonghop/tonghop/ledger"
)

// MinPasswordLength is the shortest password `tonghop user add` takes, in characters.
const MinPasswordLength = 10

// passwordCost is bcrypt's work factor: about a quarter of a second a log-in on a small server
// (a variable only for the tests, which lower it).
var passwordCost = 12

// dummyHash is compared against when the name is unknown, so that a refusal takes as long
// whether the account exists or not: made once, at the accounts' cost, on the first need.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("tonghop: no such account"), passwordCost)
	return h
})

// HashPassword returns the bcrypt hash stored for a password. bcrypt reads at most 72 bytes:
// a longer password is refused rather than silently cut.
func HashPassword(password string) (string, error) {
	switch {
	case utf8.RuneCountInString(password) < MinPasswordLength:
		return "", fmt.Errorf("the password needs at least %d characters", MinPasswordLength)
	case len(password) > 72:
		return "", errors.New("the password is longer than 72 bytes, which bcrypt cannot use")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), passwordCost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(h), nil
}

// CheckPassword reports whether password matches hash; an empty hash (no such account) is
// compared against a dummy so that it costs the same, and never matches.
func CheckPassword(hash, password string) bool {
	if hash == "" {
		bcrypt.CompareHashAndPassword(dummyHash(), []byte(password)) //nolint:errcheck // only the time matters
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

// AddAccount creates an account of the board with its hashed password, recorded in the audit
// trail with the operator who ran the command (actor).
func AddAccount(ctx context.Context, l *ledger.Ledger, name string, role Role, password, actor string, now time.Time) error {
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, " \t\r\n") || len(name) > 64 {
		return fmt.Errorf("account name %q: want one word of at most 64 bytes", name)
	}
	if role == roleNone {
		return errors.New("an account needs a role: clerk, leader or viewer")
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	ev := ledger.Event{At: now, Actor: actor, Action: ledger.ActionAccountAdded, Object: ledger.AccountObject(name), Detail: "role " + role.String()}
	_, err = l.AddAccount(ctx, ledger.Account{Name: name, Role: role.String(), PasswordHash: hash, CreatedAt: now}, ev)
	return err
}

// RemoveAccount deletes an account and ends its sessions, recorded in the audit trail.
func RemoveAccount(ctx context.Context, l *ledger.Ledger, name, actor string, now time.Time) error {
	ev := ledger.Event{At: now, Actor: actor, Action: ledger.ActionAccountRemoved, Object: ledger.AccountObject(name)}
	return l.RemoveAccount(ctx, name, ev)
}
