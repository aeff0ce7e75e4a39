package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/demotest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// TestDemo_EveryPage runs the demo's fortnight and opens every page of the board on its ledger
// (each form, unit and period, the difference of each unit's last two versions) and every
// download the pages link to: each answers 200, and each download is the stored file.
func TestDemo_EveryPage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo")
	}
	dir := t.TempDir()
	// Six units, not the default eight: the first six play every behaviour the demo has (on
	// time, mistakes then corrected, late, silent), so every kind of page is there; the last two
	// would only add pages like the first ones.
	demotest.Office(t, dir, "--units", "6")
	cfg, err := config.LoadListing(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	of, err := office.Compile(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	b := &board{t: t, office: of, ledger: l, now: time.Date(2026, 11, 24, 12, 0, 0, 0, of.Location)}
	s, err := New(Options{Office: of, Ledger: l, Now: b.Now})
	if err != nil {
		t.Fatal(err)
	}
	b.srv = httptest.NewServer(s.Handler())
	defer b.srv.Close()
	if err := AddAccount(context.Background(), l, "viewer", RoleViewer, testPassword, "test", b.now); err != nil {
		t.Fatal(err)
	}
	c := b.loggedIn(RoleViewer)
	seen := map[string]bool{}
	queue := []string{"/"}
	downloads := 0
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		code, body := b.get(c, path)
		if code != http.StatusOK {
			t.Errorf("%s: got %d, want 200", path, code)
			continue
		}
		if strings.HasPrefix(path, "/download") {
			downloads++
			if len(body) == 0 {
				t.Errorf("%s: empty", path)
			}
			continue
		}
		queue = append(queue, links(body)...)
	}
	t.Logf("%d pages and links, %d downloads", len(seen), downloads)
	if downloads < 10 || len(seen) < 20 {
		t.Errorf("reached %d pages and %d downloads, want the whole demo", len(seen), downloads)
	}
}

// links are the board's own links on a page (its hrefs starting with one slash).
func links(body string) []string {
	var out []string
	for _, part := range strings.Split(body, `href="`)[1:] {
		href, _, _ := strings.Cut(part, `"`)
		href = strings.ReplaceAll(href, "&amp;", "&")
		if strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//") && !strings.HasPrefix(href, "/static/") {
			out = append(out, href)
		}
	}
	return out
}
