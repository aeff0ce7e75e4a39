package period

import (
	"strings"
	"testing"
	"time"
)

func TestRule_Deadline(t *testing.T) {
	cal := calendar2026(t)
	plain, err := NewCalendar(nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, rule, period string
		cal                Calendar
		want               time.Time
	}{
		{"WeeklyProgramBM0401", "thu 15:00", "2026-W47", cal, date(2026, 11, 19, 15, 0)},
		{"WeeklyVietnamese", "thứ 5 15:00", "2026-W47", cal, date(2026, 11, 19, 15, 0)},
		{"WeeklyFridayAfternoon", "fri", "2026-W47", cal, date(2026, 11, 20, 17, 0)},
		{"WeeklyInWeek53", "thu 15:00", "2026-W53", cal, date(2026, 12, 31, 15, 0)},
		{"WeeklyFridayOfWeek53IsNextYear", "fri", "2026-W53", cal, date(2027, 1, 1, 17, 0)},
		{"WeeklyHolidayMovesBack", "wed 15:00", "2026-W36", cal, date(2026, 8, 31, 15, 0)},
		{"WeeklySundayMovesToFriday", "sun", "2026-W47", cal, date(2026, 11, 20, 17, 0)},
		{"MonthlyReport", "day 18", "2026-11", cal, date(2026, 11, 18, 17, 0)},
		{"MonthlyOnSunday", "day 20", "2026-09", cal, date(2026, 9, 18, 17, 0)},
		{"MonthlyDuringTet", "day 18", "2026-02", cal, date(2026, 2, 13, 17, 0)},
		{"MonthlyCompensatorySaturday", "day 10", "2026-10", cal, date(2026, 10, 10, 17, 0)},
		{"MonthlySaturdayWithoutCompensation", "day 10", "2026-10", plain, date(2026, 10, 9, 17, 0)},
		{"Day31InFebruary", "day 31", "2028-02", plain, date(2028, 2, 29, 17, 0)},
		{"Day31InCommonFebruary", "day 31", "2026-02", plain, date(2026, 2, 27, 17, 0)},
		{"Quarterly", "day 15", "2026-Q4", cal, date(2026, 12, 15, 17, 0)},
		{"QuarterlyOfLastMonth", "day 15 of last month", "2026-Q3", cal, date(2026, 9, 15, 17, 0)},
		{"HalfDayOfLastMonth", "day 15", "2026-H1", cal, date(2026, 6, 15, 17, 0)},
		{"NineMonthsDay", "day 20", "2026-9M", cal, date(2026, 9, 18, 17, 0)},
		{"HalfFixedDate", "15/06", "2026-H1", cal, date(2026, 6, 15, 17, 0)},
		{"HalfDOST", "29/05", "2026-H1", cal, date(2026, 5, 29, 17, 0)},
		{"YearOnSunday", "15/11", "2026", cal, date(2026, 11, 13, 17, 0)},
		{"YearDOST", "15/12", "2026", cal, date(2026, 12, 15, 17, 0)},
		{"YearNextYear", "10/01 next year 09:00", "2026", cal, date(2027, 1, 8, 9, 0)},
		{"LeapDayInCommonYear", "29/02", "2026", cal, date(2026, 2, 27, 17, 0)},
		{"LastWorkingDayOfYear", "last working day", "2026", cal, date(2026, 12, 31, 17, 0)},
		{"LastWorkingDayOfMay", "last working day 16:00", "2026-05", cal, date(2026, 5, 29, 16, 0)},
		{"LastWorkingDayOfWeek", "last working day", "2026-W47", cal, date(2026, 11, 20, 17, 0)},
		{"LastWorkingDayOfOctober", "last working day", "2026-10", cal, date(2026, 10, 30, 17, 0)},
		{"EndOfDayFromCalendar", "day 18", "2026-11", Calendar{AfternoonEnd: Clock{16, 30}}, date(2026, 11, 18, 16, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mustRule(t, tt.rule).Deadline(mustParse(t, tt.period), tt.cal)
			if err != nil {
				t.Fatalf("Deadline(%q, %s): %v", tt.rule, tt.period, err)
			}
			if !got.Equal(tt.want) || got.Location() != tt.cal.loc() {
				t.Fatalf("Deadline(%q, %s) = %v, want %v", tt.rule, tt.period, got, tt.want)
			}
		})
	}
}

func TestRule_Deadline_Errors(t *testing.T) {
	cal := calendar2026(t)
	tests := []struct {
		name, rule string
		period     Period
		want       string
	}{
		{"WeekdayForMonth", "thu 15:00", Period{Month, 2026, 11}, "fits only week periods, not month"},
		{"DayForWeek", "day 20", Period{Week, 2026, 47}, "does not fit week periods"},
		{"DateForMonth", "15/06", Period{Month, 2026, 6}, "fits quarter, half, 9m and year periods, not month"},
		{"DateBeforePeriod", "15/06", Period{Half, 2026, 2}, "gives 15/06/2026, before the period starts on 01/07/2026"},
		{"InvalidPeriod", "day 20", Period{Month, 2026, 13}, "month must be 1–12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mustRule(t, tt.rule).Deadline(tt.period, cal)
			if err == nil {
				t.Fatalf("Deadline(%q, %s) = %v, want an error", tt.rule, tt.period, got)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Deadline(%q, %s) error = %q, want it to contain %q", tt.rule, tt.period, err, tt.want)
			}
		})
	}
	if _, err := (Rule{}).Deadline(Period{Month, 2026, 11}, cal); err == nil {
		t.Errorf("zero Rule Deadline = nil error, want one")
	}
}
