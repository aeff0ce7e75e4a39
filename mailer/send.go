package mailer

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// Sender delivers messages to the configured SMTP relay. It keeps the connection of the last
// message open for the next (keptConn), so consecutive mails (a flood's receipts) each cost one
// SMTP transaction instead of a connection, EHLO, STARTTLS and AUTH; a connection that failed a
// send, outlived maxIdle, or was closed by the relay is dropped and a new one dialled.
// It is safe for concurrent use; Close closes the kept connection.
type Sender struct {
	cfg Config
	log *slog.Logger

	mu   sync.Mutex
	kept *keptConn // the idle connection, nil when there is none
}

// maxIdle is how long an idle connection is kept: well under the five minutes a relay may
// wait for a command (RFC 5321 4.5.3.2.7), so it is rarely found closed.
const maxIdle = 30 * time.Second

// NewSender checks the configuration and fills in its defaults; it does no I/O.
// A nil logger discards.
func NewSender(cfg Config, logger *slog.Logger) (*Sender, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("smtp config: %w", err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Sender{cfg: cfg.withDefaults(), log: logger}, nil
}

// Config returns the configuration in use, defaults filled in.
func (s *Sender) Config() Config { return s.cfg }

// Send composes m and delivers it to the relay. It returns the Message-ID, also when
// it fails, so the caller can record what was attempted. A failure wraps ErrPermanent
// when IsPermanent holds; when ctx ends first the error wraps ctx.Err(). The whole
// exchange is bounded by Config.Timeout.
func (s *Sender) Send(ctx context.Context, m Message) (string, error) {
	msg, id, err := build(s.cfg, m)
	if err != nil {
		return id, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	if err := s.deliver(ctx, msg); err != nil {
		switch {
		case IsPermanent(err):
			err = fmt.Errorf("%w: %w", ErrPermanent, err)
		case ctx.Err() != nil:
			err = fmt.Errorf("%w: %w", ctx.Err(), err)
		}
		return id, fmt.Errorf("send %s: %w", id, err)
	}
	s.log.Debug("message sent", "message_id", id, "to", m.To, "cc", m.Cc, "key", m.Key)
	return id, nil
}

// deliver sends msg over the kept connection, or a new one when there is none or the kept one
// no longer answers. go-mail checks a connection (NOOP) before MAIL FROM, so a kept connection
// found dead has started no transaction and the mail goes over a new one, never twice. A
// connection is kept again only after a successful send.
func (s *Sender) deliver(ctx context.Context, msg *gomail.Msg) error {
	if k := s.take(); k != nil {
		err := k.send(ctx, msg)
		if err == nil {
			s.keep(k)
			return nil
		}
		k.drop()
		var se *gomail.SendError
		if !errors.As(err, &se) || se.Reason != gomail.ErrConnCheck || ctx.Err() != nil {
			return err
		}
		s.log.Debug("kept smtp connection closed by the relay; dialling again")
	}
	k, err := s.dial(ctx)
	if err != nil {
		return err
	}
	if err := k.send(ctx, msg); err != nil {
		k.drop()
		return err
	}
	s.keep(k)
	return nil
}

// take returns the kept connection, if it is fresh enough, leaving none kept.
func (s *Sender) take() *keptConn {
	s.mu.Lock()
	k := s.kept
	s.kept = nil
	s.mu.Unlock()
	if k != nil && time.Since(k.idleSince) > maxIdle {
		k.quit()
		return nil
	}
	return k
}

// keep keeps k for the next send, closing the one kept already (concurrent sends).
func (s *Sender) keep(k *keptConn) {
	k.idleSince = time.Now()
	s.mu.Lock()
	old := s.kept
	s.kept = k
	s.mu.Unlock()
	if old != nil {
		old.quit()
	}
}

// Close ends the kept connection, if any, with QUIT.
func (s *Sender) Close() error {
	if k := s.take(); k != nil {
		k.quit()
	}
	return nil
}

// keptConn is one connection to the relay, its go-mail client and its network connection.
type keptConn struct {
	client    *gomail.Client
	smtp      *smtp.Client
	idleSince time.Time

	mu   sync.Mutex // guards conn: a context's end closes it from another goroutine
	conn net.Conn
}

// dial connects, says EHLO, starts TLS and authenticates as configured. The connection is
// closed if ctx ends first, so a cancelled Send does not wait for the relay.
func (s *Sender) dial(ctx context.Context) (*keptConn, error) {
	k := &keptConn{}
	client, err := s.client(k)
	if err != nil {
		return nil, err
	}
	k.client = client
	stop := context.AfterFunc(ctx, k.closeConn)
	k.smtp, err = client.DialToSMTPClientWithContext(ctx)
	if !stop() && err == nil {
		err = ctx.Err()
	}
	if err != nil {
		k.drop()
		return nil, fmt.Errorf("dial failed: %w", err)
	}
	return k, nil
}

// send sends msg; the connection is closed if ctx ends first.
func (k *keptConn) send(ctx context.Context, msg *gomail.Msg) error {
	stop := context.AfterFunc(ctx, k.closeConn)
	err := k.client.SendWithSMTPClient(k.smtp, msg)
	if !stop() && err == nil {
		err = ctx.Err() // sent, but the connection is closed: it cannot be kept
	}
	if err != nil {
		return fmt.Errorf("send failed: %w", err)
	}
	return nil
}

// quit ends a connection politely, within a moment.
func (k *keptConn) quit() {
	k.mu.Lock()
	if k.conn != nil {
		_ = k.conn.SetDeadline(time.Now().Add(2 * time.Second))
	}
	k.mu.Unlock()
	_ = k.client.CloseWithSMTPClient(k.smtp)
	k.closeConn()
}

// drop closes a connection whose state is unknown (a failed command): no QUIT.
func (k *keptConn) drop() { k.closeConn() }

func (k *keptConn) closeConn() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.conn != nil {
		_ = k.conn.Close()
	}
}

func (k *keptConn) setConn(conn net.Conn) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.conn = conn
}

