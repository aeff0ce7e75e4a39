package reply

// verdict is the decision on one text.
type verdict struct {
	decision Decision
	reason   string
	extra    bool // an approval with words besides the approval phrase
}

// judge decides on the person's text by the rules of an approval request
// about an unknown period.
func judge(text string) verdict { return readers[KindApprove].judge(text) }

// judge decides on the person's text. The order of the rules is the safety
// stance: anything that refuses, asks for changes or sets a condition is
// looked for first and wins; an approval is given only at the end, when
// every word is an approval phrase or harmless filler. Only then, and only
// if the whole text is not an approval, are notes for later periods set
// aside and the rest read again by the same rules.
func (rd reader) judge(text string) verdict {
	r := rd.lx.read(text)
	if len(r.toks) == 0 {
		return verdict{Unclear, reasonEmpty, false}
	}
	if rd.unknown {
		return verdict{Unclear, reasonUnknownKind, false}
	}
	v := rd.rules(r)
	if v.decision == Approve || !(rd.notes || rd.comments) {
		return v
	}
	notes, ok := r.notes(rd.req.Period)
	if !ok {
		return v
	}
	rest := r.without(notes)
	if w := rd.rules(rest); w.decision != Approve {
		return v
	}
	if rd.comments {
		// Agreement with a note for later is a comment to gather.
		return verdict{Revise, reasonComment(r.quoteSentence(notes)), false}
	}
	approval, _ := rest.approval(rd.comments)
	return verdict{Approve, reasonApproveWithNote(rest.quote(approval), r.quoteSentence(notes)), true}
}

// rules applies the rules in order to a reading.
func (rd reader) rules(r reading) verdict {
	if v, ok := r.refusal(); ok {
		return v
	}
	if v, ok := r.changes(); ok {
		return v
	}
	if r.question {
		return verdict{Unclear, reasonQuestion, false}
	}
	if s, ok := r.find(kindDeferral, kindFuture); ok {
		return verdict{Unclear, reasonDeferral(r.quote(s)), false}
	}
	return rd.whitelist(r)
}

// refusal finds "từ chối", "reject", and a negation before an approval or a
// positive word in the same clause ("không duyệt", "chưa đồng ý", "ko dc",
// "chưa ổn", "not approved").
func (r reading) refusal() (verdict, bool) {
	if s, ok := r.find(kindRefusal); ok {
		return verdict{Revise, reasonRefusal(r.quote(s)), false}, true
	}
	// One pass, remembering the last negation of the current clause.
	negation, negated, seg := span{}, false, -1
	for _, s := range r.spans {
		if r.seg(s) != seg {
			negated, seg = false, r.seg(s)
		}
		switch s.kind {
		case kindNegation:
			negation, negated = s, true
		case kindApprove, kindPositive, kindAssent:
			if negated {
				return verdict{Revise, reasonNegated(r.quote(negation), r.quote(s)), false}, true
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
	approval, approved := r.find(kindApprove, kindAssent)
	if c, ok := r.find(kindCondition); ok && approved {
		return verdict{Revise, reasonCondition(r.quote(approval), r.quote(c)), false}, true
	}
	if s, ok := r.find(kindWeakChange); ok {
		if d, deferred := r.find(kindDeferral, kindFuture); deferred {
			return verdict{Unclear, reasonDeferral(r.quote(d)), false}, true
		}
		if r.question {
			return verdict{Unclear, reasonQuestion, false}, true
		}
		return verdict{Revise, reasonChange(r.quote(s)), false}, true
	}
	return verdict{}, false
}
