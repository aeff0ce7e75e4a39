package holiday

import (
	"slices"
	"time"
)

// weekdaySet is the set of weekly days off.
type weekdaySet [7]bool

func (o Options) weekend() weekdaySet {
	var s weekdaySet
	if o.Weekend == nil {
		s[time.Saturday], s[time.Sunday] = true, true
		return s
	}
	for _, wd := range o.Weekend {
		if wd >= time.Sunday && wd <= time.Saturday {
			s[wd] = true
		}
	}
	return s
}

func (s weekdaySet) has(t time.Time) bool { return s[t.Weekday()] }

func (s weekdaySet) all() bool { return !slices.Contains(s[:], false) }

// compensate adds, for each holiday on a weekly day off (in date order), a day off on the
// first later day that is a working day and neither a holiday nor a day already given back
// (Labour Code 2019 art. 111.3). days must be sorted by date with one entry per date; the
// result is too.
func compensate(days []Day, weekend weekdaySet) []Day {
	if weekend.all() { // no working day to give back
		return days
	}
	taken := make(map[int64]bool, len(days)) // Unix seconds of midnight UTC
	for _, d := range days {
		taken[d.Date.Unix()] = true
	}
	var extra []Day
	for _, d := range days {
		if !weekend.has(d.Date) {
			continue
		}
		t := d.Date.AddDate(0, 0, 1)
		for weekend.has(t) || taken[t.Unix()] {
			t = t.AddDate(0, 0, 1)
		}
		taken[t.Unix()] = true
		extra = append(extra, Day{Date: t, Name: compensationName(d.Name), Compensatory: true})
	}
	days = append(days, extra...)
	slices.SortStableFunc(days, func(a, b Day) int { return a.Date.Compare(b.Date) })
	return days
}
