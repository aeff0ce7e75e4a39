package history

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// headerSearch is how far down a sheet its hidden row and header are looked for.
const headerSearch = 30

// columns is where one sheet's parts are: the unit and indicator code columns and each period
// column, found by the hidden row.
type columns struct {
	sheet          string
	marker, header int // rows
	unit, code     int
	periods        []periodColumn // in column order
}

type periodColumn struct {
	col int
	p   period.Period
}

// readSheet reads one indicator table's sheet.
func (r *openingReader) readSheet(f *form.Form, plan sheetPlan, units map[string]Unit) error {
	rows, cols, err := r.locate(plan)
	if err != nil || rows == nil {
		return err
	}
	t := plan.table
	names := make(map[string]string, len(t.Rows))
	for _, ind := range t.Rows {
		names[ind.Code] = ind.Name
	}
	seen := map[[2]string]int{} // unit, code → row
	values := map[[2]string]map[period.Period]float64{}
	for _, row := range rows {
		if row.Num <= cols.header || r.full() {
			continue
		}
		unit, code := cellText(row, cols.unit), cellText(row, cols.code)
		key := [2]string{unit, code}
		if !r.checkRow(cols, row, unit, code, units, names, seen, f.Code, t.Title) {
			continue
		}
		seen[key] = row.Num
		vals, err := r.readRow(f.Code, plan, cols, row.Num, units[unit], code, names[code])
		if err != nil {
			return err
		}
		values[key] = vals
	}
	r.checkSubtotals(plan, cols, seen, values, units)
	return nil
}

// locate finds the sheet of a table by its hidden row (on the sheet of the planned name first)
// and reads its columns; nil rows when it is not there, the problem recorded.
func (r *openingReader) locate(plan sheetPlan) ([]templates.CellRow, columns, error) {
	order := r.c.Sheets()
	if name, ok := r.c.SheetNamed(plan.name); ok {
		order = append([]string{name}, order...)
	}
	want := markerPrefix + plan.table.Key
	for _, sheet := range order {
		if strings.EqualFold(sheet, templates.IdentSheet) {
			continue
		}
		rows, err := r.c.Rows(sheet)
		if err != nil {
			return nil, columns{}, err
		}
		for _, row := range rows {
			if row.Num > headerSearch {
				break
			}
			if i := slices.IndexFunc(row.Cells, func(c string) bool { return strings.TrimSpace(c) == want }); i >= 0 {
				cols, ok := r.columns(sheet, rows, row, i+1)
				if !ok {
					return nil, columns{}, nil
				}
				return rows, cols, nil
			}
		}
	}
	r.errorf("", "", plan.table.Key, letters.CodeOpeningSheet, letters.ProblemOpeningSheet(plan.table.Title))
	return nil, columns{}, nil
}

// columns reads the hidden row: the code column, each period column (a period of the
// workbook, once), and finds the header row under it.
func (r *openingReader) columns(sheet string, rows []templates.CellRow, marker templates.CellRow, unitCol int) (columns, bool) {
	cols := columns{sheet: sheet, marker: marker.Num, unit: unitCol}
	expected := make(map[string]bool, len(r.out.Periods))
	for _, p := range r.out.Periods {
		expected[p.String()] = true
	}
	first := map[period.Period]int{}
	for i, text := range marker.Cells {
		text = strings.TrimSpace(text)
		col := i + 1
		switch {
		case col == unitCol || text == "":
		case text == markerCode:
			cols.code = col
		case strings.HasPrefix(text, "#"):
		default:
			p, err := period.Parse(text)
			if err != nil || !expected[p.String()] {
				r.errorf(sheet, cellRef(col, marker.Num), "", letters.CodeOpeningColumn, letters.ProblemOpeningColumn(text))
				continue
			}
			if c, dup := first[p]; dup {
				r.errorf(sheet, cellRef(col, marker.Num), "", letters.CodeOpeningColumn,
					letters.ProblemOpeningColumnTwice(p.Label(), columnName(c)))
				continue
			}
			first[p] = col
			cols.periods = append(cols.periods, periodColumn{col: col, p: p})
		}
	}
	for _, row := range rows {
		if row.Num > marker.Num && row.Num <= marker.Num+headerSearch && cols.code > 0 &&
			strings.EqualFold(cellText(row, unitCol), letters.OpeningUnitCode) {
			cols.header = row.Num
			return cols, true
		}
	}
	r.errorf(sheet, "", "", letters.CodeOpeningHeader, letters.ProblemOpeningHeader())
	return cols, false
}

