package mailer

import (
	"fmt"
	"net/mail"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// go-mail writes From, To and Cc from net/mail addresses, whose names Go's word encoder cuts in
// the middle of a word (see words.go), and it takes the SMTP envelope from the same fields. So a
// message is two go-mail messages: the one written, whose From, To, Cc, Reply-To and Subject
// are plain header fields tonghop encodes itself, and an envelope holding only the bare
// addresses for MAIL FROM and RCPT TO, which hands go-mail the written one when it writes
// (a go-mail middleware) and signs it with DKIM.

// written is the middleware that gives go-mail the message to write.
type written struct{ msg *gomail.Msg }

func (w written) Handle(*gomail.Msg) *gomail.Msg { return w.msg }

func (written) Type() gomail.MiddlewareType { return "tonghop-fields" }

// addressFields sets From, Reply-To, To and Cc on msg, as header fields with encoded names, and
// returns the envelope that sends it. A recipient that is no address is ErrPermanent.
func addressFields(msg *gomail.Msg, cfg Config, m Message) (*gomail.Msg, error) {
	env := gomail.NewMsg(gomail.WithMiddleware(written{msg}))
	if err := env.From(cfg.From); err != nil {
		return nil, fmt.Errorf("from %q: %w", cfg.From, err)
	}
	msg.SetGenHeader(gomail.Header(gomail.HeaderFrom), formatAddress(&mail.Address{Name: headerText(cfg.FromName), Address: cfg.From}))
	if cfg.ReplyTo != "" {
		a, err := mail.ParseAddress(cfg.ReplyTo)
		if err != nil {
			return nil, fmt.Errorf("reply-to %q: %w", cfg.ReplyTo, err)
		}
		msg.SetGenHeader(gomail.Header(gomail.HeaderReplyTo), formatAddress(a))
	}
	if len(m.To) == 0 {
		return nil, fmt.Errorf("%w: no recipient", ErrPermanent)
	}
	to, err := parseAddresses(m.To)
	if err != nil {
		return nil, fmt.Errorf("%w: bad recipient address: %w", ErrPermanent, err)
	}
	cc, err := parseAddresses(m.Cc)
	if err != nil {
		return nil, fmt.Errorf("%w: bad copy address: %w", ErrPermanent, err)
	}
	env.ToMailAddress(bare(to)...)
	msg.SetGenHeader(gomail.Header(gomail.HeaderTo), formatAddresses(to)...)
	if len(cc) > 0 {
		env.CcMailAddress(bare(cc)...)
		msg.SetGenHeader(gomail.Header(gomail.HeaderCc), formatAddresses(cc)...)
	}
	return env, nil
}

func parseAddresses(list []string) ([]*mail.Address, error) {
	out := make([]*mail.Address, 0, len(list))
	for _, s := range list {
		a, err := mail.ParseAddress(s)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", s, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// bare drops the names: the envelope needs the addresses only.
func bare(list []*mail.Address) []*mail.Address {
	out := make([]*mail.Address, len(list))
	for i, a := range list {
		out[i] = &mail.Address{Address: a.Address}
	}
	return out
}

func formatAddresses(list []*mail.Address) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = formatAddress(a)
	}
	return out
}

// formatAddress writes `name <address>`, the name encoded by encodePhrase, or the address
// alone without a name.
func formatAddress(a *mail.Address) string {
	addr := (&mail.Address{Address: a.Address}).String() // "<local@domain>", the local part quoted if need be
	if name := headerText(a.Name); name != "" {
		return encodePhrase(name) + " " + addr
	}
	return strings.TrimSuffix(strings.TrimPrefix(addr, "<"), ">")
}
