package reply

import "strings"

// Decision is how a reply to an approval request reads.
type Decision string

// The three readings of a reply. Only Approve lets a report go out.
const (
	Approve Decision = "approve" // a clear approval and nothing else
	Revise  Decision = "revise"  // a refusal, a change request or a condition
	Unclear Decision = "unclear" // anything else: the clerk must ask or read it
)

// Result is the reading of one reply.
type Result struct {
	Decision Decision
	// Comment is what the person wrote above the quote, verbatim (trimmed,
	// NFC), with the "Sent from my iPhone" lines and the signature removed.
	// It is set for Revise and Unclear, and for Approve when the person wrote
	// more than the approval phrase ("Duyệt, cảm ơn em").
	Comment string
	// Reason explains the decision in Vietnamese, for the clerk and the
	// audit trail.
	Reason string
	// Written is the person's own text as found in the body the decision
	// came from, quote removed (see [Written]).
	Written string
}

// Read decides from the bodies of a reply: plain is the text/plain body and
// html the text/html body ("" for a missing one).
//
// The plain body is read unless it shows no quote structure while the HTML
// body does (a blockquote, gmail_quote, an Outlook separator), or unless it
// is empty. When both bodies are present the other one is read too, and an
// approval stands only if both read as approval: a disagreement between
// the two versions of one mail is never resolved in favour of approving.
//
// Read is ReadRequest with the zero Request: an approval request about an
// unknown period and version.
func Read(plain, html string) Result { return ReadRequest(plain, html, Request{}) }

// readBodies is Read with the rules of rd.
func (rd reader) readBodies(plain, html string) Result {
	p, h := readBody(plain, stripPlain), readBody(html, stripHTML)
	chosen, other := choose(p, h)
	res := chosen.result(rd)
	if res.Decision != Approve || !other.present {
		return res
	}
	if second := other.result(rd); second.Decision != Approve {
		second.Reason = reasonBodiesDisagree(second.Reason)
		return second
	}
	return res
}

// Written returns the text the person wrote above the quoted part (and,
// with "> " quoting, between and below quoted lines), from the body Read
// would choose, without device lines, the "-- " signature and the request's
// instruction line.
func Written(plain, html string) string {
	chosen, _ := choose(readBody(plain, stripPlain), readBody(html, stripHTML))
	written, _ := capBytes(chosen.text, maxWritten)
	return written
}

// body is one body of the reply with the person's text found in it.
type body struct {
	stripped
	present bool
}

func readBody(s string, strip func(string) stripped) body {
	if strings.TrimSpace(s) == "" {
		return body{}
	}
	return body{stripped: strip(s), present: true}
}

// choose picks the body to read first and returns the other one.
func choose(plain, html body) (chosen, other body) {
	switch {
	case !html.present:
		return plain, html
	case !plain.present:
		return html, plain
	case plain.structure || !html.structure:
		return plain, html
	}
	return html, plain
}

// result decides on one body with the rules of rd.
func (b body) result(rd reader) Result {
	written, cut := capBytes(b.text, maxWritten)
	comment := strings.TrimSpace(dropSignature(cleanText(written)))
	if cut {
		return Result{Decision: Unclear, Comment: comment, Reason: reasonTooLong, Written: written}
	}
	v := rd.judge(comment)
	res := Result{Decision: v.decision, Comment: comment, Reason: v.reason, Written: written}
	if v.decision == Approve && !v.extra {
		res.Comment = ""
	}
	return res
}
