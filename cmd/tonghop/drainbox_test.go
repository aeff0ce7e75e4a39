package main

import (
	"fmt"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/dovecottest"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/localmail"
)

// drainBox is the shared mailbox a drain test empties: a private Dovecot's on loopback, as an
// office runs it, or the embedded server's where Dovecot is not installed.
type drainBox struct {
	server     string                      // which server holds the inbox, for the test's log
	inbox      func() int                  // messages left in the inbox
	deliveries func() []localmail.Delivery // what the relay (always the embedded one) accepted
}

// drainOffice is the test office of 40 units with n valid monthly reports in its inbox (Message-
// IDs "drain-<i>@kcn.example"), delivered before it returns, so the flood is never part of the
// drain's time. The inbox is on Dovecot unless Dovecot is missing and TONGHOP_REQUIRE_DOVECOT is
// not set, or TONGHOP_DRAIN_SERVER=embedded asks for the embedded server.
func drainOffice(t *testing.T, n int) (drainBox, string, *config.Config) {
	t.Helper()
	srv, cfgPath, cfg := drainUnits(t)
	box := drainBox{deliveries: srv.Deliveries}
	if os.Getenv("TONGHOP_DRAIN_SERVER") == "embedded" || (!dovecottest.Installed() && os.Getenv(dovecottest.RequireEnv) != "1") {
		box.server = "the embedded IMAP server (localmail)"
		flood(t, cfg, n, "drain", func(raw []byte) {
			if err := srv.Append(officetest.OfficeAddr, "INBOX", raw); err != nil {
				t.Fatal(err)
			}
		})
		box.inbox = func() int {
			left, err := srv.Messages(officetest.OfficeAddr, "INBOX")
			if err != nil {
				t.Fatal(err)
			}
			return len(left)
		}
		return box, cfgPath, cfg
	}
	dc := dovecottest.Start(t, dovecottest.Options{User: officetest.OfficeAddr, Password: "pw"})
	box.server = "Dovecot on " + dc.Addr()
	pointMailbox(t, cfgPath, srv.IMAPPort(), dc.Port())
	appendAll(t, dc, cfg, n)
	box.inbox = dovecotCounter(t, dc)
	return box, cfgPath, cfg
}

// dovecotCounter counts the inbox over one connection kept open (STATUS), not a login a check:
// the test polls every 50 ms, and a login a check would take CPU from the daemon being timed.
// A connection that fails is dialled again.
func dovecotCounter(t *testing.T, dc *dovecottest.Server) func() int {
	var c *imapclient.Client
	t.Cleanup(func() {
		if c != nil {
			_ = c.Close()
		}
	})
	count := func() int {
		if c == nil {
			conn, err := net.DialTimeout("tcp", dc.Addr(), 10*time.Second)
			if err != nil {
				return -1
			}
			c = imapclient.New(conn, nil)
			if err := c.Login(dc.User(), dc.Password()).Wait(); err != nil {
				_ = c.Close()
				c = nil
				return -1
			}
		}
		st, err := c.Status("INBOX", &imap.StatusOptions{NumMessages: true}).Wait()
		if err != nil || st.NumMessages == nil {
			_ = c.Close()
			c = nil
			return -1
		}
		return int(*st.NumMessages)
	}
	return func() int {
		n := count()
		if n < 0 {
			n = count() // once more on a fresh connection
		}
		if n < 0 {
			t.Fatalf("count Dovecot's inbox: the connection failed twice; dovecot log:\n%s", dc.Log())
		}
		return n
	}
}

// appendAll delivers the flood by IMAP APPEND.
func appendAll(t *testing.T, dc *dovecottest.Server, cfg *config.Config, n int) {
	t.Helper()
	a := dc.Appender(t)
	flood(t, cfg, n, "drain", func(raw []byte) { a.Append("INBOX", raw) })
	a.Close()
	if got := dc.Count(t, "INBOX"); got != n {
		t.Fatalf("Dovecot's inbox after the flood: got %d messages, want %d", got, n)
	}
}

// pointMailbox rewrites the office's configuration so its [mailbox] is the Dovecot on port to
// (the account has the same name and password as the embedded one's).
func pointMailbox(t *testing.T, cfgPath string, from, to int) {
	t.Helper()
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	old := fmt.Sprintf("[mailbox]\nhost = \"127.0.0.1\"\nport = %d\n", from)
	if !strings.Contains(string(data), old) {
		t.Fatalf("configuration has no %q to point at Dovecot", old)
	}
	data = []byte(strings.Replace(string(data), old, fmt.Sprintf("[mailbox]\nhost = \"127.0.0.1\"\nport = %d\n", to), 1))
	if err := os.WriteFile(cfgPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
