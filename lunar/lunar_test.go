package lunar

import (
	"math"
	"testing"
	"time"
)

// TestZoneMatters checks that the zone is honoured: Tết 2007 and 2030 fall a day earlier in
// Vietnam (UTC+7) than in China (UTC+8), because the new moon falls between 23:00 and
// midnight Vietnam time. Sources: viet-jo.com/news/life/060706102756.html (2007: 17 Feb in
// Vietnam, 18 Feb in China; next in 2030 and 2053) and python-holidays chinese.py (2030-02-02
// Vietnam, 2030-02-03 China); see testdata/SOURCES.tsv.
func TestZoneMatters(t *testing.T) {
	tests := []struct {
		name            string
		year            int
		vietnam, china  time.Time
		dayBeforeChinaD int // lunar day in China of the Vietnamese Tết
	}{
		{name: "2007", year: 2007, vietnam: date(2007, 2, 17), china: date(2007, 2, 18), dayBeforeChinaD: 30},
		{name: "2030", year: 2030, vietnam: date(2030, 2, 2), china: date(2030, 2, 3), dayBeforeChinaD: 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, m, d, ok := ToSolarInZone(Date{Year: tt.year, Month: 1, Day: 1}, VietnamZone)
			if got := date(y, m, d); !ok || !got.Equal(tt.vietnam) {
				t.Errorf("Vietnam: got %s, want %s", got.Format(time.DateOnly), tt.vietnam.Format(time.DateOnly))
			}
			y, m, d, ok = ToSolarInZone(Date{Year: tt.year, Month: 1, Day: 1}, 8)
			if got := date(y, m, d); !ok || !got.Equal(tt.china) {
				t.Errorf("China: got %s, want %s", got.Format(time.DateOnly), tt.china.Format(time.DateOnly))
			}
			got := FromSolarInZone(tt.vietnam.Year(), tt.vietnam.Month(), tt.vietnam.Day(), 8)
			want := Date{Year: tt.year - 1, Month: 12, Day: tt.dayBeforeChinaD}
			if got != want {
				t.Errorf("FromSolarInZone(%s, 8): got %s, want %s", tt.vietnam.Format(time.DateOnly), got, want)
			}
		})
	}
}

// TestLeapMonths checks the leap month (tháng nhuận) of the Vietnamese years 2014-2031 against
// wiindi.net's table (2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6, 2028: 5, 2031: 3; 2023
// also phapluatxahoi.kinhtedothi.vn), and that the other years have none.
func TestLeapMonths(t *testing.T) {
	want := map[int]int{2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6, 2028: 5, 2031: 3}
	for year := 2014; year <= 2031; year++ {
		var leaps []int
		for month := 1; month <= 12; month++ {
			if _, _, _, ok := ToSolar(Date{Year: year, Month: month, Day: 1, Leap: true}); ok {
				leaps = append(leaps, month)
			}
		}
		switch {
		case want[year] == 0 && len(leaps) != 0:
			t.Errorf("%d: got leap months %v, want none", year, leaps)
		case want[year] != 0 && (len(leaps) != 1 || leaps[0] != want[year]):
			t.Errorf("%d: got leap months %v, want [%d]", year, leaps, want[year])
		}
	}
}

// TestLeapMonthStart checks where a leap month begins: english.shanghai.gov.cn (28 July 2025)
// says the Chinese leap sixth month of 2025 began on 25 July; the new moon (24 July 19:11
// UTC) is after midnight in both zones, so Vietnam agrees.
func TestLeapMonthStart(t *testing.T) {
	for _, zone := range []float64{VietnamZone, 8} {
		y, m, d, ok := ToSolarInZone(Date{Year: 2025, Month: 6, Day: 1, Leap: true}, zone)
		if got, want := date(y, m, d), date(2025, 7, 25); !ok || !got.Equal(want) {
			t.Errorf("zone %v: got %s ok=%v, want %s", zone, got.Format(time.DateOnly), ok, want.Format(time.DateOnly))
		}
	}
	if got, want := FromSolar(2025, 7, 24), (Date{Year: 2025, Month: 6, Day: 30}); got != want {
		t.Errorf("FromSolar(2025-07-24): got %s, want %s", got, want)
	}
}

