package e2e

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"
	"github.com/wneessen/go-mail"

	"github.com/tonghop/tonghop/intake"
)

// client is one person's mail program: it submits mail to the office's server by SMTP, signed
// by the domain's key, and reads its own INBOX by IMAP over one connection, as a mail client
// does.
type client struct {
	o    *testOffice
	addr string
	name string
	imap *imapclient.Client
	last imap.UID
	// unread are messages fetched and not yet taken by a wait, oldest first.
	unread []received
	mails  int // mails written, numbering their Message-IDs
}

// received is a message as its reader found it.
type received struct {
	raw   []byte
	msg   *intake.Message
	found time.Time // when the client first saw it in the INBOX
}

// waitLimit bounds every wait for a mail: far above what any step takes, so that only a mail
// that never comes fails a test.
const waitLimit = 2 * time.Minute

// pollEvery is how often a client looks at its INBOX while waiting.
const pollEvery = 10 * time.Millisecond

// clients logs everyone in at once, each on their own connection: a login is a round of
// Dovecot's processes, and the office has fifteen people.
func (o *testOffice) clients(t testing.TB, who []person) []*client {
	t.Helper()
	out := make([]*client, len(who))
	errs := make([]error, len(who))
	var wg sync.WaitGroup
	for i, p := range who {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = o.login(p.addr, p.name)
		}()
	}
	wg.Wait()
	for _, c := range out {
		if c != nil {
			t.Cleanup(func() { _ = c.imap.Close() })
		}
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return out
}

// login opens addr's INBOX by IMAP.
func (o *testOffice) login(addr, name string) (*client, error) {
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(o.store.Host(), strconv.Itoa(o.store.Port())), 10*time.Second)
	if err != nil {
		return nil, err
	}
	c := imapclient.New(conn, nil)
	if err := c.Login(addr, password).Wait(); err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("%s: login: %w", addr, err)
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("%s: select: %w", addr, err)
	}
	return &client{o: o, addr: addr, name: name, imap: c}, nil
}

// fetch adds the messages that arrived since the last look to unread.
func (c *client) fetch(t testing.TB) {
	t.Helper()
	if err := c.imap.Noop().Wait(); err != nil { // the server tells a session of new mail at a command
		t.Fatalf("%s: noop: %v", c.addr, err)
	}
	// "n:*" also names the last message when none is newer: ask for UIDs first, bodies of new
	// messages only.
	uids, err := c.imap.Fetch(imap.UIDSet{imap.UIDRange{Start: c.last + 1, Stop: 0}}, &imap.FetchOptions{UID: true}).Collect()
	if err != nil {
		t.Fatalf("%s: fetch: %v", c.addr, err)
	}
	var fresh imap.UIDSet
	for _, u := range uids {
		if u.UID > c.last {
			fresh.AddNum(u.UID)
		}
	}
	if len(fresh) == 0 {
		return
	}
	now := time.Now()
	bufs, err := c.imap.Fetch(fresh, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil {
		t.Fatalf("%s: fetch: %v", c.addr, err)
	}
	slices.SortFunc(bufs, func(a, b *imapclient.FetchMessageBuffer) int { return cmp.Compare(a.UID, b.UID) })
	for _, b := range bufs {
		c.last = max(c.last, b.UID)
		for _, body := range b.BodySection {
			msg, err := intake.Parse(body.Bytes, intake.Limits{})
			if err != nil {
				t.Fatalf("%s: unreadable mail: %v", c.addr, err)
			}
			c.unread = append(c.unread, received{raw: body.Bytes, msg: msg, found: now})
		}
	}
}

// waitFor takes the first unread message that match accepts, waiting for it to arrive.
func (c *client) waitFor(t testing.TB, what string, match func(*intake.Message) bool) received {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		for i, r := range c.unread {
			if match(r.msg) {
				c.unread = append(c.unread[:i:i], c.unread[i+1:]...)
				return r
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: no %s within %v", c.addr, what, waitLimit)
		}
		time.Sleep(pollEvery)
		c.fetch(t)
	}
}

// inReplyTo matches a message answering the mail with Message-ID id.
func inReplyTo(id string) func(*intake.Message) bool {
	return func(m *intake.Message) bool { return m.InReplyTo == id }
}

// newMail starts a mail from the client to the shared mailbox, dated by the office's clock.
func (c *client) newMail(t testing.TB, subject, body string) (*mail.Msg, string) {
	t.Helper()
	m := mail.NewMsg()
	if err := m.FromFormat(c.name, c.addr); err != nil {
		t.Fatal(err)
	}
	if err := m.To(sharedAddr); err != nil {
		t.Fatal(err)
	}
	c.mails++
	id := fmt.Sprintf("e2e.%d.%s", c.mails, c.addr)
	m.SetMessageIDWithValue(id)
	m.SetDateWithValue(c.o.clock.Now())
	m.Subject(subject)
	m.SetBodyString(mail.TypeTextPlain, body)
	return m, id
}

// reply starts c's answer to the message r: "Re: " and its subject, threaded, words above the
// quoted message as a phone's mail app writes them.
func reply(c *client, t testing.TB, r received, words string) *mail.Msg {
	t.Helper()
	m, _ := c.newMail(t, "Re: "+r.msg.Subject, words+"\n\nSent from my iPhone\n\n"+quote(r.msg.Text))
	m.SetGenHeader(mail.HeaderInReplyTo, "<"+r.msg.MessageID+">")
	m.SetGenHeader(mail.HeaderReferences, "<"+r.msg.MessageID+">")
	return m
}

// send submits the mail, signed by the domain's key or (a forger's mail) not, and returns its
// Message-ID once the server has accepted it.
func (c *client) send(t testing.TB, m *mail.Msg, signed bool) string {
	t.Helper()
	ids := m.GetGenHeader(mail.HeaderMessageID)
	if len(ids) != 1 {
		t.Fatalf("mail without one Message-ID: %v", ids)
	}
	c.submit(t, m, signed)
	return strings.Trim(ids[0], "<>")
}

// sent submits the signed mail and returns when the server has accepted it.
func (c *client) sent(t testing.TB, m *mail.Msg) time.Time {
	t.Helper()
	return c.submit(t, m, true)
}

// submit writes the mail, signs it if asked, and submits it by SMTP; it returns when the server
// has accepted it, and that time.
func (c *client) submit(t testing.TB, m *mail.Msg, sign bool) time.Time {
	t.Helper()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	if sign {
		raw = c.o.dkim.sign(t, raw)
	}
	s, err := smtp.Dial(c.o.mx.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SendMail(c.addr, []string{sharedAddr}, bytes.NewReader(raw)); err != nil {
		t.Fatalf("%s: submit: %v", c.addr, err)
	}
	accepted := time.Now()
	_ = s.Quit()
	return accepted
}
