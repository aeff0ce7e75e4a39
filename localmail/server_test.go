package localmail

import (
	"bufio"
	"errors"
	"net"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

func TestServer_Addresses(t *testing.T) {
	s := startServer(t, Options{})
	for _, tt := range []struct {
		name string
		addr string
		port int
	}{
		{name: "IMAP", addr: s.IMAPAddr(), port: s.IMAPPort()},
		{name: "SMTP", addr: s.SMTPAddr(), port: s.SMTPPort()},
	} {
		host, port, err := net.SplitHostPort(tt.addr)
		if err != nil || host != "127.0.0.1" || port == "0" || !strings.HasSuffix(tt.addr, ":"+strconv.Itoa(tt.port)) {
			t.Errorf("%s: got addr %q port %d, want 127.0.0.1 and a matching non-zero port", tt.name, tt.addr, tt.port)
		}
	}
	if s.IMAPPort() == s.SMTPPort() {
		t.Errorf("got the same port %d for IMAP and SMTP", s.IMAPPort())
	}
}

func TestServer_Greetings(t *testing.T) {
	s := startServer(t, Options{Domain: "mail.sokhcn.gov.vn"})
	tests := []struct {
		name       string
		addr       string
		wantPrefix string
	}{
		{name: "IMAP", addr: s.IMAPAddr(), wantPrefix: "* OK [CAPABILITY IMAP4rev1"},
		{name: "SMTP", addr: s.SMTPAddr(), wantPrefix: "220 mail.sokhcn.gov.vn ESMTP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", tt.addr)
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer conn.Close()
			line, err := bufio.NewReader(conn).ReadString('\n')
			if err != nil || !strings.HasPrefix(line, tt.wantPrefix) {
				t.Errorf("got greeting %q, %v, want prefix %q", line, err, tt.wantPrefix)
			}
		})
	}
}

// TestServer_CloseDropsClients checks that Close returns while clients are
// connected (one IMAP client idling, one SMTP client mid-session), that no
// server goroutine survives it, and that a second Close is harmless.
func TestServer_CloseDropsClients(t *testing.T) {
	s, err := Start(Options{})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	if err := s.AddUser(office, password); err != nil {
		t.Fatalf("AddUser: %v", err)
	}
	imapc := loginIMAP(t, s, office, password)
	if _, err := imapc.Select("INBOX", nil).Wait(); err != nil {
		t.Fatalf("select: %v", err)
	}
	idle, err := imapc.Idle()
	if err != nil {
		t.Fatalf("idle: %v", err)
	}
	smtpc, err := smtp.Dial(s.SMTPAddr())
	if err != nil {
		t.Fatalf("dial smtp: %v", err)
	}
	defer smtpc.Close()
	if err := smtpc.Mail(office, nil); err != nil {
		t.Fatalf("MAIL FROM: %v", err)
	}

	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: got %v, want nil", err)
	}
	<-imapc.Closed()
	_ = idle.Wait()
	if err := smtpc.Rcpt(office, nil); err == nil {
		t.Errorf("RCPT after Close: got nil error, want a broken connection")
	}
	if _, err := s.Messages(office, "INBOX"); !errors.Is(err, ErrClosed) {
		t.Errorf("Messages after Close: got %v, want ErrClosed", err)
	}
	checkNoServerGoroutines(t)
}

// checkNoServerGoroutines looks for connection handlers of either library.
// Close waits for them, but a handler may still be returning from its last
// deferred call, hence a short bounded retry.
func checkNoServerGoroutines(t *testing.T) {
	t.Helper()
	markers := []string{"imapserver.(*Conn).serve", "imapserver.(*Server).Serve", "go-smtp.(*Server).handleConn", "go-smtp.(*Server).Serve"}
	var found string
	for range 200 {
		found = ""
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		for _, m := range markers {
			if strings.Contains(stacks, m) {
				found = m
			}
		}
		if found == "" {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Errorf("goroutine %s still running after Close", found)
}
