package status

import (
	"testing"
	"time"
)

func TestFormatDeadline(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		want string
	}{
		{"Afternoon", time.Date(2026, 11, 18, 17, 0, 0, 0, ict), "17:00 ngày 18/11/2026, thứ Tư"},
		{"MorningZeroRule", time.Date(2026, 3, 2, 9, 5, 0, 0, ict), "09:05 ngày 02/3/2026, thứ Hai"},
		{"January", time.Date(2026, 1, 18, 17, 0, 0, 0, ict), "17:00 ngày 18/01/2026, Chủ nhật"},
		// Midnight is the end of the day before: "before 00:00 on the 16th" is the 15th.
		{"Midnight", time.Date(2026, 12, 16, 0, 0, 0, 0, ict), "trong ngày 15/12/2026, thứ Ba"},
		{"MidnightNewYear", time.Date(2027, 1, 1, 0, 0, 0, 0, ict), "trong ngày 31/12/2026, thứ Năm"},
		{"EndOfDay", time.Date(2026, 12, 15, 23, 59, 0, 0, ict), "trong ngày 15/12/2026, thứ Ba"},
		{"JustAfterMidnight", time.Date(2026, 12, 16, 0, 1, 0, 0, ict), "00:01 ngày 16/12/2026, thứ Tư"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatDeadline(tt.t); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatDateTime(t *testing.T) {
	at := time.Date(2026, 2, 5, 7, 30, 0, 0, time.UTC)
	if got, want := FormatDateTime(at.In(ict)), "14:30 ngày 05/02/2026"; got != want {
		t.Errorf("FormatDateTime: got %q, want %q (the time first, in the location given)", got, want)
	}
	if got, want := FormatDayMonth(time.Date(2026, 4, 9, 0, 0, 0, 0, ict)), "09/4"; got != want {
		t.Errorf("FormatDayMonth: got %q, want %q", got, want)
	}
}

// TestDelayText: words for the same delay the table's LateLabel abbreviates, with one rounding.
func TestDelayText(t *testing.T) {
	tests := []struct {
		in         time.Duration
		want, abbr string
	}{
		{20 * time.Second, "1 phút", "1ph"},
		{34*time.Minute + 20*time.Second, "35 phút", "35ph"},
		{5*time.Hour + 20*time.Minute, "5 giờ 20 phút", "5g20ph"},
		{38 * time.Hour, "1 ngày 14 giờ", "1n14g"},
		{72 * time.Hour, "3 ngày", "3n"},
		{-time.Hour, "1 phút", "1ph"},
	}
	for _, tt := range tests {
		if got := DelayText(tt.in); got != tt.want {
			t.Errorf("DelayText(%v): got %q, want %q", tt.in, got, tt.want)
		}
		if got := LateLabel(tt.in); got != tt.abbr {
			t.Errorf("LateLabel(%v): got %q, want %q", tt.in, got, tt.abbr)
		}
	}
}
