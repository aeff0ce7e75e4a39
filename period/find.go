package period

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Find looks in free text (a mail subject, a file name) for a period of kind k and returns the
// first one found. It knows the canonical forms ("2026-W47", "2026-11", "2026-Q4", "2026-H1",
// "2026-9M") and the Vietnamese labels people and tonghop's own mails write ("Tuần 47/2026",
// "tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026"),
// with or without diacritics. A label without a year ("tháng 11") is not a period.
func Find(text string, k Kind) (Period, bool) {
	s := foldText(text)
	for _, m := range canonicalInText.FindAllStringSubmatch(s, -1) {
		if p, err := Parse(strings.ToUpper(m[1])); err == nil && p.Kind == k {
			return p, true
		}
	}
	for _, pat := range labelPatterns[k] {
		for _, m := range pat.FindAllStringSubmatch(s, -1) {
			if p, ok := labelPeriod(k, m); ok {
				return p, true
			}
		}
	}
	return Period{}, false
}

// canonicalInText finds canonical period names as separate tokens: "_2026-W47_" in a template's
// file name, "(2026-11)" in a subject. "2026" alone is left to the year labels: four digits in
// a subject are too often something else.
var canonicalInText = regexp.MustCompile(`(?:^|[^0-9a-z])((?:19|20)\d{2}-(?:w\d{1,2}|q[1-4]|h[12]|9m|\d{1,2}))(?:$|[^0-9a-z])`)

// Label patterns on folded text (lower case, no diacritics): the number, then the year.
var labelPatterns = map[Kind][]*regexp.Regexp{
	Week: {
		regexp.MustCompile(`tuan\s*(?:so\s*)?(\d{1,2})\s*(?:/|-|nam)\s*((?:19|20)\d{2})\b`),
		// "Tuần 47 (16/11–22/11/2026)", the label of tonghop's own mails.
		regexp.MustCompile(`tuan\s*(\d{1,2})\s*\(\d{1,2}/\d{1,2}\s*[-–]\s*\d{1,2}/\d{1,2}/((?:19|20)\d{2})\)`),
	},
	Month:   {regexp.MustCompile(`thang\s*(\d{1,2})\s*(?:/|-|nam)\s*((?:19|20)\d{2})\b`)},
	Quarter: {regexp.MustCompile(`quy\s*(iv|iii|ii|i|[1-4])\s*(?:/|-|nam)\s*((?:19|20)\d{2})\b`)},
	Half:    {regexp.MustCompile(`6\s*thang\s*(dau|cuoi)\s*nam\s*((?:19|20)\d{2})\b`)},
	NineMonths: {
		regexp.MustCompile(`9\s*thang\s*()(?:dau\s*)?nam\s*((?:19|20)\d{2})\b`),
	},
	Year: {regexp.MustCompile(`(?:^|[^0-9a-z])()nam\s*((?:19|20)\d{2})\b`)},
}

// labelPeriod builds the period a label match names; m[1] is the number, m[2] the year.
func labelPeriod(k Kind, m []string) (Period, bool) {
	year, _ := strconv.Atoi(m[2])
	n := 0
	switch k {
	case Week, Month:
		n, _ = strconv.Atoi(m[1])
	case Quarter:
		n = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
	case Half:
		n = map[string]int{"dau": 1, "cuoi": 2}[m[1]]
	}
	p := Period{Kind: k, Year: year, N: n}
	return p, p.Valid() == nil
}

// foldText lowers text and removes Vietnamese diacritics, so "Quý IV" and "quy iv" match alike.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteRune('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