// client builds a go-mail client for one connection, which its dialer records in k. go-mail
// uses its timeout for dialling and then per-command deadlines.
func (s *Sender) client(k *keptConn) (*gomail.Client, error) {
	cfg := s.cfg
	opts := []gomail.Option{
		gomail.WithPort(cfg.Port),
		gomail.WithTimeout(cfg.Timeout),
		gomail.WithTLSConfig(s.tlsConfig()),
		gomail.WithDialContextFunc(s.dialer(k)),
		// Every header is ASCII (encoded words), so the message never needs SMTPUTF8;
		// declaring it anyway obliges each later hop to support it or bounce (RFC 6531).
		gomail.WithoutSMTPUTF8(),
	}
	switch cfg.TLS {
	case TLSImplicit:
		// The dialer does the TLS handshake; WithSSL only stops go-mail from trying STARTTLS.
		opts = append(opts, gomail.WithSSL(), gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if cfg.HeloName != "" {
		opts = append(opts, gomail.WithHELO(cfg.HeloName))
	}
	if cfg.User != "" {
		opts = append(opts, gomail.WithUsername(cfg.User), gomail.WithPassword(cfg.Password),
			gomail.WithOpportunisticSMTPAuth(s.authMechanisms()...))
	}
	client, err := gomail.NewClient(cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("smtp client: %w", err)
	}
	return client, nil
}

// authMechanisms prefers PLAIN, then LOGIN (Microsoft 365 offers only LOGIN and
// XOAUTH2). go-mail refuses either on a plain connection unless the host is literally
// "localhost", "127.0.0.1" or "::1"; Validate already limits TLSNone with a password to
// loopback hosts, so the -NOENC variants also cover "127.0.0.2" or "localhost.".
func (s *Sender) authMechanisms() []gomail.SMTPAuthType {
	if s.cfg.TLS == TLSNone {
		return []gomail.SMTPAuthType{gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc}
	}
	return []gomail.SMTPAuthType{gomail.SMTPAuthPlain, gomail.SMTPAuthLogin}
}

func (s *Sender) tlsConfig() *tls.Config {
	return &tls.Config{
		ServerName:         s.cfg.Host,
		MinVersion:         tls.VersionTLS12,
		RootCAs:            s.cfg.RootCAs,
		InsecureSkipVerify: s.cfg.InsecureSkipVerify, //nolint:gosec // opt-in, for test relays
	}
}

// dialer connects, with TLS from the first byte in implicit mode, and records the connection
// in k, whose sends close it when their context ends. A *tls.Conn is returned unwrapped:
// go-mail looks at its type to know the link is encrypted.
func (s *Sender) dialer(k *keptConn) gomail.DialContextFunc {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		var conn net.Conn
		var err error
		netDialer := &net.Dialer{}
		if s.cfg.TLS == TLSImplicit {
			conn, err = (&tls.Dialer{NetDialer: netDialer, Config: s.tlsConfig()}).DialContext(ctx, network, addr)
		} else {
			conn, err = netDialer.DialContext(ctx, network, addr)
		}
		if err != nil {
			return nil, err
		}
		k.setConn(conn)
		return conn, nil
	}
}
