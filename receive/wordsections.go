package receive

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/vnenc"
	"github.com/tonghop/tonghop/wordfile"
)

// A unit's Word report is read by its headings: each section of the form is found by its
// number as the form writes it ("I.", "II.1.", "III.") and by the words of its title, typed with
// or without diacritics, in any case. Its text is what follows the heading up to the next
// heading of its rank or above, or the recipients' list ("Nơi nhận") that ends the body.

// Thresholds of the share of a section title's words a heading must hold: matched on its
// words alone, or on its number with some of its words (then told in the receipt).
const (
	titleMatch  = 0.6
	numberMatch = 0.3
	// maxHeadingRunes: a longer paragraph is prose, whatever it starts with.
	maxHeadingRunes = 160
)

// sectionDef is a form's section as a heading is matched to it.
type sectionDef struct {
	form.Section
	label string   // "II.1." as the form writes it, "" for none
	path  []string // its number, part by part: ["n2", "n1"]
	words []string // the folded words of its title without the number
}

func sectionDefs(sections []form.Section) []sectionDef {
	out := make([]sectionDef, len(sections))
	for i, s := range sections {
		label, title := splitLabel(s.Title)
		out[i] = sectionDef{Section: s, label: label, path: labelPath(label), words: foldWords(title)}
	}
	return out
}

// heading is a paragraph that may head a section.
type heading struct {
	at     int      // index in the document's paragraphs
	level  int      // 1 for the top rank
	label  string   // as shown
	path   []string // its number with those of the headings above it
	title  string
	words  []string
	styled bool // a heading style or outline level, not only a typed number
}

// headings lists the paragraphs that may head a section, with the numbers of the headings
// they stand under.
func headings(doc *wordfile.Doc) []heading {
	type open struct {
		level int
		path  []string
	}
	var stack []open
	var out []heading
	for i, p := range doc.Paragraphs {
		label := p.Numbering
		if p.Heading == 0 && (label == "" || utf8.RuneCountInString(p.Text) > maxHeadingRunes) {
			continue
		}
		if p.Heading > 0 && p.Text == "" && label == "" {
			continue
		}
		h := heading{at: i, label: label, title: p.Text, words: foldWords(p.Text), styled: p.Heading > 0}
		own := labelPath(label)
		h.level = p.Heading
		if h.level == 0 {
			h.level = labelLevel(own)
		}
		for len(stack) > 0 && stack[len(stack)-1].level >= h.level {
			stack = stack[:len(stack)-1]
		}
		switch {
		case len(own) > 1: // "II.1." says its whole number
			h.path = own
		case len(stack) > 0:
			h.path = append(append([]string(nil), stack[len(stack)-1].path...), own...)
		default:
			h.path = own
		}
		stack = append(stack, open{h.level, h.path})
		out = append(out, h)
	}
	return out
}

// labelLevel is the rank a typed number gives a heading: "I." 1, "1." 2, "1.1." 3, "II.1." 2,
// "a)" 4.
func labelLevel(path []string) int {
	switch {
	case len(path) == 0:
		return 9
	case strings.HasPrefix(path[0], "r"):
		return len(path)
	case strings.HasPrefix(path[0], "l"):
		return 4
	}
	return len(path) + 1
}

// labelRe splits a number off a title: "II.1. Kết quả", "1. Kết quả", "a) Kết quả".
var labelRe = regexp.MustCompile(`^\s*((?:[IVXLC]{1,7}|[0-9]{1,3}|[a-zđ])(?:\.(?:[0-9]{1,3}|[a-zđ]))*[.)]?)\s+`)

func splitLabel(title string) (label, rest string) {
	m := labelRe.FindStringSubmatch(title)
	if m == nil {
		return "", strings.TrimSpace(title)
	}
	return m[1], strings.TrimSpace(title[len(m[0]):])
}

// labelPath reads a number part by part, each as "n" and its value (roman and decimal numbers
// alike, so that "1." may stand for "I.") or "l" and its letter; the rank's kind stays in the
// first part: "r" for a roman number.
func labelPath(label string) []string {
	label = strings.TrimRight(strings.TrimSpace(label), ".)")
	if label == "" {
		return nil
	}
	parts := strings.Split(label, ".")
	out := make([]string, 0, len(parts))
	for i, part := range parts {
		switch n, ok := romanValue(part); {
		case ok && (i == 0 || len(part) > 1):
			kind := "n"
			if i == 0 {
				kind = "r"
			}
			out = append(out, kind+strconv.Itoa(n))
		case part != "" && part[0] >= '0' && part[0] <= '9':
			n, _ := strconv.Atoi(part)
			out = append(out, "n"+strconv.Itoa(n))
		default:
			out = append(out, "l"+strings.ToLower(part))
		}
	}
	return out
}

func romanValue(s string) (int, bool) {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0, false
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			v = -v
		}
		n += v
	}
	return n, n > 0
}

// samePath compares numbers by value: "1." stands for "I." as the first part.
func samePath(a, b []string) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	for i := range a {
		if value(a[i]) != value(b[i]) {
			return false
		}
	}
	return true
}

func value(part string) string {
	if strings.HasPrefix(part, "r") {
		return "n" + part[1:]
	}
	return part
}

// foldWords is a title's words, lower case, without diacritics or punctuation.
func foldWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(vnenc.StripMarks(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// titleScore is the share of the section title's words the heading holds.
func titleScore(s sectionDef, h heading) float64 {
	if len(s.words) == 0 {
		return 0
	}
	have := map[string]bool{}
	for _, w := range h.words {
		have[w] = true
	}
	n := 0
	for _, w := range s.words {
		if have[w] {
			n++
		}
	}
	return float64(n) / float64(len(s.words))
}
