package consolidate

import (
	"slices"

	"github.com/tonghop/tonghop/form"
)

// roles are the column keys an indicator table uses for each figure; "" when absent.
type roles struct {
	period, plan, ytd, lastYear string
	titles                      map[string]string // column key → title, for messages
}

// Column keys with a fixed meaning in indicator tables.
const (
	colPeriod      = "period"
	colPlan        = "plan"
	colYTD         = "ytd"
	colLastYear    = "last_year"
	colPctPlan     = "pct_plan"
	colPctLastYear = "pct_last_year"
)

// tableRoles finds the role columns of t. Without a "period" column, the first numeric column
// that has no other role holds this period's figure.
func tableRoles(t *form.IndicatorTable) roles {
	r := roles{titles: make(map[string]string, len(t.Columns))}
	fallback := ""
	for _, c := range t.Columns {
		r.titles[c.Key] = c.Title
		switch c.Key {
		case colPeriod:
			r.period = c.Key
		case colPlan:
			r.plan = c.Key
		case colYTD:
			r.ytd = c.Key
		case colLastYear:
			r.lastYear = c.Key
		case colPctPlan, colPctLastYear:
		default:
			if fallback == "" && numeric(c.Type) {
				fallback = c.Key
			}
		}
	}
	if r.period == "" {
		r.period = fallback
	}
	return r
}

// PeriodColumn is the key of the column of t read as a period's figure, the one a year to date
// adds up and history is imported into; "" when t has no numeric column.
func PeriodColumn(t *form.IndicatorTable) string { return tableRoles(t).period }

func numeric(t form.ColumnType) bool {
	return t == form.Integer || t == form.Decimal || t == form.Percent
}

func (b *builder) summaries() []SummaryTable {
	out := make([]SummaryTable, 0, len(b.in.Form.Indicators))
	for i := range b.in.Form.Indicators {
		out = append(out, b.summary(&b.in.Form.Indicators[i]))
	}
	return out
}

// tableReader reads the figures of one indicator table from the counted units' sheets.
type tableReader struct {
	b       *builder
	t       *form.IndicatorTable
	r       roles
	units   []unitSheets      // in unit order
	groupOf map[string]string // unit code → its group, for rows limited to groups
}

func (b *builder) summary(t *form.IndicatorTable) SummaryTable {
	x := tableReader{b: b, t: t, r: tableRoles(t), units: b.sheetsOf(t.Key), groupOf: make(map[string]string, len(b.in.Units))}
	for _, u := range b.in.Units {
		x.groupOf[u.Code] = u.Group
	}
	st := SummaryTable{Key: t.Key, Title: t.Title, PeriodColumn: x.r.period, Rows: make([]SummaryRow, 0, len(t.Rows))}
	var missing missingYTD
	for _, ind := range t.Rows {
		st.Rows = append(st.Rows, x.summaryRow(ind, &missing))
	}
	missing.warn(b)
	b.checkSubtotals(t, st.Rows)
	return st
}

// summaryRow aggregates one indicator across the counted units.
func (x tableReader) summaryRow(ind form.Indicator, missing *missingYTD) SummaryRow {
	rule, known := normaliseRule(ind.Aggregate)
	if !known {
		x.b.warn("", WarnUnknownAggregate, msgUnknownAggregate(ind.Code, ind.Aggregate))
	}
	row := SummaryRow{
		Code: ind.Code, Name: ind.Name, Measure: ind.Unit, Aggregate: rule,
		SubtotalOK: true, PerUnit: make(map[string]UnitFigures, len(x.units)),
		Groups: x.rowGroups(ind),
	}
	for _, u := range x.b.in.Units {
		if row.counts(x.groupOf[u.Code]) {
			row.Expected++
		}
	}
	plan, cur := newAccumulator(rule), newAccumulator(rule)
	ytd, lastYear, lastYearYTD := newTotal(rule), newTotal(rule), newTotal(rule)
	for i := range x.units {
		u := &x.units[i]
		if !row.counts(x.groupOf[u.code]) {
			continue // another group's unit does not fill the row: neither a figure nor a hole
		}
		row.Counted = append(row.Counted, u.code)
		f := x.unitFigures(u, ind.Code, rule)
		row.PerUnit[u.code] = f
		plan.add(f.Plan)
		cur.add(f.Period)
		ytd.add(f.YTD, f.YTDBasis)
		lastYear.add(f.LastYear, f.LastYearBasis)
		lastYearYTD.add(f.LastYearYTD, f.LastYearYTDBasis)
		if f.Period.OK {
			row.Reported++
		}
		x.checkYTD(u.code, ind.Code, rule, f, missing)
	}
	row.Plan, row.Period = plan.result(), cur.result()
	row.YTD, row.YTDBasis = ytd.result(), ytd.bases
	row.LastYear, row.LastYearBasis = lastYear.result(), lastYear.bases
	if x.b.in.LastYearEarlier != nil {
		row.LastYearYTD = lastYearYTD.result()
	}
	if rule == ruleNone {
		row.YTDBasis, row.LastYearBasis = 0, 0
	}
	row.PctPlan = percent(row.YTD, row.Plan)
	row.PctLastYear = percent(row.Period, row.LastYear)
	return row
}

