package period

import (
	"fmt"
	"strings"
	"time"
)

// Suffix is the part of p's key after the year, which a form's `periods` lists to say which
// periods of a kind it collects: "W07", "11", "Q4", "H1", "9M", "R03"; "" for a year.
func (p Period) Suffix() string {
	_, rest, _ := strings.Cut(p.String(), "-")
	return rest
}

// ParseSuffix reads a suffix as Suffix writes it ("w07" and "q1" in lower case too) and
// returns its kind and number: ("Q3") is (Quarter, 3), ("9M") is (NineMonths, 0). A year has
// no suffix and a one-off request is not chosen in advance: both are refused.
func ParseSuffix(s string) (Kind, int, error) {
	p, err := Parse("2026-" + strings.TrimSpace(s)) // 2026 has 53 ISO weeks, so W53 reads
	switch {
	case err != nil:
		return "", 0, fmt.Errorf("period %q: expected W01–W53, 01–12, Q1–Q4, H1, H2 or 9M", s)
	case p.Kind == Once:
		return "", 0, fmt.Errorf("period %q: one-off requests are made with tonghop request, not listed", s)
	}
	return p.Kind, p.N, nil
}

// HasWorkingDay reports whether the office works on at least one day of p: a week of Tết
// holidays has none, and nothing is asked for it. A one-off period always counts as having one.
func (c Calendar) HasWorkingDay(p Period) bool {
	if p.Kind == Once {
		return true
	}
	end := p.End(c.loc())
	for d := p.Start(c.loc()).Add(12 * time.Hour); d.Before(end); d = addDays(d, 1) {
		if c.IsWorkingDay(d) {
			return true
		}
	}
	return false
}
