package consolidate

import "github.com/tonghop/tonghop/period"

// sheet is one submission's cells of one indicator table: indicator code → column → text.
// A nil sheet (no submission) reads as blank.
type sheet struct {
	period period.Period
	cells  map[string]map[string]string
}

// unitSheets are one counted unit's sheets of one indicator table, looked up once per table
// rather than once per indicator and period.
type unitSheets struct {
	code            string
	current         sheet
	lastYear        *sheet  // nil when the unit sent nothing for last year's period
	earlier         []sheet // in time order; periods the unit did not send are left out
	lastYearEarlier []sheet
}

// sheetsOf gathers the counted units' sheets of the indicator table with the given key.
func (b *builder) sheetsOf(table string) []unitSheets {
	out := make([]unitSheets, 0, len(b.counted))
	for _, u := range b.counted {
		us := unitSheets{
			code:            u.Code,
			current:         sheet{b.in.Period, b.in.Current[u.Code].Filled.Indicators[table]},
			earlier:         timeline(b.earlier, u.Code, table),
			lastYearEarlier: timeline(b.lastYearEarlier, u.Code, table),
		}
		if src, ok := b.in.LastYear[u.Code]; ok {
			us.lastYear = &sheet{b.in.Period.SameLastYear(), src.Filled.Indicators[table]}
		}
		out = append(out, us)
	}
	return out
}

// timeline picks a unit's sheets from dated submissions.
func timeline(periods []dated, unit, table string) []sheet {
	var out []sheet
	for _, d := range periods {
		if src, ok := d.units[unit]; ok {
			out = append(out, sheet{d.period, src.Filled.Indicators[table]})
		}
	}
	return out
}
