package reply

// verdict is the decision on one text.
type verdict struct {
	decision Decision
	reason   string
	extra    bool // an approval with words besides the approval phrase
}

// judge decides on the person's text. The order of the rules is the safety
// stance: anything that refuses, asks for changes or sets a condition is
// looked for first and wins; an approval is given only at the end, when
// every word is an approval phrase or harmless filler.
func judge(text string) verdict { return lex.judge(text) }

// judge is judge with the phrases of lx.
func (lx lexicon) judge(text string) verdict {
	r := lx.read(text)
	if len(r.toks) == 0 {
		return verdict{Unclear, reasonEmpty, false}
	}
	if v, ok := r.refusal(); ok {
		return v
	}
	if v, ok := r.changes(); ok {
		return v
	}
	if r.question {
		return verdict{Unclear, reasonQuestion, false}
	}
	if s, ok := r.find(kindDeferral); ok {
		return verdict{Unclear, reasonDeferral(r.quote(s)), false}
	}
	return r.whitelist()
}

// refusal finds "từ chối", "reject", and a negation before an approval or a
// positive word in the same clause ("không duyệt", "chưa đồng ý", "ko dc",
// "chưa ổn", "not approved").
func (r reading) refusal() (verdict, bool) {
	if s, ok := r.find(kindRefusal); ok {
		return verdict{Revise, reasonRefusal(r.quote(s)), false}, true
	}
	for j, s := range r.spans {
		if s.kind != kindApprove && s.kind != kindPositive {
			continue
		}
		for i := j - 1; i >= 0 && r.seg(r.spans[i]) == r.seg(s); i-- {
			if r.spans[i].kind == kindNegation {
				return verdict{Revise, reasonNegated(r.quote(r.spans[i]), r.quote(s)), false}, true
			}
		}
	}
	return verdict{}, false
}

// changes finds change requests and conditions. "Xem lại", "trình lại"
// with a deferral or a question ("để tôi xem lại", "em trình lại sau") is a
// deferral, not a change request.
func (r reading) changes() (verdict, bool) {
	if s, ok := r.find(kindChange); ok {
		return verdict{Revise, reasonChange(r.quote(s)), false}, true
	}
	approval, approved := r.find(kindApprove)
	if c, ok := r.find(kindCondition); ok && approved {
		return verdict{Revise, reasonCondition(r.quote(approval), r.quote(c)), false}, true
	}
	if s, ok := r.find(kindWeakChange); ok {
		if d, deferred := r.find(kindDeferral); deferred {
			return verdict{Unclear, reasonDeferral(r.quote(d)), false}, true
		}
		if r.question {
			return verdict{Unclear, reasonQuestion, false}, true
		}
		return verdict{Revise, reasonChange(r.quote(s)), false}, true
	}
	return verdict{}, false
}

// whitelist approves only a text made of approval phrases and harmless
// words: fillers, names in greetings and sign-offs, "không có ý kiến gì
// thêm", positive words, acknowledgements next to an approval.
func (r reading) whitelist() verdict {
	approval, approved := r.find(kindApprove)
	if !approved {
		if s, ok := r.find(kindAck); ok {
			return verdict{Unclear, reasonAck(r.quote(s)), false}
		}
		if s, ok := r.find(kindNegation); ok {
			return verdict{Unclear, reasonNegationOnly(r.quote(s)), false}
		}
		return verdict{Unclear, reasonNoDecision, false}
	}
	extra := false
	for _, s := range r.spans {
		switch s.kind {
		case kindApprove:
		case kindFiller, kindName, kindPositive, kindNeutral, kindAck:
			extra = true
		case kindNegation:
			return verdict{Unclear, reasonStrayNegation(r.quote(approval), r.quote(s)), false}
		default:
			return verdict{Unclear, reasonExtra(r.quote(approval), r.quote(s)), false}
		}
	}
	return verdict{Approve, reasonApprove(r.quote(approval)), extra}
}