// TestRoundTrip converts every day of 1900-2100 to the lunar calendar and back, and checks
// that consecutive days are consecutive lunar days: day+1 in the same month, or day 1 of the
// next month after day 29 or 30.
func TestRoundTrip(t *testing.T) {
	start, end := julianDay(1900, 1, 1), julianDay(2100, 12, 31)
	step := 1
	if testing.Short() {
		step = 7
	}
	prev := fromJulianDay(start-1, VietnamZone)
	for jd := start; jd <= end; jd += step {
		y, m, d := civilDate(jd)
		got := FromSolar(y, time.Month(m), d)
		gy, gm, gd, ok := ToSolar(got)
		if !ok || gy != y || int(gm) != m || gd != d {
			t.Fatalf("%04d-%02d-%02d → %s → %d-%d-%d ok=%v", y, m, d, got, gy, gm, gd, ok)
		}
		if step == 1 && !follows(prev, got) {
			t.Fatalf("%04d-%02d-%02d: %s does not follow %s", y, m, d, got, prev)
		}
		prev = got
	}
}

// follows reports whether b is the lunar day after a.
func follows(a, b Date) bool {
	if b.Day != 1 {
		return b == Date{Year: a.Year, Month: a.Month, Day: a.Day + 1, Leap: a.Leap}
	}
	if a.Day != 29 && a.Day != 30 {
		return false
	}
	switch {
	case b.Leap: // a leap month repeats the month before it
		return !a.Leap && b.Month == a.Month && b.Year == a.Year
	case a.Month == 12:
		return b.Month == 1 && b.Year == a.Year+1
	default:
		return b.Month == a.Month+1 && b.Year == a.Year
	}
}

func TestToSolar_Invalid(t *testing.T) {
	tests := []struct {
		name string
		d    Date
	}{
		{name: "Zero", d: Date{}},
		{name: "Month0", d: Date{Year: 2026, Month: 0, Day: 1}},
		{name: "Month13", d: Date{Year: 2026, Month: 13, Day: 1}},
		{name: "Day0", d: Date{Year: 2026, Month: 3, Day: 0}},
		{name: "Day31", d: Date{Year: 2026, Month: 3, Day: 31}},
		{name: "LeapInYearWithout", d: Date{Year: 2024, Month: 4, Day: 1, Leap: true}},
		{name: "WrongLeapMonth", d: Date{Year: 2023, Month: 3, Day: 1, Leap: true}},
		{name: "Day30Of29DayChap", d: Date{Year: 2025, Month: 12, Day: 30}}, // Tết 2026 is the day after 29/12
		{name: "BeforeSpan", d: Date{Year: MinYear - 2, Month: 1, Day: 1}},
		{name: "AfterSpan", d: Date{Year: MaxYear, Month: 12, Day: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if y, m, d, ok := ToSolar(tt.d); ok {
				t.Errorf("ToSolar(%s): got %d-%d-%d ok=true, want ok=false", tt.d, y, m, d)
			}
		})
	}
}

func TestFromSolar_Bounds(t *testing.T) {
	tests := []struct {
		name     string
		y        int
		m        time.Month
		d        int
		zone     float64
		wantZero bool
	}{
		{name: "FirstDay", y: MinYear, m: 1, d: 1, zone: VietnamZone},
		{name: "LastDay", y: MaxYear, m: 12, d: 31, zone: VietnamZone},
		{name: "DayBefore", y: MinYear - 1, m: 12, d: 31, zone: VietnamZone, wantZero: true},
		{name: "DayAfter", y: MaxYear + 1, m: 1, d: 1, zone: VietnamZone, wantZero: true},
		{name: "NormalisedIntoSpan", y: MinYear - 1, m: 12, d: 32, zone: VietnamZone},
		{name: "HugeYear", y: math.MaxInt, m: 1, d: 1, zone: VietnamZone, wantZero: true},
		{name: "NaNZone", y: 2026, m: 1, d: 1, zone: math.NaN(), wantZero: true},
		{name: "FarZone", y: 2026, m: 1, d: 1, zone: 15, wantZero: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromSolarInZone(tt.y, tt.m, tt.d, tt.zone)
			if (got == Date{}) != tt.wantZero {
				t.Errorf("got %s, want zero=%v", got, tt.wantZero)
			}
		})
	}
}

