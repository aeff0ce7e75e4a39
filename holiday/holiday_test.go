package holiday

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// want is a compact expected day: "2026-04-27 +Nghỉ bù cho …" (+ marks compensatory).
type want string

func (w want) day(t *testing.T) Day {
	t.Helper()
	date, name, ok := strings.Cut(string(w), " ")
	if !ok {
		t.Fatalf("bad expectation %q", w)
	}
	tm, err := time.Parse(time.DateOnly, date)
	if err != nil {
		t.Fatalf("bad expectation %q: %v", w, err)
	}
	comp := strings.HasPrefix(name, "+")
	return Day{Date: tm, Name: strings.TrimPrefix(name, "+"), Compensatory: comp}
}

func format(d Day) string {
	plus := ""
	if d.Compensatory {
		plus = "+"
	}
	return fmt.Sprintf("%s %s%s", d.Date.Format(time.DateOnly), plus, d.Name)
}

func checkDays(t *testing.T, got []Day, wants []want) {
	t.Helper()
	var g, w []string
	for _, d := range got {
		g = append(g, format(d))
	}
	for _, x := range wants {
		w = append(w, format(x.day(t)))
	}
	if !slices.Equal(g, w) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(g, "\n  "), strings.Join(w, "\n  "))
	}
}

// TestVietnam_Statutory checks whole years against lists worked out by hand from the Labour
// Code 2019 (art. 112: 1/1; Tết = last day of the lunar year + mùng 1–4; 10/3 lunar; 30/4;
// 1/5; 2/9 + an adjacent day; art. 111.3: a holiday on Saturday or Sunday gives the next
// working day that is not a holiday), with the lunar dates of the published table in
// ../lunar/testdata/tet_hung_kings.tsv. Tháng Chạp has 29 days in each of these years (the
// new moons of the month start and of Tết fall 29 days apart at UTC+7), so the day before
// Tết is "29 tháng Chạp". The government's announced plans differ from the statute and are
// not modelled: for Tết 2025 it gave civil servants 9 days (25 January – 2 February) by
// moving working days, and for 30/4–1/5 2025 five days (30 April – 4 May); for Tết 2026 a
// 9-day break (14–22 February) was announced instead of the statutory 16–20 February.
func TestVietnam_Statutory(t *testing.T) {
	tests := []struct {
		name string
		year int
		want []want
	}{
		{
			// Tết 29 Jan (Wed): 28 Jan–1 Feb; mùng 4 on Saturday 1 Feb → Monday 3 Feb.
			// Giỗ Tổ 7 Apr (Mon). 2/9 is Tuesday → 1/9 Monday joins the weekend.
			name: "2025", year: 2025,
			want: []want{
				"2025-01-01 Tết Dương lịch",
				"2025-01-28 Tết Nguyên đán (29 tháng Chạp)",
				"2025-01-29 Tết Nguyên đán (mùng 1)",
				"2025-01-30 Tết Nguyên đán (mùng 2)",
				"2025-01-31 Tết Nguyên đán (mùng 3)",
				"2025-02-01 Tết Nguyên đán (mùng 4)",
				"2025-02-03 +Nghỉ bù cho Tết Nguyên đán (mùng 4)",
				"2025-04-07 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2025-04-30 Ngày Chiến thắng (30/4)",
				"2025-05-01 Ngày Quốc tế Lao động (1/5)",
				"2025-09-01 Quốc khánh (ngày liền kề)",
				"2025-09-02 Quốc khánh (2/9)",
			},
		},
		{
			// Tết 17 Feb (Tue): 16–20 Feb, all working days. Giỗ Tổ on Sunday 26 Apr →
			// Monday 27 Apr. 2/9 is Wednesday → 1/9 (neither neighbour joins a weekend).
			name: "2026", year: 2026,
			want: []want{
				"2026-01-01 Tết Dương lịch",
				"2026-02-16 Tết Nguyên đán (29 tháng Chạp)",
				"2026-02-17 Tết Nguyên đán (mùng 1)",
				"2026-02-18 Tết Nguyên đán (mùng 2)",
				"2026-02-19 Tết Nguyên đán (mùng 3)",
				"2026-02-20 Tết Nguyên đán (mùng 4)",
				"2026-04-26 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2026-04-27 +Nghỉ bù cho Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2026-04-30 Ngày Chiến thắng (30/4)",
				"2026-05-01 Ngày Quốc tế Lao động (1/5)",
				"2026-09-01 Quốc khánh (ngày liền kề)",
				"2026-09-02 Quốc khánh (2/9)",
			},
		},
		{
			// Tết 6 Feb (Sat): 5–9 Feb; mùng 1 (Sat) and mùng 2 (Sun) are given back on the
			// first working days after them that are not Tết: Wed 10 and Thu 11 Feb.
			// Giỗ Tổ 16 Apr (Fri). 1/5 on Saturday → Monday 3 May. 2/9 is Thursday → 3/9.
			name: "2027", year: 2027,
			want: []want{
				"2027-01-01 Tết Dương lịch",
				"2027-02-05 Tết Nguyên đán (29 tháng Chạp)",
				"2027-02-06 Tết Nguyên đán (mùng 1)",
				"2027-02-07 Tết Nguyên đán (mùng 2)",
				"2027-02-08 Tết Nguyên đán (mùng 3)",
				"2027-02-09 Tết Nguyên đán (mùng 4)",
				"2027-02-10 +Nghỉ bù cho Tết Nguyên đán (mùng 1)",
				"2027-02-11 +Nghỉ bù cho Tết Nguyên đán (mùng 2)",
				"2027-04-16 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2027-04-30 Ngày Chiến thắng (30/4)",
				"2027-05-01 Ngày Quốc tế Lao động (1/5)",
				"2027-05-03 +Nghỉ bù cho Ngày Quốc tế Lao động (1/5)",
				"2027-09-02 Quốc khánh (2/9)",
				"2027-09-03 Quốc khánh (ngày liền kề)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDays(t, Vietnam(tt.year, Options{}), tt.want)
		})
	}
}

