package dovecottest

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"
)

func mail(i int) []byte {
	return []byte("From: Phòng " + strconv.Itoa(i) + " <p@x.vn>\r\nSubject: Báo cáo " + strconv.Itoa(i) +
		"\r\nMessage-ID: <" + strconv.Itoa(i) + "@x.vn>\r\n\r\nKính gửi Văn phòng\r\n")
}

func TestStart(t *testing.T) {
	t.Parallel()
	begin := time.Now()
	srv := Start(t, Options{})
	t.Logf("dovecot started in %v", time.Since(begin))

	first := srv.Append(t, "INBOX", mail(1))
	second := srv.Append(t, "INBOX", mail(2))
	if first == 0 || second <= first {
		t.Fatalf("Append UIDs: got %d then %d, want increasing non-zero", first, second)
	}
	if got := srv.Count(t, "INBOX"); got != 2 {
		t.Errorf("Count: got %d, want 2", got)
	}
	got := srv.Messages(t, "INBOX")
	if len(got) != 2 || !bytes.Equal(got[0], mail(1)) || !bytes.Equal(got[1], mail(2)) {
		t.Errorf("Messages: got %q, want the two appended", got)
	}

	// Append creates a missing folder, with a name needing modified UTF-7.
	srv.Append(t, "Đã xử lý", mail(3))
	if got := fmt.Sprint(srv.Folders(t)); got != "[INBOX Đã xử lý]" {
		t.Errorf("Folders: got %s, want [INBOX Đã xử lý]", got)
	}
	if got := srv.Count(t, "Đã xử lý"); got != 1 {
		t.Errorf("Count of the new folder: got %d, want 1", got)
	}
	if got := srv.Messages(t, "Đã xử lý"); len(got) != 1 || !bytes.Equal(got[0], mail(3)) {
		t.Errorf("Messages of the new folder: got %d, want the one appended", len(got))
	}
}

func TestServer_ChangeUIDValidity(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	uid := srv.Append(t, "INBOX", mail(1))
	old := srv.UIDValidity(t, "INBOX")
	next := srv.ChangeUIDValidity(t, "INBOX")
	if next == old {
		t.Fatalf("ChangeUIDValidity: got %d, the old value", next)
	}
	c := srv.Client(t)
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.UIDValidity != next || sel.NumMessages != 1 {
		t.Errorf("SELECT after the change: got UIDVALIDITY %d with %d messages, want %d with 1",
			sel.UIDValidity, sel.NumMessages, next)
	}
	bufs, err := c.Fetch(imap.UIDSetNum(imap.UID(uid)), &imap.FetchOptions{UID: true}).Collect()
	if err != nil || len(bufs) != 1 {
		t.Errorf("UID FETCH %d after the change: got %d messages, error %v; want the message", uid, len(bufs), err)
	}
}

func TestServer_KickAll(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	c := srv.Client(t)
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	srv.KickAll(t)
	select {
	case <-c.Closed():
	case <-time.After(10 * time.Second):
		t.Fatal("connection still open 10 s after KickAll")
	}
	srv.Append(t, "INBOX", mail(1)) // new connections are still welcome
}

func TestServer_Restart(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	srv.Append(t, "INBOX", mail(1))
	c := srv.Client(t)
	srv.Restart(t)
	select {
	case <-c.Closed():
	case <-time.After(10 * time.Second):
		t.Fatal("connection still open 10 s after Restart")
	}
	if got := srv.Count(t, "INBOX"); got != 1 {
		t.Errorf("Count after Restart: got %d, want 1", got)
	}
}

func TestOptions_Capabilities(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		opts           Options
		wantMove, want bool // want: IDLE
	}{
		{name: "default", opts: Options{}, wantMove: true, want: true},
		{name: "NoMove", opts: Options{NoMove: true}, wantMove: false, want: true},
		{name: "NoIdle", opts: Options{NoIdle: true}, wantMove: true, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			caps := Start(t, tt.opts).Client(t).Caps() // after LOGIN: the post-login list
			if caps.Has(imap.CapMove) != tt.wantMove || caps.Has(imap.CapIdle) != tt.want {
				t.Errorf("capabilities: got MOVE %v IDLE %v, want %v %v", caps.Has(imap.CapMove),
					caps.Has(imap.CapIdle), tt.wantMove, tt.want)
			}
			if !caps.Has(imap.CapUIDPlus) || !caps.Has(imap.CapNamespace) {
				t.Errorf("capabilities: got %v, want UIDPLUS and NAMESPACE kept", caps)
			}
		})
	}
}

func TestOptions_TLS(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{TLS: true})
	if srv.TLSPort() == 0 || srv.CertPool() == nil {
		t.Fatalf("TLS server: got port %d and pool %v, want both", srv.TLSPort(), srv.CertPool())
	}
	tlsConfig := &tls.Config{RootCAs: srv.CertPool(), ServerName: srv.Host()}
	opts := &imapclient.Options{TLSConfig: tlsConfig}
	implicit, err := imapclient.DialTLS(net.JoinHostPort(srv.Host(), strconv.Itoa(srv.TLSPort())), opts)
	if err != nil {
		t.Fatalf("implicit TLS: %v", err)
	}
	defer implicit.Close()
	if err := implicit.Login(srv.User(), srv.Password()).Wait(); err != nil {
		t.Errorf("login over implicit TLS: %v", err)
	}
	starttls, err := imapclient.DialStartTLS(srv.Addr(), opts)
	if err != nil {
		t.Fatalf("STARTTLS: %v", err)
	}
	defer starttls.Close()
	if err := starttls.Login(srv.User(), srv.Password()).Wait(); err != nil {
		t.Errorf("login after STARTTLS: %v", err)
	}
}

// With accounts and LMTP, the server is an office's mail store: LMTP delivers to each account's
// INBOX by its address and refuses an address that is no account.
func TestStart_AccountsAndLMTP(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{LMTP: true, Accounts: []Account{{User: "qldn@kcn.example"}, {User: "tb@kcn.example", Password: "khác"}}})
	if srv.LMTPPort() == 0 {
		t.Fatal("LMTPPort: got 0 with Options.LMTP")
	}
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(srv.Host(), strconv.Itoa(srv.LMTPPort())), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c := smtp.NewClientLMTP(conn)
	defer c.Close()
	if err := c.Hello("mx.kcn.example"); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail("vanthu@kcn.example", nil); err != nil {
		t.Fatal(err)
	}
	for _, rcpt := range []string{"qldn@kcn.example", "tb@kcn.example"} {
		if err := c.Rcpt(rcpt, nil); err != nil {
			t.Fatalf("RCPT %s: %v", rcpt, err)
		}
	}
	if err := c.Rcpt("nobody@kcn.example", nil); err == nil {
		t.Error("RCPT of an address that is no account: got accepted, want refused")
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(mail(7)); err != nil {
		t.Fatal(err)
	}
	resp, err := w.CloseWithLMTPResponse()
	if err != nil {
		t.Fatalf("DATA: %v (%v)", err, resp)
	}
	for _, user := range []string{"qldn@kcn.example", "tb@kcn.example"} {
		got := srv.MessagesOf(t, user, "INBOX")
		if len(got) != 1 || !bytes.Contains(got[0], []byte("Message-ID: <7@x.vn>")) {
			t.Errorf("INBOX of %s: got %d messages, want the one delivered", user, len(got))
		}
	}
	if got := srv.Count(t, "INBOX"); got != 0 {
		t.Errorf("INBOX of %s, not a recipient: got %d messages, want 0", srv.User(), got)
	}
}
