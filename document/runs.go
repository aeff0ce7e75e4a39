package document

import (
	"regexp"
	"strings"
)

// Word splits a line into runs as it likes (an edit, a spelling mark, a change of language), so
// a leader's edited draft may hold "Số:      /BC-BQL" in two runs. A text not found whole in the
// part is looked for in each paragraph's runs joined; found there, the paragraph's text goes
// into its first run (whose formatting it takes) and its other runs are emptied.

var (
	paragraphRE = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	runTextRE   = regexp.MustCompile(`(<w:t(?:\s[^>]*)?>)([^<]*)</w:t>`)
)

// findAcrossRuns reports whether the escaped text from is in one paragraph's runs.
func findAcrossRuns(part, from string) bool {
	_, ok := replaceAcrossRuns(part, from, from, false)
	return ok
}

// replaceAcrossRuns replaces the escaped text from by to in the first paragraph (the last when
// last) whose runs joined hold it.
func replaceAcrossRuns(part, from, to string, last bool) (string, bool) {
	paras := paragraphRE.FindAllStringIndex(part, -1)
	if last {
		for i, j := 0, len(paras)-1; i < j; i, j = i+1, j-1 {
			paras[i], paras[j] = paras[j], paras[i]
		}
	}
	for _, loc := range paras {
		p := part[loc[0]:loc[1]]
		runs := runTextRE.FindAllStringSubmatchIndex(p, -1)
		var joined strings.Builder
		for _, r := range runs {
			joined.WriteString(p[r[4]:r[5]])
		}
		text := joined.String()
		if len(runs) < 2 || !strings.Contains(text, from) {
			continue
		}
		text = strings.Replace(text, from, to, 1)
		var b strings.Builder
		prev := 0
		for i, r := range runs {
			b.WriteString(p[prev:r[0]])
			if i == 0 {
				b.WriteString(`<w:t xml:space="preserve">` + text + `</w:t>`)
			} else {
				b.WriteString(p[r[2]:r[3]] + `</w:t>`)
			}
			prev = r[1]
		}
		b.WriteString(p[prev:])
		return part[:loc[0]] + b.String() + part[loc[1]:], true
	}
	return part, false
}
