package period

import "testing"

func TestParse_Once(t *testing.T) {
	p, err := Parse("2026-R03")
	if err != nil || p != (Period{Kind: Once, Year: 2026, N: 3}) {
		t.Fatalf("Parse(2026-R03) = %+v, %v", p, err)
	}
	if got := p.String(); got != "2026-R03" {
		t.Errorf("String: got %q", got)
	}
	if got := p.Label(); got != "Yêu cầu đột xuất số 03/2026" {
		t.Errorf("Label: got %q", got)
	}
	for _, bad := range []string{"2026-R00", "2026-R3", "2026-R100"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		}
	}
	if got := InYear(Once, 2026); got != nil {
		t.Errorf("InYear(Once): got %v, want none", got)
	}
}

func TestParseSuffix(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		n    int
	}{
		{"H1", Half, 1}, {"q3", Quarter, 3}, {"07", Month, 7}, {"W53", Week, 53}, {"w01", Week, 1}, {"9M", NineMonths, 0},
	}
	for _, tt := range tests {
		k, n, err := ParseSuffix(tt.in)
		if err != nil || k != tt.kind || n != tt.n {
			t.Errorf("ParseSuffix(%q) = %s, %d, %v; want %s, %d", tt.in, k, n, err, tt.kind, tt.n)
		}
	}
	for _, bad := range []string{"", "H3", "13", "7", "R01", "2026", "Q"} {
		if _, _, err := ParseSuffix(bad); err == nil {
			t.Errorf("ParseSuffix(%q): no error", bad)
		}
	}
	if got := (Period{Kind: Quarter, Year: 2026, N: 1}).Suffix(); got != "Q1" {
		t.Errorf("Suffix: got %q, want Q1", got)
	}
}

func TestCalendar_HasWorkingDay(t *testing.T) {
	// Tết 2026: Monday 16 to Friday 20 February are off, so week 8 (16–22/2) has no working day;
	// week 7 (9–15/2) has five.
	tet := Calendar{Holidays: map[string]bool{"2026-02-16": true, "2026-02-17": true, "2026-02-18": true,
		"2026-02-19": true, "2026-02-20": true}}
	if tet.HasWorkingDay(Period{Kind: Week, Year: 2026, N: 8}) {
		t.Error("2026-W08: got a working day, want none")
	}
	if !tet.HasWorkingDay(Period{Kind: Week, Year: 2026, N: 7}) {
		t.Error("2026-W07: got no working day")
	}
}
