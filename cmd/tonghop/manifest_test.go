package main

import (
	"strings"
	"testing"
)

func TestParseManifest(t *testing.T) {
	t.Parallel()
	sum := strings.Repeat("ab", 32)
	tests := []struct {
		name string
		in   string
		want string // "" for success, else part of the error
	}{
		{"OK", sum + "  data/ledger.db\n" + sum + "  backup.json\n", ""},
		{"Empty", "", "lists no file"},
		{"OneSpace", sum + " data/ledger.db\n", "want \"sha256  path\""},
		{"ShortSum", "abc  data/ledger.db\n", "want \"sha256  path\""},
		{"UpperSum", strings.ToUpper(sum) + "  data/ledger.db\n", "want \"sha256  path\""},
		{"Parent", sum + "  ../ledger.db\n", "not inside the backup"},
		{"Absolute", sum + "  /etc/passwd\n", "not inside the backup"},
		{"Unclean", sum + "  data/./ledger.db\n", "not inside the backup"},
		{"Itself", sum + "  MANIFEST\n", "not inside the backup"},
		{"Twice", sum + "  a\n" + sum + "  a\n", "listed twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := parseManifest([]byte(tt.in))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("got %v, want no error", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("got %v, want an error with %q", err, tt.want)
			case tt.want == "" && string(m.marshal()) != sum+"  backup.json\n"+sum+"  data/ledger.db\n":
				t.Errorf("marshal: got %q", m.marshal())
			}
		})
	}
}

// FuzzParseManifest: a manifest comes from a directory carried between machines; whatever it
// holds, parsing never panics and never accepts a path that leaves the backup.
func FuzzParseManifest(f *testing.F) {
	sum := strings.Repeat("0", 64)
	f.Add([]byte(sum + "  data/ledger.db\n"))
	f.Add([]byte(sum + "  ../x\n"))
	f.Add([]byte(sum + "  a  b\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseManifest(data)
		if err != nil {
			return
		}
		for name := range m {
			if strings.HasPrefix(name, "/") || name == ".." || strings.HasPrefix(name, "../") || strings.Contains(name, "/../") {
				t.Fatalf("accepted path %q", name)
			}
		}
		again, err := parseManifest(m.marshal())
		if err != nil || len(again) != len(m) {
			t.Fatalf("marshal does not parse back: %v", err)
		}
	})
}

func TestWithin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		dir, path string
		want      bool
	}{
		{"/srv/data", "/srv/data", true},
		{"/srv/data", "/srv/data/backup", true},
		{"/srv/data", "/srv/data/../data/x", true},
		{"/srv/data", "/srv/data-backup", false},
		{"/srv/data", "/srv", false},
		{"/srv/data", "/var/backups/tonghop", false},
	}
	for _, tt := range tests {
		if got, err := within(tt.dir, tt.path); err != nil || got != tt.want {
			t.Errorf("within(%q, %q): got %v, %v; want %v", tt.dir, tt.path, got, err, tt.want)
		}
	}
}