// TestVietnam_NationalDayAuto checks the "auto" rule against the adjacent day the government
// chose in 2021–2025.
func TestVietnam_NationalDayAuto(t *testing.T) {
	tests := []struct {
		name string
		year int
		want int // day of September
	}{
		{name: "2021Thursday", year: 2021, want: 3},
		{name: "2022Friday", year: 2022, want: 1},
		{name: "2023Saturday", year: 2023, want: 1},
		{name: "2024Monday", year: 2024, want: 3},
		{name: "2025Tuesday", year: 2025, want: 1},
		{name: "2026Wednesday", year: 2026, want: 1},
		{name: "2029Sunday", year: 2029, want: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, mode := range []string{"", "auto", "bogus"} {
				if got := adjacentDay(t, Vietnam(tt.year, Options{NationalDayAdjacent: mode})); got != tt.want {
					t.Errorf("mode %q: got %d/9, want %d/9", mode, got, tt.want)
				}
			}
		})
	}
}

func adjacentDay(t *testing.T, days []Day) int {
	t.Helper()
	for _, d := range days {
		if d.Name == nameNationalExtra {
			return d.Date.Day()
		}
	}
	t.Fatal("no adjacent day of Quốc khánh")
	return 0
}

// TestVietnam_2023 checks a year where holidays pile onto weekends: 1/1 on Sunday gives
// Monday 2/1; Tết 22/1 (Sunday) makes 30 tháng Chạp a Saturday and mùng 1 a Sunday, given
// back after mùng 4 (Wednesday 25/1) on Thursday 26 and Friday 27; Giỗ Tổ on Saturday 29/4
// and 30/4 on Sunday are given back after 1/5 (Monday), on 2/5 and 3/5 — the days
// python-holidays' test_vietnam.py lists too — and 2/9 on Saturday gives Monday 4/9.
func TestVietnam_2023(t *testing.T) {
	got := Vietnam(2023, Options{})
	var comp []string
	for _, d := range got {
		if d.Compensatory {
			comp = append(comp, format(d))
		}
	}
	want := []string{
		"2023-01-02 +Nghỉ bù cho Tết Dương lịch",
		"2023-01-26 +Nghỉ bù cho Tết Nguyên đán (30 tháng Chạp)",
		"2023-01-27 +Nghỉ bù cho Tết Nguyên đán (mùng 1)",
		"2023-05-02 +Nghỉ bù cho Giỗ Tổ Hùng Vương (10/3 âm lịch)",
		"2023-05-03 +Nghỉ bù cho Ngày Chiến thắng (30/4)",
		"2023-09-04 +Nghỉ bù cho Quốc khánh (2/9)",
	}
	if !slices.Equal(comp, want) {
		t.Errorf("got %q, want %q", comp, want)
	}
}

