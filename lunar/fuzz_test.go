package lunar

import (
	"testing"
	"time"
)

// FuzzFromSolar checks that any Gregorian input converts without panicking and, inside the
// supported span, converts back to the same (normalised) date.
func FuzzFromSolar(f *testing.F) {
	f.Add(2026, 2, 17)    // Tết Bính Ngọ
	f.Add(2007, 2, 17)    // Tết differs from China
	f.Add(2023, 3, 22)    // first day of the leap 2nd month
	f.Add(1200, 1, 1)     // first supported day
	f.Add(2199, 12, 31)   // last supported day
	f.Add(2026, 13, 40)   // normalised
	f.Add(-5, -3, -100)   // nonsense
	f.Add(1<<40, 1, 1)    // far out
	f.Add(2026, 0, 1<<50) // huge day
	f.Fuzz(func(t *testing.T, year, month, day int) {
		got := FromSolar(year, time.Month(month), day)
		if got == (Date{}) {
			return
		}
		norm := time.Date(year, time.Month(month), day, 12, 0, 0, 0, time.UTC)
		y, m, d, ok := ToSolar(got)
		if !ok || y != norm.Year() || m != norm.Month() || d != norm.Day() {
			t.Fatalf("%d-%d-%d → %s → %d-%d-%d ok=%v, want %s", year, month, day, got, y, m, d, ok, norm.Format(time.DateOnly))
		}
	})
}

// FuzzToSolar checks that any lunar date either is rejected or converts back to itself.
func FuzzToSolar(f *testing.F) {
	f.Add(2026, 3, 10, false)
	f.Add(2023, 2, 15, true)
	f.Add(2024, 4, 1, true)
	f.Add(2025, 12, 30, false)
	f.Add(0, 0, 0, false)
	f.Fuzz(func(t *testing.T, year, month, day int, leap bool) {
		d := Date{Year: year, Month: month, Day: day, Leap: leap}
		y, m, dd, ok := ToSolar(d)
		if !ok {
			return
		}
		if back := FromSolar(y, m, dd); back != d {
			t.Fatalf("%s → %d-%d-%d → %s", d, y, m, dd, back)
		}
	})
}
