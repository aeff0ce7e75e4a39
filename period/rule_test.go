package period

import (
	"strings"
	"testing"
)

func TestParseRule_Valid(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"EnglishWeekday", "thu 15:00", "thu 15:00"},
		{"UpperCase", "FRI 17:00", "fri 17:00"},
		{"WeekdayNoTime", "mon", "mon"},
		{"FullName", "Thursday 15:00", "thu 15:00"},
		{"VietnameseNumber", "thứ 5 15:00", "thu 15:00"},
		{"VietnameseWord", "Thứ Năm 15:00", "thu 15:00"},
		{"VietnameseDecomposed", "thu\u031b\u0301 sa\u0301u 16:30", "fri 16:30"},
		{"VietnameseNoDiacritics", "thu 5 15h", "thu 15:00"},
		{"VietnameseLuc", "thứ sáu lúc 16h30", "fri 16:30"},
		{"Sunday", "chủ nhật", "sun"},
		{"ShortT6", "T6 11:00", "fri 11:00"},
		{"Before", "thu before 15:00", "thu 15:00"},
		{"Day", "day 20", "day 20"},
		{"DayTime", "day 18 17:00", "day 18 17:00"},
		{"DaySpaces", "  Day   18  ", "day 18"},
		{"DayOfLastMonth", "day 15 of last month", "day 15"},
		{"DayOfLastMonthOfQuarter", "day 15 of last month of quarter", "day 15"},
		{"NgayThangCuoiQuy", "ngày 15 của tháng cuối quý", "day 15"},
		{"Ngay", "ngày 20", "day 20"},
		{"Date", "15/06", "15/06"},
		{"DateShort", "29/5", "29/05"},
		{"DateTime", "15/06 17:00", "15/06 17:00"},
		{"NgayDate", "ngày 15/11", "15/11"},
		{"NextYear", "10/01 next year", "10/01 next year"},
		{"NamSau", "30/01 năm sau 9:00", "30/01 next year 09:00"},
		{"LeapDay", "29/02", "29/02"},
		{"LastWorkingDay", "last working day", "last working day"},
		{"LastWorkingDayTime", "Last Working Day 16:00", "last working day 16:00"},
		{"Vietnamese", "ngày làm việc cuối cùng", "last working day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRule(tt.in)
			if err != nil {
				t.Fatalf("ParseRule(%q): %v", tt.in, err)
			}
			if got := r.String(); got != tt.want {
				t.Fatalf("ParseRule(%q).String() = %q, want %q", tt.in, got, tt.want)
			}
			back, err := ParseRule(r.String())
			if err != nil || back != r {
				t.Fatalf("ParseRule(%q) = %+v, %v; want %+v", r.String(), back, err, r)
			}
		})
	}
}

func TestParseRule_Invalid(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Empty", "  ", "empty deadline rule: expected a weekday"},
		{"Day32", "day 32", `"day 32": day must be 1–31`},
		{"Day0", "day 0", "day must be 1–31"},
		{"DayWord", "day twenty", `"twenty" is not a day`},
		{"DayMissing", "day", "a day is missing"},
		{"OnlyTime", "17:00", "a day is missing"},
		{"BadTime", "thu 25:00", `time "25:00" must be HH:MM`},
		{"BadMinutes", "day 18 17:5", `time "17:5" must be HH:MM`},
		{"Gibberish", "whenever", `"whenever" is not a day: expected a weekday`},
		{"DateMonth13", "15/13", `date "15/13": month must be 1–12`},
		{"Date31June", "31/06", `date "31/06": day must be 1–30 in month 6`},
		{"Date30Feb", "30/02", "day must be 1–29 in month 2"},
		{"DateText", "15/june", `date "15/june" must be written DD/MM`},
		{"DayTrailing", "day 15 of next month", `unexpected "of next month" after the day`},
		{"DateTrailing", "15/06 sometimes", `unexpected "sometimes" after the date`},
		{"ThuNumber", "thu 15", `"thu" is not a day`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRule(tt.in)
			if err == nil {
				t.Fatalf("ParseRule(%q) = %q, want an error", tt.in, r)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ParseRule(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestRule_Check(t *testing.T) {
	tests := []struct {
		rule string
		ok   []Kind
	}{
		{"thu 15:00", []Kind{Week}},
		{"day 20", []Kind{Month, Quarter, Half, NineMonths, Year}},
		{"15/06", []Kind{Quarter, Half, NineMonths, Year}},
		{"last working day", Kinds()},
	}
	for _, tt := range tests {
		r := mustRule(t, tt.rule)
		for _, k := range Kinds() {
			t.Run(tt.rule+"/"+string(k), func(t *testing.T) {
				want := contains(tt.ok, k)
				if err := r.Check(k); (err == nil) != want {
					t.Fatalf("ParseRule(%q).Check(%s) = %v, want ok=%v", tt.rule, k, err, want)
				}
			})
		}
	}
	if err := (Rule{}).Check(Month); err == nil {
		t.Errorf("zero Rule Check(month) = nil, want an error")
	}
	if err := mustRule(t, "thu").Check("fortnight"); err == nil {
		t.Errorf("Check(fortnight) = nil, want an error")
	}
}

func contains(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func mustRule(t *testing.T, s string) Rule {
	t.Helper()
	r, err := ParseRule(s)
	if err != nil {
		t.Fatalf("ParseRule(%q): %v", s, err)
	}
	return r
}
