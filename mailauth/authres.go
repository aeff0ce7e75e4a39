package mailauth

import (
	"errors"
	"strings"

	"github.com/emersion/go-message/textproto"
	"github.com/emersion/go-msgauth/authres"
)

// arField is one Authentication-Results field as read from the header.
type arField struct {
	server  string // authserv-id in lower case; "" when the field has none or it is unreadable
	unnamed bool   // the field has no authserv-id at all (Microsoft 365)
	results []authres.Result
	err     error // the field could not be read completely
}

// unnamedServer stands for the missing authserv-id of Microsoft 365 in Failure.Server.
const unnamedServer = "(unnamed)"

// errUnbalanced reports a comment or quoted string that does not end.
var errUnbalanced = errors.New("unbalanced comment or quoted string")

// parseField reads one Authentication-Results field value. The authserv-id comes first, so
// it is known even when the rest cannot be read: a trusted but broken field is recognised.
func parseField(value string) arField {
	v, err := stripComments(value)
	f := arField{unnamed: hasNoServer(v)}
	if f.unnamed {
		v = ";" + v
	}
	id, results, parseErr := authres.Parse(v)
	f.server = strings.ToLower(id)
	if err == nil {
		f.results, f.err = results, parseErr
	} else {
		f.err = err
	}
	return f
}

// AuthservID returns the authserv-id of an Authentication-Results field value, as written
// but without surrounding space, comments or version: "mx.google.com" for
// "mx.google.com; dkim=pass ...". It returns "" when the field names no server (as
// Microsoft 365 writes it) or cannot be read.
func AuthservID(field string) string {
	v, _ := stripComments(field)
	if hasNoServer(v) {
		return ""
	}
	id, _, _ := authres.Parse(v)
	return id
}

// hasNoServer reports whether the field starts with a result ("spf=pass ...") instead of
// an authserv-id.
func hasNoServer(v string) bool {
	first, _, _ := strings.Cut(v, ";")
	words := strings.Fields(first)
	return len(words) > 0 && strings.Contains(words[0], "=")
}

// stripComments removes RFC 5322 comments outside quoted strings. authres.Parse splits on
// every semicolon, and comments such as OpenDKIM's "(2048-bit key; unprotected)" have one.
func stripComments(s string) (string, error) {
	var b strings.Builder
	depth, quoted, escaped := 0, false, false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && (quoted || depth > 0):
			escaped = true
		case quoted:
			quoted = r != '"'
		case r == '"' && depth == 0:
			quoted = true
		case r == '(':
			depth++
			if depth == 1 {
				b.WriteByte(' ')
			}
			continue
		case r == ')' && depth > 0:
			depth--
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	if depth > 0 || quoted || escaped {
		return b.String(), errUnbalanced
	}
	return b.String(), nil
}

// Window states of the unnamed server (Microsoft 365) while the header is read from the top.
const (
	windowUnseen = iota // no unnamed field seen yet
	windowOpen          // in the block of its topmost field, before the next Received
	windowClosed        // past that block: further unnamed fields are the sender's
)

// checkAuthResults applies the rules of the package documentation to the trusted
// Authentication-Results fields, in header order. A named server's field may vouch for the
// message only when it lies above that server's own Received field (see hops); the unnamed
// fields of Microsoft 365 only in their topmost block, up to the next Received field.
// Failures count wherever they are: a forged failure only harms the forger.
// It reports whether some trusted field lay where it may vouch.
func (c *checker) checkAuthResults(h textproto.Header, fromDomain string, p Policy) bool {
	hop := hops(h, p)
	unnamed := windowUnseen
	current := false // some trusted field may vouch
	for i, fields := 0, h.Fields(); fields.Next(); i++ {
		switch fields.Key() {
		case "Received":
			if unnamed == windowOpen {
				unnamed = windowClosed
			}
		case "Authentication-Results":
			f := parseField(fields.Value())
			var server string
			var above bool
			switch {
			case f.unnamed && p.TrustUnnamed:
				if unnamed == windowUnseen {
					unnamed = windowOpen
				}
				server, above = unnamedServer, unnamed == windowOpen
			case !f.unnamed && p.trusts(f.server):
				at, found := hop[f.server]
				server, above = f.server, found && i < at
			default:
				continue
			}
			current = current || above
			c.checkField(server, f, fromDomain, above)
		}
	}
	return current
}

