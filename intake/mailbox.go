package intake

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// TLSMode says how the IMAP connection is protected.
type TLSMode string

// TLS modes for MailboxConfig.TLS.
const (
	TLSImplicit TLSMode = "implicit" // TLS from the first byte, usually port 993
	TLSStartTLS TLSMode = "starttls" // plain connection upgraded with STARTTLS, usually port 143
	TLSNone     TLSMode = "none"     // no encryption: loopback servers and tests only
)

// MailboxConfig says where the shared submissions mailbox is and how to file
// what has been read. Zero fields take the defaults.
type MailboxConfig struct {
	Host     string
	Port     int // default 993 for implicit TLS, 143 otherwise
	TLS      TLSMode
	User     string
	Password string
	// Inbox is the folder units send to; default "INBOX".
	Inbox string
	// Processed, Rejected and Quarantine are the folders messages are moved
	// to once recorded; defaults "Processed", "Rejected", "Quarantine".
	// ASCII names work on every server; with a personal namespace prefix
	// such as cPanel's "INBOX." the prefix is added when needed.
	Processed  string
	Rejected   string
	Quarantine string
	// Failed is the folder a mail goes to once handling it kept failing; default "Failed".
	Failed string
	// MaxMessageBytes is the largest message Fetch downloads; larger ones
	// come back TooLarge for the caller to quarantine. Default 30 MiB.
	MaxMessageBytes int64
	// Timeout bounds dialling and each command; a message download gets
	// Timeout per started MiB. Default 30s.
	Timeout time.Duration
	// InsecureSkipVerify disables certificate checks, for servers with
	// self-signed certificates inside an office network.
	InsecureSkipVerify bool
	// RootCAs are the certificate authorities trusted for the server; nil means the system's.
	RootCAs *x509.CertPool
}

// Defaults for MailboxConfig.
const (
	DefaultInbox           = "INBOX"
	DefaultProcessed       = "Processed"
	DefaultRejected        = "Rejected"
	DefaultQuarantine      = "Quarantine"
	DefaultFailed          = "Failed"
	DefaultMaxMessageBytes = 30 << 20
	DefaultTimeout         = 30 * time.Second
)

func (c MailboxConfig) withDefaults() MailboxConfig {
	if c.TLS == "" {
		c.TLS = TLSImplicit
	}
	if c.Port == 0 {
		c.Port = 143
		if c.TLS == TLSImplicit {
			c.Port = 993
		}
	}
	setDefault(&c.Inbox, DefaultInbox)
	setDefault(&c.Processed, DefaultProcessed)
	setDefault(&c.Rejected, DefaultRejected)
	setDefault(&c.Quarantine, DefaultQuarantine)
	setDefault(&c.Failed, DefaultFailed)
	if c.MaxMessageBytes <= 0 {
		c.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	return c
}

func setDefault(s *string, def string) {
	if strings.TrimSpace(*s) == "" {
		*s = def
	}
}

// Validate reports the first unusable field of c after defaults are applied.
func (c MailboxConfig) Validate() error {
	c = c.withDefaults()
	switch {
	case strings.TrimSpace(c.Host) == "":
		return errors.New("mailbox config: host is empty")
	case c.Port < 1 || c.Port > 65535:
		return fmt.Errorf("mailbox config: port %d out of range", c.Port)
	case c.TLS != TLSImplicit && c.TLS != TLSStartTLS && c.TLS != TLSNone:
		return fmt.Errorf("mailbox config: tls %q is not implicit, starttls or none", c.TLS)
	case c.User == "":
		return errors.New("mailbox config: user is empty")
	}
	return nil
}

// ErrAuth is returned by Dial when the server rejects the user name or
// password, so the daemon can stop retrying and tell the operator.
var ErrAuth = errors.New("imap login rejected")

// Mailbox is a logged-in IMAP connection with the inbox selected. It is not
// safe for concurrent use. When a context is cancelled or a command times out
// the connection is closed and the Mailbox must be discarded.
type Mailbox struct {
	cfg         MailboxConfig
	client      *imapclient.Client
	logger      *slog.Logger
	uidValidity uint32
	folders     map[string]string // configured folder name → name on the server
	newMail     chan struct{}     // signalled when the server announces new mail (EXISTS)
}

// Dial connects and logs in, creates the Processed, Rejected and Quarantine
// folders if missing, and selects the inbox.
func Dial(ctx context.Context, cfg MailboxConfig, logger *slog.Logger) (*Mailbox, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	m := &Mailbox{cfg: cfg, logger: logger.With("component", "intake", "host", cfg.Host), newMail: make(chan struct{}, 1)}
	if err := m.connect(ctx); err != nil {
		return nil, err
	}
	if err := m.setup(ctx); err != nil {
		_ = m.client.Close()
		return nil, err
	}
	return m, nil
}

// connect dials, upgrades to TLS as configured and waits for the greeting.
func (m *Mailbox) connect(ctx context.Context) error {
	addr := net.JoinHostPort(m.cfg.Host, strconv.Itoa(m.cfg.Port))
	dialCtx, cancel := context.WithTimeout(ctx, m.cfg.Timeout)
	defer cancel()
	conn, err := (&net.Dialer{}).DialContext(dialCtx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("dial imap %s: %w", addr, err)
	}
	tlsConfig := &tls.Config{ServerName: m.cfg.Host, InsecureSkipVerify: m.cfg.InsecureSkipVerify, RootCAs: m.cfg.RootCAs,
		MinVersion: tls.VersionTLS12}
	opts := &imapclient.Options{
		TLSConfig:             tlsConfig,
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{Mailbox: m.announceNewMail},
	}
	switch m.cfg.TLS {
	case TLSImplicit:
		tlsConn := tls.Client(conn, tlsConfig)
		if err := tlsConn.HandshakeContext(dialCtx); err != nil {
			_ = conn.Close()
			return fmt.Errorf("tls handshake with %s: %w", addr, err)
		}
		m.client = imapclient.New(tlsConn, opts)
	case TLSStartTLS:
		_ = conn.SetDeadline(time.Now().Add(m.cfg.Timeout))
		m.client, err = imapclient.NewStartTLS(conn, opts)
		if err != nil {
			return fmt.Errorf("starttls with %s: %w", addr, err)
		}
		_ = conn.SetDeadline(time.Time{})
	default:
		if ip := net.ParseIP(m.cfg.Host); m.cfg.Host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			m.logger.Warn("imap password sent unencrypted", "tls", string(m.cfg.TLS))
		}
		m.client = imapclient.New(conn, opts)
	}
	if err := m.within(ctx, m.cfg.Timeout, m.client.WaitGreeting); err != nil {
		_ = m.client.Close()
		return fmt.Errorf("imap greeting from %s: %w", addr, err)
	}
	return nil
}

