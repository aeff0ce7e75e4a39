package report_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// The figures of past periods in the consolidation tests' fixtures: the office's imports, and
// the rules of year to date and last year's figures, worked out here from the fixtures (see
// package consolidate's doc).

// cfImport is a unit's figures of a past period imported from a file of history (the
// indicator table's cells: code → column → value); file and sha are set when recorded.
type cfImport struct {
	unit      int
	period    period.Period
	cells     map[string]map[string]string
	file, sha string
	at        time.Time
}

// imported is the import of a unit's figures for a period, nil when there is none.
func (fx *cfFixture) imported(unit int, p period.Period) *cfImport {
	for _, imp := range fx.imports {
		if imp.unit == unit && imp.period == p {
			return imp
		}
	}
	return nil
}

// recordImports stores each import as the import command does: the file, then its figures.
func (fx *cfFixture) recordImports(t *testing.T, ctx context.Context, l *ledger.Ledger) {
	t.Helper()
	f := form.Builtins()[fx.code]
	for _, imp := range fx.imports {
		imp.file = fmt.Sprintf("so-lieu-dau-ky_%s_%s.xlsx", cfUnits[imp.unit].code, imp.period)
		sha, err := l.PutBlob([]byte("opening figures " + imp.file))
		if err != nil {
			t.Fatal(err)
		}
		imp.sha = sha
		var figures []ledger.ImportedFigure
		for code, cols := range imp.cells {
			for col, v := range cols {
				figures = append(figures, ledger.ImportedFigure{Form: fx.code, Unit: cfUnits[imp.unit].code,
					Period: imp.period.String(), Table: f.Indicators[0].Key, Code: code, Column: col, Value: v})
			}
		}
		_, err = l.RecordImport(ctx, ledger.Import{At: imp.at, Kind: ledger.ImportOpening, FileName: imp.file,
			FileSHA256: sha, By: "tonghop import (thử)"}, figures)
		if err != nil {
			t.Fatal(err)
		}
	}
}

// cfTypedLastYear is the indicator the office's import of QLDT's last year lacks: QLDT types
// last year's figure of it.
const cfTypedLastYear = "6"

// addImports adds the office's imports: QLDT's last-year period (all but cfTypedLastYear), and
// QLDN's January with figures 500 higher, which its own January file must hide.
func (fx *cfFixture) addImports(rows []rowSpec) {
	at := fx.deadline.AddDate(0, 0, -20)
	last := fx.target.SameLastYear()
	jan := period.Period{Kind: period.Month, Year: fx.target.Year, N: 1}
	for _, imp := range []struct {
		unit  int
		p     period.Period
		delta float64
	}{{uMismatch, last, 0}, {uResubmit, jan, 500}} {
		cells := map[string]map[string]string{}
		for _, r := range rows {
			if v, ok := r.figure(rows, imp.unit, imp.p, fx.target, imp.delta); ok && !(imp.unit == uMismatch && r.code == cfTypedLastYear) {
				cells[r.code] = map[string]string{"period": num(v)}
			}
		}
		fx.imports = append(fx.imports, &cfImport{unit: imp.unit, period: imp.p, cells: cells, at: at})
	}
}

// The sources a unit's detail sheet gives.
const (
	fromLedger   = "Sổ theo dõi (các kỳ đã gửi)"
	fromImported = "Sổ theo dõi, có số liệu nhập từ tệp"
	fromTyped    = "Đơn vị tự ghi"
	fromNone     = "Chưa có"
)

// ledgerCells is what the ledger holds of a unit for a period: its counted file's cells of the
// table, else the imported figures (imported); ok is false when it holds neither.
func (fx *cfFixture) ledgerCells(u int, p period.Period, table string) (cells map[string]map[string]string, imported, ok bool) {
	if s := fx.counted(u, p); s != nil {
		return s.filled.Indicators[table], false, true
	}
	if imp := fx.imported(u, p); imp != nil {
		return imp.cells, true, true
	}
	return nil, false, false
}

