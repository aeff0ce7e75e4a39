package web

import (
	"fmt"

	"github.com/tonghop/tonghop/ledger"
)

// Role is what an account may do on the board. The order matters: a role may do what every
// lower role may.
type Role int

// Roles, from the least allowed.
const (
	roleNone   Role = iota
	RoleViewer      // reads every page
	RoleLeader      // reads every page (a leader decides by mail, as before)
	RoleClerk       // reads and acts
)

// ParseRole reads a role's name as written in `tonghop user add --role`.
func ParseRole(s string) (Role, error) {
	switch s {
	case "clerk":
		return RoleClerk, nil
	case "leader":
		return RoleLeader, nil
	case "viewer":
		return RoleViewer, nil
	}
	return roleNone, fmt.Errorf("role %q: want clerk, leader or viewer", s)
}

// String is the role's name as stored in the ledger.
func (r Role) String() string {
	switch r {
	case RoleClerk:
		return "clerk"
	case RoleLeader:
		return "leader"
	case RoleViewer:
		return "viewer"
	}
	return "none"
}

// Allows reports whether an account of role r may do what needs role need; an unknown role may
// do nothing.
func (r Role) Allows(need Role) bool { return r != roleNone && need != roleNone && r >= need }

// Account is the person logged in.
type Account struct {
	Name string
	Role Role
}

// Actor names the account in the audit trail.
func (a Account) Actor() string { return ledger.AccountActor(a.Name) }

func accountOf(a ledger.Account) Account {
	r, err := ParseRole(a.Role)
	if err != nil {
		r = roleNone // fail closed: a role this binary does not know may do nothing
	}
	return Account{Name: a.Name, Role: r}
}
