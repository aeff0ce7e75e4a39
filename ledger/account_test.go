package ledger

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestAccounts_SessionsAndFailures(t *testing.T) {
	l, ctx := openTest(t), context.Background()
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	a, err := l.AddAccount(ctx, Account{Name: "vanthu", Role: "clerk", PasswordHash: "$2a$hash", CreatedAt: now},
		Event{Actor: "operator", Action: ActionAccountAdded, Object: AccountObject("vanthu")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddAccount(ctx, Account{Name: "vanthu", Role: "viewer", PasswordHash: "x", CreatedAt: now}); !errors.Is(err, ErrAccountExists) {
		t.Errorf("same name again: got %v, want ErrAccountExists", err)
	}
	if _, err := l.AddAccount(ctx, Account{Name: "x", Role: "admin", PasswordHash: "x", CreatedAt: now}); err == nil {
		t.Errorf("role admin: stored, want refused by the schema")
	}
	s := Session{TokenSHA256: "abc", Account: a, CSRF: "tok", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	if err := l.StartSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	got, err := l.SessionAt(ctx, "abc", now.Add(59*time.Minute))
	if err != nil || got.Account.Name != "vanthu" || got.CSRF != "tok" {
		t.Fatalf("session within its hour: got %+v, %v", got, err)
	}
	if _, err := l.SessionAt(ctx, "abc", now.Add(time.Hour)); !errors.Is(err, ErrNotFound) {
		t.Errorf("session at its expiry: got %v, want ErrNotFound", err)
	}
	if err := l.RemoveAccount(ctx, "vanthu"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.SessionAt(ctx, "abc", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("session of a removed account: got %v, want ErrNotFound", err)
	}
	if err := l.RemoveAccount(ctx, "vanthu"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing it again: got %v, want ErrNotFound", err)
	}
	for i := range 3 {
		at := now.Add(time.Duration(i) * 10 * time.Minute)
		if err := l.RecordLoginFailure(ctx, "vanthu", "192.0.2.1", at, at.Add(-24*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	byName, byAddr, err := l.LoginFailures(ctx, "vanthu", "192.0.2.9", now.Add(5*time.Minute))
	if err != nil || byName != 2 || byAddr != 0 {
		t.Errorf("failures since 09:05: got %d by name, %d by address (%v), want 2 and 0", byName, byAddr, err)
	}
}
