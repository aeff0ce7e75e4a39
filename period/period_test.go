package period

import (
	"strings"
	"testing"
	"time"
)

var hanoi = DefaultLocation()

func date(y int, m time.Month, d, hour, minute int) time.Time {
	return time.Date(y, m, d, hour, minute, 0, 0, hanoi)
}

func TestParse_Valid(t *testing.T) {
	tests := []struct {
		name, in string
		want     Period
	}{
		{"Week", "2026-W47", Period{Week, 2026, 47}},
		{"WeekLower", "2026-w05", Period{Week, 2026, 5}},
		{"Week53", "2026-W53", Period{Week, 2026, 53}},
		{"Month", "2026-11", Period{Month, 2026, 11}},
		{"January", "2026-01", Period{Month, 2026, 1}},
		{"Quarter", "2026-Q4", Period{Quarter, 2026, 4}},
		{"Half", "2026-H1", Period{Half, 2026, 1}},
		{"HalfLower", "2026-h2", Period{Half, 2026, 2}},
		{"NineMonths", "2026-9M", Period{NineMonths, 2026, 0}},
		{"NineMonthsLower", "2026-9m", Period{NineMonths, 2026, 0}},
		{"Year", "2026", Period{Year, 2026, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			back, err := Parse(got.String())
			if err != nil || back != got {
				t.Fatalf("Parse(%q) = %+v, %v; want %+v", got.String(), back, err, got)
			}
		})
	}
}

func TestParse_Invalid(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Empty", "", "expected 2026-W47"},
		{"TwoDigitYear", "26-Q1", "four digits"},
		{"Spaces", " 2026", "four digits"},
		{"Trailing", "2026-", "expected 2026-W47"},
		{"Unknown", "2026-X1", "expected 2026-W47"},
		{"Week54", "2026-W54", "week must be 1–53"},
		{"Week53In52Year", "2025-W53", "2025 has 52 ISO weeks"},
		{"WeekOneDigit", "2026-W7", "W01–W53"},
		{"WeekThreeDigits", "2026-W047", "W01–W53"},
		{"WeekZero", "2026-W00", "week must be 1–53"},
		{"Month13", "2026-13", "month must be 1–12"},
		{"Month0", "2026-00", "month must be 1–12"},
		{"MonthOneDigit", "2026-1", "two digits"},
		{"Quarter5", "2026-Q5", "quarter must be 1–4"},
		{"Quarter0", "2026-Q0", "quarter must be 1–4"},
		{"Half3", "2026-H3", "half must be 1–2"},
		{"HalfWord", "2026-H", "H1 or H2"},
		{"SmallYear", "0999", "year must be 1000–9999"},
		{"NineMonthsTypo", "2026-9N", "expected 2026-W47"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), `"`+tt.in+`"`) {
				t.Fatalf("Parse(%q) error = %q, want it to quote the input and contain %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds() {
		got, err := ParseKind(" " + strings.ToUpper(string(k)) + " ")
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", k, got, err, k)
		}
	}
	if _, err := ParseKind("fortnight"); err == nil || !strings.Contains(err.Error(), "expected week, month") {
		t.Errorf("ParseKind(fortnight) error = %v, want the list of kinds", err)
	}
}

