package docnumber

import (
	"errors"
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		seq  int
		want string
	}{{1, "01/BC-BQL"}, {9, "09/BC-BQL"}, {10, "10/BC-BQL"}, {125, "125/BC-BQL"}}
	for _, tt := range tests {
		if got := (Number{Year: 2026, Sequence: tt.seq, Symbol: "BC-BQL"}).String(); got != tt.want {
			t.Errorf("Format(%d): got %q, want %q", tt.seq, got, tt.want)
		}
	}
}

func TestYear(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		name string
		at   time.Time
		want int
	}{
		{"LastMinute", time.Date(2026, 12, 31, 23, 59, 0, 0, ict), 2026},
		{"NewYearInOffice", time.Date(2027, 1, 1, 0, 0, 0, 0, ict), 2027},
		{"NewYearStillUTC2026", time.Date(2026, 12, 31, 17, 30, 0, 0, time.UTC), 2027}, // 00:30 on 1/1 in Hà Nội
	}
	for _, tt := range tests {
		if got := Year(tt.at, ict); got != tt.want {
			t.Errorf("%s: Year(%v): got %d, want %d", tt.name, tt.at, got, tt.want)
		}
	}
	if got := Next(0); got != 1 {
		t.Errorf("Next(0): got %d, want 1 (the decree counts from 01)", got)
	}
}

func TestValidSymbol(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"BC-BQL", true}, {"TB-VP", true}, {"QĐ-UBND", true}, {"BC-BQL/VP", true}, {"KH2-VP", true},
		{"", false}, {"12/2026", false}, {"BC BQL", false}, {"BC-", false}, {"-BC", false}, {"BC_BQL", false},
		{"BC-BQL/", false}, {"BC.BQL", false}, {"BCBQLBCBQLBCBQLBCBQLBCBQLBCBQLBCBQLBCBQLX", false},
	}
	for _, tt := range tests {
		if got := ValidSymbol(tt.s); got != tt.want {
			t.Errorf("ValidSymbol(%q): got %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	taken := func(n int) bool { return n == 124 }
	tests := []struct {
		name string
		g    Given
		want string
		err  error
	}{
		{"OK", Given{Sequence: 125, Symbol: "BC-BQL"}, "125/BC-BQL", nil},
		{"BareTakesFormSymbol", Given{Sequence: 125}, "125/BC-BQL", nil},
		{"LowercaseSymbol", Given{Sequence: 125, Symbol: "bc-bql"}, "125/BC-BQL", nil},
		{"OtherSymbol", Given{Sequence: 125, Symbol: "TB-VP"}, "", ErrOtherSymbol},
		{"Taken", Given{Sequence: 124}, "", ErrTaken},
		{"Zero", Given{}, "", ErrOutOfRange},
	}
	for _, tt := range tests {
		n, err := Check(tt.g, "BC-BQL", 2026, taken)
		if !errors.Is(err, tt.err) || err == nil && n.String() != tt.want {
			t.Errorf("%s: got %q, %v; want %q, %v", tt.name, n.String(), err, tt.want, tt.err)
		}
	}
}
