package receive

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/vnenc"
)

// A Word report carries no identification: its period is what its title says ("BÁO CÁO Kết quả
// công tác tháng 11 năm 2026", "… quý IV/2026"), else the mail's subject, else the file's name,
// else the period being collected, and the receipt says which. The date the document is signed
// ("Hòa Bình, ngày 05 tháng 12 năm 2026") is no period: it is taken out first, and gives its
// year to a title that names none ("tháng 11", "quý IV").

var (
	// signedDate is a date as documents write it, on folded text.
	signedDate = regexp.MustCompile(`ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})\s*nam|/\s*(\d{1,2})\s*/)\s*((?:19|20)\d{2})`)
	// numericDate is "05/12/2026".
	numericDate = regexp.MustCompile(`\b\d{1,2}/\d{1,2}/(?:19|20)\d{2}\b`)
	// yearless labels: "tháng 11", "quý IV", with no year after them.
	yearlessMonth   = regexp.MustCompile(`thang\s*(\d{1,2})(\s*(?:/|-|nam)\s*(?:19|20)\d{2})?`)
	yearlessQuarter = regexp.MustCompile(`quy\s*(iv|iii|ii|i|[1-4])\b(\s*(?:/|-|nam)\s*(?:19|20)\d{2})?`)
)

// foldPeriodText lowers a text and strips its diacritics and its dates; it returns the year of
// the first date, 0 for none.
func foldPeriodText(s string) (string, int) {
	folded := strings.ToLower(vnenc.StripMarks(s))
	year := 0
	if m := signedDate.FindStringSubmatch(folded); m != nil {
		year, _ = strconv.Atoi(m[4])
	}
	folded = signedDate.ReplaceAllString(folded, " ")
	return numericDate.ReplaceAllString(folded, " "), year
}

// findPeriod finds a period of the form's kinds in text, the dates taken out; a month or
// quarter named without its year takes the year of the document's date, or of now, the year
// before when that month or quarter is still to come.
func findPeriod(f *config.Form, text string, now time.Time) (period.Period, bool) {
	folded, year := foldPeriodText(text)
	kinds := append([]period.Kind{period.Once}, kindsOf(f)...)
	for _, k := range kinds {
		if p, ok := period.Find(folded, k); ok {
			return p, true
		}
	}
	if year == 0 {
		year = now.Year()
	}
	for _, k := range kinds {
		if p, ok := findYearless(folded, k, year, int(now.Month())); ok {
			return p, true
		}
	}
	return period.Period{}, false
}

func kindsOf(f *config.Form) []period.Kind {
	out := make([]period.Kind, len(f.Period))
	for i, k := range f.Period {
		out[i] = period.Kind(k)
	}
	return out
}

// findYearless reads "tháng 11" or "quý IV" with the year given.
func findYearless(folded string, k period.Kind, year, month int) (period.Period, bool) {
	var re *regexp.Regexp
	switch k {
	case period.Month:
		re = yearlessMonth
	case period.Quarter:
		re = yearlessQuarter
	default:
		return period.Period{}, false
	}
	for _, m := range re.FindAllStringSubmatch(folded, -1) {
		if m[2] != "" {
			continue // with its year: period.Find has judged it
		}
		label := m[1]
		first := map[string]int{"i": 1, "ii": 4, "iii": 7, "iv": 10, "1": 1, "2": 4, "3": 7, "4": 10}[label]
		if k == period.Month {
			first, _ = strconv.Atoi(label)
		}
		y := year
		if first > month {
			y-- // "tháng 12" written in January
		}
		text := "thang " + label + "/" + strconv.Itoa(y)
		if k == period.Quarter {
			text = "quy " + label + "/" + strconv.Itoa(y)
		}
		if p, ok := period.Find(text, k); ok {
			return p, true
		}
	}
	return period.Period{}, false
}

// wordPeriod is the period of a Word report and where it was found; ok false when there is
// none, not even one being collected.
func (j *Judge) wordPeriod(f *config.Form, opening, subject, file string) (string, letters.PeriodSource, bool) {
	now := j.now().In(j.Office.Location)
	for _, c := range []struct {
		text string
		from letters.PeriodSource
	}{{opening, letters.PeriodInDocument}, {subject, letters.PeriodInSubject}, {file, letters.PeriodInFileName}} {
		if p, ok := findPeriod(f, c.text, now); ok {
			return p.String(), c.from, true
		}
	}
	p, ok := j.guessPeriod(f.Code, "", "")
	return p, letters.PeriodCollected, ok
}
