package period

import "time"

// Of returns the period of kind k that contains t, in t's location. The 9-month period of a
// year ends in September; for t in October to December Of returns the 9-month period of t's
// year, which has already ended (the one reported on in that year).
func Of(k Kind, t time.Time) Period {
	month := int(t.Month())
	switch k {
	case Week:
		y, w := t.ISOWeek()
		return Period{Kind: Week, Year: y, N: w}
	case Month:
		return Period{Kind: Month, Year: t.Year(), N: month}
	case Quarter:
		return Period{Kind: Quarter, Year: t.Year(), N: (month-1)/3 + 1}
	case Half:
		return Period{Kind: Half, Year: t.Year(), N: (month-1)/6 + 1}
	case Once:
		return Period{} // no one-off period contains a time: requests are made, not found
	}
	return Period{Kind: k, Year: t.Year()}
}

// Start returns the first instant of p in loc (midnight of its first day); nil loc means the
// default office zone. p should be valid. A one-off period (Once) has no span of its own: Start
// and End give its year, and the request's own dates are in the ledger.
func (p Period) Start(loc *time.Location) time.Time {
	loc = orDefault(loc)
	if p.Kind == Week {
		y, m, d := weekMonday(p.Year, p.N)
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	return time.Date(p.Year, time.Month(p.Kind.firstMonth(p.N)), 1, 0, 0, 0, 0, loc)
}

// End returns the first instant after p in loc: the period is [Start, End).
func (p Period) End(loc *time.Location) time.Time {
	loc = orDefault(loc)
	if p.Kind == Week {
		y, m, d := weekMonday(p.Year, p.N)
		return time.Date(y, m, d+7, 0, 0, 0, 0, loc)
	}
	return time.Date(p.Year, time.Month(p.Kind.lastMonth(p.N)+1), 1, 0, 0, 0, 0, loc)
}

// lastDay returns the calendar date of p's last day.
func (p Period) lastDay() (int, time.Month, int) {
	return p.End(time.UTC).AddDate(0, 0, -1).Date()
}

// weekMonday returns the date of the Monday that starts ISO week n of year: week 1 is the
// week holding 4 January.
func weekMonday(year, n int) (int, time.Month, int) {
	jan4 := time.Date(year, time.January, 4, 12, 0, 0, 0, time.UTC)
	sinceMonday := (int(jan4.Weekday()) + 6) % 7
	return time.Date(year, time.January, 4-sinceMonday+7*(n-1), 12, 0, 0, 0, time.UTC).Date()
}

// Contains reports whether t lies within p as seen in loc.
func (p Period) Contains(t time.Time, loc *time.Location) bool {
	return !t.Before(p.Start(loc)) && t.Before(p.End(loc))
}

// Next returns the period of the same kind that follows p.
func (p Period) Next() Period {
	return p.step(1)
}

// Prev returns the period of the same kind that precedes p.
func (p Period) Prev() Period {
	return p.step(-1)
}

func (p Period) step(dir int) Period {
	switch p.Kind {
	case Week:
		y, m, d := weekMonday(p.Year, p.N)
		return Of(Week, time.Date(y, m, d+7*dir, 12, 0, 0, 0, time.UTC))
	case Once:
		return Period{Kind: Once, Year: p.Year, N: p.N + dir} // the request numbered next; may be invalid
	case Month, Quarter, Half:
		count := map[Kind]int{Month: 12, Quarter: 4, Half: 2}[p.Kind]
		index := p.Year*count + p.N - 1 + dir
		return Period{Kind: p.Kind, Year: floorDiv(index, count), N: index - floorDiv(index, count)*count + 1}
	}
	return Period{Kind: p.Kind, Year: p.Year + dir, N: p.N}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// SameLastYear returns the period of the same kind and number one year earlier, the
// "cùng kỳ năm trước" reports compare with. A week 53 maps to week 52 when the previous
// year has only 52 ISO weeks.
func (p Period) SameLastYear() Period {
	q := Period{Kind: p.Kind, Year: p.Year - 1, N: p.N}
	if p.Kind == Week {
		q.N = min(p.N, WeeksIn(q.Year))
	}
	return q
}

// InYear lists the periods of kind k in a year, in order: its ISO weeks, months, quarters,
// halves, or the one 9-month or year period; none for Once, whose periods are the requests made.
func InYear(k Kind, year int) []Period {
	if k == Once {
		return nil
	}
	n := map[Kind]int{Week: WeeksIn(year), Month: 12, Quarter: 4, Half: 2}[k]
	if n == 0 {
		return []Period{{Kind: k, Year: year}}
	}
	out := make([]Period, n)
	for i := range out {
		out[i] = Period{Kind: k, Year: year, N: i + 1}
	}
	return out
}
