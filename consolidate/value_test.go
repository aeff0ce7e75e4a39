package consolidate

import (
	"testing"

	"github.com/tonghop/tonghop/period"
)

func periodOf(kind string, year, n int) period.Period {
	return period.Period{Kind: period.Kind(kind), Year: year, N: n}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want string
	}{
		{"Zero", 0, "0"},
		{"NegativeZero", -0.0000001, "0"},
		{"Integer", 120, "120"},
		{"Thousands", 1234567, "1.234.567"},
		{"Decimal", 12.5, "12,5"},
		{"Both", -1234.25, "-1.234,25"},
		{"Rounding", 0.1 + 0.2, "0,3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatNumber(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseFigure(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Value
		bad  bool
	}{
		{"Blank", "", Value{}, false},
		{"Spaces", "  ", Value{}, false},
		{"Number", "12.5", Value{12.5, true}, false},
		{"Negative", "-3", Value{-3, true}, false},
		{"Text", "abc", Value{}, true},
		{"NaN", "NaN", Value{}, true},
		{"Inf", "+Inf", Value{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bad := parseFigure(tt.in)
			if got != tt.want || bad != tt.bad {
				t.Errorf("got %+v bad=%v, want %+v bad=%v", got, bad, tt.want, tt.bad)
			}
		})
	}
}
