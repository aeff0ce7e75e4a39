package localmail

import (
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// imapCaps is what a typical provider offers an IMAP4rev1 client. imapserver
// adds IDLE, UNSELECT, ENABLE, SASL-IR, LITERAL- and AUTH=PLAIN itself.
var imapCaps = imap.CapSet{
	imap.CapIMAP4rev1: {},
	imap.CapNamespace: {},
	imap.CapUIDPlus:   {},
	imap.CapMove:      {},
}

func (s *Server) newIMAPServer() *imapserver.Server {
	return imapserver.New(&imapserver.Options{
		NewSession:   s.newIMAPSession,
		Caps:         imapCaps,
		Logger:       printfLogger{s.log.With("proto", "imap")},
		InsecureAuth: true, // plain TCP on loopback, like a provider's port 143 without STARTTLS
	})
}

// imapSession logs in against our own user store (case-insensitive names),
// then hands every command to imapmemserver's UserSession.
type imapSession struct {
	*imapmemserver.UserSession // nil until Login succeeds

	srv  *Server
	conn *trackedConn // released on Close so Server.Close can wait for us
}

func (s *Server) newIMAPSession(c *imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
	tc, _ := c.NetConn().(*trackedConn)
	return &imapSession{srv: s, conn: tc}, nil, nil
}

// Login checks the password; imapserver also routes AUTHENTICATE PLAIN here.
func (sess *imapSession) Login(username, password string) error {
	acct := sess.srv.users.lookup(username)
	if acct == nil || !acct.checkPassword(password) {
		sess.srv.log.Info("imap login failed", "user", username)
		return imapserver.ErrAuthFailed
	}
	sess.UserSession = imapmemserver.NewUserSession(acct.mem)
	sess.srv.log.Debug("imap login", "user", acct.email)
	return nil
}

// Close ends the session; imapserver calls it once per connection, last.
func (sess *imapSession) Close() error {
	err := sess.UserSession.Close() // nil-safe: imapmemserver checks its receiver
	if sess.conn != nil {
		sess.conn.release()
	}
	return err
}

// Delete refuses to delete INBOX, as RFC 3501 requires; imapmemserver
// would let it vanish.
func (sess *imapSession) Delete(name string) error {
	if canonicalMailbox(name) == "INBOX" {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeCannot, Text: "INBOX cannot be deleted"}
	}
	return sess.UserSession.Delete(name)
}

// Rename refuses to rename INBOX: RFC 3501 wants its messages moved and
// INBOX kept, imapmemserver would rename it away. Clients use MOVE instead.
func (sess *imapSession) Rename(oldName, newName string, options *imap.RenameOptions) error {
	if canonicalMailbox(oldName) == "INBOX" {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeCannot, Text: "INBOX cannot be renamed"}
	}
	return sess.UserSession.Rename(oldName, newName, options)
}

// idleRecheck bounds how late an IDLE client can learn of a change that
// slipped through imapserver's IDLE start-up race (see Idle).
const idleRecheck = time.Second

// Idle fixes a race in imapserver/imapmemserver: the server sends "+ idling"
// before the session's tracker starts listening, and the tracker does not
// flush updates queued in between, so a message delivered right then stayed
// invisible until some later change. We flush the queue first and then
// restart the tracker's Idle every idleRecheck, flushing again each time.
// Only one goroutine writes to w at any moment.
func (sess *imapSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	timer := time.NewTimer(idleRecheck)
	defer timer.Stop()
	for {
		if err := sess.Poll(w, true); err != nil {
			return err
		}
		roundStop := make(chan struct{})
		roundErr := make(chan error, 1)
		go func() { roundErr <- sess.UserSession.Idle(w, roundStop) }()
		select {
		case err := <-roundErr: // no mailbox selected, or a write failed
			return err
		case <-stop:
			close(roundStop)
			return <-roundErr
		case <-timer.C:
			close(roundStop)
			if err := <-roundErr; err != nil {
				return err
			}
			timer.Reset(idleRecheck)
		}
	}
}
