package consolidate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/period"
)

// sheet is one source's cells of one indicator table: indicator code → column → text.
// A nil cells map (no figures in the table) reads as blank.
type sheet struct {
	period period.Period
	cells  map[string]map[string]string
	// imports is set for figures imported from files of history: where this sheet holds no
	// figure, the ledger does not know the unit's, as opposed to a submission's blank cell,
	// which is the unit saying it had none.
	imports []Import
}

// covers reports whether the sheet gives the unit's figure of indicator code in column col.
func (s *sheet) covers(code, col string) bool {
	return s.imports == nil || strings.TrimSpace(s.cells[code][col]) != ""
}

// unitSheets are one counted unit's sheets of one indicator table, looked up once per table
// rather than once per indicator and period.
type unitSheets struct {
	code     string
	current  sheet
	lastYear *sheet // nil when the ledger has nothing of the unit's for last year's period
	// earlier and lastYearEarlier are the sheets the ledger has of the unit for the periods
	// before this one (and before last year's) in the same year.
	earlier, lastYearEarlier map[period.Period]*sheet
}

// sheetsOf gathers the counted units' sheets of the indicator table with the given key.
func (b *builder) sheetsOf(table string) []unitSheets {
	out := make([]unitSheets, 0, len(b.counted))
	for _, u := range b.counted {
		us := unitSheets{
			code:            u.Code,
			current:         sheet{period: b.in.Period, cells: b.indicators[u.Code][table]},
			earlier:         timeline(b.earlier, u.Code, table),
			lastYearEarlier: timeline(b.lastYearEarlier, u.Code, table),
		}
		if src, ok := b.in.LastYear[u.Code]; ok {
			us.lastYear = sheetOf(b.in.Period.SameLastYear(), src, table)
		}
		out = append(out, us)
	}
	return out
}

// timeline picks a unit's sheets from dated sources, by period.
func timeline(periods []dated, unit, table string) map[period.Period]*sheet {
	out := make(map[period.Period]*sheet, len(periods))
	for _, d := range periods {
		if src, ok := d.units[unit]; ok {
			out[d.period] = sheetOf(d.period, src, table)
		}
	}
	return out
}

func sheetOf(p period.Period, src Source, table string) *sheet {
	s := &sheet{period: p, cells: src.Filled.Indicators[table], imports: src.Imports}
	if len(src.Imports) == 0 {
		s.imports = nil
	}
	return s
}

// historyUse records the imported sheets a figure of the book was computed from, by unit and
// period, for the provenance sheet.
type historyUse map[string]map[period.Period][]Import

func (h *historyUse) use(unit string, s *sheet) {
	if s.imports == nil {
		return
	}
	if *h == nil {
		*h = historyUse{}
	}
	if (*h)[unit] == nil {
		(*h)[unit] = map[period.Period][]Import{}
	}
	(*h)[unit][s.period] = s.imports
}

// sources lists what was used, unit by unit in the given order, each unit's periods in time
// order (last year's first).
func (h historyUse) sources(units []Unit) []HistorySource {
	var out []HistorySource
	for _, u := range units {
		byPeriod := h[u.Code]
		start := len(out)
		for p, imps := range byPeriod {
			out = append(out, HistorySource{Unit: u.Code, Period: p, Imports: imps})
		}
		sortByTime(out[start:])
	}
	return out
}

func sortByTime(hs []HistorySource) {
	slices.SortFunc(hs, func(x, y HistorySource) int {
		return cmp.Or(cmp.Compare(x.Period.Year, y.Period.Year), cmp.Compare(x.Period.N, y.Period.N))
	})
}
