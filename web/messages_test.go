package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/ledger"
)

// TestMessages_NFC: every Vietnamese text of the board, in its messages and its templates, is
// in NFC, so that a search, a comparison or a font sees one letter where people see one.
func TestMessages_NFC(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".html")) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !norm.NFC.IsNormal(data) {
			t.Errorf("%s is not in NFC", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRoles: a role allows what it and the roles below it may; nothing allows the zero role's
// needs, and an unknown role stored in the ledger may do nothing.
func TestRoles(t *testing.T) {
	cases := []struct {
		have, need Role
		want       bool
	}{
		{RoleClerk, RoleClerk, true}, {RoleClerk, RoleViewer, true}, {RoleLeader, RoleClerk, false},
		{RoleViewer, RoleClerk, false}, {RoleViewer, RoleViewer, true}, {roleNone, RoleViewer, false}, {RoleClerk, roleNone, false},
	}
	for _, c := range cases {
		if got := c.have.Allows(c.need); got != c.want {
			t.Errorf("%s allows %s: got %v, want %v", c.have, c.need, got, c.want)
		}
	}
	if a := accountOf(ledgerAccount("admin")); a.Role != roleNone {
		t.Errorf("a stored role %q: got %s, want none", "admin", a.Role)
	}
}

func ledgerAccount(role string) ledger.Account { return ledger.Account{Name: "x", Role: role} }
