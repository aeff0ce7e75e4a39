package period

import (
	"fmt"
	"strings"
)

// Kind is the length of a reporting period, as written in the configuration.
type Kind string

// The period kinds of Vietnamese office reporting.
const (
	Week       Kind = "week"    // ISO week, Monday to Sunday
	Month      Kind = "month"   // calendar month
	Quarter    Kind = "quarter" // quý: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec
	Half       Kind = "half"    // 6 tháng: H1 Jan–Jun, H2 Jul–Dec
	NineMonths Kind = "9m"      // 9 tháng: Jan–Sep
	Year       Kind = "year"    // năm
	// Once is a one-off request (báo cáo đột xuất), numbered within its year: 2026-R03. It has
	// no calendar span of its own: its dates are the request's, kept in the ledger.
	Once Kind = "once"
)

// Kinds returns every recurring period kind, shortest first (not Once).
func Kinds() []Kind {
	return []Kind{Week, Month, Quarter, Half, NineMonths, Year}
}

// ParseKind reads a period kind, ignoring case and surrounding spaces.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	if !k.valid() {
		return "", fmt.Errorf("period kind %q: expected week, month, quarter, half, 9m or year", s)
	}
	return k, nil
}

func (k Kind) valid() bool {
	switch k {
	case Week, Month, Quarter, Half, NineMonths, Year, Once:
		return true
	}
	return false
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("period kind %q: expected week, month, quarter, half, 9m or year", string(k))
	}
	return []byte(k), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, so a Kind decodes straight from TOML.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// lastMonth is the last month (1–12) of a period of kind k numbered n; 0 for weeks.
func (k Kind) lastMonth(n int) int {
	switch k {
	case Month:
		return n
	case Quarter:
		return 3 * n
	case Half:
		return 6 * n
	case NineMonths:
		return 9
	case Year, Once:
		return 12
	}
	return 0
}

// firstMonth is the first month (1–12) of a period of kind k numbered n; 0 for weeks.
func (k Kind) firstMonth(n int) int {
	switch k {
	case Month:
		return n
	case Quarter:
		return 3*n - 2
	case Half:
		return 6*n - 5
	case NineMonths, Year, Once:
		return 1
	}
	return 0
}
