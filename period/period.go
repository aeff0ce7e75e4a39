package period

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Period is one reporting period: a kind, a year and a number within the year.
// For weeks, Year is the ISO week-numbering year, which differs from the calendar year for
// a few days around New Year (29/12/2025 lies in 2026-W01).
type Period struct {
	Kind Kind
	Year int
	N    int // ISO week 1–53, month 1–12, quarter 1–4, half 1–2, request 1–99; 0 for 9m and year
}

// MaxRequests is the most one-off requests (Once periods) a form may have in a year.
const MaxRequests = 99

// Years outside this range cannot be written with four digits in the canonical form.
const (
	minYear = 1000
	maxYear = 9999
)

const expectedForms = "expected 2026-W47, 2026-11, 2026-Q4, 2026-H1, 2026-9M or 2026"

// Parse reads a period in its canonical form: "2026-W47" (ISO week, two digits), "2026-11"
// (month, two digits), "2026-Q4", "2026-H1", "2026-9M" or "2026". It is strict about digits
// and separators; only the letters W, Q, H and M may also be written in lower case.
// Parse(p.String()) == p for every valid p.
func Parse(s string) (Period, error) {
	yearText, rest, hasRest := strings.Cut(s, "-")
	year, ok := digits(yearText, 4)
	if !ok {
		return Period{}, fmt.Errorf("period %q: %s (the year has four digits)", s, expectedForms)
	}
	p := Period{Kind: Year, Year: year}
	if hasRest {
		var err error
		if p, err = parseWithin(year, rest); err != nil {
			return Period{}, fmt.Errorf("period %q: %w", s, err)
		}
	}
	if err := p.Valid(); err != nil {
		return Period{}, fmt.Errorf("period %q: %w", s, err)
	}
	return p, nil
}

// parseWithin reads the part after "YYYY-".
func parseWithin(year int, rest string) (Period, error) {
	upper := strings.ToUpper(rest)
	number := func(k Kind, width int) (Period, error) {
		n, ok := digits(upper[1:], width)
		if !ok {
			return Period{}, fmt.Errorf("%s number must be %s", k, numberForm(k))
		}
		return Period{Kind: k, Year: year, N: n}, nil
	}
	switch {
	case upper == "9M":
		return Period{Kind: NineMonths, Year: year}, nil
	case strings.HasPrefix(upper, "W"):
		return number(Week, 2)
	case strings.HasPrefix(upper, "Q"):
		return number(Quarter, 1)
	case strings.HasPrefix(upper, "H"):
		return number(Half, 1)
	case strings.HasPrefix(upper, "R"):
		return number(Once, 2)
	case len(rest) > 0 && strings.Trim(rest, "0123456789") == "":
		n, ok := digits(rest, 2)
		if !ok {
			return Period{}, errors.New("month must be two digits, 01–12")
		}
		return Period{Kind: Month, Year: year, N: n}, nil
	}
	return Period{}, errors.New(expectedForms)
}

func numberForm(k Kind) string {
	switch k {
	case Week:
		return "W01–W53 (two digits)"
	case Quarter:
		return "Q1–Q4"
	case Half:
		return "H1 or H2"
	case Once:
		return "R01–R99 (two digits)"
	}
	return "01–12 (two digits)"
}

// digits reads exactly width ASCII digits.
func digits(s string, width int) (int, bool) {
	if len(s) != width {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = 10*n + int(s[i]-'0')
	}
	return n, true
}

// Valid reports why p is not a period, or nil.
func (p Period) Valid() error {
	if !p.Kind.valid() {
		return fmt.Errorf("period kind %q: expected week, month, quarter, half, 9m or year", string(p.Kind))
	}
	if p.Year < minYear || p.Year > maxYear {
		return fmt.Errorf("year must be %d–%d, got %d", minYear, maxYear, p.Year)
	}
	limit := map[Kind]int{Week: WeeksIn(p.Year), Month: 12, Quarter: 4, Half: 2, Once: MaxRequests}[p.Kind]
	switch {
	case limit == 0 && p.N != 0:
		return fmt.Errorf("a %s period has no number, got %d", p.Kind, p.N)
	case limit != 0 && (p.N < 1 || p.N > limit):
		if p.Kind == Week {
			return fmt.Errorf("week must be 1–%d (%d has %d ISO weeks), got %d", limit, p.Year, limit, p.N)
		}
		return fmt.Errorf("%s must be 1–%d, got %d", p.Kind, limit, p.N)
	}
	return nil
}

// String returns the canonical form read by Parse, for example "2026-W47" or "2026-Q4".
func (p Period) String() string {
	switch p.Kind {
	case Week:
		return fmt.Sprintf("%04d-W%02d", p.Year, p.N)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case Half:
		return fmt.Sprintf("%04d-H%d", p.Year, p.N)
	case NineMonths:
		return fmt.Sprintf("%04d-9M", p.Year)
	case Year:
		return fmt.Sprintf("%04d", p.Year)
	case Once:
		return fmt.Sprintf("%04d-R%02d", p.Year, p.N)
	}
	return fmt.Sprintf("%04d-%s-%d(invalid)", p.Year, string(p.Kind), p.N)
}

// MarshalText implements encoding.TextMarshaler with the canonical form.
func (p Period) MarshalText() ([]byte, error) {
	if err := p.Valid(); err != nil {
		return nil, fmt.Errorf("period %s: %w", p, err)
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// WeeksIn returns the number of ISO weeks of an ISO week-numbering year: 52 or 53.
// 28 December always lies in the year's last week.
func WeeksIn(year int) int {
	_, w := time.Date(year, time.December, 28, 12, 0, 0, 0, time.UTC).ISOWeek()
	return w
}
