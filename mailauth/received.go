package mailauth

import (
	"strings"

	"github.com/emersion/go-message/textproto"
)

// hops finds, for each trusted server, the position (among the header fields, counted from
// the top) of the Received field it added when it received the message: the topmost Received
// field whose "by" host is the server's authserv-id or one of Policy.ReceivedHosts, passing
// over the delivery hops written above it (LMTP, local delivery), which are never the receipt
// from outside. Everything below that field was there before the server saw the message, so
// a field claiming the server's authserv-id down there is the sender's (RFC 8601 section 5).
//
// A Received field that cannot be read stops the search for every server not found yet, at
// that field: it lies above or at the server's own (anything above that was added inside the
// office), so only fields above it are believed. A forger cannot hide the server's field: the
// part of it the sender controls (the HELO name) is a single word, and the rest is written
// by the server.
func hops(h textproto.Header, p Policy) map[string]int {
	at := map[string]int{}
	pending := map[string]bool{}
	for _, s := range p.TrustedServers {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			pending[s] = true
		}
	}
	for i, fields := 0, h.Fields(); fields.Next() && len(pending) > 0; i++ {
		if fields.Key() != "Received" {
			continue
		}
		r, ok := parseReceived(fields.Value())
		for s := range pending {
			switch {
			case !ok:
			case r.delivery:
				continue
			case r.by != s && !p.receivedHost(r.by):
				continue
			}
			at[s] = i
			delete(pending, s)
		}
	}
	return at
}

// receivedHost reports whether host is one of Policy.ReceivedHosts.
func (p Policy) receivedHost(host string) bool {
	for _, h := range p.ReceivedHosts {
		if strings.EqualFold(strings.TrimSpace(h), host) {
			return true
		}
	}
	return false
}

// received is what hops needs of a Received field.
type received struct {
	by       string // the host that added the field, in lower case
	delivery bool   // with LMTP or local: a delivery inside the office
}

// hostChars are the characters of a host name or address literal after "by".
const hostChars = "abcdefghijklmnopqrstuvwxyz0123456789.-_[]:"

// parseReceived reads "from HELO (comment) by HOST (comment) with PROTOCOL id ... ; date"
// (RFC 5321 section 4.4). Without comments, the from clause is one word and "by" follows it
// directly; any other shape is unreadable.
func parseReceived(value string) (received, bool) {
	v, err := stripComments(value)
	if err != nil {
		return received{}, false
	}
	if semi := strings.LastIndexByte(v, ';'); semi >= 0 {
		v = v[:semi]
	}
	words := strings.Fields(v)
	if len(words) >= 2 && strings.EqualFold(words[0], "from") {
		words = words[2:]
	}
	if len(words) < 2 || !strings.EqualFold(words[0], "by") {
		return received{}, false
	}
	r := received{by: strings.TrimSuffix(strings.ToLower(words[1]), ".")}
	if r.by == "" || strings.Trim(r.by, hostChars) != "" {
		return received{}, false
	}
	for i := 2; i+1 < len(words); i++ {
		if strings.EqualFold(words[i], "with") {
			proto := strings.ToUpper(words[i+1])
			r.delivery = strings.HasPrefix(proto, "LMTP") || proto == "LOCAL"
			break
		}
	}
	return r, true
}
