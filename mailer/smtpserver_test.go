package mailer

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// testSMTP is a real SMTP server on 127.0.0.1 that records what it receives and can be
// told to refuse a stage with a given reply (the model is maddy's test server).
type testSMTP struct {
	Port int

	user, password string // AUTH PLAIN is required when user is set

	mu         sync.Mutex
	deliveries []delivery
	failMail   *smtp.SMTPError
	failRcpt   *smtp.SMTPError
	failData   *smtp.SMTPError
	dataHook   func() // called when DATA starts, before the message is read
	conns      []*smtp.Conn
}

// delivery is one accepted message.
type delivery struct {
	From string
	To   []string
	Data []byte
	User string // the authenticated user, if any
	TLS  bool   // the session was encrypted
	UTF8 bool   // MAIL FROM carried SMTPUTF8
}

type smtpMode int

const (
	modePlain smtpMode = iota
	modeStartTLS
	modeImplicit
)

// startSMTP starts a server and stops it when the test ends.
func startSMTP(t *testing.T, mode smtpMode, user, password string) *testSMTP {
	t.Helper()
	ts := &testSMTP{user: user, password: password}
	srv := smtp.NewServer(smtp.BackendFunc(ts.newSession))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.EnableSMTPUTF8 = true
	srv.ErrorLog = log.New(io.Discard, "", 0)
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	switch mode {
	case modeStartTLS:
		srv.TLSConfig = selfSignedTLS(t)
	case modeImplicit:
		l = tls.NewListener(l, selfSignedTLS(t))
	}
	ts.Port = l.Addr().(*net.TCPAddr).Port
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(l)
	}()
	t.Cleanup(func() {
		_ = srv.Close()
		// Close misses a listener that Serve has not registered yet (a test that never
		// connected), so close it here too.
		_ = l.Close()
		<-done
	})
	return ts
}

// Deliveries returns a copy of what was accepted so far.
func (ts *testSMTP) Deliveries() []delivery {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]delivery(nil), ts.deliveries...)
}

// Fail makes the server refuse MAIL, RCPT or DATA with the given reply (code 0: accept again).
func (ts *testSMTP) Fail(stage string, code int, text string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	e := &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: text}
	if code == 0 {
		e = nil // code 0: accept again
	}
	switch stage {
	case "MAIL":
		ts.failMail = e
	case "RCPT":
		ts.failRcpt = e
	case "DATA":
		ts.failData = e
	}
}

// OnData installs a function called when a message's data starts.
func (ts *testSMTP) OnData(f func()) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.dataHook = f
}

// Sessions says how many connections the server accepted.
func (ts *testSMTP) Sessions() int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return len(ts.conns)
}

// Hangup closes every connection from the server's side, as a relay ending idle sessions does.
func (ts *testSMTP) Hangup() {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for _, c := range ts.conns {
		_ = c.Close()
	}
}

func (ts *testSMTP) newSession(c *smtp.Conn) (smtp.Session, error) {
	ts.mu.Lock()
	if !slices.Contains(ts.conns, c) { // STARTTLS begins a new session on the same connection
		ts.conns = append(ts.conns, c)
	}
	ts.mu.Unlock()
	_, isTLS := c.TLSConnectionState()
	return &testSession{server: ts, conn: c, tlsAtStart: isTLS}, nil
}

type testSession struct {
	server     *testSMTP
	conn       *smtp.Conn
	tlsAtStart bool
	user       string
	from       string
	utf8       bool
	to         []string
}

func (s *testSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *testSession) Auth(mech string) (sasl.Server, error) {
	if mech != sasl.Plain {
		return nil, smtp.ErrAuthUnsupported
	}
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != s.server.user || password != s.server.password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "bad credentials"}
		}
		s.user = username
		return nil
	}), nil
}

func (s *testSession) Mail(from string, opts *smtp.MailOptions) error {
	if s.server.user != "" && s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.server.mu.Lock()
	defer s.server.mu.Unlock()
	if s.server.failMail != nil {
		return s.server.failMail
	}
	s.from = from
	s.utf8 = opts != nil && opts.UTF8
	return nil
}

func (s *testSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.server.mu.Lock()
	defer s.server.mu.Unlock()
	if s.server.failRcpt != nil {
		return s.server.failRcpt
	}
	s.to = append(s.to, to)
	return nil
}

func (s *testSession) Data(r io.Reader) error {
	s.server.mu.Lock()
	hook, failData := s.server.dataHook, s.server.failData
	s.server.mu.Unlock()
	if hook != nil {
		hook()
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if failData != nil {
		return failData
	}
	_, isTLS := s.conn.TLSConnectionState()
	s.server.mu.Lock()
	defer s.server.mu.Unlock()
	s.server.deliveries = append(s.server.deliveries, delivery{
		From: s.from, To: s.to, Data: data, User: s.user, TLS: isTLS || s.tlsAtStart, UTF8: s.utf8,
	})
	return nil
}

func (s *testSession) Reset() { s.from, s.utf8, s.to = "", false, nil }

func (s *testSession) Logout() error { return nil }

// selfSignedTLS makes a throwaway certificate for 127.0.0.1.
func selfSignedTLS(t *testing.T) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatalf("generate key: %v", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatalf("create certificate: %v", err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
}

// closedPort returns a port on 127.0.0.1 where nothing listens.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		t.Fatalf("close: %v", err)
	}
	return port
}
