package reply

import "strings"

// A note for later periods is a sentence of its own that starts with "kỳ
// sau", "lần sau", "tháng sau", "từ kỳ sau", "các kỳ tới"…: "Đồng ý. Kỳ sau
// bổ sung biểu đồ." approves this report and asks something of the next.
// The marker must govern its sentence: "Đồng ý, bổ sung biểu đồ" and "Đồng
// ý kỳ sau sẽ duyệt" are read whole, as before.

// nowWords tie a sentence back to the present report ("kỳ này", "ngay",
// "hiện", "luôn", "lại": again, "mới": only then), so a sentence holding
// one is no note for later.
var nowWords = map[string]bool{"nay": true, "ngay": true, "hien": true, "luon": true, "bay gio": true,
	"lai": true, "moi": true}

// issueWords, inside any phrase ("ký ban hành"), time this report's issue.
var issueWords = []string{"ban hanh", "phat hanh"}

// notes returns the sentences (by number) that are notes for later periods
// of the request's period p, and reports whether there is one and some
// other sentence besides.
func (r reading) notes(p Period) (map[int]bool, bool) {
	starts := map[int]bool{} // sentences whose first span is a later-period marker
	seen := map[int]bool{}
	for _, s := range r.spans {
		sent := r.toks[s.first].sent
		if !seen[sent] {
			seen[sent] = true
			starts[sent] = s.kind == kindFuture && r.laterPeriod(s, p)
		}
	}
	notes := map[int]bool{}
	for sent, start := range starts {
		if start {
			notes[sent] = true
		}
	}
	for _, s := range r.spans {
		sent := r.toks[s.first].sent
		if notes[sent] && !r.fitsNote(s) {
			delete(notes, sent)
		}
	}
	return notes, len(notes) > 0 && len(notes) < len(seen)
}

// laterUnits are the period words of the later-period markers and the
// request period each one means. "Kỳ", "lần", "đợt" always mean the next
// report; "tháng sau" means it only for a monthly report: "Tuần sau gửi
// Bộ" about a monthly report times this one.
var laterUnits = map[string]string{"ky": "", "lan": "", "dot": "",
	"tuan": PeriodWeek, "thang": PeriodMonth, "quy": PeriodQuarter, "nam": PeriodYear}

// laterPeriod reports whether a later-period marker speaks of reports of
// the request's period.
func (r reading) laterPeriod(s span, p Period) bool {
	for _, t := range r.toks[s.first : s.first+s.n] {
		if unit, ok := laterUnits[t.fold]; ok {
			return unit == "" || (unit == p.Kind && validPeriod(p))
		}
	}
	return false
}

// fitsNote reports whether a span may stand in a note: no decision of its
// own (approval, refusal, condition), no period or version, no deferral
// ("mai anh xem lại", "sẽ"), nothing that points at the present.
func (r reading) fitsNote(s span) bool {
	switch s.kind {
	case kindApprove, kindAssent, kindRefusal, kindCondition, kindPeriod, kindDeferral:
		return false
	case kindFuture:
		return true
	}
	phrase := fold(phraseText(r.toks, s))
	if nowWords[phrase] {
		return false
	}
	for _, w := range issueWords {
		if strings.Contains(phrase, w) {
			return false
		}
	}
	for _, t := range r.toks[s.first : s.first+s.n] {
		if nowWords[t.fold] {
			return false
		}
	}
	return true
}

// without returns the reading without the spans of the given sentences.
func (r reading) without(sentences map[int]bool) reading {
	rest := r
	rest.spans = nil
	for _, s := range r.spans {
		if !sentences[r.toks[s.first].sent] {
			rest.spans = append(rest.spans, s)
		}
	}
	return rest
}

// quoteSentence quotes the first of the given sentences.
func (r reading) quoteSentence(sentences map[int]bool) string {
	first, last := -1, -1
	for i, t := range r.toks {
		if !sentences[t.sent] {
			if first >= 0 {
				break
			}
			continue
		}
		if first >= 0 && t.sent != r.toks[first].sent {
			break
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	return r.quote(span{first: first, n: last - first + 1})
}
