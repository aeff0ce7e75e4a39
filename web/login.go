package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// The lock-out: after lockFailures refused log-ins within lockWindow for one account name, or
// lockFailuresAddr from one client address, every log-in of that name (or from that address)
// is refused unread until the window has passed. Per address the limit is higher: an office
// behind one NAT address shares it.
const (
	lockWindow       = 15 * time.Minute
	lockFailures     = 5
	lockFailuresAddr = 20
)

type loginView struct {
	Token string
	Name  string
	Error string
}

// loginPage shows the log-in form with a fresh token for it, also set as a cookie: a form
// posted from another site carries neither.
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.currentSession(r); ok {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.showLogin(w, r, http.StatusOK, "", "")
}

func (s *Server) showLogin(w http.ResponseWriter, r *http.Request, code int, name, msg string) {
	tok := newToken()
	s.setCookie(w, s.loginCookieName(), tok, time.Hour)
	s.render(w, r, code, "login.html", view{Title: msgLoginTitle, Data: loginView{Token: tok, Name: name, Error: msg}})
}

// login checks the name and password and starts a session. Every refusal looks the same to
// the person, whether the name exists or not, and costs the same bcrypt comparison.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, msgBadRequest)
		return
	}
	c, err := r.Cookie(s.loginCookieName())
	if err != nil || !sameToken(r.PostForm.Get(csrfField), c.Value) {
		s.refuseRequest(r, "", "bad login csrf token")
		s.showLogin(w, r, http.StatusForbidden, "", msgBadToken)
		return
	}
	name, password, addr, now := r.PostForm.Get("name"), r.PostForm.Get("password"), clientAddr(r), s.env.Now()
	byName, byAddr, err := s.env.Ledger.LoginFailures(r.Context(), name, addr, now.Add(-lockWindow))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if byName >= lockFailures || byAddr >= lockFailuresAddr {
		s.record(r, ledger.Event{At: now, Actor: ledger.AccountActor(name), Action: ledger.ActionLoginLocked,
			Object: ledger.AccountObject(name), Detail: "addr " + addr})
		s.showLogin(w, r, http.StatusTooManyRequests, name, msgLockedOut)
		return
	}
	acct, err := s.env.Ledger.AccountByName(r.Context(), name)
	if err != nil && !errors.Is(err, ledger.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	if !CheckPassword(acct.PasswordHash, password) || err != nil {
		ev := ledger.Event{At: now, Actor: ledger.AccountActor(name), Action: ledger.ActionLoginFailed,
			Object: ledger.AccountObject(name), Detail: "addr " + addr}
		if err := s.env.Ledger.RecordLoginFailure(r.Context(), name, addr, now, now.Add(-24*time.Hour), ev); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.showLogin(w, r, http.StatusUnauthorized, name, msgLoginFailed)
		return
	}
	s.startSession(w, r, acct, now)
}

func (s *Server) startSession(w http.ResponseWriter, r *http.Request, acct ledger.Account, now time.Time) {
	tok := newToken()
	sess := ledger.Session{TokenSHA256: tokenHash(tok), Account: acct, CSRF: newToken(), CreatedAt: now, ExpiresAt: now.Add(s.lifetime)}
	ev := ledger.Event{At: now, Actor: ledger.AccountActor(acct.Name), Action: ledger.ActionLogin,
		Object: ledger.AccountObject(acct.Name), Detail: "addr " + clientAddr(r)}
	if err := s.env.Ledger.StartSession(r.Context(), sess, ev); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.setCookie(w, s.loginCookieName(), "", 0)
	s.setCookie(w, s.cookieName(), tok, s.lifetime)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// logout ends the session (its CSRF token checked, like any form).
func (s *Server) logout(w http.ResponseWriter, r *http.Request, sess session) {
	ev := ledger.Event{At: s.env.Now(), Actor: sess.Account.Actor(), Action: ledger.ActionLogout, Object: ledger.AccountObject(sess.Account.Name)}
	if err := s.env.Ledger.EndSession(r.Context(), sess.hash, ev); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.setCookie(w, s.cookieName(), "", 0)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// record appends an event that is not worth failing the request for.
func (s *Server) record(r *http.Request, ev ledger.Event) {
	if err := s.env.Ledger.Record(r.Context(), ev); err != nil {
		s.env.Log.Error("record board event", "action", string(ev.Action), "err", err)
	}
}
