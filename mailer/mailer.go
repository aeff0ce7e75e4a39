// Package mailer composes, signs and sends the mail tonghop writes to people: templates
// sent to units, receipts, rejections, reminders. It builds MIME messages with go-mail, signs
// them with DKIM, sends them over SMTP one connection per message and tells permanent
// failures from temporary ones. The letters' texts are package letters'.
//
// It knows nothing of the ledger: a caller gives it a Message with an idempotency key and
// gets back the Message-ID derived from that key, so a message resent after a crash is
// recognisably the same message.
package mailer

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strings"
	"time"
)

// TLSMode is how the connection to the SMTP relay is protected.
type TLSMode string

// TLS modes understood by the Sender.
const (
	TLSImplicit TLSMode = "implicit" // TLS from the first byte (SMTPS, port 465)
	TLSStartTLS TLSMode = "starttls" // mandatory STARTTLS (submission, port 587)
	TLSNone     TLSMode = "none"     // plain text: loopback relays and tests only
)

// DefaultTimeout bounds one Send when Config.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Config says how to reach the SMTP relay and who the mail is from.
type Config struct {
	Host     string
	Port     int     // 0: 465 for implicit, 587 for starttls, 25 for none
	TLS      TLSMode // empty: starttls
	User     string  // empty: no AUTH
	Password string
	From     string // envelope and header From address, e.g. "tonghop@bqlkcn.example"
	FromName string // display name, e.g. "Văn phòng Ban Quản lý các KCN"
	// ReplyTo, when set, is where units' replies go if it is not the From address
	// (for example a no-reply sender in front of the shared mailbox).
	ReplyTo            string
	Timeout            time.Duration  // per message, default DefaultTimeout
	HeloName           string         // empty: the machine's host name
	InsecureSkipVerify bool           // for self-signed test servers only
	RootCAs            *x509.CertPool // certificate authorities to trust; nil: the system's
	DKIM               *DKIM          // signs every message (dkim.go); nil: unsigned
	// MessageIDSecret, when set, keys the Message-IDs (see Config.MessageID): only tonghop can
	// compute the Message-ID of a mail it sends, so a reply citing one was written by someone
	// who received that mail. Derive it from a key of the office's, never use that key itself.
	MessageIDSecret []byte
}

// Validate reports every problem of the configuration at once; it does no I/O.
func (c Config) Validate() error {
	var errs []error
	if c.Host == "" || strings.ContainsAny(c.Host, " \t\r\n/") {
		errs = append(errs, fmt.Errorf("host: %q is not a host name", c.Host))
	}
	if c.Port < 0 || c.Port > 65535 {
		errs = append(errs, fmt.Errorf("port: %d is out of range", c.Port))
	}
	switch c.TLS {
	case "", TLSImplicit, TLSStartTLS, TLSNone:
	default:
		errs = append(errs, fmt.Errorf("tls: %q is not implicit, starttls or none", c.TLS))
	}
	if c.User == "" && c.Password != "" {
		errs = append(errs, errors.New("password: set without user"))
	}
	// Credentials in clear text are only acceptable to a relay on this machine.
	if c.TLS == TLSNone && c.User != "" && !isLoopback(c.Host) {
		errs = append(errs, fmt.Errorf("tls: none with authentication needs a loopback host, not %q", c.Host))
	}
	if err := checkBareAddress(c.From); err != nil {
		errs = append(errs, fmt.Errorf("from: %w", err))
	}
	if c.ReplyTo != "" {
		if err := checkBareAddress(c.ReplyTo); err != nil {
			errs = append(errs, fmt.Errorf("reply_to: %w", err))
		}
	}
	if c.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout: %s is negative", c.Timeout))
	}
	if c.DKIM != nil {
		if err := c.DKIM.Validate(c.From); err != nil {
			errs = append(errs, fmt.Errorf("dkim: %w", err))
		}
	}
	return errors.Join(errs...)
}