func TestPeriod_StartEnd(t *testing.T) {
	tests := []struct {
		name       string
		p          Period
		start, end time.Time
	}{
		{"Week47", Period{Week, 2026, 47}, date(2026, 11, 16, 0, 0), date(2026, 11, 23, 0, 0)},
		{"Week1StartsInDecember", Period{Week, 2026, 1}, date(2025, 12, 29, 0, 0), date(2026, 1, 5, 0, 0)},
		{"Week53EndsInJanuary", Period{Week, 2026, 53}, date(2026, 12, 28, 0, 0), date(2027, 1, 4, 0, 0)},
		{"Week53Of2020", Period{Week, 2020, 53}, date(2020, 12, 28, 0, 0), date(2021, 1, 4, 0, 0)},
		{"February", Period{Month, 2028, 2}, date(2028, 2, 1, 0, 0), date(2028, 3, 1, 0, 0)},
		{"December", Period{Month, 2026, 12}, date(2026, 12, 1, 0, 0), date(2027, 1, 1, 0, 0)},
		{"Q4", Period{Quarter, 2026, 4}, date(2026, 10, 1, 0, 0), date(2027, 1, 1, 0, 0)},
		{"Q2", Period{Quarter, 2026, 2}, date(2026, 4, 1, 0, 0), date(2026, 7, 1, 0, 0)},
		{"H1", Period{Half, 2026, 1}, date(2026, 1, 1, 0, 0), date(2026, 7, 1, 0, 0)},
		{"H2", Period{Half, 2026, 2}, date(2026, 7, 1, 0, 0), date(2027, 1, 1, 0, 0)},
		{"NineMonths", Period{NineMonths, 2026, 0}, date(2026, 1, 1, 0, 0), date(2026, 10, 1, 0, 0)},
		{"Year", Period{Year, 2026, 0}, date(2026, 1, 1, 0, 0), date(2027, 1, 1, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Start(hanoi); !got.Equal(tt.start) {
				t.Errorf("%s.Start = %v, want %v", tt.p, got, tt.start)
			}
			if got := tt.p.End(hanoi); !got.Equal(tt.end) {
				t.Errorf("%s.End = %v, want %v", tt.p, got, tt.end)
			}
			if got := tt.p.Start(nil); !got.Equal(tt.start) {
				t.Errorf("%s.Start(nil) = %v, want %v in the default zone", tt.p, got, tt.start)
			}
		})
	}
}

func TestWeeksIn(t *testing.T) {
	for year, want := range map[int]int{2020: 53, 2021: 52, 2025: 52, 2026: 53, 2027: 52, 2032: 53} {
		if got := WeeksIn(year); got != want {
			t.Errorf("WeeksIn(%d) = %d, want %d", year, got, want)
		}
	}
}

func TestOf(t *testing.T) {
	tests := []struct {
		name string
		k    Kind
		t    time.Time
		want string
	}{
		{"SundayNightInHanoi", Week, date(2026, 11, 22, 23, 59), "2026-W47"},
		{"MondayMidnightInHanoi", Week, date(2026, 11, 23, 0, 0), "2026-W48"},
		{"SameInstantInUTCIsStillSunday", Week, date(2026, 11, 23, 0, 0).UTC(), "2026-W47"},
		{"NewYearInWeek53", Week, date(2027, 1, 1, 9, 0), "2026-W53"},
		{"DecemberInWeek1", Week, date(2025, 12, 29, 9, 0), "2026-W01"},
		{"MonthLastSecond", Month, time.Date(2026, 11, 30, 23, 59, 59, 999, hanoi), "2026-11"},
		{"NewYearEveUTCIsNewYearInHanoi", Month, date(2027, 1, 1, 0, 30), "2027-01"},
		{"QuarterFirstDay", Quarter, date(2026, 10, 1, 0, 0), "2026-Q4"},
		{"QuarterLastDay", Quarter, date(2026, 9, 30, 23, 59), "2026-Q3"},
		{"H1", Half, date(2026, 6, 30, 23, 59), "2026-H1"},
		{"H2", Half, date(2026, 7, 1, 0, 0), "2026-H2"},
		{"NineMonthsInside", NineMonths, date(2026, 9, 30, 12, 0), "2026-9M"},
		{"NineMonthsAfter", NineMonths, date(2026, 11, 30, 12, 0), "2026-9M"},
		{"Year", Year, date(2026, 12, 31, 23, 59), "2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.k, tt.t); got.String() != tt.want {
				t.Fatalf("Of(%s, %v) = %s, want %s", tt.k, tt.t, got, tt.want)
			}
		})
	}
}

func TestPeriod_Contains(t *testing.T) {
	p := Period{Week, 2026, 47}
	for _, tt := range []struct {
		name string
		t    time.Time
		want bool
	}{
		{"Start", date(2026, 11, 16, 0, 0), true},
		{"SundayNight", date(2026, 11, 22, 23, 59), true},
		{"End", date(2026, 11, 23, 0, 0), false},
		{"Before", date(2026, 11, 15, 23, 59), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Contains(tt.t, hanoi); got != tt.want {
				t.Fatalf("%s.Contains(%v) = %v, want %v", p, tt.t, got, tt.want)
			}
		})
	}
}

