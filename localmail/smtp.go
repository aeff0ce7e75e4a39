package localmail

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// errNoSuchUser is the bounce a provider gives for an unknown mailbox.
func errNoSuchUser(addr string) *smtp.SMTPError {
	return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user: " + addr}
}

var (
	errAuthRequired = &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Authentication required"}
	errStoreFailed  = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Local error in processing, try again later"}
)

func (s *Server) newSMTPServer() *smtp.Server {
	srv := smtp.NewServer(smtp.BackendFunc(s.newSMTPSession))
	srv.Domain = s.opts.Domain
	srv.MaxMessageBytes = s.opts.MaxMessageBytes
	srv.AllowInsecureAuth = true // plain TCP on loopback, clients use TLS mode "none"
	srv.EnableSMTPUTF8 = true    // bytes are stored as received, so nothing to convert
	srv.ErrorLog = printfLogger{s.log.With("proto", "smtp")}
	return srv
}

// smtpSession is one SMTP connection. go-smtp calls it from a single
// goroutine, so it needs no lock.
type smtpSession struct {
	srv      *Server
	helo     string
	remoteIP string
	authUser string // lower-case address after a successful AUTH, else ""
	from     string
	rcpts    []string
}

func (s *Server) newSMTPSession(c *smtp.Conn) (smtp.Session, error) {
	remote := c.Conn().RemoteAddr().String()
	if host, _, err := net.SplitHostPort(remote); err == nil {
		remote = host
	}
	return &smtpSession{srv: s, helo: c.Hostname(), remoteIP: remote}, nil
}

// AuthMechanisms lists what Gmail and Outlook offer besides OAuth.
func (sess *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain, sasl.Login} }

// Auth starts a SASL exchange; both mechanisms end in sess.authenticate.
func (sess *smtpSession) Auth(mech string) (sasl.Server, error) {
	switch strings.ToUpper(mech) {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, username, password string) error {
			if identity != "" && !strings.EqualFold(identity, username) {
				return smtp.ErrAuthFailed
			}
			return sess.authenticate(username, password)
		}), nil
	case sasl.Login:
		return &loginServer{authenticate: sess.authenticate}, nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

func (sess *smtpSession) authenticate(username, password string) error {
	acct := sess.srv.users.lookup(username)
	if acct == nil || !acct.checkPassword(password) {
		sess.srv.log.Info("smtp auth failed", "user", username)
		return smtp.ErrAuthFailed
	}
	sess.authUser = acct.email
	return nil
}

// Mail starts a transaction. Anonymous senders are accepted like an
// internal relay unless Options.RequireAuth.
func (sess *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if sess.srv.opts.RequireAuth && sess.authUser == "" {
		return errAuthRequired
	}
	sess.from = from
	sess.rcpts = nil
	return nil
}

// Rcpt accepts local users only: this provider relays nowhere.
func (sess *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if sess.srv.users.lookup(to) == nil {
		sess.srv.log.Info("smtp recipient rejected", "to", to)
		return errNoSuchUser(to)
	}
	sess.rcpts = append(sess.rcpts, to)
	return nil
}

// Data receives the message and, unless a fault is injected, stores a copy
// with trace headers in each recipient's INBOX before recording it.
func (sess *smtpSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		var smtpErr *smtp.SMTPError
		if errors.As(err, &smtpErr) {
			return smtpErr // e.g. 552 message too large
		}
		return fmt.Errorf("read data: %w", err)
	}
	if fault := sess.srv.faults.take(); fault != nil {
		sess.srv.log.Info("smtp injected failure", "code", fault.Code, "from", sess.from)
		return fault
	}
	at := sess.srv.opts.Now()
	id := fmt.Sprintf("%08X", sess.srv.queueSeq.Add(1))
	for _, to := range uniqueFold(sess.rcpts) {
		acct := sess.srv.users.lookup(to)
		if acct == nil { // removed since RCPT: cannot happen today, stay safe
			continue
		}
		msg := append(sess.authResults(raw), append(sess.traceHeaders(id, to, at), raw...)...)
		if _, err := sess.srv.appendTo(acct, "INBOX", msg); err != nil {
			sess.srv.log.Error("smtp delivery failed", "to", to, "err", err)
			return errStoreFailed
		}
	}
	sess.srv.deliveries.add(Delivery{From: sess.from, To: slices.Clone(sess.rcpts), Data: raw, At: at})
	sess.srv.log.Debug("smtp delivered", "id", id, "from", sess.from, "to", sess.rcpts, "bytes", len(raw))
	return nil
}

