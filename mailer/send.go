package mailer

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"

	gomail "github.com/wneessen/go-mail"
)

// Sender delivers messages to the configured SMTP relay, one connection per message.
// It is safe for concurrent use.
type Sender struct {
	cfg Config
	log *slog.Logger
}

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
	client, err := s.client(ctx)
	if err != nil {
		return id, fmt.Errorf("send %s: %w", id, err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
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

// client builds a go-mail client for one message. ctx bounds the whole exchange, not
// only the dial: go-mail itself uses it for dialling and then per-command deadlines.
func (s *Sender) client(ctx context.Context) (*gomail.Client, error) {
	cfg := s.cfg
	opts := []gomail.Option{
		gomail.WithPort(cfg.Port),
		gomail.WithTimeout(cfg.Timeout),
		gomail.WithTLSConfig(s.tlsConfig()),
		gomail.WithDialContextFunc(s.dialer(ctx)),
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

// dialer connects, with TLS from the first byte in implicit mode, and closes the
// connection when sendCtx ends so a cancelled Send does not wait for the relay.
// A *tls.Conn is returned unwrapped: go-mail looks at its type to know the link is
// encrypted.
func (s *Sender) dialer(sendCtx context.Context) gomail.DialContextFunc {
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
		// Fires at the latest when Send returns and cancels; closing twice is harmless.
		context.AfterFunc(sendCtx, func() { _ = conn.Close() })
		return conn, nil
	}
}