// rowGroups are the groups whose units fill the indicator: its own, else its table's; nil:
// every unit.
func (x tableReader) rowGroups(ind form.Indicator) []string {
	if len(ind.Groups) > 0 {
		return slices.Clone(ind.Groups)
	}
	return slices.Clone(x.t.Groups)
}

// counts reports whether a unit of group g fills the row.
func (row SummaryRow) counts(g string) bool {
	return len(row.Groups) == 0 || slices.Contains(row.Groups, g)
}

// checkYTD warns when a unit's typed year to date is off the one rebuilt from a complete
// ledger, and notes a year to date that is unknown.
func (x tableReader) checkYTD(unit, code, rule string, f UnitFigures, missing *missingYTD) {
	switch f.YTDBasis {
	case BasisLedger, BasisImported:
		if f.OwnYTD.OK && f.YTD.OK && ytdDiffers(f.OwnYTD.V, f.YTD.V) {
			x.b.warn(unit, WarnYTDMismatch, msgYTDMismatch(unit, code, rule, f.OwnYTD.V, f.YTD.V, f.YTDBasis == BasisImported))
		}
	case BasisMissing:
		missing.add(unit, code, f.YTDMissing)
	}
}

// unitFigures reads one unit's figures for an indicator and works out its year to date and
// last year's figures by the rules of doc.go.
func (x tableReader) unitFigures(u *unitSheets, code, rule string) UnitFigures {
	r := x.r
	f := UnitFigures{
		Plan:        x.figure(u.code, u.current, code, r.plan),
		Period:      x.figure(u.code, u.current, code, r.period),
		OwnYTD:      x.figure(u.code, u.current, code, r.ytd),
		OwnLastYear: x.figure(u.code, u.current, code, r.lastYear),
	}
	f.YTD, f.YTDBasis, f.YTDMissing = x.yearToDate(u, code, rule, f.Period, f.OwnYTD)
	f.LastYear, f.LastYearBasis = x.lastYear(u, code, f.OwnLastYear)
	if x.b.in.LastYearEarlier != nil {
		f.LastYearYTD, f.LastYearYTDBasis = x.lastYearYTD(u, code, rule, f.LastYear, f.LastYearBasis)
	}
	return f
}

// figure reads one cell; a cell that is not a number is absent and warned about.
func (x tableReader) figure(unit string, s sheet, code, col string) Value {
	if col == "" {
		return Value{}
	}
	text := s.cells[code][col]
	v, bad := parseFigure(text)
	if bad {
		x.b.warn(unit, WarnBadNumber, msgBadNumber(unit, s.period, code, x.r.titles[col], text))
	}
	return v
}

// checkSubtotals marks the summing rows whose aggregated figure for the period differs from
// the sum of their children's. Absent figures count as zero; a row and children all absent
// agree. Rows with another rule are not checked: a subtotal is a sum.
func (b *builder) checkSubtotals(t *form.IndicatorTable, rows []SummaryRow) {
	byCode := make(map[string]Value, len(rows))
	for _, row := range rows {
		byCode[row.Code] = row.Period
	}
	for i, ind := range t.Rows {
		row := &rows[i]
		if len(ind.Children) == 0 || row.Aggregate != ruleSum {
			continue
		}
		children := newAccumulator(ruleSum)
		for _, c := range ind.Children {
			children.add(byCode[c])
		}
		sum := children.result()
		if !row.Period.OK && !sum.OK {
			continue
		}
		if !nearlyEqual(row.Period.V, sum.V, 1e-9) {
			row.SubtotalOK = false
			b.warn("", WarnSubtotal, msgSubtotal(ind.Code, ind.Name, row.Period.V, ind.Children, sum.V))
		}
	}
}
