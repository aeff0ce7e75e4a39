package period

import (
	"fmt"
	"time"
)

// MaxCutoffDay is the latest cut-off day a configuration may choose, so that it exists in
// every month.
const MaxCutoffDay = 28

// Coverage returns the days [start, end) that a report for p covers when data is cut off on
// cutoffDay of the month, as Decree 09/2019/NĐ-CP does: with cut-off day 15 the monthly report
// for 2026-11 covers 15/10/2026 to 14/11/2026, the report for 2026-Q4 covers 15/9 to 14/12, the
// year report 15/12 of the year before to 14/12. With cutoffDay 0, and for weeks, a report
// covers its period. nil loc means the default office zone.
func (p Period) Coverage(cutoffDay int, loc *time.Location) (start, end time.Time) {
	if cutoffDay <= 0 || p.Kind == Week {
		return p.Start(loc), p.End(loc)
	}
	loc = orDefault(loc)
	start = time.Date(p.Year, time.Month(p.Kind.firstMonth(p.N))-1, cutoffDay, 0, 0, 0, 0, loc)
	end = time.Date(p.Year, time.Month(p.Kind.lastMonth(p.N)), cutoffDay, 0, 0, 0, 0, loc)
	return start, end
}

// CheckCutoff reports a cut-off day that is not 0 (calendar periods) or 1–MaxCutoffDay, or
// that is given for week periods.
func CheckCutoff(k Kind, cutoffDay int) error {
	switch {
	case cutoffDay == 0:
		return nil
	case k == Week:
		return fmt.Errorf("a cut-off day does not apply to week periods")
	case cutoffDay < 1 || cutoffDay > MaxCutoffDay:
		return fmt.Errorf("cut-off day must be 1–%d (0: the calendar period), got %d", MaxCutoffDay, cutoffDay)
	}
	return nil
}
