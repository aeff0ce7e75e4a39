package web

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the pages' catalogue in testdata/pages")

// TestPages_Catalogue renders each page of the seeded board into testdata/pages/, so that its
// Vietnamese can be read and reviewed as text beside the others (go test ./web -update writes
// them), and holds every page to the content security policy: no script, no inline style.
func TestPages_Catalogue(t *testing.T) {
	b := newBoard(t)
	b.seed()
	c := b.loggedIn(RoleClerk)
	pages := map[string]string{
		"index":     "/",
		"form":      FormURL(testForm),
		"unit-qldn": UnitURL("QLDN"),
		"unit-qhxd": UnitURL("QHXD"),
		"diff":      DiffURL(testForm, "2026-11", "QLDN", 1, 2),
		"period":    PeriodURL(testForm, "2026-11"),
		"not-found": UnitURL("NOPE"),
	}
	token := regexp.MustCompile(`name="csrf" value="[^"]+"`)
	for name, path := range pages {
		_, body := b.get(c, path)
		body = token.ReplaceAllString(body, `name="csrf" value="TOKEN"`)
		for _, bad := range []string{"<script", "style=", "javascript:", " on"} {
			if bad == " on" {
				if regexp.MustCompile(` on[a-z]+=`).MatchString(body) {
					t.Errorf("%s: an inline event handler", name)
				}
				continue
			}
			if strings.Contains(body, bad) {
				t.Errorf("%s: contains %q, which the content security policy forbids", name, bad)
			}
		}
		golden := filepath.Join("testdata", "pages", name+".html")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./web -update)", err)
		}
		if string(want) != body {
			t.Errorf("%s differs from %s (run go test ./web -update and read the difference)", name, golden)
		}
	}
}
