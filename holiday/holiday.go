// Package holiday computes the public holidays (ngày nghỉ lễ, tết) of Vietnam for any year
// from the rules of the Labour Code 2019 (Bộ luật Lao động 2019): article 112 names the days,
// article 111.3 gives a day back when one falls on a weekly day off. It computes the
// statutory days only; each year the government also announces a plan (swapping working
// days to make longer breaks, e.g. 9 days for Tết) that no rule predicts, so callers that
// need the announced plan should add it on top (see period.Calendar).
package holiday

import (
	"slices"
	"time"

	"github.com/tonghop/tonghop/lunar"
)

// Day is one day off.
type Day struct {
	Date         time.Time // midnight UTC of the calendar date (only Y-M-D matters)
	Name         string    // Vietnamese, NFC, e.g. "Quốc khánh (2/9)", "Nghỉ bù cho …"
	Compensatory bool      // a day given back for a holiday on a weekly day off
}

// Options adjusts the rules; the zero Options is the Labour Code 2019.
type Options struct {
	// TetDaysBefore is the number of days off before lunar new year's day, counted back
	// from the last day of the lunar year (29 or 30 tháng Chạp). 0 means the default 1;
	// a negative value means none. At most MaxTetDays are used.
	TetDaysBefore int
	// TetDaysAfter is the number of days off from lunar new year's day on (mùng 1 …).
	// 0 means the default 4; a negative value means none. At most MaxTetDays are used.
	// The default total of 5 is article 112 of the Labour Code 2019.
	TetDaysAfter int
	// NationalDayAdjacent chooses the second day of Quốc khánh: "before" (1/9), "after"
	// (3/9), or "" / "auto" (any other value counts as "auto"): the adjacent day that is a
	// working day and, if both are, the one that joins a weekly day off, else 1/9. With a
	// Saturday–Sunday weekend that gives the government's choices of 2021–2025 — Thursday
	// → 3/9 (2021), Friday → 1/9 (2022), Saturday → 1/9 (2023), Monday → 3/9 (2024),
	// Tuesday → 1/9 (2025) — and Wednesday → 1/9, Sunday → 3/9.
	NationalDayAdjacent string
	// NoCompensation turns off compensatory days. By default a holiday on a weekly day off
	// gives a day off on the next working day that is neither a holiday nor already given
	// back for an earlier one (Labour Code 2019 art. 111.3).
	NoCompensation bool
	// Weekend lists the weekly days off; nil means Saturday and Sunday, an empty non-nil
	// slice none.
	Weekend []time.Weekday
}

// MaxTetDays bounds Options.TetDaysBefore and Options.TetDaysAfter.
const MaxTetDays = 30

// Default Tết days of the Labour Code 2019: the last day of the year and mùng 1 to mùng 4.
const (
	defaultTetBefore = 1
	defaultTetAfter  = 4
)

// Vietnam returns every day off of Gregorian year year under the rules and o, sorted by
// date, one entry per date: Tết Dương lịch (1/1), Tết Nguyên đán (by default the last day of
// the lunar year and mùng 1–4 of the lunar year beginning in year), Giỗ Tổ Hùng Vương (10/3
// lunar), 30/4, 1/5, Quốc khánh 2/9 and its adjacent day, and the compensatory days. When
// two rules give the same date the first in that order keeps it. Outside the span of package
// lunar (years lunar.MinYear … lunar.MaxYear) the lunar holidays are left out.
func Vietnam(year int, o Options) []Day {
	weekend := o.weekend()
	var days []Day
	// Neighbouring years too: very long Tết options can cross 1 January, and compensation
	// is decided over the whole sequence before cutting out year.
	for dy := -1; dy <= 1; dy++ {
		days = append(days, statutory(year+dy, o, weekend)...)
	}
	days = firstPerDate(days)
	if !o.NoCompensation {
		days = compensate(days, weekend)
	}
	out := days[:0]
	for _, d := range days {
		if d.Date.Year() == year {
			out = append(out, d)
		}
	}
	return slices.Clip(out)
}

// statutory lists the holidays of article 112 for year, in the order of the article.
func statutory(year int, o Options, weekend weekdaySet) []Day {
	days := []Day{{Date: day(year, time.January, 1), Name: nameNewYear}}
	days = append(days, tet(year, o)...)
	if y, m, d, ok := lunar.ToSolar(lunar.Date{Year: year, Month: 3, Day: 10}); ok {
		days = append(days, Day{Date: day(y, m, d), Name: nameHungKings})
	}
	days = append(days,
		Day{Date: day(year, time.April, 30), Name: nameVictory},
		Day{Date: day(year, time.May, 1), Name: nameLabour},
		Day{Date: day(year, time.September, 2), Name: nameNationalDay},
		Day{Date: nationalDayAdjacent(year, o.NationalDayAdjacent, weekend), Name: nameNationalExtra},
	)
	return days
}

// tet lists the Tết days around the lunar new year that falls in Gregorian year year.
func tet(year int, o Options) []Day {
	m, d := lunar.NewYear(year)
	if m == 0 {
		return nil
	}
	newYear := day(year, m, d)
	before := clampDays(o.TetDaysBefore, defaultTetBefore)
	after := clampDays(o.TetDaysAfter, defaultTetAfter)
	var days []Day
	for i := -before; i < after; i++ {
		t := newYear.AddDate(0, 0, i)
		days = append(days, Day{Date: t, Name: tetName(lunar.FromSolar(t.Date()))})
	}
	return days
}

func clampDays(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return 0
	}
	return min(n, MaxTetDays)
}

// nationalDayAdjacent returns 1/9 or 3/9 of year as chosen by mode (see Options).
func nationalDayAdjacent(year int, mode string, weekend weekdaySet) time.Time {
	before, after := day(year, time.September, 1), day(year, time.September, 3)
	switch mode {
	case "before":
		return before
	case "after":
		return after
	}
	beforeWorks, afterWorks := !weekend.has(before), !weekend.has(after)
	switch {
	case afterWorks && !beforeWorks:
		return after
	case afterWorks && beforeWorks:
		joinsBefore := weekend.has(before.AddDate(0, 0, -1))
		joinsAfter := weekend.has(after.AddDate(0, 0, 1))
		if joinsAfter && !joinsBefore {
			return after
		}
	}
	return before
}

// firstPerDate sorts days by date, keeping for each date the entry that came first.
func firstPerDate(days []Day) []Day {
	slices.SortStableFunc(days, func(a, b Day) int { return a.Date.Compare(b.Date) })
	return slices.CompactFunc(days, func(a, b Day) bool { return a.Date.Equal(b.Date) })
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