// TestVietnam_PythonHolidaysObserved checks the compensatory days that python-holidays'
// tests/countries/test_vietnam.py (vacanza/holidays 8890983e, MIT) lists for 2011–2023,
// except Quốc khánh: the adjacent day only exists since the Labour Code 2019 (from 2021).
func TestVietnam_PythonHolidaysObserved(t *testing.T) {
	observed := []string{
		"2012-01-02", "2017-01-02", "2022-01-03", // 1/1
		"2012-04-02", "2016-04-18", "2019-04-15", "2022-04-11", "2023-05-02", // Giỗ Tổ
		"2011-05-02", "2016-05-02", "2017-05-02", "2022-05-02", "2023-05-03", // 30/4
		"2011-05-03", "2016-05-03", "2021-05-03", "2022-05-03", // 1/5
	}
	for _, s := range observed {
		tm, _ := time.Parse(time.DateOnly, s)
		days := Vietnam(tm.Year(), Options{})
		i := slices.IndexFunc(days, func(d Day) bool { return d.Date.Equal(tm) })
		if i < 0 || !days[i].Compensatory {
			t.Errorf("%s: got no compensatory day, want one", s)
		}
	}
}

func TestVietnam_Options(t *testing.T) {
	tests := []struct {
		name string
		year int
		o    Options
		want []want
	}{
		{
			name: "NoCompensation", year: 2027, o: Options{NoCompensation: true},
			want: []want{
				"2027-01-01 Tết Dương lịch",
				"2027-02-05 Tết Nguyên đán (29 tháng Chạp)",
				"2027-02-06 Tết Nguyên đán (mùng 1)",
				"2027-02-07 Tết Nguyên đán (mùng 2)",
				"2027-02-08 Tết Nguyên đán (mùng 3)",
				"2027-02-09 Tết Nguyên đán (mùng 4)",
				"2027-04-16 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2027-04-30 Ngày Chiến thắng (30/4)",
				"2027-05-01 Ngày Quốc tế Lao động (1/5)",
				"2027-09-02 Quốc khánh (2/9)",
				"2027-09-03 Quốc khánh (ngày liền kề)",
			},
		},
		{
			// 28 tháng Chạp is Sunday 15 Feb; 16–19 Feb are Tết, so it comes back on Fri 20.
			name: "LongerBeforeShorterAfter", year: 2026,
			o: Options{TetDaysBefore: 2, TetDaysAfter: 3, NationalDayAdjacent: "after"},
			want: []want{
				"2026-01-01 Tết Dương lịch",
				"2026-02-15 Tết Nguyên đán (28 tháng Chạp)",
				"2026-02-16 Tết Nguyên đán (29 tháng Chạp)",
				"2026-02-17 Tết Nguyên đán (mùng 1)",
				"2026-02-18 Tết Nguyên đán (mùng 2)",
				"2026-02-19 Tết Nguyên đán (mùng 3)",
				"2026-02-20 +Nghỉ bù cho Tết Nguyên đán (28 tháng Chạp)",
				"2026-04-26 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2026-04-27 +Nghỉ bù cho Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2026-04-30 Ngày Chiến thắng (30/4)",
				"2026-05-01 Ngày Quốc tế Lao động (1/5)",
				"2026-09-02 Quốc khánh (2/9)",
				"2026-09-03 Quốc khánh (ngày liền kề)",
			},
		},
		{
			// Only Sunday off: Giỗ Tổ on Sunday 26/4 → Monday 27/4, no other holiday is on a
			// Sunday. 2/9 Wednesday: 1/9 and 3/9 both work and neither joins Sunday → 1/9.
			// No Tết before-days.
			name: "SundayOnlyNoTetBefore", year: 2026,
			o: Options{Weekend: []time.Weekday{time.Sunday}, TetDaysBefore: -1},
			want: []want{
				"2026-01-01 Tết Dương lịch",
				"2026-02-17 Tết Nguyên đán (mùng 1)",
				"2026-02-18 Tết Nguyên đán (mùng 2)",
				"2026-02-19 Tết Nguyên đán (mùng 3)",
				"2026-02-20 Tết Nguyên đán (mùng 4)",
				"2026-04-26 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2026-04-27 +Nghỉ bù cho Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2026-04-30 Ngày Chiến thắng (30/4)",
				"2026-05-01 Ngày Quốc tế Lao động (1/5)",
				"2026-09-01 Quốc khánh (ngày liền kề)",
				"2026-09-02 Quốc khánh (2/9)",
			},
		},
		{
			name: "EveryDayOff", year: 2026,
			o: Options{Weekend: []time.Weekday{0, 1, 2, 3, 4, 5, 6}, TetDaysAfter: -1, TetDaysBefore: -1},
			want: []want{
				"2026-01-01 Tết Dương lịch",
				"2026-04-26 Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"2026-04-30 Ngày Chiến thắng (30/4)",
				"2026-05-01 Ngày Quốc tế Lao động (1/5)",
				"2026-09-01 Quốc khánh (ngày liền kề)",
				"2026-09-02 Quốc khánh (2/9)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDays(t, Vietnam(tt.year, tt.o), tt.want)
		})
	}
}

