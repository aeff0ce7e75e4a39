package period

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/vnenc"
)

// Find looks in free text (a mail subject, a file name) for a period of kind k and returns the
// first one found. It knows the canonical forms ("2026-W47", "2026-11", "2026-Q4", "2026-H1",
// "2026-9M", one-off "2026-R03") and the Vietnamese labels people and tonghop's own mails write
// ("Tuần 47/2026", "Tuần 47 (16/11 – 22/11/2026)", "tháng 11/2026", "Quý IV/2026", "6 tháng đầu
// năm 2026", "9 tháng năm 2026", "báo cáo năm 2026", "Yêu cầu đột xuất số 03/2026"), with or
// without diacritics. A label without a year
// ("tháng 11") is not a period, nor is a date ("2026-12-05").
func Find(text string, k Kind) (Period, bool) {
	folded := foldText(text)
	if p, ok := findCanonical(folded, k); ok {
		return p, true
	}
	if k == Week {
		if p, ok := findWeekSpan(folded); ok {
			return p, true
		}
	}
	for _, pat := range labelPatterns[k] {
		for _, m := range pat.FindAllStringSubmatch(folded, -1) {
			if p, ok := labelPeriod(k, m); ok {
				return p, true
			}
		}
	}
	if k == Year {
		// A year between underscores is the period of a template's file name.
		if m := yearInFileName.FindStringSubmatch(folded); m != nil {
			return labelPeriod(Year, []string{m[0], "", m[1]})
		}
		// "năm 2026" with its diacritics: folded, it could be "Việt Nam 2026".
		if m := yearWithMark.FindStringSubmatch(strings.ToLower(norm.NFC.String(text))); m != nil {
			return labelPeriod(Year, []string{m[0], "", m[1]})
		}
	}
	return Period{}, false
}

// canonical finds canonical period names: "_2026-W47_" in a template's file name, "(2026-11)"
// in a subject. "2026" alone is left to the year labels: four digits in a subject are too often
// something else.
var canonical = regexp.MustCompile(`(?:19|20)\d{2}-(?:w\d{1,2}|q[1-4]|h[12]|9m|r\d{2}|\d{1,2})`)

// findCanonical returns the first canonical name of kind k standing as a token: not inside a
// longer word or number, and not the year and month of a date ("2026-12-05").
func findCanonical(s string, k Kind) (Period, bool) {
	for _, loc := range canonical.FindAllStringIndex(s, -1) {
		before, after := s[:loc[0]], s[loc[1]:]
		prev, _ := utf8.DecodeLastRuneInString(before)
		next, _ := utf8.DecodeRuneInString(after)
		if isWordRune(prev) || isWordRune(next) {
			continue
		}
		if strings.HasPrefix(after, "-") && len(after) > 1 && after[1] >= '0' && after[1] <= '9' {
			continue
		}
		if p, err := Parse(strings.ToUpper(s[loc[0]:loc[1]])); err == nil && p.Kind == k {
			return p, true
		}
	}
	return Period{}, false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// weekSpanLabel is the label of tonghop's own mails: "Tuần 47 (16/11 – 22/11/2026)", and across a
// year's end "Tuần 1 (29/12/2025 – 04/01/2026)".
var weekSpanLabel = regexp.MustCompile(`tuan\s*(\d{1,2})\s*\((\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s*[-–]\s*\d{1,2}/(\d{1,2})/(\d{4})\)`)

// findWeekSpan reads a week label with its dates. The week's year is the ISO year, that of its
// Thursday, which differs from the calendar year of its start or end around New Year.
func findWeekSpan(s string) (Period, bool) {
	for _, m := range weekSpanLabel.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		month, _ := strconv.Atoi(m[3])
		endMonth, _ := strconv.Atoi(m[5])
		year, _ := strconv.Atoi(m[6])
		if m[4] != "" {
			year, _ = strconv.Atoi(m[4])
		} else if month > endMonth {
			year--
		}
		start := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		isoYear, isoWeek := start.AddDate(0, 0, 3).ISOWeek()
		p := Period{Kind: Week, Year: isoYear, N: n}
		if isoWeek == n && p.Valid() == nil {
			return p, true
		}
	}
	return Period{}, false
}

// Label patterns on folded text (lower case, no diacritics): the number, then the year.
var labelPatterns = map[Kind][]*regexp.Regexp{
	Week:       {regexp.MustCompile(`tuan\s*(?:so\s*)?(\d{1,2})\s*(?:/|-|nam)\s*((?:19|20)\d{2})\b`)},
	Month:      {regexp.MustCompile(`thang\s*(\d{1,2})\s*(?:/|-|nam)\s*((?:19|20)\d{2})\b`)},
	Quarter:    {regexp.MustCompile(`quy\s*(iv|iii|ii|i|[1-4])\s*(?:/|-|nam)\s*((?:19|20)\d{2})\b`)},
	Half:       {regexp.MustCompile(`(?:^|[^0-9])6\s*thang\s*(dau|cuoi)\s*nam\s*((?:19|20)\d{2})\b`)},
	NineMonths: {regexp.MustCompile(`(?:^|[^0-9])9\s*thang\s*()(?:dau\s*)?nam\s*((?:19|20)\d{2})\b`)},
	Year:       {regexp.MustCompile(`(?:bao cao|tong ket|ke hoach)\b[a-z0-9 ,.-]{0,40}?\bnam\s*()((?:19|20)\d{2})\b`)},
	Once:       {regexp.MustCompile(`yeu\s*cau\s*dot\s*xuat\s*(?:so\s*)?(\d{1,2})\s*/\s*((?:19|20)\d{2})\b`)},
}

// yearInFileName is "_2026_" as in "BC.TK-NAM_2026_QLDN.xlsx".
var yearInFileName = regexp.MustCompile(`_((?:19|20)\d{2})_`)

// yearWithMark is "năm 2026" written with its diacritics, on lower-case NFC text.
var yearWithMark = regexp.MustCompile(`(?:^|[^\p{L}0-9])năm\s*((?:19|20)\d{2})\b`)

// labelPeriod builds the period a label match names; m[1] is the number, m[2] the year.
func labelPeriod(k Kind, m []string) (Period, bool) {
	year, _ := strconv.Atoi(m[2])
	n := 0
	switch k {
	case Week, Month, Once:
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
func foldText(s string) string { return strings.ToLower(vnenc.StripMarks(s)) }
