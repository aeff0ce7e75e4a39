package mailauth

import (
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// Aligned reports whether a DKIM signing domain (or SPF mail-from domain) d may speak for
// the From domain from: d equals from, or d is a parent of from that is not a public
// suffix. "bqlkcn.gov.vn" speaks for "vp.bqlkcn.gov.vn"; "gov.vn" speaks for nobody.
// Both are compared in lower-case ASCII (IDNA) form.
func Aligned(d, from string) bool {
	d, from = normalizeDomain(d), normalizeDomain(from)
	if d == "" || from == "" {
		return false
	}
	if d == from {
		return true
	}
	return strings.HasSuffix(from, "."+d) && !isPublicSuffix(d)
}

func isPublicSuffix(domain string) bool {
	suffix, _ := publicsuffix.PublicSuffix(domain)
	return suffix == domain
}

// normalizeDomain returns a domain in lower-case ASCII without a trailing dot, or "" when
// it cannot be a domain name.
func normalizeDomain(s string) string {
	s = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".")
	if s == "" || strings.ContainsAny(s, " \t\r\n@<>;,\"") {
		return ""
	}
	if ascii, err := idna.Lookup.ToASCII(s); err == nil {
		return ascii
	}
	return s
}

// addressDomain returns the normalised domain of an address such as "a@b.vn" or "@b.vn"
// (DKIM's header.i), or of a bare domain such as "b.vn" (Microsoft's smtp.mailfrom).
func addressDomain(addr string) string {
	addr = strings.Trim(strings.TrimSpace(addr), "<>")
	if at := strings.LastIndexByte(addr, '@'); at >= 0 {
		addr = addr[at+1:]
	}
	return normalizeDomain(addr)
}