func TestFromSolar_Normalises(t *testing.T) {
	if got, want := FromSolar(2026, 2, 29), FromSolar(2026, 3, 1); got != want {
		t.Errorf("FromSolar(2026-02-29): got %s, want %s (as 2026-03-01)", got, want)
	}
}

func TestNewYear_OutOfSpan(t *testing.T) {
	if m, d := NewYear(MaxYear + 1); m != 0 || d != 0 {
		t.Errorf("NewYear(%d): got %v %d, want 0 0", MaxYear+1, m, d)
	}
	if y, m, d := LastDayOfYear(MinYear - 2); y != 0 || m != 0 || d != 0 {
		t.Errorf("LastDayOfYear(%d): got %d %v %d, want zeros", MinYear-2, y, m, d)
	}
}

func TestDate_String(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want string
	}{
		{name: "Plain", d: Date{Year: 2026, Month: 3, Day: 10}, want: "10/3/2026"},
		{name: "Leap", d: Date{Year: 2023, Month: 4, Day: 15, Leap: true}, want: "15/4n/2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCivilDate_MatchesTime(t *testing.T) {
	for _, tm := range []time.Time{date(1200, 1, 1), date(1582, 10, 4), date(2000, 2, 29), date(2199, 12, 31)} {
		jd := julianDay(tm.Year(), int(tm.Month()), tm.Day())
		if y, m, d := civilDate(jd); y != tm.Year() || time.Month(m) != tm.Month() || d != tm.Day() {
			t.Errorf("civilDate(julianDay(%s)): got %d-%d-%d", tm.Format(time.DateOnly), y, m, d)
		}
	}
	// 1 January 2000 is Julian day 2451545 (J2000.0 is its noon).
	if got := julianDay(2000, 1, 1); got != 2451545 {
		t.Errorf("julianDay(2000-01-01): got %d, want 2451545", got)
	}
}

// TestLeapMonthsAroundSolstice covers leap months 11 and 12, which the published
// convertLunar2Solar mishandles for month 12 (found by FuzzFromSolar: 23 January 1404 is
// 2/12n/1403). 2033 has a leap 11th month, as the Chinese civil calendar is reported to
// have (bbs.nongli.net/dispbbs_2_3744_0_next.html); in both zones here.
func TestLeapMonthsAroundSolstice(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		zone float64
		want time.Time
	}{
		{name: "Leap12Of1403", d: Date{Year: 1403, Month: 12, Day: 2, Leap: true}, zone: VietnamZone, want: date(1404, 1, 23)},
		{name: "Leap11Of2033Vietnam", d: Date{Year: 2033, Month: 11, Day: 1, Leap: true}, zone: VietnamZone},
		{name: "Leap11Of2033China", d: Date{Year: 2033, Month: 11, Day: 1, Leap: true}, zone: 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, m, d, ok := ToSolarInZone(tt.d, tt.zone)
			if !ok {
				t.Fatalf("ToSolarInZone(%s): got ok=false, want a date", tt.d)
			}
			if got := date(y, m, d); !tt.want.IsZero() && !got.Equal(tt.want) {
				t.Errorf("got %s, want %s", got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
			}
			if back := FromSolarInZone(y, m, d, tt.zone); back != tt.d {
				t.Errorf("FromSolarInZone(%d-%d-%d): got %s, want %s", y, m, d, back, tt.d)
			}
		})
	}
}
