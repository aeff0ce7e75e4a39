package localmail

import (
	"errors"
	"net/textproto"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/wneessen/go-mail"
)

// Test users, as the demo names them: a planning office and two units.
const (
	office   = "vanphong@sokhcn.gov.vn"
	unitA    = "phongkhtc@sokhcn.gov.vn"
	unitB    = "trungtamtt@sokhcn.gov.vn"
	password = "mật-khẩu-2025"
)

// startServer runs a provider with the three test users, closed at cleanup.
func startServer(t *testing.T, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	for _, u := range []string{office, unitA, unitB} {
		if err := s.AddUser(u, password); err != nil {
			t.Fatalf("AddUser(%q): %v", u, err)
		}
	}
	return s
}

// loginIMAP dials and logs in with imapclient, as tonghop's intake does.
func loginIMAP(t *testing.T, s *Server, user, pass string) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(s.IMAPAddr(), nil)
	if err != nil {
		t.Fatalf("dial imap: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(user, pass).Wait(); err != nil {
		t.Fatalf("imap login %s: %v", user, err)
	}
	return c
}

// goMailClient builds a go-mail client configured as tonghop's mailer is:
// no TLS, AUTH PLAIN, explicit port.
func goMailClient(t *testing.T, s *Server, user, pass string) *mail.Client {
	t.Helper()
	opts := []mail.Option{mail.WithPort(s.SMTPPort()), mail.WithTLSPolicy(mail.NoTLS), mail.WithHELO("tonghop.test")}
	if user != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthPlain), mail.WithUsername(user), mail.WithPassword(pass))
	}
	c, err := mail.NewClient("127.0.0.1", opts...)
	if err != nil {
		t.Fatalf("mail.NewClient: %v", err)
	}
	return c
}

// newMsg builds a small Vietnamese message with go-mail.
func newMsg(t *testing.T, from, subject string, to ...string) *mail.Msg {
	t.Helper()
	m := mail.NewMsg()
	if err := m.From(from); err != nil {
		t.Fatalf("From: %v", err)
	}
	if err := m.To(to...); err != nil {
		t.Fatalf("To: %v", err)
	}
	m.Subject(subject)
	m.SetBodyString(mail.TypeTextPlain, "Kính gửi các đơn vị, đề nghị gửi báo cáo tháng.")
	return m
}

// sendRaw submits raw with go-smtp's client, which reports the server's
// exact reply as *smtp.SMTPError.
func sendRaw(t *testing.T, s *Server, user, pass, from string, to []string, raw string) error {
	t.Helper()
	c, err := smtp.Dial(s.SMTPAddr())
	if err != nil {
		t.Fatalf("dial smtp: %v", err)
	}
	defer c.Close()
	if user != "" {
		if err := c.Auth(sasl.NewPlainClient("", user, pass)); err != nil {
			return err
		}
	}
	return c.SendMail(from, to, strings.NewReader(raw))
}

// smtpCode extracts the reply code of an SMTP failure, 0 if none.
func smtpCode(err error) int {
	var smtpErr *smtp.SMTPError
	if errors.As(err, &smtpErr) {
		return smtpErr.Code
	}
	var sendErr *mail.SendError
	if errors.As(err, &sendErr) {
		return sendErr.ErrorCode()
	}
	var protoErr *textproto.Error // go-mail's dial/AUTH failures
	if errors.As(err, &protoErr) {
		return protoErr.Code
	}
	return 0
}

// fetchAll returns UID -> full body of every message in the selected
// mailbox, with UID FETCH as intake does.
func fetchAll(t *testing.T, c *imapclient.Client, mailbox string) map[imap.UID][]byte {
	t.Helper()
	sel, err := c.Select(mailbox, nil).Wait()
	if err != nil {
		t.Fatalf("select %s: %v", mailbox, err)
	}
	out := make(map[imap.UID][]byte)
	if sel.NumMessages == 0 {
		return out
	}
	section := &imap.FetchItemBodySection{Peek: true}
	uids := imap.UIDSet{imap.UIDRange{Start: 1, Stop: 0}}
	bufs, err := c.Fetch(uids, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		t.Fatalf("uid fetch %s: %v", mailbox, err)
	}
	for _, b := range bufs {
		out[b.UID] = b.FindBodySection(section)
	}
	return out
}

const sampleRaw = "From: vanphong@sokhcn.gov.vn\r\n" +
	"To: phongkhtc@sokhcn.gov.vn\r\n" +
	"Subject: =?UTF-8?B?QsOhbyBjw6FvIHRow6FuZw==?=\r\n" +
	"Message-ID: <sample-1@sokhcn.gov.vn>\r\n" +
	"\r\n" +
	"Noi dung.\r\n" +
	".Dong bat dau bang dau cham.\r\n"
