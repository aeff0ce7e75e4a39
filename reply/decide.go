package reply

import (
	"unicode/utf8"
)

// span is a run of tokens read as one phrase of one kind.
type span struct {
	kind  kind
	first int // index of the first token
	n     int // number of tokens
}

// classify reads the tokens as a sequence of vocabulary phrases, longest
// first; a token outside the vocabulary becomes a span of kindUnknown.
func classify(toks []token) []span { return lex.classify(toks) }

// classify is classify with the phrases of lx.
func (lx lexicon) classify(toks []token) []span {
	spans := make([]span, 0, len(toks))
	for i := 0; i < len(toks); {
		k, n := lx.match(toks, i)
		if n == 0 {
			k, n = kindUnknown, 1
		}
		spans = append(spans, span{kind: k, first: i, n: n})
		i += n
	}
	return spans
}

// reading is a classified text with helpers to quote it.
type reading struct {
	text     string
	toks     []token
	spans    []span
	question bool
	refs     map[int]ref // periods and versions named, by their span's first token
}

func read(text string) reading { return lex.read(text) }

// read is read with the phrases of lx.
func (lx lexicon) read(text string) reading {
	toks, question := tokenize(text)
	r := reading{text: text, toks: toks, spans: lx.classify(toks), question: question}
	r.markPeriods()
	r.markNames()
	return r
}

// quote returns the words of a span as written, shortened for a reason.
func (r reading) quote(s span) string {
	q := r.text[r.toks[s.first].start:r.toks[s.first+s.n-1].end]
	if utf8.RuneCountInString(q) > 60 {
		q, _ = capBytes(q, 120)
		q += "…"
	}
	return q
}

func (r reading) seg(s span) int { return r.toks[s.first].seg }

// find returns the first span of one of the kinds.
func (r reading) find(kinds ...kind) (span, bool) {
	for _, s := range r.spans {
		for _, k := range kinds {
			if s.kind == k {
				return s, true
			}
		}
	}
	return span{}, false
}

// addressWords are the fillers that surround a name: greetings, forms of
// address, thanks and closings.
var addressWords = map[string]bool{
	"chào": true, "xin chào": true, "gửi": true, "thân gửi": true, "kính gửi": true, "dear": true, "hi": true,
	"hello": true, "ơi": true, "cảm ơn": true, "cám ơn": true, "xin cảm ơn": true, "thanks": true, "thank": true,
	"anh": true, "chị": true, "em": true, "a": true, "c": true, "e": true, "ông": true, "bà": true, "cô": true,
	"chú": true, "bác": true, "thầy": true, "bạn": true, "đồng chí": true, "trân trọng": true, "thân": true,
	"best regards": true, "regards": true, "cheers": true, "thx": true, "tks": true,
}

// markNames turns capitalised unknown words into names when their clause is
// only a greeting or a sign-off ("Chào em Hà", "Gửi chị Lan", "Thanks
// Minh") or the short last clause ("Duyệt. Tuấn"). A name in a clause with
// other words ("Anh Minh duyệt rồi": someone else approved) stays unknown.
func (r *reading) markNames() {
	lastSeg := -1
	if len(r.toks) > 0 {
		lastSeg = r.toks[len(r.toks)-1].seg
	}
	for start := 0; start < len(r.spans); {
		end := start
		for end < len(r.spans) && r.seg(r.spans[end]) == r.seg(r.spans[start]) {
			end++
		}
		clause := r.spans[start:end]
		if r.isNameClause(clause, r.seg(clause[0]) == lastSeg) {
			for i := range clause {
				if clause[i].kind == kindUnknown {
					clause[i].kind = kindName
				}
			}
		}
		start = end
	}
}

func (r reading) isNameClause(clause []span, last bool) bool {
	names, tokens, addressed := 0, 0, false
	for _, s := range clause {
		tokens += s.n
		switch s.kind {
		case kindFiller:
			addressed = addressed || addressWords[phraseText(r.toks, s)]
		case kindUnknown:
			if !isPersonName(r.toks[s.first]) {
				return false
			}
			names++
		default:
			return false
		}
	}
	return names > 0 && names <= 4 && (addressed || (last && tokens <= 3))
}
