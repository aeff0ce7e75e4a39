package reply

import (
	"sort"
	"strings"
)

// Question is a yes-or-no question other than an approval request, asked by mail: "take this
// late file into a corrected report?". Yes lists the phrases that, in an answer to it, say yes
// the way "duyệt" does ("đưa vào", "đưa vào báo cáo điều chỉnh"), in the vocabulary's notation:
// words separated by spaces, each slot "[a|b]" optional or "a|b" a choice of single words. They
// are strict: typed with diacritics, they must carry the right ones.
type Question struct {
	Yes []string
}

// ReadAnswer reads a reply to q by the rules of Read, the phrases of q.Yes counting as approval
// phrases: Approve is yes ("Đồng ý đưa vào"), Revise is no ("Không đưa vào", a refusal, a
// change) and anything else is Unclear. A negation before a yes phrase is a no, as before
// "duyệt".
func ReadAnswer(plain, html string, q Question) Result {
	return reader{lx: lex.with(kindApprove, q.Yes), notes: true}.readBodies(plain, html)
}

// with returns a copy of lx that also knows phrases as kind k, strict.
func (lx lexicon) with(k kind, phrases []string) lexicon {
	if len(phrases) == 0 {
		return lx
	}
	out := make(lexicon, len(lx)+len(phrases))
	for first, ps := range lx {
		out[first] = ps
	}
	touched := map[string]bool{}
	for _, entry := range phrases {
		for _, words := range expand(strings.Fields(entry)) {
			p := phrase{words: words, kind: k, strict: true}
			for _, w := range words {
				p.folds = append(p.folds, fold(w))
			}
			first := p.folds[0]
			if !touched[first] {
				out[first] = append([]phrase(nil), out[first]...) // never write into lx's arrays
				touched[first] = true
			}
			out[first] = append(out[first], p)
		}
	}
	for first := range touched {
		ps := out[first]
		sort.SliceStable(ps, func(i, j int) bool {
			if len(ps[i].words) != len(ps[j].words) {
				return len(ps[i].words) > len(ps[j].words)
			}
			return ps[i].kind > ps[j].kind
		})
	}
	return out
}
