package period

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseRule_After(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"PeriodEnd", "3 working days after period end", "3 working days after period end"},
		{"Within", "within 5 working days of issue of BM.04.01/KH", "5 working days after issue of BM.04.01/KH"},
		{"KeepsFormCase", "5 Working Days After Issue Of bm.04.01/KH 16:00", "5 working days after issue of bm.04.01/KH 16:00"},
		{"DeadlineOf", "2 working days after deadline of BM.02.01/KH", "2 working days after deadline of BM.02.01/KH"},
		{"Vietnamese", "5 ngày làm việc sau khi ban hành BM.04.01/KH", "5 working days after issue of BM.04.01/KH"},
		{"VietnameseEnd", "trong 3 ngày làm việc kể từ kết thúc kỳ", "3 working days after period end"},
		{"VietnameseStart", "2 ngay lam viec sau bat dau ky 10:00", "2 working days after period start 10:00"},
		{"HanNop", "1 ngày làm việc sau hạn nộp KT-XH", "1 working day after deadline of KT-XH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRule(tt.in)
			if err != nil {
				t.Fatalf("ParseRule(%q): %v", tt.in, err)
			}
			if r.String() != tt.want {
				t.Fatalf("ParseRule(%q) = %q, want %q", tt.in, r, tt.want)
			}
			back, err := ParseRule(r.String())
			if err != nil || back != r {
				t.Fatalf("ParseRule(%q) = %v, %v; want the same rule back", r.String(), back, err)
			}
		})
	}
	for _, bad := range []string{"0 working days after period end", "5 working days after lunch",
		"5 working days after issue of", "5 working days", "400 working days after period end"} {
		if r, err := ParseRule(bad); err == nil {
			t.Errorf("ParseRule(%q) = %q, want an error", bad, r)
		}
	}
}

