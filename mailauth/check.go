package mailauth

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"strings"

	"github.com/emersion/go-message/textproto"
)

// Policy says which checks Check applies.
type Policy struct {
	// TrustedServers are the authserv-ids (RFC 8601) of the receiving servers whose
	// Authentication-Results are believed: the office's own MX. Fields from any other
	// authserv-id are ignored (a sender can write any header it likes). Case-insensitive.
	TrustedServers []string
	// ReceivedHosts are the host names the trusted servers write after "by" in their own
	// Received field, when they differ from the authserv-ids: a server's field counts only
	// above its Received field (see the package documentation). Case-insensitive.
	ReceivedHosts []string
	// TrustUnnamed believes Authentication-Results fields that have no authserv-id, as
	// Microsoft 365 writes them; like named ones, only the topmost block counts. Set it
	// only when the office's MX is Microsoft 365.
	TrustUnnamed bool
	// VerifyDKIM asks Check to verify DKIM signatures itself: at least one valid signature
	// whose d= domain is aligned with the From domain (equal or a parent, see the package
	// documentation) is then required.
	VerifyDKIM bool
	// AcceptUnproven believes a message that no check failed even when no check vouched for
	// its From domain either (dkim=none, spf=softfail, dmarc=none). It is for offices whose
	// correspondents' domains publish neither DKIM nor DMARC, and it lets through a forger
	// whose mail fails nothing.
	AcceptUnproven bool
	// LookupTXT resolves DKIM keys; nil means net.LookupTXT. It is called from several
	// goroutines at once when a message has several signatures. An error that is a
	// net.Error with Temporary() true makes the verdict Temporary; any other error means
	// the key does not exist.
	LookupTXT func(domain string) ([]string, error)
}

// configured reports whether any check that can vouch for a From domain is asked for.
func (p Policy) configured() bool {
	return len(p.TrustedServers) > 0 || p.TrustUnnamed || p.VerifyDKIM
}

// trusts reports whether the authserv-id server is one of TrustedServers.
func (p Policy) trusts(server string) bool {
	if server == "" {
		return false
	}
	for _, s := range p.TrustedServers {
		if strings.EqualFold(strings.TrimSpace(s), server) {
			return true
		}
	}
	return false
}

// Verdict is the outcome of Check.
type Verdict struct {
	Pass      bool      // the message may be believed as far as the checks configured go
	Failures  []Failure // what failed, in header order; empty exactly when Pass
	Temporary bool      // every failure is one a later attempt could clear (DNS temperror)
	Reason    string    // Vietnamese summary for the clerk, "" when Pass
}

// Failure is one check that did not let the message through.
type Failure struct {
	Method string // "dkim", "spf", "dmarc", "compauth", "authres", "from", "message", "alignment"
	Result string // as in RFC 8601: "fail", "temperror", "permerror", "policy", "none"
	Server string // authserv-id of the field that said so, "(unnamed)" for Microsoft 365; "" for tonghop's own checks
	Detail string // technical detail in English, for logs
}

// Methods named in Failure.Method besides those of Authentication-Results.
const (
	MethodAuthRes   = "authres"   // no readable field from a trusted server
	MethodFrom      = "from"      // the From field is missing, repeated or not the expected one
	MethodMessage   = "message"   // the header cannot be read at all
	MethodAlignment = "alignment" // nothing vouched for the From domain
)

// checker accumulates the outcome of the checks of one message.
type checker struct {
	failures  []Failure
	temporary []bool // parallel to failures
	vouched   bool   // some check proved the From domain
}

func (c *checker) fail(f Failure) {
	c.failures = append(c.failures, f)
	c.temporary = append(c.temporary, false)
}

func (c *checker) postpone(f Failure) {
	c.failures = append(c.failures, f)
	c.temporary = append(c.temporary, true)
}

func (c *checker) verdict(from string) Verdict {
	v := Verdict{Pass: len(c.failures) == 0, Failures: c.failures}
	if v.Pass {
		return v
	}
	v.Temporary = true
	for _, t := range c.temporary {
		v.Temporary = v.Temporary && t
	}
	v.Reason = reason(from, v)
	return v
}

// Check decides whether raw, a whole message as received, may be believed to come from
// from, the sender's address as the caller read it ("" means: whatever the From field
// says). It never fails: whatever cannot be read counts against the message.
func Check(raw []byte, from string, p Policy) Verdict {
	var c checker
	h, err := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(raw)))
	// A header without a body ends in EOF instead of a blank line; it is still a header.
	if err != nil && !errors.Is(err, io.EOF) {
		c.fail(Failure{Method: MethodMessage, Result: "permerror", Detail: "read header: " + err.Error()})
		return c.verdict(from)
	}
	addr, ok := c.checkFrom(h, from)
	if !ok {
		return c.verdict(from)
	}
	domain := addressDomain(addr)
	current := true
	if len(p.TrustedServers) > 0 || p.TrustUnnamed {
		current = c.checkAuthResults(h, domain, p)
	}
	if p.VerifyDKIM {
		c.checkDKIM(raw, domain, p.LookupTXT)
	}
	if !current && len(c.failures) == 0 {
		c.fail(Failure{Method: MethodAuthRes, Result: "none",
			Detail: "no Authentication-Results field of a trusted server above its own Received field"})
	}
	if p.configured() && !p.AcceptUnproven && !c.vouched && len(c.failures) == 0 {
		c.fail(Failure{Method: MethodAlignment, Result: "none",
			Detail: "no check vouched for the From domain " + domain})
	}
	return c.verdict(addr)
}

// checkFrom returns the single address of the single From field, if it is from.
func (c *checker) checkFrom(h textproto.Header, from string) (string, bool) {
	fields := h.Values("From")
	if len(fields) != 1 {
		c.fail(Failure{Method: MethodFrom, Result: "permerror",
			Detail: fmt.Sprintf("message has %d From fields, want 1", len(fields))})
		return "", false
	}
	addrs, err := addressParser.ParseList(fields[0])
	if err != nil || len(addrs) != 1 {
		c.fail(Failure{Method: MethodFrom, Result: "permerror",
			Detail: fmt.Sprintf("From field %q is not one address", fields[0])})
		return "", false
	}
	addr := addrs[0].Address
	if want := bareAddress(from); want != "" && !strings.EqualFold(want, addr) {
		c.fail(Failure{Method: MethodFrom, Result: "fail",
			Detail: fmt.Sprintf("From field is %q, want %q", addr, want)})
		return "", false
	}
	if addressDomain(addr) == "" {
		c.fail(Failure{Method: MethodFrom, Result: "permerror",
			Detail: fmt.Sprintf("From address %q has no domain", addr)})
		return "", false
	}
	return addr, true
}

// addressParser reads display names in any charset without decoding them: only the
// address, which is ASCII or UTF-8, matters here.
var addressParser = mail.AddressParser{WordDecoder: &mime.WordDecoder{
	CharsetReader: func(_ string, input io.Reader) (io.Reader, error) { return input, nil },
}}

// bareAddress returns the address in s, which may carry a display name.
func bareAddress(s string) string {
	s = strings.TrimSpace(s)
	if a, err := addressParser.Parse(s); err == nil {
		return a.Address
	}
	return s
}