// TestVietnam_LongTet checks that very long Tết options are bounded, stay one entry per
// date and keep the first rule's name (1/1 over a Tết day in December of the old year).
func TestVietnam_LongTet(t *testing.T) {
	days := Vietnam(2023, Options{TetDaysBefore: 1000, TetDaysAfter: 1000}) // Tết 22 Jan 2023
	first := days[0]
	if !first.Date.Equal(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)) || first.Name != nameNewYear {
		t.Errorf("first day: got %s, want 2023-01-01 %s", format(first), nameNewYear)
	}
	var tetDays int
	for i, d := range days {
		if i > 0 && !d.Date.After(days[i-1].Date) {
			t.Fatalf("not sorted or duplicate: %s after %s", format(d), format(days[i-1]))
		}
		if strings.HasPrefix(d.Name, tetPrefix) && d.Date.Month() <= time.March {
			tetDays++
		}
	}
	// 2*MaxTetDays days around 22 Jan, minus 1/1 and the 9 days of the old year in December.
	if want := 2*MaxTetDays - 1 - 9; tetDays != want {
		t.Errorf("got %d Tết days in 2023, want %d", tetDays, want)
	}
}

func TestVietnam_OutOfLunarSpan(t *testing.T) {
	days := Vietnam(3000, Options{})
	for _, d := range days {
		if d.Name == nameHungKings || strings.HasPrefix(d.Name, tetPrefix) {
			t.Errorf("got lunar holiday %s outside the lunar span", format(d))
		}
	}
	if len(days) == 0 {
		t.Error("got no days, want the solar holidays")
	}
}

// TestVietnam_Invariants checks many years: sorted, one per date, all in the year, NFC
// names, compensation only on working days that are not holidays, 5 Tết days.
func TestVietnam_Invariants(t *testing.T) {
	for year := 2000; year <= 2060; year++ {
		days := Vietnam(year, Options{})
		tet := 0
		for i, d := range days {
			if d.Date.Year() != year || (i > 0 && !d.Date.After(days[i-1].Date)) {
				t.Fatalf("%d: %s out of place", year, format(d))
			}
			if !norm.NFC.IsNormalString(d.Name) {
				t.Errorf("%d: name %q is not NFC", year, d.Name)
			}
			wd := d.Date.Weekday()
			if d.Compensatory && (wd == time.Saturday || wd == time.Sunday) {
				t.Errorf("%d: compensation on a weekend: %s", year, format(d))
			}
			if strings.HasPrefix(d.Name, tetPrefix) {
				tet++
			}
		}
		if tet != defaultTetBefore+defaultTetAfter {
			t.Errorf("%d: got %d Tết days, want %d", year, tet, defaultTetBefore+defaultTetAfter)
		}
	}
}