func TestPolicy_Place(t *testing.T) {
	cal := calendar2026(t)
	must := func(s string) Rule {
		r, err := ParseRule(s)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	w47, _ := Parse("2026-W47")
	w36, _ := Parse("2026-W36")
	sep, _ := Parse("2026-09")
	moved := date(2026, 11, 20, 10, 0)
	issued := func(ev Event, p Period) (time.Time, bool) {
		if ev.Kind == EventIssue && ev.Form == "BM.04.01/KH" && p == w47 {
			return date(2026, 11, 13, 16, 0), true // Friday of week 46
		}
		return time.Time{}, false
	}
	tests := []struct {
		name   string
		pol    Policy
		p      Period
		events EventTimes
		want   time.Time
		moved  bool
	}{
		{"Weekday", Policy{Rule: must("thu 15:00")}, w47, nil, date(2026, 11, 19, 15, 0), false},
		{"Override", Policy{Rule: must("thu 15:00"), Overrides: map[Period]Override{w47: {At: moved, Note: "họp"}}}, w47, nil, moved, false},
		{"DayOffPrevious", Policy{Rule: must("day 20")}, sep, nil, date(2026, 9, 18, 17, 0), true},
		{"DayOffNext", Policy{Rule: must("day 20"), DayOff: ShiftNext}, sep, nil, date(2026, 9, 21, 17, 0), true},
		{"HolidayNext", Policy{Rule: must("wed 15:00"), DayOff: ShiftNext}, w36, nil, date(2026, 9, 3, 15, 0), true},
		{"LastWorkingDayIgnoresNext", Policy{Rule: must("last working day"), DayOff: ShiftNext}, sep, nil, date(2026, 9, 30, 17, 0), false},
		{"AfterPeriodEnd", Policy{Rule: must("3 working days after period end")}, w47, nil, date(2026, 11, 25, 17, 0), false},
		{"AfterPeriodStart", Policy{Rule: must("2 working days after period start 10:00")}, sep, nil, date(2026, 9, 4, 10, 0), false},
		{"AfterIssue", Policy{Rule: must("5 working days after issue of BM.04.01/KH")}, w47, issued, date(2026, 11, 20, 17, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.pol.Place(tt.p, cal, tt.events)
			if err != nil {
				t.Fatalf("Place: %v", err)
			}
			if !got.At.Equal(tt.want) || got.Moved() != tt.moved {
				t.Fatalf("Place(%s) = %s (moved %v), want %s (moved %v)", tt.p, got.At, got.Moved(), tt.want, tt.moved)
			}
		})
	}
	_, err := Policy{Rule: must("5 working days after issue of BM.04.01/KH")}.Place(w36, cal, issued)
	if !errors.Is(err, ErrEventPending) {
		t.Fatalf("Place before the issue: %v, want ErrEventPending", err)
	}
}

func TestCoverage(t *testing.T) {
	tests := []struct {
		period     string
		cutoff     int
		start, end time.Time
	}{
		{"2026-11", 0, date(2026, 11, 1, 0, 0), date(2026, 12, 1, 0, 0)},
		{"2026-11", 15, date(2026, 10, 15, 0, 0), date(2026, 11, 15, 0, 0)},
		{"2026-01", 15, date(2025, 12, 15, 0, 0), date(2026, 1, 15, 0, 0)},
		{"2026-Q4", 15, date(2026, 9, 15, 0, 0), date(2026, 12, 15, 0, 0)},
		{"2026-H1", 15, date(2025, 12, 15, 0, 0), date(2026, 6, 15, 0, 0)},
		{"2026-9M", 15, date(2025, 12, 15, 0, 0), date(2026, 9, 15, 0, 0)},
		{"2026", 15, date(2025, 12, 15, 0, 0), date(2026, 12, 15, 0, 0)},
		{"2026-W47", 15, date(2026, 11, 16, 0, 0), date(2026, 11, 23, 0, 0)},
	}
	for _, tt := range tests {
		p, _ := Parse(tt.period)
		start, end := p.Coverage(tt.cutoff, hanoi)
		if !start.Equal(tt.start) || !end.Equal(tt.end) {
			t.Errorf("%s cut-off %d: [%s, %s), want [%s, %s)", tt.period, tt.cutoff, start, end, tt.start, tt.end)
		}
	}
	if CheckCutoff(Week, 15) == nil || CheckCutoff(Month, 29) == nil || CheckCutoff(Month, 15) != nil {
		t.Error("CheckCutoff: want errors for a week and for day 29, none for a month on the 15th")
	}
}

func TestOffset_TimeOfDay(t *testing.T) {
	cal := calendar2026(t)
	deadline := date(2026, 11, 19, 15, 0) // Thursday
	tests := []struct {
		in   string
		want time.Time
	}{
		{"morning", date(2026, 11, 19, 7, 30)},
		{"Buổi sáng", date(2026, 11, 19, 7, 30)},
		{"-1wd 08:00", date(2026, 11, 18, 8, 0)},
		{"-2wd", date(2026, 11, 17, 15, 0)},
		{"0d 09:15", date(2026, 11, 19, 9, 15)},
	}
	for _, tt := range tests {
		o, err := ParseOffset(tt.in)
		if err != nil {
			t.Fatalf("ParseOffset(%q): %v", tt.in, err)
		}
		if got := o.From(deadline, cal); !got.Equal(tt.want) {
			t.Errorf("%q from %s = %s, want %s", tt.in, deadline, got, tt.want)
		}
		if back, err := ParseOffset(o.String()); err != nil || back != o {
			t.Errorf("ParseOffset(%q) = %v, %v; want %v back", o.String(), back, err, o)
		}
	}
	if _, err := ParseOffset("-2h 08:00"); err == nil {
		t.Error(`ParseOffset("-2h 08:00") succeeded; an hour offset cannot take a time of day`)
	}
}

func TestCalendar_DayOffAndSessions(t *testing.T) {
	cal := calendar2026(t)
	cal.Public = func(year int) map[string]string {
		return map[string]string{"2026-04-26": "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "2026-04-27": "Nghỉ bù Giỗ Tổ Hùng Vương"}
	}
	if r, off := cal.DayOff(date(2026, 4, 27, 9, 0)); !off || r.Kind != OffPublic || r.Name != "Nghỉ bù Giỗ Tổ Hùng Vương" {
		t.Errorf("DayOff(27/4/2026) = %+v, %v; want the public compensatory day", r, off)
	}
	if r, off := cal.DayOff(date(2026, 9, 1, 9, 0)); !off || r.Kind != OffAnnounced {
		t.Errorf("DayOff(1/9/2026) = %+v, %v; want a configured day off", r, off)
	}
	if r, off := cal.DayOff(date(2026, 11, 22, 9, 0)); !off || r.Name != "Chủ nhật" {
		t.Errorf("DayOff(Sunday) = %+v, %v; want the weekly day off", r, off)
	}
	if _, off := cal.DayOff(date(2026, 10, 10, 9, 0)); off {
		t.Error("the compensatory working Saturday 10/10/2026 is off")
	}
	fridayOff := cal
	fridayOff.Weekend = []time.Weekday{time.Friday}
	if fridayOff.IsWorkingDay(date(2026, 11, 20, 9, 0)) || !fridayOff.IsWorkingDay(date(2026, 11, 21, 9, 0)) {
		t.Error("Weekend = [Friday]: want Friday off and Saturday worked")
	}
	for _, tt := range []struct{ at, want time.Time }{
		{date(2026, 11, 19, 12, 0), date(2026, 11, 19, 7, 30)},
		{date(2026, 11, 19, 13, 30), date(2026, 11, 19, 7, 30)},
		{date(2026, 11, 19, 13, 31), date(2026, 11, 19, 13, 30)},
		{date(2026, 11, 23, 7, 30), date(2026, 11, 20, 13, 30)},
	} {
		if got := cal.SessionStartBefore(tt.at); !got.Equal(tt.want) {
			t.Errorf("SessionStartBefore(%s) = %s, want %s", tt.at, got, tt.want)
		}
	}
}

func TestCutoffNote(t *testing.T) {
	cal := calendar2026(t)
	nov, _ := Parse("2026-11")
	start, end := nov.Coverage(15, hanoi)
	if got := CutoffNote(start, end, date(2026, 11, 16, 17, 0), cal); got != "số liệu từ 15/10/2026 đến 14/11/2026" {
		t.Errorf("Monday 16/11 after a cut-off on Saturday 14/11: got %q, no warning expected", got)
	}
	if got := CutoffNote(start, end, date(2026, 11, 14, 17, 0), cal); !strings.Contains(got, "cảnh báo") {
		t.Errorf("deadline on the cut-off day itself: got %q, want a warning", got)
	}
}

// TestPolicy_PlaceKeepsWeek: a week's deadline moved back out of its due week moves forward
// within it instead (item 8); the due period is what Place is given.
func TestPolicy_PlaceKeepsWeek(t *testing.T) {
	thu, _ := ParseRule("thu 15:00")
	loc := DefaultLocation()
	tests := []struct {
		name  string
		shift Shift
		due   Period
		want  time.Time
	}{
		// Tết 2027: Thursday 11/02 of week 6 is off and so are 8–10/02; back would be 04/02.
		{"Tet2027", ShiftPrevious, Period{Week, 2027, 6}, time.Date(2027, 2, 12, 15, 0, 0, 0, loc)},
		// Week 8 of 2026 has no working day: the deadline stays moved back, to Friday 13/02.
		{"NoWorkingDay", ShiftPrevious, Period{Week, 2026, 8}, time.Date(2026, 2, 13, 15, 0, 0, 0, loc)},
		// Thursday 30/04/2026 off: back to Wednesday 29/04, inside the week.
		{"BackInWeek", ShiftPrevious, Period{Week, 2026, 18}, time.Date(2026, 4, 29, 15, 0, 0, 0, loc)},
		// "next" is unchanged: 30/04 and 01/05 off, the weekend, so Monday 04/05.
		{"NextUnchanged", ShiftNext, Period{Week, 2026, 18}, time.Date(2026, 5, 4, 15, 0, 0, 0, loc)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl, err := Policy{Rule: thu, DayOff: tt.shift}.Place(tt.due, weekdaysOff2026to2028, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !pl.At.Equal(tt.want) {
				t.Errorf("got %s, want %s", pl.At.Format("Mon 2006-01-02 15:04"), tt.want.Format("Mon 2006-01-02 15:04"))
			}
		})
	}
}