// setup logs in, makes sure the folders exist and selects the inbox.
func (m *Mailbox) setup(ctx context.Context) error {
	err := m.within(ctx, m.cfg.Timeout, func() error {
		return m.client.Login(m.cfg.User, m.cfg.Password).Wait()
	})
	if err != nil {
		var imapErr *imap.Error
		if errors.As(err, &imapErr) && imapErr.Type == imap.StatusResponseTypeNo {
			return fmt.Errorf("login as %q: %w: %w", m.cfg.User, ErrAuth, err)
		}
		return fmt.Errorf("login as %q: %w", m.cfg.User, err)
	}
	if err := m.ensureFolders(ctx); err != nil {
		return err
	}
	var data *imap.SelectData
	err = m.within(ctx, m.cfg.Timeout, func() (err error) {
		data, err = m.client.Select(m.cfg.Inbox, nil).Wait()
		return err
	})
	if err != nil {
		return fmt.Errorf("select %q: %w", m.cfg.Inbox, err)
	}
	m.uidValidity = data.UIDValidity
	m.logger.Debug("imap mailbox selected", "mailbox", m.cfg.Inbox,
		"messages", data.NumMessages, "uidvalidity", data.UIDValidity)
	return nil
}

// within runs one blocking imapclient call, giving up when ctx ends or
// timeout passes. imapclient takes no context, so giving up means closing
// the connection, which also unblocks the call.
func (m *Mailbox) within(ctx context.Context, timeout time.Duration, call func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		_ = m.client.Close()
		<-done
		return ctx.Err()
	}
}

// UIDValidity is the inbox's UIDVALIDITY. UIDs are only comparable between
// sessions while it stays the same.
func (m *Mailbox) UIDValidity() uint32 { return m.uidValidity }

// Close logs out and closes the connection.
func (m *Mailbox) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), m.cfg.Timeout)
	defer cancel()
	logoutErr := m.within(ctx, m.cfg.Timeout, func() error { return m.client.Logout().Wait() })
	closeErr := m.client.Close()
	if logoutErr != nil && !errors.Is(logoutErr, context.DeadlineExceeded) {
		m.logger.Debug("imap logout failed", "err", logoutErr)
	}
	if closeErr != nil && !errors.Is(closeErr, net.ErrClosed) {
		return fmt.Errorf("close imap connection: %w", closeErr)
	}
	return nil
}
