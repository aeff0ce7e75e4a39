package holiday

import (
	"math"
	"testing"
	"time"
)

// FuzzVietnam checks that any year and options (they come from configuration) give a
// sorted list of distinct days inside the year, without panicking.
func FuzzVietnam(f *testing.F) {
	f.Add(2026, 0, 0, "", false, uint8(0b1000001))
	f.Add(2027, 2, 5, "after", true, uint8(0))
	f.Add(2023, -1, 1000, "before", false, uint8(0b1111111))
	f.Add(-1<<40, 3, 3, "auto", false, uint8(0b0100000))
	f.Add(math.MaxInt, 0, 0, "", false, uint8(0))
	f.Fuzz(func(t *testing.T, year, before, after int, adjacent string, noComp bool, weekendBits uint8) {
		var weekend []time.Weekday
		if weekendBits != 0 {
			weekend = []time.Weekday{}
			for wd := time.Sunday; wd <= time.Saturday; wd++ {
				if weekendBits&(1<<wd) != 0 {
					weekend = append(weekend, wd)
				}
			}
		}
		o := Options{TetDaysBefore: before, TetDaysAfter: after, NationalDayAdjacent: adjacent, NoCompensation: noComp, Weekend: weekend}
		days := Vietnam(year, o)
		for i, d := range days {
			if d.Date.Year() != year || (i > 0 && !d.Date.After(days[i-1].Date)) {
				t.Fatalf("%s (%q) out of place in year %d", d.Date.Format(time.DateOnly), d.Name, year)
			}
		}
	})
}
