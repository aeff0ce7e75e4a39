package templates

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Numbers typed as text follow Vietnamese habits: "." groups thousands and "," marks decimals
// ("1.234,5"), but people used to English software write "1,234.5" or "2.5". parseNumberText
// decides as follows, after removing spaces (also used to group thousands) and a leading "+":
//
//   - both "." and "," present: the one that comes last is the decimal mark, the other groups
//     thousands ("1.234,5" and "1,234.5" are both 1234.5);
//   - only ",": one comma is the decimal mark ("1,5" is 1.5, "1,234" is 1.234, the Vietnamese
//     reading); several commas group thousands ("1,234,567");
//   - only ".": several dots group thousands ("1.234.567"); one dot followed by exactly three
//     digits, after one to three digits not starting with 0, groups thousands ("1.234" is 1234,
//     the Vietnamese reading); any other single dot is a decimal point ("2.5", "0.125").
//
// Grouped digits must come in threes. Any interpretation other than plain Go syntax is reported
// to the unit as a warning showing the value understood, so a wrong guess is caught by a person.
func parseNumberText(s string) (v float64, cleaned, ok bool) {
	t := strings.Map(func(r rune) rune {
		switch {
		case isSpace(r):
			return -1
		case r == '−' || r == '–':
			return '-'
		}
		return r
	}, s)
	if t != strings.TrimSpace(s) {
		cleaned = true
	}
	sign := ""
	if t != "" && (t[0] == '-' || t[0] == '+') {
		sign, t = t[:1], t[1:]
		if sign == "+" {
			sign, cleaned = "", true
		}
	}
	if !numberChars.MatchString(t) {
		return 0, false, false
	}
	plain, reformatted, ok := canonicalDigits(t)
	if !ok {
		return 0, false, false
	}
	v, err := strconv.ParseFloat(sign+plain, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false, false
	}
	return roundExcel(v), cleaned || reformatted, true
}

var (
	numberChars   = regexp.MustCompile(`^[0-9][0-9.,]*$`)
	groupedDigits = regexp.MustCompile(`^[1-9][0-9]{0,2}(?:x[0-9]{3})+$`)
	thousandByDot = regexp.MustCompile(`^[1-9][0-9]{0,2}\.[0-9]{3}$`)
)

// canonicalDigits turns digits with separators into Go syntax, reporting whether separators
// other than a decimal point were interpreted.
func canonicalDigits(t string) (string, bool, bool) {
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	switch {
	case dots == 0 && commas == 0:
		return t, false, true
	case dots > 0 && commas > 0:
		dec, group := ",", "."
		if strings.LastIndex(t, ".") > strings.LastIndex(t, ",") {
			dec, group = ".", ","
		}
		if strings.Count(t, dec) != 1 {
			return "", false, false
		}
		i := strings.LastIndex(t, dec)
		intPart, frac := t[:i], t[i+1:]
		if !grouped(intPart, group) || frac == "" {
			return "", false, false
		}
		return strings.ReplaceAll(intPart, group, "") + "." + frac, true, true
	case commas == 1:
		i := strings.Index(t, ",")
		if i == len(t)-1 {
			return "", false, false
		}
		return t[:i] + "." + t[i+1:], true, true
	case commas > 1:
		return ungroup(t, ",")
	case dots > 1:
		return ungroup(t, ".")
	case thousandByDot.MatchString(t):
		return strings.ReplaceAll(t, ".", ""), true, true
	}
	return t, false, !strings.HasSuffix(t, ".")
}

func ungroup(t, sep string) (string, bool, bool) {
	if !grouped(t, sep) {
		return "", false, false
	}
	return strings.ReplaceAll(t, sep, ""), true, true
}

// grouped reports whether s is digits grouped in threes by sep, or plain digits.
func grouped(s, sep string) bool {
	if !strings.Contains(s, sep) {
		return s != "" && strings.Trim(s, "0123456789") == ""
	}
	return groupedDigits.MatchString(strings.ReplaceAll(s, sep, "x"))
}

// roundExcel keeps the 15 significant digits Excel computes with, so 0.1+0.2 stored as
// 0.30000000000000004 reads as 0.3, the value the unit sees.
func roundExcel(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// formatNumber is the normalised form of a number in form.Filled: Go 'f' syntax, shortest.
func formatNumber(v float64) string {
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// viNumber writes a number the Vietnamese way for messages: 1234.5 as "1.234,5".
func viNumber(v float64) string {
	s := formatNumber(v)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteString("," + frac)
	}
	return sign + b.String()
}

// viCount writes a count the Vietnamese way: "20.000", "12".
func viCount(n int) string { return viNumber(float64(n)) }

// timeoutSeconds is a read's time budget in whole seconds as a unit reads it: a started second
// counts, so a budget under a second is "1 giây", never "0 giây".
func timeoutSeconds(d time.Duration) int { return int(math.Ceil(d.Seconds())) }

// sayf formats a message a person reads: every string argument, typed by the unit or taken
// from its workbook, is cut to one line (control characters become spaces), so that quoting it
// “%s” is safe; the messages never quote with %q, which writes straight quotes and escapes.
func sayf(format string, args ...any) string {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = oneLine(s)
		}
	}
	return fmt.Sprintf(format, args...)
}

// oneLine replaces control characters (line breaks, tabs) with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}

// viPlain writes a number with a decimal comma and no grouping, "1234,5": unambiguous when
// telling a unit how a number they typed with separators was understood.
func viPlain(v float64) string { return strings.Replace(formatNumber(v), ".", ",", 1) }