// checkField evaluates one trusted field; current says it is in its server's topmost
// block. Fields further down can refuse the message but not vouch for it, and an
// unreadable one there is ignored.
func (c *checker) checkField(server string, f arField, fromDomain string, current bool) {
	if f.err != nil {
		if current {
			c.postpone(Failure{Method: MethodAuthRes, Result: "temperror", Server: server,
				Detail: "unreadable field: " + f.err.Error()})
		}
		return
	}
	vouched := c.vouched
	c.evaluate(server, f.results, fromDomain)
	if !current {
		c.vouched = vouched
	}
}

// evaluate applies the rules to the results of one trusted field.
func (c *checker) evaluate(server string, results []authres.Result, fromDomain string) {
	dkimPass := alignedDKIMPass(results, fromDomain)
	for _, r := range results {
		switch r := r.(type) {
		case *authres.DMARCResult:
			c.evaluateDMARC(server, r, fromDomain)
		case *authres.SPFResult:
			c.evaluateSPF(server, r, fromDomain, dkimPass)
		case *authres.DKIMResult:
			c.evaluateDKIM(server, r, fromDomain, dkimPass)
		case *authres.GenericResult:
			if r.Method == "compauth" && r.Value == authres.ResultFail {
				c.fail(Failure{Method: "compauth", Result: "fail", Server: server,
					Detail: "reason=" + r.Params["reason"]})
			}
		}
	}
}

func (c *checker) evaluateDMARC(server string, r *authres.DMARCResult, fromDomain string) {
	f := Failure{Method: "dmarc", Result: string(r.Value), Server: server,
		Detail: detail("header.from", r.From, r.Reason)}
	switch r.Value {
	case authres.ResultFail:
		c.fail(f)
	case authres.ResultTempError:
		c.postpone(f)
	case authres.ResultPass:
		if r.From == "" || normalizeDomain(r.From) == fromDomain {
			c.vouched = true
		}
	}
}

func (c *checker) evaluateSPF(server string, r *authres.SPFResult, fromDomain string, dkimPass bool) {
	f := Failure{Method: "spf", Result: string(r.Value), Server: server,
		Detail: detail("smtp.mailfrom", r.From, r.Reason)}
	switch r.Value {
	case authres.ResultFail, authres.ResultHardFail:
		c.fail(f)
	case authres.ResultTempError:
		if !dkimPass {
			c.postpone(f)
		}
	case authres.ResultPass:
		if Aligned(addressDomain(r.From), fromDomain) {
			c.vouched = true
		}
	}
}

func (c *checker) evaluateDKIM(server string, r *authres.DKIMResult, fromDomain string, dkimPass bool) {
	f := Failure{Method: "dkim", Result: string(r.Value), Server: server,
		Detail: detail("header.d", dkimDomain(r), r.Reason)}
	switch r.Value {
	case authres.ResultPass:
		if dkimPass {
			c.vouched = true
		}
	case authres.ResultFail, authres.ResultNeutral, authres.ResultPolicy, authres.ResultPermError:
		if !dkimPass {
			c.fail(f)
		}
	case authres.ResultTempError:
		if !dkimPass {
			c.postpone(f)
		}
	}
}

// alignedDKIMPass reports whether the field has a dkim=pass for a domain aligned with From.
func alignedDKIMPass(results []authres.Result, fromDomain string) bool {
	for _, r := range results {
		if d, ok := r.(*authres.DKIMResult); ok && d.Value == authres.ResultPass &&
			Aligned(dkimDomain(d), fromDomain) {
			return true
		}
	}
	return false
}

// dkimDomain is header.d, or the domain of header.i where a server (Gmail) gives only that.
func dkimDomain(r *authres.DKIMResult) string {
	if r.Domain != "" {
		return r.Domain
	}
	return addressDomain(r.Identifier)
}

func detail(key, value, reason string) string {
	s := key + "=" + value
	if reason != "" {
		s += " reason=" + reason
	}
	return s
}
