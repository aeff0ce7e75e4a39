package receive

import (
	"strings"

	"github.com/tonghop/tonghop/wordfile"
)

// sectionsRead is what a Word report says for a form's sections.
type sectionsRead struct {
	text     map[string]string  // by section key, the text under its heading ("" for a heading alone)
	heading  map[string]heading // by section key, the heading found
	retitled []string           // keys matched on their number with another title
	extra    []heading          // headings of the top rank that match no section
	whole    string             // the key of the form's only section read from the whole body, if so
}

// matchSections finds the form's sections in the document. Headings are taken in order; each
// takes the section whose title words it holds best (its number agreeing counts for more), or
// the section of its number when it holds some of the title's words too. A section is taken
// once. A form of one section with no heading for it takes the whole body.
func matchSections(defs []sectionDef, doc *wordfile.Doc) sectionsRead {
	out := sectionsRead{text: map[string]string{}, heading: map[string]heading{}}
	hs := headings(doc)
	matched := make([]bool, len(hs))
	taken := make([]bool, len(defs))
	for i, h := range hs {
		best, bestScore, retitled := -1, 0.0, false
		for k, d := range defs {
			if taken[k] {
				continue
			}
			score, num := titleScore(d, h), samePath(d.path, h.path)
			switch {
			case score >= titleMatch:
				if num {
					score++
				}
			case num && score >= numberMatch:
			default:
				continue
			}
			if score > bestScore {
				best, bestScore, retitled = k, score, score < titleMatch
			}
		}
		if best < 0 {
			continue
		}
		taken[best], matched[i] = true, true
		out.heading[defs[best].Key] = h
		if retitled {
			out.retitled = append(out.retitled, defs[best].Key)
		}
	}
	for i, h := range hs {
		if matched[i] {
			key := keyOf(out.heading, h.at)
			out.text[key] = sectionText(doc, hs, matched, i)
		}
	}
	out.extra = extraHeadings(hs, matched, bodyEnd(doc))
	if len(defs) == 1 && len(out.heading) == 0 {
		out.whole = defs[0].Key
		out.text[defs[0].Key] = bodyText(doc)
	}
	return out
}

func keyOf(m map[string]heading, at int) string {
	for k, h := range m {
		if h.at == at {
			return k
		}
	}
	return ""
}

// sectionText is the text under heading i: its paragraphs and tables up to the next matched
// heading, a heading of a higher rank, the next heading of its rank and kind, or the end of
// the body.
func sectionText(doc *wordfile.Doc, hs []heading, matched []bool, i int) string {
	h := hs[i]
	end := bodyEnd(doc)
	for j := i + 1; j < len(hs); j++ {
		if hs[j].at >= end {
			break
		}
		if matched[j] || ends(h, hs[j]) {
			end = hs[j].at
			break
		}
	}
	return textBetween(doc, h.at+1, end)
}

// ends says whether heading next closes the section under h: a higher rank, or the same rank
// as a heading style or as the next number of the same kind ("III." after "II."), not an item
// of a list inside the section ("1." under "1.").
func ends(h, next heading) bool {
	switch {
	case next.level < h.level:
		return true
	case next.level > h.level:
		return false
	case next.styled && h.styled:
		return true
	}
	a, b := h.path, next.path
	if len(a) == 0 || len(b) == 0 || len(a) != len(b) {
		return next.styled
	}
	last, nextLast := a[len(a)-1], b[len(b)-1]
	return last[0] == nextLast[0] && numberAfter(nextLast, last)
}

// numberAfter compares two parts of one kind: b comes after a.
func numberAfter(b, a string) bool {
	if len(a) != len(b) {
		return len(b) > len(a) && a[0] != 'l'
	}
	return b > a
}

// bodyEnd is the paragraph that ends the body: the recipients' list ("Nơi nhận:"), or the end.
func bodyEnd(doc *wordfile.Doc) int {
	for i, p := range doc.Paragraphs {
		if recipientsLine(p.Text) {
			return i
		}
	}
	return len(doc.Paragraphs)
}

func recipientsLine(s string) bool {
	return strings.HasPrefix(strings.Join(foldWords(s), " "), "noi nhan")
}

// textBetween is the text of paragraphs [from, to) with the tables among them, a line each;
// a table's cells are joined by " | ", and a table holding the recipients' list ends it.
func textBetween(doc *wordfile.Doc, from, to int) string {
	var lines []string
	table := 0
	for table < len(doc.TableAt) && doc.TableAt[table] < from {
		table++
	}
	for i := from; i <= to; i++ {
		for ; table < len(doc.TableAt) && doc.TableAt[table] == i; table++ {
			t := doc.Tables[table]
			if len(t) > 0 && len(t[0]) > 0 && recipientsLine(t[0][0]) {
				return strings.Join(lines, "\n")
			}
			for _, row := range t {
				if line := strings.TrimSpace(strings.Join(row, " | ")); strings.Trim(line, " |") != "" {
					lines = append(lines, line)
				}
			}
		}
		if i == to || i >= len(doc.Paragraphs) {
			break
		}
		p := doc.Paragraphs[i]
		if line := strings.TrimSpace(p.Numbering + " " + p.Text); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// bodyText is the whole body of a report without headings: after the document's type line
// ("BÁO CÁO") and its summary, up to the recipients' list.
func bodyText(doc *wordfile.Doc) string {
	from := 0
	for i, p := range doc.Paragraphs {
		if w := foldWords(p.Text); len(w) >= 2 && w[0] == "bao" && w[1] == "cao" && len(w) <= 3 {
			from = i + 2 // the type, then the summary line
			break
		}
	}
	return textBetween(doc, min(from, len(doc.Paragraphs)), bodyEnd(doc))
}

// extraHeadings are the headings of the rank of the sections found, or above, between the first
// section and the end of the body, that match no section and head none that does: parts of the
// document the form has no place for.
func extraHeadings(hs []heading, matched []bool, end int) []heading {
	top, first := 0, -1
	for i, h := range hs {
		if matched[i] {
			if top == 0 || h.level < top {
				top = h.level
			}
			if first < 0 {
				first = h.at
			}
		}
	}
	var out []heading
	for i, h := range hs {
		if matched[i] || top == 0 || h.at < first || h.at >= end || h.level > top || (!h.styled && h.label == "") {
			continue
		}
		parent := false // a section found under it, before the next heading of its rank
		for j := i + 1; j < len(hs) && hs[j].level > h.level && !parent; j++ {
			parent = matched[j]
		}
		if !parent {
			out = append(out, h)
		}
	}
	return out
}