// checkRow says whether a data row is one to read: a unit of the form and an indicator of the
// table, not given before. A row without either code is skipped, with an error when it holds
// figures.
func (r *openingReader) checkRow(cols columns, row templates.CellRow, unit, code string, units map[string]Unit,
	names map[string]string, seen map[[2]string]int, formCode, table string) bool {
	switch _, known := units[unit]; {
	case unit == "" || code == "":
		if r.hasFigures(cols, row) {
			r.errorf(cols.sheet, cellRef(cols.unit, row.Num), "", letters.CodeOpeningNoKey, letters.ProblemOpeningNoKey())
		}
		return false
	case !known:
		r.errorf(cols.sheet, cellRef(cols.unit, row.Num), unit, letters.CodeOpeningUnit, letters.ProblemOpeningUnit(unit, formCode))
		return false
	}
	if _, known := names[code]; !known {
		r.errorf(cols.sheet, cellRef(cols.code, row.Num), code, letters.CodeOpeningCode, letters.ProblemOpeningIndicator(code, table))
		return false
	}
	if first, dup := seen[[2]string{unit, code}]; dup {
		r.errorf(cols.sheet, cellRef(cols.code, row.Num), code, letters.CodeOpeningDuplicate, letters.ProblemOpeningDuplicate(unit, code, first))
		return false
	}
	return true
}

func (r *openingReader) hasFigures(cols columns, row templates.CellRow) bool {
	for _, pc := range cols.periods {
		if cellText(row, pc.col) != "" {
			return true
		}
	}
	return false
}

// readRow reads one unit's figures of an indicator, period by period, as a unit's number of
// the table's period column is read.
func (r *openingReader) readRow(formCode string, plan sheetPlan, cols columns, row int, unit Unit, code, name string) (map[period.Period]float64, error) {
	out := map[period.Period]float64{}
	for _, pc := range cols.periods {
		if r.full() {
			break
		}
		field := letters.OpeningField(pc.p.Label(), code, name, unit.Name)
		v, ok, err := r.c.Value(cols.sheet, pc.col, row, code, field, plan.column)
		if err != nil {
			return nil, err
		}
		if !ok {
			r.counted()
			continue
		}
		if v == "" {
			continue
		}
		r.out.Figures = append(r.out.Figures, ledger.ImportedFigure{Form: formCode, Unit: unit.Code, Period: pc.p.String(),
			Table: plan.table.Key, Code: code, Column: plan.column.Key, Value: v})
		if !r.units[unit.Code] {
			r.units[unit.Code] = true
			r.out.Units = append(r.out.Units, unit.Code)
		}
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			out[pc.p] = x
		}
	}
	return out, nil
}

// counted notes a problem the workbook reader recorded, for the bound on problems.
func (r *openingReader) counted() {
	if r.problems++; r.full() {
		r.c.Errorf("", "", "", letters.CodeOpeningTooMany, "%s", letters.ProblemOpeningTooMany(maxProblems))
	}
}

// checkSubtotals requires, as in a unit's workbook, each subtotal to equal the sum of its
// indicators in every period where it has a figure and one of them has one too (a missing one
// counts as 0), for numbers that add up (not percentages).
func (r *openingReader) checkSubtotals(plan sheetPlan, cols columns, rows map[[2]string]int, values map[[2]string]map[period.Period]float64, units map[string]Unit) {
	if plan.column.Type == form.Percent {
		return
	}
	keys := make([][2]string, 0, len(rows))
	for key := range rows {
		keys = append(keys, key)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return rows[a] - rows[b] })
	for _, key := range keys {
		row := rows[key]
		ind, ok := indicator(plan.table, key[1])
		if !ok || len(ind.Children) == 0 {
			continue
		}
		for _, pc := range cols.periods {
			total, has := values[key][pc.p]
			sum, any := 0.0, false
			for _, child := range ind.Children {
				if v, ok := values[[2]string{key[0], child}][pc.p]; ok {
					sum, any = sum+v, true
				}
			}
			if !has || !any || math.Abs(total-sum) <= 1e-9*math.Max(1, math.Max(math.Abs(total), math.Abs(sum))) {
				continue
			}
			ref := cellRef(pc.col, row)
			field := letters.OpeningField(pc.p.Label(), ind.Code, ind.Name, units[key[0]].Name)
			r.errorf(cols.sheet, ref, ind.Code, letters.CodeOpeningSubtotal, letters.ProblemOpeningSubtotal(ref, field,
				consolidate.FormatNumber(total), ind.Children, consolidate.FormatNumber(sum)))
		}
	}
}

func indicator(t *form.IndicatorTable, code string) (form.Indicator, bool) {
	for _, ind := range t.Rows {
		if ind.Code == code {
			return ind, true
		}
	}
	return form.Indicator{}, false
}

// cellText is a row's trimmed text in column col (from 1).
func cellText(row templates.CellRow, col int) string {
	if col < 1 || col > len(row.Cells) {
		return ""
	}
	return strings.TrimSpace(row.Cells[col-1])
}