// overYear combines by rule a unit's figures of the months of p's year before p, when the
// ledger holds the unit's figure of every one (a file, even blank; an import with the
// figure), and then now. complete is false, and missing lists the months, otherwise.
func (fx *cfFixture) overYear(u int, p period.Period, table, code, rule string, now fig) (v fig, imported bool, missing []period.Period) {
	var xs []float64
	for n := 1; n < p.N; n++ {
		q := period.Period{Kind: p.Kind, Year: p.Year, N: n}
		cells, imp, ok := fx.ledgerCells(u, q, table)
		text := cells[code]["period"]
		if !ok || imp && text == "" {
			missing = append(missing, q)
			continue
		}
		imported = imported || imp
		if text != "" {
			x, _ := strconv.ParseFloat(text, 64)
			xs = append(xs, x)
		}
	}
	if len(missing) > 0 {
		return fig{}, false, missing
	}
	if now.ok {
		xs = append(xs, now.v)
	}
	return figs(xs).combine(rule), imported, nil
}

func (fx *cfFixture) expectRows(f form.Form, ex *cfExpect) []cfSummaryRow {
	var out []cfSummaryRow
	gaps := map[int][][]string{} // unit → indicators whose year to date is unknown, by gap
	gapOf := map[int][][]period.Period{}
	for _, ind := range f.Indicators[0].Rows {
		rule := ruleOf(f, ind.Code)
		row := cfSummaryRow{code: ind.Code, perUnit: map[int]cfUnitFigures{}}
		var plans, periods, ytds, lastYears, lastYTDs figs
		var unknownYTD, unknownLastYear, unknownLastYearYTD bool
		for _, u := range ex.counted {
			uf := fx.unitFigures(f, ex, u, ind.Code, rule)
			row.perUnit[u] = uf
			plans.add(uf.plan)
			periods.add(uf.period)
			ytds.add(uf.ytd)
			lastYears.add(uf.lastYear)
			lastYTDs.add(uf.lastYearYTD)
			unknownYTD = unknownYTD || uf.ytdFrom == fromNone
			unknownLastYear = unknownLastYear || uf.lastYearFrom == fromNone
			unknownLastYearYTD = unknownLastYearYTD || !uf.lastYearYTDKnown
			if uf.period.ok {
				row.reported++
			}
			if uf.ytdFrom == fromNone {
				gaps[u], gapOf[u] = addGap(gaps[u], gapOf[u], ind.Code, uf.ytdMissing)
			}
		}
		row.plan, row.period = plans.combine(rule), periods.combine(rule)
		row.ytd, row.lastYear, row.lastYearYTD = strict(ytds, rule, unknownYTD),
			strict(lastYears, rule, unknownLastYear), strict(lastYTDs, rule, unknownLastYearYTD)
		row.pctPlan, row.pctLastYear = ratio(row.ytd, row.plan), ratio(row.period, row.lastYear)
		if rule == "avg" {
			row.note = "Bình quân các đơn vị"
		}
		out = append(out, row)
	}
	for _, u := range ex.counted {
		for i, codes := range gaps[u] {
			ex.warnings = append(ex.warnings, missingWarning(u, codes, gapOf[u][i]))
		}
	}
	fx.expectHistory(ex)
	expectSubtotals(f.Indicators[0].Rows, out)
	return out
}

// strict combines the units' figures, none when one unit's is unknown.
func strict(xs figs, rule string, unknown bool) fig {
	if unknown {
		return fig{}
	}
	return xs.combine(rule)
}

// addGap adds an indicator to the group of its gap, in the order gaps first appear.
func addGap(groups [][]string, gaps [][]period.Period, code string, gap []period.Period) ([][]string, [][]period.Period) {
	for i, g := range gaps {
		if slices.Equal(g, gap) {
			groups[i] = append(groups[i], code)
			return groups, gaps
		}
	}
	return append(groups, []string{code}), append(gaps, gap)
}

