package postfixtest

import (
	"bytes"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/tonghop/tonghop/internal/dovecottest"
)

const message = "From: Văn phòng <vanthu@kcn.example>\r\nTo: qldn@kcn.example, bqlkcn@donvi.example\r\n" +
	"Subject: =?UTF-8?Q?B=C3=A1o_c=C3=A1o?=\r\nMessage-ID: <postfixtest.1@kcn.example>\r\n" +
	"Date: Mon, 16 Nov 2026 09:00:00 +0700\r\n\r\nKính gửi các đơn vị.\r\n"

// A mail submitted by SMTP reaches the store's accounts of every test domain by LMTP, once
// each; a recipient of another domain is refused at once; an unknown account of a test domain
// comes back to the sender as a bounce; and the system's own Postfix files are left alone.
func TestStart(t *testing.T) {
	Require(t)
	before := systemPostfix(t)
	store := dovecottest.Start(t, dovecottest.Options{User: "vanthu@kcn.example", LMTP: true,
		Accounts: []dovecottest.Account{{User: "qldn@kcn.example"}, {User: "bqlkcn@donvi.example"}}})
	begin := time.Now()
	mx := Start(t, Options{Domains: []string{"kcn.example", "donvi.example"},
		LMTP: net.JoinHostPort(store.Host(), strconv.Itoa(store.LMTPPort()))})
	t.Logf("postfix started in %v", time.Since(begin))

	c, err := smtp.Dial(mx.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Hello("client.kcn.example"); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail("vanthu@kcn.example", nil); err != nil {
		t.Fatal(err)
	}
	for _, rcpt := range []string{"qldn@kcn.example", "bqlkcn@donvi.example", "nobody@kcn.example"} {
		if err := c.Rcpt(rcpt, nil); err != nil {
			t.Fatalf("RCPT %s: %v", rcpt, err)
		}
	}
	if err := c.Rcpt("someone@gmail.com", nil); err == nil || !strings.Contains(err.Error(), "550") {
		t.Errorf("RCPT of another domain: got %v, want refused with 550", err)
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(message)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_ = c.Quit()

	for _, user := range []string{"qldn@kcn.example", "bqlkcn@donvi.example"} {
		raw := waitForOne(t, store, user)
		if !bytes.Contains(raw, []byte("Message-ID: <postfixtest.1@kcn.example>")) ||
			!bytes.Contains(raw, []byte("by "+mx.Hostname()+" (Postfix)")) {
			t.Errorf("INBOX of %s: want the mail with a Received field of %s; got:\n%s", user, mx.Hostname(), raw)
		}
	}
	bounce := waitForOne(t, store, "vanthu@kcn.example")
	if !bytes.Contains(bounce, []byte("MAILER-DAEMON")) || !bytes.Contains(bounce, []byte("nobody@kcn.example")) {
		t.Errorf("the sender's INBOX: want a bounce for nobody@kcn.example; got:\n%s", bounce)
	}
	if after := systemPostfix(t); after != before {
		t.Errorf("the system's Postfix files changed during the test:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// waitForOne waits for the one message user's INBOX should get, and fails the test if there
// are more.
func waitForOne(t *testing.T, store *dovecottest.Server, user string) []byte {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for store.CountOf(t, user, "INBOX") == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no mail for %s within 60s", user)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // a second copy, if any, would follow the first at once
	msgs := store.MessagesOf(t, user, "INBOX")
	if len(msgs) != 1 {
		t.Fatalf("INBOX of %s: got %d messages, want 1", user, len(msgs))
	}
	return msgs[0]
}

// systemPostfix describes the default configuration and queue of the machine's Postfix: every
// file under /etc/postfix with its size and time, and the times of the default queue and data
// directories.
func systemPostfix(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	_ = filepath.WalkDir("/etc/postfix", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if fi, err := d.Info(); err == nil {
			b.WriteString(path + " " + strconv.FormatInt(fi.Size(), 10) + " " + fi.ModTime().String() + "\n")
		}
		return nil
	})
	for _, dir := range []string{"/var/spool/postfix", "/var/lib/postfix"} {
		if fi, err := os.Stat(dir); err == nil {
			b.WriteString(dir + " " + fi.ModTime().String() + "\n")
		}
	}
	return b.String()
}
