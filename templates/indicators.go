package templates

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/form"
)

// periodColumn is the key of the "this period" value column that required indicators must fill.
const periodColumn = "period"

// indicatorRows maps each indicator of it found below the header to its row, by code, else by
// name (a unit may clear a code cell, a converter may turn "1.1" into a number).
func indicatorRows(g *grid, loc located, it *form.IndicatorTable) map[string]int {
	codeCol, nameCol := loc.cols[keyCode], loc.cols[keyName]
	byCode, byName := map[string]string{}, map[string]string{}
	for _, ind := range it.Rows {
		byCode[strings.TrimSpace(ind.Code)] = ind.Code
		byName[norm2(ind.Name)] = ind.Code
	}
	found := map[string]int{}
	for _, gr := range g.rows {
		if gr.num <= loc.header {
			continue
		}
		code, ok := "", false
		if codeCol > 0 {
			code, ok = byCode[strings.TrimSpace(g.cell(codeCol, gr.num))]
		}
		if !ok && nameCol > 0 {
			code, ok = byName[norm2(g.cell(nameCol, gr.num))]
		}
		if _, dup := found[code]; ok && !dup {
			found[code] = gr.num
		}
	}
	return found
}

// requiredColumn is the value column required indicators must fill: "period", else the first.
func requiredColumn(it *form.IndicatorTable) string {
	for _, c := range it.Columns {
		if c.Key == periodColumn {
			return c.Key
		}
	}
	if len(it.Columns) > 0 {
		return it.Columns[0].Key
	}
	return ""
}

// readIndicators reads the value cells of every indicator row, then checks subtotals.
func (r *reader) readIndicators(p *part) error {
	it := p.ind
	values := map[string]map[string]string{}
	r.rep.Filled.Indicators[it.Key] = values
	loc, ok, err := r.b.locate(p)
	if err != nil {
		return err
	}
	if !ok {
		r.errorf(p.sheet, "", it.Key, CodeMissingPart, msgMissingPart, p.sheet, headerTitles(p))
		return nil
	}
	g, err := r.b.grid(loc.sheet)
	if err != nil {
		return err
	}
	reqCol := requiredColumn(it)
	r.checkIndicatorColumns(loc, it, reqCol)
	rows := indicatorRows(g, loc, it)
	invalid := map[string]bool{} // code/column of values refused, so subtotals skip them
	for _, ind := range it.Rows {
		row, ok := rows[ind.Code]
		if !ok {
			r.errorf(loc.sheet, "", ind.Code, CodeMissingIndicator, msgMissingInd, loc.sheet, ind.Code, ind.Name)
			continue
		}
		if vals := r.readIndicatorRow(g, loc, it, ind, row, reqCol, invalid); len(vals) > 0 {
			values[ind.Code] = vals
		}
	}
	r.checkSubtotals(loc, it, rows, values, invalid)
	return nil
}

// readIndicatorRow reads the value cells of one indicator, marking refused ones in invalid.
func (r *reader) readIndicatorRow(g *grid, loc located, it *form.IndicatorTable, ind form.Indicator, row int, reqCol string, invalid map[string]bool) map[string]string {
	vals := map[string]string{}
	for _, c := range it.Columns {
		col, ok := loc.cols[c.Key]
		if !ok {
			continue
		}
		title := fmt.Sprintf(msgIndicatorField, c.Title, ind.Code, ind.Name)
		raw := g.cell(col, row)
		if strings.TrimFunc(raw, isSpace) == "" {
			if ind.Required && c.Key == reqCol {
				r.cellVerdict(loc.sheet, col, row, ind.Code, title, verdict{code: CodeRequired, msg: msgRequired})
			}
			continue
		}
		v := r.parse(c, g, col, row, raw)
		r.cellVerdict(loc.sheet, col, row, ind.Code, title, v)
		if v.code == "" {
			vals[c.Key] = v.value
		} else {
			invalid[ind.Code+"/"+c.Key] = true
		}
	}
	return vals
}

func (r *reader) checkIndicatorColumns(loc located, it *form.IndicatorTable, reqCol string) {
	anyRequired := false
	for _, ind := range it.Rows {
		anyRequired = anyRequired || ind.Required
	}
	for _, c := range it.Columns {
		if _, ok := loc.cols[c.Key]; ok {
			continue
		}
		if c.Key == reqCol && anyRequired {
			r.errorf(loc.sheet, "", c.Key, CodeMissingColumn, msgMissingColumn, loc.sheet, c.Title, loc.header)
		} else {
			r.warnf(loc.sheet, "", c.Key, CodeMissingColumn, msgMissingColumn, loc.sheet, c.Title, loc.header)
		}
	}
}

// checkSubtotals requires each indicator with children to equal their sum, in every integer or
// decimal column where it has a value and a child has one too (a missing child counts as 0).
// Percent columns are ratios, not sums, and are not checked.
func (r *reader) checkSubtotals(loc located, it *form.IndicatorTable, rows map[string]int, values map[string]map[string]string, invalid map[string]bool) {
	for _, ind := range it.Rows {
		if len(ind.Children) == 0 {
			continue
		}
		for _, c := range it.Columns {
			if c.Type != form.Integer && c.Type != form.Decimal {
				continue
			}
			total, any, ok := childSum(ind.Children, c.Key, values, invalid)
			parentText, has := values[ind.Code][c.Key]
			if !ok || !any || !has {
				continue
			}
			parent, _ := strconv.ParseFloat(parentText, 64)
			if math.Abs(parent-total) <= 1e-9*math.Max(1, math.Max(math.Abs(parent), math.Abs(total))) {
				continue
			}
			col, row := loc.cols[c.Key], rows[ind.Code]
			title := fmt.Sprintf(msgIndicatorField, c.Title, ind.Code, ind.Name)
			v := bad(CodeSubtotalMismatch, msgSubtotal, viNumber(parent), strings.Join(ind.Children, ", "), viNumber(roundExcel(total)))
			r.cellVerdict(loc.sheet, col, row, ind.Code, title, v)
		}
	}
}

// childSum adds the children's values of one column; ok is false when a child's value was
// refused (already reported), any is true when at least one child has a value.
func childSum(children []string, col string, values map[string]map[string]string, invalid map[string]bool) (total float64, any, ok bool) {
	for _, ch := range children {
		if invalid[ch+"/"+col] {
			return 0, false, false
		}
		s, has := values[ch][col]
		if !has {
			continue
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, false, false
		}
		total += v
		any = true
	}
	return total, any, true
}
