package dovecottest

import (
	"testing"

	"github.com/emersion/go-imap/v2/imapclient"
)

// appendsPerLogin bounds the messages one connection of an Appender carries: each helper
// connection has a deadline of adminTimeout from its login, which a long flood would outlive.
const appendsPerLogin = 100

// Appender fills a folder of the account with many messages by IMAP APPEND, as a flood arrives
// for a drain test, over connections kept from one message to the next.
type Appender struct {
	s *Server
	t testing.TB
	c *imapclient.Client
	n int
}

// Appender returns an appender for the account; Close it when the flood is in.
func (s *Server) Appender(t testing.TB) *Appender { return &Appender{s: s, t: t} }

// Append appends one raw message to folder, failing the test if the server refuses it.
func (a *Appender) Append(folder string, raw []byte) {
	a.t.Helper()
	if a.n%appendsPerLogin == 0 {
		a.Close()
		a.c = a.s.Client(a.t)
	}
	a.n++
	cmd := a.c.Append(folder, int64(len(raw)), nil)
	_, err := cmd.Write(raw)
	if err == nil {
		err = cmd.Close()
	}
	if err == nil {
		_, err = cmd.Wait()
	}
	if err != nil {
		a.t.Fatalf("dovecottest: append message %d to %s: %v", a.n, folder, err)
	}
}

// Close logs the current connection out.
func (a *Appender) Close() {
	if a.c != nil {
		_ = a.c.Logout().Wait()
		_ = a.c.Close()
		a.c = nil
	}
}