// missingWarning is the clerk's line about a unit's unknown year to date. The fixtures' gaps
// are single months.
func missingWarning(u int, codes []string, gap []period.Period) string {
	var months []string
	for _, p := range gap {
		months = append(months, fmt.Sprintf("tháng %02d/%d", p.N, p.Year))
	}
	which, these := "chỉ tiêu "+codes[0], "chỉ tiêu này"
	if len(codes) > 1 {
		which, these = "các chỉ tiêu "+strings.Join(codes, ", "), "các chỉ tiêu này"
	}
	return fmt.Sprintf("- %s: Đơn vị %s chưa có lũy kế từ đầu năm của %s: chưa có số liệu của đơn vị %s và đơn vị không ghi lũy kế; lũy kế tổng hợp của %s để trống.",
		cfUnits[u].name, cfUnits[u].code, which, strings.Join(months, ", "), these)
}

// expectHistory lists the imports the figures use: a counted unit's import of a month that
// unit sent no file for (a file wins), that a year to date or last year's figure needs.
func (fx *cfFixture) expectHistory(ex *cfExpect) {
	for _, u := range ex.counted {
		for _, imp := range fx.imports {
			if imp.unit == u && fx.counted(u, imp.period) == nil {
				ex.history = append(ex.history, imp)
			}
		}
	}
}

// unitFigures are a counted unit's own figures for an indicator: the year to date rebuilt
// from a complete ledger (a typed one off it by more than 0.5 % adds the clerk's warning),
// else typed, else unknown; last year's from the ledger, else typed, else unknown.
func (fx *cfFixture) unitFigures(f form.Form, ex *cfExpect, u int, code, rule string) cfUnitFigures {
	key, cur := f.Indicators[0].Key, ex.cur[u]
	uf := cfUnitFigures{plan: cellOf(cur, key, code, "plan"), period: cellOf(cur, key, code, "period"),
		own: cellOf(cur, key, code, "ytd")}
	ytd, imported, missing := fx.overYear(u, fx.target, key, code, rule, uf.period)
	switch {
	case len(missing) == 0:
		uf.ytd, uf.ytdFrom = ytd, map[bool]string{false: fromLedger, true: fromImported}[imported]
		if uf.own.ok && uf.ytd.ok && math.Abs(uf.own.v-uf.ytd.v) > 0.005*math.Abs(uf.ytd.v) {
			how := map[string]string{"sum": "số liệu các kỳ đã gửi cộng lại là", "avg": "bình quân số liệu các kỳ đã gửi là"}[rule]
			source := map[bool]string{true: " (gồm số liệu các kỳ trước nhập từ tệp)"}[imported]
			ex.warnings = append(ex.warnings, fmt.Sprintf("- %s: Đơn vị %s ghi lũy kế chỉ tiêu %s là %s, %s %s%s.",
				cfUnits[u].name, cfUnits[u].code, code, viNumber(uf.own.v), how, viNumber(uf.ytd.v), source))
			ex.mismatches++
		}
	case uf.own.ok:
		uf.ytd, uf.ytdFrom, uf.ytdMissing = uf.own, fromTyped, missing
	default:
		uf.ytdFrom, uf.ytdMissing = fromNone, missing
	}
	last := fx.target.SameLastYear()
	if cells, imp, ok := fx.ledgerCells(u, last, key); ok && (!imp || cells[code]["period"] != "") {
		uf.lastYear, uf.lastYearFrom = textFig(cells[code]["period"]), map[bool]string{false: fromLedger, true: fromImported}[imp]
		if lyYTD, _, missing := fx.overYear(u, last, key, code, rule, uf.lastYear); len(missing) == 0 {
			uf.lastYearYTD, uf.lastYearYTDKnown = lyYTD, true
		}
	} else if own := cellOf(cur, key, code, "last_year"); own.ok {
		uf.lastYear, uf.lastYearFrom = own, fromTyped
	} else {
		uf.lastYearFrom = fromNone
	}
	return uf
}

// textFig reads a normalised figure; "" is none.
func textFig(text string) fig {
	if text == "" {
		return fig{}
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		panic(err)
	}
	return fig{v, true}
}
