package period

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestCalendar_WorkingDuration(t *testing.T) {
	c := calendar2026(t)
	tests := []struct {
		name string
		a, b time.Time
		want time.Duration
	}{
		{"SameSession", date(2026, 11, 18, 8, 0), date(2026, 11, 18, 10, 0), 2 * time.Hour},
		{"AcrossLunch", date(2026, 11, 18, 11, 0), date(2026, 11, 18, 14, 0), time.Hour},
		{"InsideLunch", date(2026, 11, 18, 11, 45), date(2026, 11, 18, 13, 15), 0},
		{"BeforeOpening", date(2026, 11, 18, 5, 0), date(2026, 11, 18, 7, 30), 0},
		{"WholeDay", date(2026, 11, 18, 0, 0), date(2026, 11, 19, 0, 0), 7*time.Hour + 30*time.Minute},
		{"Overnight", date(2026, 11, 18, 16, 0), date(2026, 11, 19, 8, 30), 2 * time.Hour},
		{"Weekend", date(2026, 11, 20, 16, 30), date(2026, 11, 23, 8, 0), time.Hour},
		{"InsideWeekend", date(2026, 11, 21, 8, 0), date(2026, 11, 22, 16, 0), 0},
		{"WholeWeek", date(2026, 11, 16, 0, 0), date(2026, 11, 23, 0, 0), 37*time.Hour + 30*time.Minute},
		{"NationalDay", date(2026, 8, 31, 16, 0), date(2026, 9, 3, 8, 30), 2 * time.Hour},
		{"Tet", date(2026, 2, 13, 16, 0), date(2026, 2, 23, 7, 30), time.Hour},
		{"CompensatorySaturday", date(2026, 10, 9, 16, 0), date(2026, 10, 12, 7, 30), 8*time.Hour + 30*time.Minute},
		{"Seconds", date(2026, 11, 18, 11, 29).Add(30 * time.Second), date(2026, 11, 18, 13, 30).Add(30 * time.Second), time.Minute},
		{"UTCInstants", time.Date(2026, 11, 18, 1, 0, 0, 0, time.UTC), time.Date(2026, 11, 18, 3, 0, 0, 0, time.UTC), 2 * time.Hour},
		{"Equal", date(2026, 11, 18, 9, 0), date(2026, 11, 18, 9, 0), 0},
		{"Reversed", date(2026, 11, 18, 10, 0), date(2026, 11, 18, 8, 0), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.WorkingDuration(tt.a, tt.b); got != tt.want {
				t.Fatalf("WorkingDuration(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestCalendar_AddWorkingDuration(t *testing.T) {
	c := calendar2026(t)
	tests := []struct {
		name string
		t    time.Time
		d    time.Duration
		want time.Time
	}{
		{"Zero", date(2026, 11, 21, 10, 0), 0, date(2026, 11, 21, 10, 0)},
		{"Negative", date(2026, 11, 18, 10, 0), -time.Hour, date(2026, 11, 18, 10, 0)},
		{"WithinSession", date(2026, 11, 18, 8, 0), 2 * time.Hour, date(2026, 11, 18, 10, 0)},
		{"OverLunch", date(2026, 11, 18, 11, 0), time.Hour, date(2026, 11, 18, 14, 0)},
		{"EndsAtSessionClose", date(2026, 11, 18, 11, 0), 30 * time.Minute, date(2026, 11, 18, 11, 30)},
		{"FromLunch", date(2026, 11, 18, 12, 0), time.Minute, date(2026, 11, 18, 13, 31)},
		{"FromNight", date(2026, 11, 18, 20, 0), time.Hour, date(2026, 11, 19, 8, 30)},
		{"FullDay", date(2026, 11, 18, 7, 30), 7*time.Hour + 30*time.Minute, date(2026, 11, 18, 17, 0)},
		{"OverWeekend", date(2026, 11, 20, 16, 30), time.Hour, date(2026, 11, 23, 8, 0)},
		{"OneWorkingDayFromFriday", date(2026, 11, 20, 14, 0), 7*time.Hour + 30*time.Minute, date(2026, 11, 23, 14, 0)},
		{"FromSaturday", date(2026, 11, 21, 10, 0), time.Minute, date(2026, 11, 23, 7, 31)},
		{"OverNationalDay", date(2026, 8, 31, 16, 0), 2 * time.Hour, date(2026, 9, 3, 8, 30)},
		{"OverTet", date(2026, 2, 13, 16, 0), 90 * time.Minute, date(2026, 2, 23, 8, 0)},
		{"IntoCompensatorySaturday", date(2026, 10, 9, 16, 0), 2 * time.Hour, date(2026, 10, 10, 8, 30)},
		{"UTCInput", time.Date(2026, 11, 18, 1, 0, 0, 0, time.UTC), time.Hour, date(2026, 11, 18, 9, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.AddWorkingDuration(tt.t, tt.d); !got.Equal(tt.want) {
				t.Fatalf("AddWorkingDuration(%v, %v) = %v, want %v", tt.t, tt.d, got, tt.want)
			}
		})
	}
}

func TestCalendar_WorkingDurationCustomHours(t *testing.T) {
	// An office on 08:00–12:00, 13:00–17:00 that works Saturdays and rests on Friday and Sunday.
	c := Calendar{
		Loc:          hanoi,
		Weekend:      []time.Weekday{time.Friday, time.Sunday},
		MorningStart: Clock{8, 0}, MorningEnd: Clock{12, 0},
		AfternoonStart: Clock{13, 0}, AfternoonEnd: Clock{17, 0},
	}
	thursday := date(2026, 11, 19, 16, 0)
	if got, want := c.WorkingDuration(thursday, date(2026, 11, 21, 9, 0)), 2*time.Hour; got != want {
		t.Errorf("WorkingDuration Thursday 16:00 → Saturday 09:00 = %v, want %v", got, want)
	}
	if got, want := c.AddWorkingDuration(thursday, 2*time.Hour), date(2026, 11, 21, 9, 0); !got.Equal(want) {
		t.Errorf("AddWorkingDuration(Thursday 16:00, 2h) = %v, want %v", got, want)
	}
}

func TestCalendar_AddWorkingDurationNoWorkingDays(t *testing.T) {
	// A misconfigured calendar where every day is off must not hang.
	c := Calendar{Loc: hanoi, Weekend: []time.Weekday{0, 1, 2, 3, 4, 5, 6}}
	start := date(2026, 11, 18, 9, 0)
	got := c.AddWorkingDuration(start, time.Hour)
	if !got.After(start) {
		t.Fatalf("AddWorkingDuration on a calendar without working days = %v, want a time after %v", got, start)
	}
	if d := c.WorkingDuration(start, got); d != 0 {
		t.Fatalf("WorkingDuration on a calendar without working days = %v, want 0", d)
	}
}

// checkInverse verifies that AddWorkingDuration and WorkingDuration undo each other from a.
func checkInverse(t *testing.T, c Calendar, a time.Time, d time.Duration, b time.Time) {
	t.Helper()
	end := c.AddWorkingDuration(a, d)
	if got := c.WorkingDuration(a, end); got != d {
		t.Fatalf("WorkingDuration(%v, AddWorkingDuration(%v, %v) = %v) = %v, want %v", a, a, d, end, got, d)
	}
	if d > 0 && c.WorkingDuration(a, end.Add(-time.Nanosecond)) >= d {
		t.Fatalf("AddWorkingDuration(%v, %v) = %v is not the earliest such instant", a, d, end)
	}
	if !b.After(a) {
		return
	}
	back := c.AddWorkingDuration(a, c.WorkingDuration(a, b))
	if back.After(b) || c.WorkingDuration(back, b) != 0 {
		t.Fatalf("AddWorkingDuration(%v, WorkingDuration(%v, %v)) = %v, want at or before %v with no working time between",
			a, a, b, back, b)
	}
}

func TestCalendar_WorkingDurationInverse(t *testing.T) {
	c := calendar2026(t)
	rng := rand.New(rand.NewPCG(2026, 9))
	base := date(2026, 1, 1, 0, 0)
	for range 2000 {
		a := base.Add(time.Duration(rng.Int64N(int64(365 * 24 * time.Hour))))
		d := time.Duration(rng.Int64N(int64(80 * time.Hour)))
		if rng.IntN(4) == 0 {
			d = d.Round(30 * time.Minute) // land on session boundaries too
		}
		b := a.Add(time.Duration(rng.Int64N(int64(20 * 24 * time.Hour))))
		checkInverse(t, c, a, d, b)
	}
}

func FuzzAddWorkingDuration(f *testing.F) {
	f.Add(int64(0), int64(time.Hour), int64(72*time.Hour))
	f.Add(int64(41*time.Hour+30*time.Minute), int64(30*time.Minute), int64(time.Minute))
	f.Add(int64(5000*time.Hour), int64(7*time.Hour+30*time.Minute), int64(0))
	c, err := NewCalendar(hanoi, []string{"2026-09-01", "2026-09-02", "2026-02-16", "2026-02-17"}, []string{"2026-10-10"})
	if err != nil {
		f.Fatalf("NewCalendar: %v", err)
	}
	base := date(2026, 1, 1, 0, 0)
	f.Fuzz(func(t *testing.T, offset, d, span int64) {
		const year = int64(366 * 24 * time.Hour)
		a := base.Add(time.Duration(nonNegative(offset) % year))
		checkInverse(t, c, a, time.Duration(nonNegative(d)%int64(200*time.Hour)), a.Add(time.Duration(nonNegative(span)%int64(60*24*time.Hour))))
	})
}

func nonNegative(n int64) int64 {
	if n < 0 {
		return -(n + 1) // never overflows, unlike -n for the smallest int64
	}
	return n
}
