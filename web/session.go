package web

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// session is the logged-in request's account, its CSRF token and the hash naming it.
type session struct {
	Account Account
	CSRF    string
	hash    string
}

const (
	csrfField = "csrf"
	// The session cookie. With a Secure cookie the __Host- prefix also makes the browser refuse
	// one set by another host or path.
	cookieName       = "tonghop_session"
	secureCookieName = "__Host-tonghop_session"
	// loginCookie carries the log-in form's own CSRF token, before any session exists.
	loginCookie       = "tonghop_login"
	secureLoginCookie = "__Host-tonghop_login"
)

func (s *Server) cookieName() string {
	if s.secure {
		return secureCookieName
	}
	return cookieName
}

func (s *Server) loginCookieName() string {
	if s.secure {
		return secureLoginCookie
	}
	return loginCookie
}

// newToken returns 32 random bytes, base64url: a session's or a form's secret.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// tokenHash is what the ledger keeps of a session's token.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// sameToken compares two tokens in constant time; an empty one never matches.
func sameToken(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// setCookie sets one of the board's cookies: HttpOnly, SameSite=Strict, Secure over https.
func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteStrictMode}
	if maxAge > 0 {
		c.MaxAge = int(maxAge / time.Second)
	} else {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// currentSession reads the request's session: ok is false when there is none, or it expired.
func (s *Server) currentSession(r *http.Request) (session, bool) {
	c, err := r.Cookie(s.cookieName())
	if err != nil || c.Value == "" {
		return session{}, false
	}
	h := tokenHash(c.Value)
	row, err := s.env.Ledger.SessionAt(r.Context(), h, s.env.Now())
	if err != nil {
		if !errors.Is(err, ledger.ErrNotFound) {
			s.env.Log.Error("read session", "err", err)
		}
		return session{}, false
	}
	return session{Account: accountOf(row.Account), CSRF: row.CSRF, hash: h}, true
}

// withSession serves a page to a logged-in account of at least role need; anyone else is sent
// to the log-in page (or refused, when logged in with too small a role).
func (s *Server) withSession(need Role, h func(http.ResponseWriter, *http.Request, session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, ok := s.currentSession(r)
		if !ok {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		if !sess.Account.Role.Allows(need) {
			s.fail(w, r, http.StatusForbidden, msgForbidden)
			return
		}
		h(w, r, sess)
	}
}

// withPost guards every state-changing request: a session, then the session's CSRF token in
// the form, compared in constant time. Each refusal is a 403, logged; nothing runs.
func (s *Server) withPost(h func(http.ResponseWriter, *http.Request, session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, ok := s.currentSession(r)
		if !ok {
			s.refuseRequest(r, "", "no session")
			s.fail(w, r, http.StatusForbidden, msgSessionNeeded)
			return
		}
		if err := r.ParseForm(); err != nil {
			s.fail(w, r, http.StatusBadRequest, msgBadRequest)
			return
		}
		if !sameToken(r.PostForm.Get(csrfField), sess.CSRF) {
			s.refuseRequest(r, sess.Account.Name, "bad csrf token")
			s.fail(w, r, http.StatusForbidden, msgBadToken)
			return
		}
		h(w, r, sess)
	}
}

// refuseRequest logs a refused state-changing request for the operator.
func (s *Server) refuseRequest(r *http.Request, account, why string) {
	s.env.Log.Warn("board request refused", "path", r.URL.Path, "account", account, "addr", clientAddr(r), "reason", why)
}

// clientAddr is the address the request came from. A proxy's X-Forwarded-For is not believed:
// anyone can write it, and the lock-out per address would be worth nothing.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
