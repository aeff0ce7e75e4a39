package history

import (
	"time"

	"github.com/tonghop/tonghop/period"
)

// OpeningPeriods are the periods an opening-figures workbook asks for when the ledger takes
// over at current: every period of its kind last year (the same period last year and last
// year's year to date), then this year's before current (this year's year to date). Weeks
// count by ISO week-numbering year.
func OpeningPeriods(current period.Period) []period.Period {
	out := period.InYear(current.Kind, current.Year-1)
	for _, p := range period.InYear(current.Kind, current.Year) {
		if p.N >= current.N {
			break
		}
		out = append(out, p)
	}
	return out
}

// CurrentPeriod is the period of kind k the ledger takes over from in year: the one under way
// at now (in loc) for this year, the first of a later year. An earlier year has none.
func CurrentPeriod(k period.Kind, year int, now time.Time, loc *time.Location) (period.Period, bool) {
	p := period.Of(k, now.In(loc))
	switch {
	case year == p.Year:
		return p, true
	case year > p.Year:
		first := period.InYear(k, year)[0]
		return first, true
	}
	return period.Period{}, false
}
