package reply

import "strings"

// approval finds the phrase an approval would rest on: an approval word;
// else "ừ" when nothing in the text only acknowledges ("Ừ, đã nhận" is no
// approval); else, in a comment round, "không có ý kiến".
func (r reading) approval(comments bool) (span, bool) {
	if s, ok := r.find(kindApprove); ok {
		return s, true
	}
	if s, ok := r.find(kindAssent); ok && r.typedAssent(s) {
		if _, ack := r.find(kindAck); !ack {
			return s, true
		}
	}
	if comments {
		for _, s := range r.spans {
			if s.kind == kindNeutral && noComment(phraseText(r.toks, s)) {
				return s, true
			}
		}
	}
	return span{}, false
}

// noComments start the neutral phrases that, in a comment round, say there
// is nothing to add; "không cần họp lại" says something else.
var noComments = []string{"khong y kien", "khong co y kien", "khong gop y", "khong co gop y", "khong co gi",
	"khong phan doi", "khong van de", "khong co van de", "no comment", "no further", "no objection"}

func noComment(phrase string) bool { return hasAnyPrefix(fold(phrase), noComments) }

// typedAssent reports an assent typed as "ừ" itself: "uhm", "um", "ừm"
// (teen code for ừ) are also a hesitation, which approves nothing.
func (r reading) typedAssent(s span) bool {
	for _, t := range r.toks[s.first : s.first+s.n] {
		if strings.ToLower(r.text[t.start:t.end]) != "ừ" {
			return false
		}
	}
	return true
}

// whitelist approves only a text made of approval phrases and harmless
// words: fillers, names in greetings and sign-offs, "không có ý kiến gì
// thêm", positive words, acknowledgements next to an approval, and the
// period or version the request is about. In a comment round, words it
// cannot read are a comment.
func (rd reader) whitelist(r reading) verdict {
	approval, approved := r.approval(rd.comments)
	if !approved {
		return rd.noApproval(r)
	}
	if s, ok := r.othersApproved(); ok {
		return verdict{Unclear, reasonOthers(r.quote(s), r.quote(approval)), false}
	}
	if v, ok := rd.periods(r); ok {
		return v
	}
	extra := false
	for _, s := range r.spans {
		switch s.kind {
		case kindApprove, kindAssent:
		case kindFiller, kindName, kindPositive, kindNeutral, kindAck, kindPeriod:
			extra = extra || s != approval
		case kindNegation:
			return verdict{Unclear, reasonStrayNegation(r.quote(approval), r.quote(s)), false}
		case kindUnknown:
			if rd.comments {
				return verdict{Revise, reasonComment(r.quote(s)), false}
			}
			return verdict{Unclear, reasonExtra(r.quote(approval), r.quote(s)), false}
		default:
			return verdict{Unclear, reasonExtra(r.quote(approval), r.quote(s)), false}
		}
	}
	return verdict{Approve, reasonApprove(r.quote(approval)), extra}
}

// noApproval explains a text without an approval phrase. In a comment
// round, a text with words beyond greetings, acknowledgements and
// negations is a comment.
func (rd reader) noApproval(r reading) verdict {
	if s, ok := r.find(kindAck); ok {
		return verdict{Unclear, reasonAck(r.quote(s)), false}
	}
	if s, ok := r.find(kindNegation); ok {
		return verdict{Unclear, reasonNegationOnly(r.quote(s)), false}
	}
	if s, ok := r.find(kindUnknown); ok && rd.comments {
		return verdict{Revise, reasonComment(r.quote(s)), false}
	}
	return verdict{Unclear, reasonNoDecision, false}
}

// periods checks each period and version the text names against the
// request: one it does not name, or any when the request does not say,
// makes the reply Unclear.
func (rd reader) periods(r reading) (verdict, bool) {
	for _, s := range r.spans {
		if s.kind != kindPeriod {
			continue
		}
		rf := r.refs[s.first]
		if rf.matches(rd.req) {
			continue
		}
		if rf.version > 0 {
			return verdict{Unclear, reasonVersion(r.quote(s), rd.req.Version), false}, true
		}
		return verdict{Unclear, reasonPeriod(r.quote(s), rd.req.Period), false}, true
	}
	return verdict{}, false
}

// othersSubjects name other people as the ones agreeing: "Mọi người đã
// nhất trí", "Các đồng chí đã thống nhất", "Đồng chí đã nhất trí" are not
// this person's approval.
var othersSubjects = map[string]bool{
	"mọi người": true, "cả nhà": true, "các": true, "tất cả": true, "toàn bộ": true, "đồng chí": true,
}

// othersApproved finds such a subject before an approval, or before "không
// có ý kiến" ("Mọi người không có ý kiến"), in its clause, in one pass.
func (r reading) othersApproved() (span, bool) {
	subject, found, seg := span{}, false, -1
	for _, s := range r.spans {
		if r.seg(s) != seg {
			found, seg = false, r.seg(s)
		}
		switch {
		case s.kind == kindFiller && othersSubjects[phraseText(r.toks, s)]:
			if !found {
				subject, found = s, true
			}
		case (s.kind == kindApprove || s.kind == kindAssent || s.kind == kindNeutral) && found:
			return subject, true
		}
	}
	return span{}, false
}