// traceHeaders is what a receiving MTA prepends (RFC 5321 section 4.4):
// Return-Path from the envelope sender and a Received line. "ESMTPA" marks an
// authenticated submission (RFC 3848).
func (sess *smtpSession) traceHeaders(id, rcpt string, at time.Time) []byte {
	with := "ESMTP"
	if sess.authUser != "" {
		with = "ESMTPA"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Return-Path: <%s>\r\n", sess.from)
	fmt.Fprintf(&b, "Received: from %s ([%s])\r\n", sess.helo, sess.remoteIP)
	fmt.Fprintf(&b, "\tby %s (localmail) with %s id %s\r\n", sess.srv.opts.Domain, with, id)
	fmt.Fprintf(&b, "\tfor <%s>; %s\r\n", rcpt, at.Format(time.RFC1123Z))
	return []byte(b.String())
}

// authResults is the Authentication-Results field of Options.AuthServID for a message whose
// From header is the authenticated user's address; nil otherwise.
func (sess *smtpSession) authResults(raw []byte) []byte {
	if sess.srv.opts.AuthServID == "" || sess.authUser == "" {
		return nil
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	from, err := mail.ParseAddress(m.Header.Get("From"))
	if err != nil || normalizeEmail(from.Address) != normalizeEmail(sess.authUser) {
		return nil
	}
	d := strings.ToLower(from.Address[strings.LastIndexByte(from.Address, '@')+1:])
	return fmt.Appendf(nil, "Authentication-Results: %s; dkim=pass header.d=%s; spf=pass smtp.mailfrom=%s; dmarc=pass header.from=%s\r\n",
		sess.srv.opts.AuthServID, d, d, d)
}

// Reset drops the current transaction but keeps the authentication.
func (sess *smtpSession) Reset() {
	sess.from = ""
	sess.rcpts = nil
}

// Logout has nothing to release.
func (sess *smtpSession) Logout() error { return nil }

// uniqueFold drops repeated addresses, ignoring case, so a user listed twice
// gets one copy, as with real MTAs.
func uniqueFold(addrs []string) []string {
	seen := make(map[string]bool, len(addrs))
	out := make([]string, 0, len(addrs))
	for _, a := range addrs {
		key := normalizeEmail(a)
		if !seen[key] {
			seen[key] = true
			out = append(out, a)
		}
	}
	return out
}

// loginServer is the server side of the non-standard but ubiquitous SASL
// LOGIN mechanism (Outlook and many clients prefer it); go-sasl only has
// the client side.
type loginServer struct {
	authenticate func(username, password string) error
	step         int
	username     string
}

// Next asks for the username then the password, accepting the username as
// an initial response ("AUTH LOGIN dXNlcg==").
func (l *loginServer) Next(response []byte) (challenge []byte, done bool, err error) {
	switch l.step {
	case 0:
		l.step = 1
		if len(response) == 0 {
			return []byte("Username:"), false, nil
		}
		fallthrough
	case 1:
		l.username = string(response)
		l.step = 2
		return []byte("Password:"), false, nil
	case 2:
		l.step = 3
		return nil, true, l.authenticate(l.username, string(response))
	}
	return nil, true, errors.New("unexpected LOGIN response")
}