// withDefaults fills in the port and timeout a zero Config leaves open.
func (c Config) withDefaults() Config {
	if c.TLS == "" {
		c.TLS = TLSStartTLS
	}
	if c.Port == 0 {
		c.Port = map[TLSMode]int{TLSImplicit: 465, TLSStartTLS: 587, TLSNone: 25}[c.TLS]
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	return c
}

func checkBareAddress(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil {
		return fmt.Errorf("%q is not a mail address: %w", s, err)
	}
	if a.Name != "" || a.Address != s {
		return fmt.Errorf("%q: give the bare address, without a display name", s)
	}
	return nil
}

func isLoopback(host string) bool {
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Attachment is a file sent with a message.
type Attachment struct {
	Name        string // shown to the recipient; Vietnamese allowed
	ContentType string // empty: guessed from the name's extension
	Data        []byte
}

// ContentTypeXLSX is the media type of an Office Open XML workbook.
const ContentTypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// Message is one mail to compose or send.
type Message struct {
	// Key is the idempotency key; the Message-ID is derived from it so a resend after a
	// crash carries the same Message-ID. Required.
	Key         string
	To, Cc      []string // addresses, with or without display names
	Subject     string
	Body        string // plain text, UTF-8
	Attachments []Attachment
	InReplyTo   string   // Message-ID of the mail answered, with or without angle brackets
	References  []string // Message-IDs of the thread, oldest first
	Date        time.Time
	// AutoReply sets "Auto-Submitted: auto-replied" (RFC 3834) for answers to a unit's
	// mail (receipts, rejections); otherwise "auto-generated" (templates, reminders).
	AutoReply bool
	// Submission leaves Auto-Submitted out: the office's own report sent to an upper office as
	// one of its units (issue 19, part 3), which that office's tonghop must take in as a unit's
	// mail rather than ignore as automatic. It answers no mail, so it cannot start a loop.
	Submission bool
}

// MessageID derives the Message-ID of the message with the given idempotency key:
// "<" + the first 32 hex digits of sha256(key) + "@" + the domain of from + ">".
// A from without a domain gives the domain "tonghop.invalid".
func MessageID(key, from string) string {
	sum := sha256.Sum256([]byte(key))
	return "<" + hex.EncodeToString(sum[:])[:32] + "@" + addressDomain(from) + ">"
}

// MessageID derives the Message-ID of the message with the given idempotency key: with a
// MessageIDSecret, "<" + the first 32 hex digits of HMAC-SHA256(secret, key) + "@" + the
// domain of From + ">"; without one, the package function MessageID (which anyone knowing
// the key can compute).
func (c Config) MessageID(key string) string {
	if len(c.MessageIDSecret) == 0 {
		return MessageID(key, c.From)
	}
	m := hmac.New(sha256.New, c.MessageIDSecret)
	m.Write([]byte(key))
	return "<" + hex.EncodeToString(m.Sum(nil))[:32] + "@" + addressDomain(c.From) + ">"
}

// IsOwnMessageID reports whether id (with or without angle brackets) has the shape of a
// Message-ID that MessageID or Config.MessageID makes for mail sent from from: a reply whose
// In-Reply-To or References holds one may answer a mail of tonghop's (the outbox says which).
func IsOwnMessageID(id, from string) bool {
	id = strings.ToLower(strings.Trim(strings.TrimSpace(id), "<>"))
	local, domain, ok := strings.Cut(id, "@")
	if !ok || len(local) != 32 || domain != addressDomain(from) {
		return false
	}
	for _, c := range local {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func addressDomain(from string) string {
	if a, err := mail.ParseAddress(from); err == nil {
		from = a.Address
	}
	at := strings.LastIndexByte(from, '@')
	domain := strings.ToLower(strings.Trim(from[at+1:], " <>"))
	if at < 0 || domain == "" || strings.ContainsAny(domain, " \t\r\n<>@") {
		return "tonghop.invalid"
	}
	return domain
}

// boundary derives the MIME boundary from the key so composing the same message twice
// gives the same bytes (archives and tests compare them). Hex digits after "--" never
// begin a line of base64, and the body is our own text.
func boundary(key string) string {
	sum := sha256.Sum256([]byte("boundary\x00" + key))
	return "tonghop-" + hex.EncodeToString(sum[:16])
}

// Content types of the administrative document (issue 20): Word and its PDF.
const (
	ContentTypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	ContentTypePDF  = "application/pdf"
)
