package consolidate

import (
	"math"
	"strconv"
	"strings"
)

// The aggregation rules of form.Indicator.Aggregate.
const (
	ruleSum  = "sum"
	ruleAvg  = "avg"
	ruleMin  = "min"
	ruleMax  = "max"
	ruleNone = "none"
)

// normaliseRule returns the rule to apply for an indicator's Aggregate field, and false when
// the field names no known rule.
func normaliseRule(s string) (string, bool) {
	switch r := strings.ToLower(strings.TrimSpace(s)); r {
	case "":
		return ruleSum, true
	case ruleSum, ruleAvg, ruleMin, ruleMax, ruleNone:
		return r, true
	}
	return ruleNone, false
}

// some returns a present value.
func some(v float64) Value { return Value{V: v, OK: true} }

// parseFigure reads a normalised number. A blank cell is absent; bad is set for text that is
// not a finite number.
func parseFigure(s string) (v Value, bad bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Value{}, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return Value{}, true
	}
	return some(f), false
}

// accumulator combines figures by one rule. Sums are compensated (Neumaier) so that adding
// a thousand units' decimals stays exact to the last digit a clerk can see.
type accumulator struct {
	rule     string
	n        int
	sum, c   float64
	min, max float64
}

func newAccumulator(rule string) accumulator { return accumulator{rule: rule} }

// add counts v if present.
func (a *accumulator) add(v Value) {
	if !v.OK {
		return
	}
	x := v.V
	if a.n == 0 || x < a.min {
		a.min = x
	}
	if a.n == 0 || x > a.max {
		a.max = x
	}
	a.n++
	t := a.sum + x
	if math.Abs(a.sum) >= math.Abs(x) {
		a.c += (a.sum - t) + x
	} else {
		a.c += (x - t) + a.sum
	}
	a.sum = t
}

// result is the combined figure: absent when nothing was added or the rule is "none".
func (a *accumulator) result() Value {
	if a.n == 0 {
		return Value{}
	}
	switch a.rule {
	case ruleSum:
		return some(a.sum + a.c)
	case ruleAvg:
		return some((a.sum + a.c) / float64(a.n))
	case ruleMin:
		return some(a.min)
	case ruleMax:
		return some(a.max)
	}
	return Value{}
}

// percent is num / den × 100, absent when either is absent or den is zero.
func percent(num, den Value) Value {
	if !num.OK || !den.OK || den.V == 0 {
		return Value{}
	}
	return some(num.V / den.V * 100)
}

// nearlyEqual reports whether a and b agree within a relative tolerance.
func nearlyEqual(a, b, rel float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= rel*math.Max(math.Abs(a), math.Abs(b))
}

// ytdDiffers reports whether a unit's typed year to date is off the ledger's: by more than
// 0.5 % of the ledger figure, or by more than 1e-9 when the ledger figure is zero.
func ytdDiffers(own, ledger float64) bool {
	if ledger == 0 {
		return math.Abs(own) > 1e-9
	}
	return math.Abs(own-ledger) > 0.005*math.Abs(ledger)
}

// FormatNumber writes v the Vietnamese way, as the clerk's warnings do: "1.234,5".
func FormatNumber(v float64) string { return formatNumber(v) }

// formatNumber writes v the Vietnamese way for messages: "." between thousands, "," before
// decimals, at most six decimals ("1.234,5").
func formatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', 6, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "0" && !hasFrac {
		sign = "" // no "-0"
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}
