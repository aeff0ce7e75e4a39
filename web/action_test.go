package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestMain(m *testing.M) {
	passwordCost = bcrypt.MinCost // the tests log in hundreds of times; the cost is bcrypt's
	os.Exit(m.Run())
}

// testActed counts the test action's runs: a refused request must leave it unchanged.
var testActed int

func init() {
	Register(Action{Path: "test/touch", Handle: func(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
		testActed++
		return "/", nil
	}})
}

// TestActions_Refused proves, for every registered action (the clerk's actions included, as
// they are added), that the board refuses it without a session, without the session's CSRF
// token, with another session's token, from a viewer and from a leader, and runs it for a
// clerk with both.
func TestActions_Refused(t *testing.T) {
	b := newBoard(t)
	clerk, viewer, leader := b.loggedIn(RoleClerk), b.loggedIn(RoleViewer), b.loggedIn(RoleLeader)
	clerkToken, viewerToken, leaderToken := b.token(clerk, "/"), b.token(viewer, "/"), b.token(leader, "/")
	other := b.loggedIn(RoleClerk)
	otherToken := b.token(other, "/")
	if len(Actions()) == 0 {
		t.Fatal("no action registered")
	}
	for _, a := range Actions() {
		cases := []struct {
			name   string
			client *http.Client
			form   url.Values
		}{
			{"ErrNoSession", b.client(), url.Values{"csrf": {clerkToken}}},
			{"ErrNoToken", clerk, url.Values{}},
			{"ErrWrongToken", clerk, url.Values{"csrf": {clerkToken[:len(clerkToken)-2] + "xx"}}},
			{"ErrOtherSessionToken", clerk, url.Values{"csrf": {otherToken}}},
			{"ErrTokenInQuery", clerk, url.Values{"csrf_": {clerkToken}}},
		}
		if !RoleViewer.Allows(a.Role) {
			cases = append(cases, struct {
				name   string
				client *http.Client
				form   url.Values
			}{"ErrViewer", viewer, url.Values{"csrf": {viewerToken}}})
		}
		if !RoleLeader.Allows(a.Role) {
			cases = append(cases, struct {
				name   string
				client *http.Client
				form   url.Values
			}{"ErrLeader", leader, url.Values{"csrf": {leaderToken}}})
		}
		for _, c := range cases {
			t.Run(a.Path+"/"+c.name, func(t *testing.T) {
				before := len(b.events("board.action"))
				acted := testActed
				path := ActionURL(a.Path)
				if c.name == "ErrTokenInQuery" {
					path += "?csrf=" + url.QueryEscape(clerkToken)
				}
				resp, _ := b.post(c.client, path, c.form)
				if resp.StatusCode != http.StatusForbidden {
					t.Errorf("got %d, want 403", resp.StatusCode)
				}
				if got := len(b.events("board.action")); got != before || testActed != acted {
					t.Errorf("the action ran: %d board events (was %d)", got, before)
				}
			})
		}
	}
	t.Run("OK", func(t *testing.T) {
		resp, _ := b.post(clerk, ActionURL("test/touch"), url.Values{"csrf": {clerkToken}})
		if resp.StatusCode != http.StatusSeeOther || testActed != 1 {
			t.Fatalf("a clerk's action: got %d and %d runs, want 303 and 1", resp.StatusCode, testActed)
		}
		ev := b.events("board.action")
		if len(ev) != 1 || ev[0].Actor != "account:clerk" || ev[0].Object != "board:test/touch" || strings.Contains(ev[0].Detail, clerkToken) {
			t.Errorf("audit: got %+v, want one board.action by account:clerk without the token", ev)
		}
	})
	t.Run("ErrGet", func(t *testing.T) {
		if code, _ := b.get(clerk, ActionURL("test/touch")); code != http.StatusMethodNotAllowed {
			t.Errorf("GET of an action: got %d, want 405", code)
		}
	})
	t.Run("ErrLogoutWithoutToken", func(t *testing.T) {
		if resp, _ := b.post(viewer, "/logout", url.Values{}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("log-out without token: got %d, want 403", resp.StatusCode)
		}
	})
}
