package docnumber

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Given is what the registry clerk's reply says: the sequence she gave, the symbol when she
// wrote one ("" for a bare "125"), and the document's date when she wrote one (zero otherwise).
type Given struct {
	Sequence int
	Symbol   string
	Date     time.Time // a calendar date, at midnight UTC
}

// The reply is read within a budget: her answer is a line, and what follows it is a signature
// or the letter she quotes.
const (
	maxReplyBytes = 4096
	maxReplyLines = 40
)

var (
	// withSymbol is "125/BC-BQL": digits not glued to a digit or a slash before them, a slash,
	// then a symbol that starts with a letter (so "08/12/2026" is not one).
	withSymbol = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d/])(\d{1,6})\s*/\s*(\p{L}[\p{L}\d]*(?:[-/][\p{L}\d]+)*)`)
	// afterSo is "Số 125", "số: 125", "số văn bản 125", "cấp số 125".
	afterSo = regexp.MustCompile(`(?i)(?:^|[^\p{L}])số(?:\s+văn\s+bản)?\s*[:.]?\s*(\d{1,6})(?:[^\d/]|$)`)
	// bare is a reply of the number only: "125", "125.".
	bare = regexp.MustCompile(`^\s*(\d{1,6})\s*\.?\s*$`)
	// dated is "ngày 08/12/2026" or "ngày 08 tháng 12 năm 2026"; its digits are no number.
	dated = regexp.MustCompile(`(?i)ngày\s*(\d{1,2})\s*(?:[/.-]|tháng)\s*(\d{1,2})\s*(?:[/.-]|năm)\s*(\d{4})`)
)

// ParseReply reads the number the registry clerk gave in her reply: written is what she wrote
// above the quoted letter (reply.Written). It accepts "Số 125/BC-BQL", "125/BC-BQL", "125",
// "số: 125/BC-BQL ngày 08/12/2026". A reply with no number is ErrNoNumber; one giving two
// different numbers is ErrTwoNumbers — never a guess: a wrong number on an official document
// cannot be taken back.
func ParseReply(written string) (Given, error) {
	text := budget(norm.NFC.String(budget(written)))
	var g Given
	if m := dated.FindStringSubmatch(text); m != nil {
		g.Date = civilDate(m[1], m[2], m[3])
		text = dated.ReplaceAllString(text, " ")
	}
	found := map[int]string{}
	for _, m := range withSymbol.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		if s, ok := found[n]; ok && s != "" && !SameSymbol(s, m[2]) {
			return Given{}, ErrTwoNumbers
		}
		found[n] = m[2]
	}
	for _, m := range afterSo.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		if _, ok := found[n]; !ok {
			found[n] = ""
		}
	}
	if len(found) == 0 {
		for _, line := range strings.Split(text, "\n") {
			if m := bare.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				found[n] = ""
			}
		}
	}
	switch len(found) {
	case 0:
		return Given{}, ErrNoNumber
	case 1:
	default:
		return Given{}, ErrTwoNumbers
	}
	for n, s := range found {
		g.Sequence, g.Symbol = n, s
	}
	if g.Sequence < 1 || g.Sequence > MaxSequence {
		return Given{}, ErrOutOfRange
	}
	return g, nil
}

// budget keeps the first lines of s within the reply's budget.
func budget(s string) string {
	if len(s) > maxReplyBytes {
		s = s[:maxReplyBytes]
	}
	lines := strings.SplitN(s, "\n", maxReplyLines+1)
	if len(lines) > maxReplyLines {
		lines = lines[:maxReplyLines]
	}
	return strings.Join(lines, "\n")
}

// civilDate is day/month/year as a date, or zero when it is no date ("31/02/2026").
func civilDate(d, m, y string) time.Time {
	day, _ := strconv.Atoi(d)
	month, _ := strconv.Atoi(m)
	year, _ := strconv.Atoi(y)
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month || t.Year() != year {
		return time.Time{}
	}
	return t
}
