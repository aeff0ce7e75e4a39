package period

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// calendar2026 has the 2/9 holiday with its bridged day, Tết 2026 (16–20/02) and the
// compensatory working Saturday 10/10/2026.
func calendar2026(t *testing.T) Calendar {
	t.Helper()
	c, err := NewCalendar(hanoi,
		[]string{"2026-09-01", "2026-09-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"},
		[]string{"2026-10-10"})
	if err != nil {
		t.Fatalf("NewCalendar: %v", err)
	}
	return c
}

func TestNewCalendar_Errors(t *testing.T) {
	tests := []struct {
		name               string
		holidays, workdays []string
		want               string
	}{
		{"BadHoliday", []string{"2026-09-02", "2026-9-3"}, nil, `holidays[1] "2026-9-3": expected a date written YYYY-MM-DD`},
		{"ImpossibleDate", []string{"2026-02-30"}, nil, `holidays[0] "2026-02-30"`},
		{"BadWorkday", nil, []string{"10/10/2026"}, `workdays[0] "10/10/2026"`},
		{"Both", []string{"2026-10-10"}, []string{"2026-10-10"}, `workdays[0] "2026-10-10": also listed as a holiday`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCalendar(nil, tt.holidays, tt.workdays)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewCalendar error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestCalendar_IsWorkingDay(t *testing.T) {
	c := calendar2026(t)
	tests := []struct {
		name string
		t    time.Time
		want bool
	}{
		{"Wednesday", date(2026, 11, 18, 9, 0), true},
		{"Saturday", date(2026, 11, 21, 9, 0), false},
		{"Sunday", date(2026, 11, 22, 9, 0), false},
		{"NationalDay", date(2026, 9, 2, 9, 0), false},
		{"Tet", date(2026, 2, 17, 9, 0), false},
		{"CompensatorySaturday", date(2026, 10, 10, 9, 0), true},
		{"UTCInstantOnHanoiMonday", time.Date(2026, 11, 22, 18, 0, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.IsWorkingDay(tt.t); got != tt.want {
				t.Fatalf("IsWorkingDay(%v) = %v, want %v", tt.t, got, tt.want)
			}
		})
	}
	var zero Calendar
	if !zero.IsWorkingDay(date(2026, 9, 2, 9, 0)) || zero.IsWorkingDay(date(2026, 10, 10, 9, 0)) {
		t.Errorf("zero Calendar: want Monday to Friday only")
	}
}

// TestCalendar_IsWorkingDayAgreesWithDayOff checks the short way IsWorkingDay takes (the
// weekly day off before the public holidays) against DayOff, over two years of days with a
// public holiday on a weekday and one on a Sunday, and a workday on a Saturday.
func TestCalendar_IsWorkingDayAgreesWithDayOff(t *testing.T) {
	c := calendar2026(t)
	c.Public = func(year int) map[string]string {
		return map[string]string{fmt.Sprintf("%d-04-30", year): "Ngày Chiến thắng", fmt.Sprintf("%d-05-03", year): "Chủ nhật lễ"}
	}
	for _, cal := range []Calendar{c, calendar2026(t), {}} {
		for d := time.Date(2026, 1, 1, 23, 30, 0, 0, time.UTC); d.Year() < 2028; d = d.AddDate(0, 0, 1) {
			_, off := cal.DayOff(d)
			if got := cal.IsWorkingDay(d); got != !off {
				t.Errorf("%s: IsWorkingDay got %v, DayOff says off %v", d, got, off)
			}
		}
	}
}

func TestAppendDate(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(2026, 9, 2, 0, 0, 0, 0, hanoi),
		time.Date(2026, 12, 31, 23, 59, 0, 0, hanoi),
		time.Date(999, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		if got, want := string(appendDate(nil, d)), d.Format(dateLayout); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestCalendar_PrevNextWorkingDay(t *testing.T) {
	c := calendar2026(t)
	tests := []struct {
		name          string
		t, prev, next time.Time
	}{
		{"WorkingDayStays", date(2026, 11, 18, 15, 0), date(2026, 11, 18, 15, 0), date(2026, 11, 18, 15, 0)},
		{"Weekend", date(2026, 11, 21, 15, 0), date(2026, 11, 20, 15, 0), date(2026, 11, 23, 15, 0)},
		{"NationalDay", date(2026, 9, 2, 8, 30), date(2026, 8, 31, 8, 30), date(2026, 9, 3, 8, 30)},
		{"Tet", date(2026, 2, 18, 17, 0), date(2026, 2, 13, 17, 0), date(2026, 2, 23, 17, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.PrevWorkingDay(tt.t); !got.Equal(tt.prev) {
				t.Errorf("PrevWorkingDay(%v) = %v, want %v", tt.t, got, tt.prev)
			}
			if got := c.NextWorkingDay(tt.t); !got.Equal(tt.next) {
				t.Errorf("NextWorkingDay(%v) = %v, want %v", tt.t, got, tt.next)
			}
		})
	}
}

func TestCalendar_AddWorkingDays(t *testing.T) {
	c := calendar2026(t)
	tests := []struct {
		name string
		t    time.Time
		n    int
		want time.Time
	}{
		{"Zero", date(2026, 11, 21, 9, 0), 0, date(2026, 11, 21, 9, 0)},
		{"FiveFromMonday", date(2026, 11, 16, 9, 0), 5, date(2026, 11, 23, 9, 0)},
		{"OneFromSaturday", date(2026, 11, 21, 9, 0), 1, date(2026, 11, 23, 9, 0)},
		{"OverNationalDay", date(2026, 8, 31, 9, 0), 1, date(2026, 9, 3, 9, 0)},
		{"ThroughCompensatorySaturday", date(2026, 10, 9, 9, 0), 1, date(2026, 10, 10, 9, 0)},
		{"Back", date(2026, 11, 23, 9, 0), -1, date(2026, 11, 20, 9, 0)},
		{"BackOverTet", date(2026, 2, 23, 9, 0), -2, date(2026, 2, 12, 9, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.AddWorkingDays(tt.t, tt.n)
			if !got.Equal(tt.want) {
				t.Fatalf("AddWorkingDays(%v, %d) = %v, want %v", tt.t, tt.n, got, tt.want)
			}
			if between := c.WorkingDaysBetween(tt.t, got); c.IsWorkingDay(tt.t) && between != tt.n {
				t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", tt.t, got, between, tt.n)
			}
		})
	}
}

func TestCalendar_WorkingDaysBetween(t *testing.T) {
	c := calendar2026(t)
	tests := []struct {
		name string
		a, b time.Time
		want int
	}{
		{"SameDay", date(2026, 11, 18, 8, 0), date(2026, 11, 18, 17, 0), 0},
		{"Week", date(2026, 11, 13, 17, 0), date(2026, 11, 20, 8, 0), 5},
		{"Backwards", date(2026, 11, 20, 8, 0), date(2026, 11, 13, 17, 0), -5},
		{"SeptemberWithHolidays", date(2026, 8, 31, 0, 0), date(2026, 9, 30, 0, 0), 20},
		{"OctoberWithWorkingSaturday", date(2026, 9, 30, 0, 0), date(2026, 10, 31, 0, 0), 23},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.WorkingDaysBetween(tt.a, tt.b); got != tt.want {
				t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestCalendar_WorkingHours(t *testing.T) {
	c := calendar2026(t)
	tests := []struct {
		name   string
		t      time.Time
		inside bool
		next   time.Time
	}{
		{"Morning", date(2026, 11, 18, 9, 0), true, date(2026, 11, 18, 9, 0)},
		{"BeforeWork", date(2026, 11, 18, 6, 0), false, date(2026, 11, 18, 7, 30)},
		{"Lunch", date(2026, 11, 18, 11, 30), false, date(2026, 11, 18, 13, 30)},
		{"Evening", date(2026, 11, 18, 17, 0), false, date(2026, 11, 19, 7, 30)},
		{"FridayEvening", date(2026, 11, 20, 20, 0), false, date(2026, 11, 23, 7, 30)},
		{"Holiday", date(2026, 9, 1, 9, 0), false, date(2026, 9, 3, 7, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.InWorkingHours(tt.t); got != tt.inside {
				t.Errorf("InWorkingHours(%v) = %v, want %v", tt.t, got, tt.inside)
			}
			if got := c.NextWorkingTime(tt.t); !got.Equal(tt.next) {
				t.Errorf("NextWorkingTime(%v) = %v, want %v", tt.t, got, tt.next)
			}
		})
	}
}

func TestCalendar_Validate(t *testing.T) {
	c := Calendar{MorningStart: Clock{8, 0}, MorningEnd: Clock{12, 0}, AfternoonStart: Clock{11, 0}}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "08:00–12:00, 11:00–17:00") {
		t.Fatalf("Validate() = %v, want an error naming the hours", err)
	}
	if err := (Calendar{}).Validate(); err != nil {
		t.Fatalf("zero Calendar Validate() = %v, want nil", err)
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want Clock
		ok   bool
	}{
		{"17:00", Clock{17, 0}, true},
		{"7:30", Clock{7, 30}, true},
		{"15h", Clock{15, 0}, true},
		{"15h30", Clock{15, 30}, true},
		{"15G30", Clock{15, 30}, true},
		{"24:00", Clock{}, false},
		{"12:60", Clock{}, false},
		{"12:5", Clock{}, false},
		{"1530", Clock{}, false},
		{":30", Clock{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("ParseClock(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}
