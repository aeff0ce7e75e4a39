package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// testPassword is every test account's password.
const testPassword = "mật khẩu đủ dài"

// board is a board on a real ledger behind a real HTTP server on loopback, with a clock the
// test moves.
type board struct {
	t      *testing.T
	srv    *httptest.Server
	office *office.Office
	ledger *ledger.Ledger
	mu     sync.Mutex
	now    time.Time
}

func (b *board) Now() time.Time { b.mu.Lock(); defer b.mu.Unlock(); return b.now }

func (b *board) advance(d time.Duration) { b.mu.Lock(); b.now = b.now.Add(d); b.mu.Unlock() }

// newBoard starts the board of the test office with an account of each role, named after it.
func newBoard(t *testing.T) *board {
	t.Helper()
	o, l := officetest.Site(t, "board-key")
	b := &board{t: t, office: o, ledger: l, now: time.Date(2026, 12, 7, 9, 0, 0, 0, o.Location)}
	s, err := New(Options{Office: o, Ledger: l, Now: b.Now})
	if err != nil {
		t.Fatal(err)
	}
	b.srv = httptest.NewServer(s.Handler())
	t.Cleanup(b.srv.Close)
	for _, r := range []Role{RoleClerk, RoleLeader, RoleViewer} {
		if err := AddAccount(context.Background(), l, r.String(), r, testPassword, "operator", b.now); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// client is a browser: its own cookies, no redirects followed.
func (b *board) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var tokenRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// get fetches a page and returns its status and body.
func (b *board) get(c *http.Client, path string) (int, string) {
	b.t.Helper()
	resp, err := c.Get(b.srv.URL + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// post sends a form and returns the response (body read and closed).
func (b *board) post(c *http.Client, path string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	resp, err := c.PostForm(b.srv.URL+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// token reads the CSRF token of the first form on a page.
func (b *board) token(c *http.Client, path string) string {
	b.t.Helper()
	_, body := b.get(c, path)
	m := tokenRE.FindStringSubmatch(body)
	if m == nil {
		b.t.Fatalf("no csrf token on %s:\n%s", path, body)
	}
	return m[1]
}

// login logs c in as name with password and returns the status of the answer.
func (b *board) login(c *http.Client, name, password string) (*http.Response, string) {
	b.t.Helper()
	tok := b.token(c, "/login")
	return b.post(c, "/login", url.Values{"csrf": {tok}, "name": {name}, "password": {password}})
}

// loggedIn is a client logged in as the account of role.
func (b *board) loggedIn(r Role) *http.Client {
	b.t.Helper()
	c := b.client()
	if resp, body := b.login(c, r.String(), testPassword); resp.StatusCode != http.StatusSeeOther {
		b.t.Fatalf("log-in as %s: got %d, want 303\n%s", r, resp.StatusCode, body)
	}
	return c
}

// events are the audit trail's events of action.
func (b *board) events(action ledger.Action) []ledger.Event {
	b.t.Helper()
	all, err := b.ledger.Events(context.Background(), 0, 0)
	if err != nil {
		b.t.Fatal(err)
	}
	var out []ledger.Event
	for _, e := range all {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

func TestLogin(t *testing.T) {
	b := newBoard(t)
	t.Run("OK", func(t *testing.T) {
		c := b.loggedIn(RoleClerk)
		code, body := b.get(c, "/")
		if code != http.StatusOK || !strings.Contains(body, "clerk (chuyên viên)") {
			t.Fatalf("front page: got %d, want 200 naming the account\n%s", code, body)
		}
		if got := b.events(ledger.ActionLogin); len(got) != 1 || got[0].Actor != "account:clerk" {
			t.Errorf("log-in events: got %+v, want one by account:clerk", got)
		}
	})
	t.Run("ErrWrongPassword", func(t *testing.T) {
		c := b.client()
		resp, body := b.login(c, "viewer", "not the password")
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, msgLoginFailed) {
			t.Fatalf("got %d, want 401 with %q", resp.StatusCode, msgLoginFailed)
		}
		if code, _ := b.get(c, "/"); code != http.StatusSeeOther {
			t.Errorf("front page after a failed log-in: got %d, want 303 to /login", code)
		}
	})
	t.Run("ErrNoLoginToken", func(t *testing.T) {
		resp, _ := b.post(b.client(), "/login", url.Values{"name": {"clerk"}, "password": {testPassword}})
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("got %d, want 403", resp.StatusCode)
		}
	})
}

func TestLogin_LockedOut(t *testing.T) {
	b := newBoard(t)
	c := b.client()
	for range lockFailures {
		if resp, _ := b.login(c, "leader", "wrong password"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure: got %d, want 401", resp.StatusCode)
		}
	}
	resp, body := b.login(c, "leader", testPassword)
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, msgLockedOut) {
		t.Fatalf("the right password after %d failures: got %d, want 429 locked out", lockFailures, resp.StatusCode)
	}
	if got := b.events(ledger.ActionLoginLocked); len(got) != 1 || got[0].Actor != "account:leader" {
		t.Errorf("lock-out events: got %+v, want one on account:leader", got)
	}
	if got := b.events(ledger.ActionLoginFailed); len(got) != lockFailures {
		t.Errorf("failure events: got %d, want %d", len(got), lockFailures)
	}
	b.advance(lockWindow + time.Minute)
	if resp, _ := b.login(c, "leader", testPassword); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after the window: got %d, want 303 (logged in)", resp.StatusCode)
	}
}

func TestLogin_LockedOutByAddress(t *testing.T) {
	b := newBoard(t)
	c := b.client()
	for i := range lockFailuresAddr {
		if resp, _ := b.login(c, "nobody"+string(rune('a'+i)), "wrong password"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: got %d, want 401", i, resp.StatusCode)
		}
	}
	if resp, _ := b.login(c, "clerk", testPassword); resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("a good log-in from an address with %d failures: got %d, want 429", lockFailuresAddr, resp.StatusCode)
	}
}

func TestSession_Expires(t *testing.T) {
	b := newBoard(t)
	c := b.loggedIn(RoleViewer)
	if code, _ := b.get(c, "/"); code != http.StatusOK {
		t.Fatalf("fresh session: got %d, want 200", code)
	}
	b.advance(DefaultSessionLifetime + time.Second)
	if code, _ := b.get(c, "/"); code != http.StatusSeeOther {
		t.Fatalf("expired session: got %d, want 303 to the log-in", code)
	}
}

func TestLogout(t *testing.T) {
	b := newBoard(t)
	c := b.loggedIn(RoleViewer)
	tok := b.token(c, "/")
	if resp, _ := b.post(c, "/logout", url.Values{"csrf": {tok}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("log-out: got %d, want 303", resp.StatusCode)
	}
	if code, _ := b.get(c, "/"); code != http.StatusSeeOther {
		t.Fatalf("after log-out: got %d, want 303 to the log-in", code)
	}
}

func TestHeaders(t *testing.T) {
	b := newBoard(t)
	resp, err := b.client().Get(b.srv.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	want := map[string]string{"X-Frame-Options": "DENY", "Cache-Control": "no-store", "Content-Security-Policy": contentSecurityPolicy}
	for k, v := range want {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s: got %q, want %q", k, got, v)
		}
	}
	for _, c := range resp.Cookies() {
		if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
			t.Errorf("cookie %s: HttpOnly %v SameSite %v, want HttpOnly and Strict", c.Name, c.HttpOnly, c.SameSite)
		}
	}
}

// TestCookies_Secure: with an https public address the session's cookies are Secure and carry
// the __Host- prefix.
func TestCookies_Secure(t *testing.T) {
	o, l := officetest.Site(t, "board-key")
	s, err := New(Options{Office: o, Ledger: l, PublicURL: "https://tonghop.kcn.example"})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/login", nil))
	cookies := rec.Result().Cookies()
	if len(cookies) == 0 {
		t.Fatal("no cookie set by the log-in page")
	}
	for _, c := range cookies {
		if !c.Secure || !strings.HasPrefix(c.Name, "__Host-") {
			t.Errorf("cookie %s: Secure %v, want Secure with the __Host- prefix", c.Name, c.Secure)
		}
	}
}

// TestRequest_TooLarge: a form larger than the board's limit is refused unread.
func TestRequest_TooLarge(t *testing.T) {
	b := newBoard(t)
	c := b.loggedIn(RoleClerk)
	tok := b.token(c, "/")
	resp, _ := b.post(c, ActionURL("test/touch"), url.Values{"csrf": {tok}, "x": {strings.Repeat("a", maxRequestBytes)}})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a form of %d bytes: got %d, want 400", maxRequestBytes, resp.StatusCode)
	}
}