func TestPeriod_NextPrev(t *testing.T) {
	tests := []struct{ name, from, next string }{
		{"Week", "2026-W47", "2026-W48"},
		{"Week53", "2026-W53", "2027-W01"},
		{"Week52", "2025-W52", "2026-W01"},
		{"Month", "2026-12", "2027-01"},
		{"MonthMid", "2026-06", "2026-07"},
		{"Quarter", "2026-Q4", "2027-Q1"},
		{"QuarterMid", "2026-Q2", "2026-Q3"},
		{"Half", "2026-H2", "2027-H1"},
		{"HalfMid", "2026-H1", "2026-H2"},
		{"NineMonths", "2026-9M", "2027-9M"},
		{"Year", "2026", "2027"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, next := mustParse(t, tt.from), mustParse(t, tt.next)
			if got := from.Next(); got != next {
				t.Errorf("%s.Next() = %s, want %s", from, got, next)
			}
			if got := next.Prev(); got != from {
				t.Errorf("%s.Prev() = %s, want %s", next, got, from)
			}
		})
	}
}

func TestPeriod_SameLastYear(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Week", "2026-W47", "2025-W47"},
		{"Week53Clamped", "2026-W53", "2025-W52"},
		{"Week53Kept", "2021-W01", "2020-W01"},
		{"Month", "2026-01", "2025-01"},
		{"Quarter", "2026-Q4", "2025-Q4"},
		{"NineMonths", "2026-9M", "2025-9M"},
		{"Year", "2026", "2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustParse(t, tt.in).SameLastYear(); got.String() != tt.want {
				t.Fatalf("%s.SameLastYear() = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestPeriod_Label(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Week", "2026-W47", "Tuần 47 (16/11 – 22/11/2026)"},
		{"WeekMarch", "2026-W10", "Tuần 10 (02/3 – 08/3/2026)"},
		{"WeekAcrossNewYear", "2026-W01", "Tuần 1 (29/12/2025 – 04/01/2026)"},
		{"Week53", "2026-W53", "Tuần 53 (28/12/2026 – 03/01/2027)"},
		{"Month", "2026-11", "Tháng 11/2026"},
		{"January", "2026-01", "Tháng 01/2026"},
		{"March", "2026-03", "Tháng 3/2026"},
		{"Quarter", "2026-Q4", "Quý IV/2026"},
		{"QuarterI", "2026-Q1", "Quý I/2026"},
		{"H1", "2026-H1", "6 tháng đầu năm 2026"},
		{"H2", "2026-H2", "6 tháng cuối năm 2026"},
		{"NineMonths", "2026-9M", "9 tháng năm 2026"},
		{"Year", "2026", "Năm 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustParse(t, tt.in).Label(); got != tt.want {
				t.Fatalf("%s.Label() = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := (Period{Kind: Quarter, Year: 2026, N: 9}).Label(); got != "2026-Q9" {
		t.Errorf("invalid period label = %q, want %q", got, "2026-Q9")
	}
}

func TestPeriod_Valid(t *testing.T) {
	tests := []struct {
		name string
		p    Period
		want string
	}{
		{"OK", Period{Month, 2026, 11}, ""},
		{"UnknownKind", Period{"fortnight", 2026, 1}, "expected week, month"},
		{"YearWithNumber", Period{Year, 2026, 1}, "a year period has no number"},
		{"ZeroValue", Period{}, "period kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Valid()
			if (err == nil) != (tt.want == "") || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("%+v.Valid() = %v, want %q", tt.p, err, tt.want)
			}
		})
	}
}

func mustParse(t *testing.T, s string) Period {
	t.Helper()
	p, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return p
}

func TestInYear(t *testing.T) {
	for _, tt := range []struct {
		k          Kind
		year, n    int
		first, end string
	}{
		{Week, 2026, 53, "2026-W01", "2026-W53"}, {Week, 2027, 52, "2027-W01", "2027-W52"},
		{Month, 2026, 12, "2026-01", "2026-12"}, {Quarter, 2026, 4, "2026-Q1", "2026-Q4"},
		{Half, 2026, 2, "2026-H1", "2026-H2"}, {NineMonths, 2026, 1, "2026-9M", "2026-9M"}, {Year, 2026, 1, "2026", "2026"},
	} {
		got := InYear(tt.k, tt.year)
		if len(got) != tt.n || got[0].String() != tt.first || got[len(got)-1].String() != tt.end {
			t.Errorf("InYear(%s, %d): %d periods %v … %v, want %d, %s … %s", tt.k, tt.year, len(got), got[0], got[len(got)-1], tt.n, tt.first, tt.end)
		}
	}
}
