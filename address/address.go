// Package address gives an email address the one form in which tonghop compares it with
// another: the configured addresses of units and people, a mail's sender, the recipients of the
// outbox. Only ASCII letters are folded: the local part must be plain ASCII and is lower-cased,
// the domain is IDNA's ASCII form (punycode) under the registration profile, lower-cased. No
// Unicode case folding or compatibility mapping is ever applied, so "bql\u212Acn" (a Kelvin
// sign), full-width letters or a Cyrillic 'а' never become the ASCII address they look like: an
// address with no canonical form matches nothing.
package address

import (
	"strings"

	"golang.org/x/net/idna"
)

// maxLocal is the longest local part SMTP carries (RFC 5321 §4.5.3.1.1).
const maxLocal = 64

// Canonical returns the form in which s is compared, and false when s has none: a local part
// with anything but the characters of a dot-atom (RFC 5322 atext and dots), or a domain that is
// not a valid domain name under IDNA 2008 (a trailing dot, an empty or overlong label, a
// character UTS 46 would map such as U+212A or a full-width letter, a disallowed one). The
// profile is idna.Registration rather than idna.Lookup on purpose: Lookup maps U+212A to "k" and
// full-width letters to ASCII, which is the folding this form exists to refuse. A domain's
// Unicode letters must already be lower-case, as registered; its ASCII letters are lower-cased.
func Canonical(s string) (string, bool) {
	s = strings.TrimSpace(s)
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at > maxLocal || at == len(s)-1 {
		return "", false
	}
	local, domain := s[:at], s[at+1:]
	if strings.HasSuffix(domain, ".") { // the root label: idna accepts it, an address never has it
		return "", false
	}
	for i := range len(local) {
		if !localByte(local[i]) {
			return "", false
		}
	}
	ascii, err := idna.Registration.ToASCII(lowerASCII(domain))
	if err != nil || ascii == "" {
		return "", false
	}
	return lowerASCII(local) + "@" + lowerASCII(ascii), true
}

// Equal reports whether a and b are the same address: both have a canonical form, the same.
func Equal(a, b string) bool {
	ca, ok := Canonical(a)
	if !ok {
		return false
	}
	cb, ok := Canonical(b)
	return ok && ca == cb
}

// In reports whether addr is one of list (see Equal).
func In(list []string, addr string) bool {
	c, ok := Canonical(addr)
	if !ok {
		return false
	}
	for _, e := range list {
		if ce, ok := Canonical(e); ok && ce == c {
			return true
		}
	}
	return false
}

// Key is how an address is looked up and counted (an outbox key, a recipient counted, a
// sender recorded before): its canonical form, or, for an address without one, Lower(s). The
// second kind never equals the first (whatever lower-casing ASCII letters makes valid,
// Canonical accepts), so a key identifies a stranger's odd address without ever confusing it
// with a real one.
func Key(s string) string {
	if c, ok := Canonical(s); ok {
		return c
	}
	return Lower(s)
}

// Lower is the address as written, trimmed, with its ASCII letters lower-cased and nothing else
// changed: how a mail's sender is read, shown and recorded. Unlike strings.ToLower it keeps a
// Kelvin sign or a dotted capital I apart from the letters they imitate.
func Lower(s string) string { return lowerASCII(strings.TrimSpace(s)) }

// localByte reports whether c may appear in a dot-atom local part: RFC 5322 atext, or a dot.
func localByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte(".!#$%&'*+-/=?^_`{|}~", c) >= 0
}

// lowerASCII lower-cases the ASCII letters of s and leaves every other byte as it is.
func lowerASCII(s string) string {
	for i := range len(s) {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
