package reportbook

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
)

// unitColumn says whether a list table shows the unit of each row.
type unitColumn bool

const (
	noUnit     unitColumn = false // a unit's own sheet
	unitByName unitColumn = true  // the summary: "Đơn vị"
)

const (
	widthUnitCode = 12.0
	dateLayout    = "2006-01-02" // dates in form.Filled
)

// columnWidth is the form's width for a column, or one that suits its type.
func columnWidth(c form.Column) float64 {
	if c.Width > 0 {
		return clampWidth(c.Width)
	}
	switch c.Type {
	case form.Date, form.Percent:
		return 12
	case form.Integer, form.Decimal, form.Phone:
		return 14
	case form.Choice:
		return 16
	case form.Email:
		return 26
	}
	return 30
}

// unitWidth is the width of the unit name column: the longest name, bounded.
func (wb *workbook) unitWidth() float64 { return wb.unitNameWidth }

// unitNameWidth computes unitWidth once per workbook.
func unitNameWidth(names map[string]string) float64 {
	w := 0
	for _, name := range names {
		w = max(w, utf8.RuneCountInString(name))
	}
	return min(40, max(16, float64(w+2)))
}

func (wb *workbook) listWidths(t consolidate.ListTable, units unitColumn) []float64 {
	w := []float64{widthNo}
	if units == unitByName {
		w = append(w, wb.unitWidth())
	}
	for _, c := range t.Columns {
		w = append(w, columnWidth(c))
	}
	return append(w, widthMark)
}

func listHeaders(t consolidate.ListTable, units unitColumn) []string {
	h := []string{hdrNo}
	if units == unitByName {
		h = append(h, hdrUnit)
	}
	for _, c := range t.Columns {
		h = append(h, c.Title)
	}
	return append(h, hdrCarried)
}

// writeListTable writes a list table: its title, header and the given rows of it, numbered
// from 1.
func (wb *workbook) writeListTable(sh *sheet, t consolidate.ListTable, rows []consolidate.ListRow, units unitColumn) error {
	if err := wb.writeTableHead(sh, t.Title, listHeaders(t, units)); err != nil {
		return err
	}
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = columnWidth(c)
	}
	unitW := wb.unitWidth()
	s := wb.st
	row := newRowBuffer(len(t.Columns) + 3)
	// A unit's name repeats on each of its rows, and so do most values of a column (a
	// status, a lead unit, a date): each column's last cell is kept with the height it
	// needs, rather than cleaned, parsed and measured again on every row.
	var unit, cells = make([]lastCell, 1), make([]lastCell, len(t.Columns))
	for i, r := range rows {
		var h rowHeight
		row.reset()
		row.add(excelize.Cell{StyleID: s.center, Value: i + 1})
		if units == unitByName {
			row.add(unit[0].cell(r.Unit, &h, func(v string, h *rowHeight) excelize.Cell {
				return wb.unitCell(v, unitW, h)
			}))
		}
		for j, c := range t.Columns {
			row.add(cells[j].cell(value(r, j), &h, func(v string, h *rowHeight) excelize.Cell {
				return wb.valueCell(c, v, widths[j], h)
			}))
		}
		mark := s.blank(s.center)
		if r.CarriedOver {
			mark.Value = markYes
		}
		row.add(mark)
		if err := sh.addTall(float64(h), row.values()...); err != nil {
			return err
		}
	}
	sh.skip()
	return nil
}

// lastCell is the cell last made of a value in a column, with the height it needs.
type lastCell struct {
	ok     bool
	value  string
	c      excelize.Cell
	height rowHeight
}

// cell returns the cell of v, made by build unless v is the last value, and grows h to the
// height it needs (heights combine by their maximum, so the value's own is kept).
func (l *lastCell) cell(v string, h *rowHeight, build func(string, *rowHeight) excelize.Cell) excelize.Cell {
	if !l.ok || l.value != v {
		var own rowHeight
		l.ok, l.value, l.c = true, v, build(v, &own)
		l.height = own
	}
	*h = max(*h, l.height)
	return l.c
}

// unitCell is a unit's name in a column of width w.
func (wb *workbook) unitCell(code string, w float64, h *rowHeight) excelize.Cell {
	name := wb.unitName(code)
	h.fit(name, w)
	return wb.st.safeText(name, wb.st.wrap)
}

// valueCell writes one value of a list row in its column's type: numbers as numbers, percent
// points as percentages, dates as dates; text, and anything that does not parse, as text.
func (wb *workbook) valueCell(c form.Column, v string, width float64, h *rowHeight) excelize.Cell {
	s := wb.st
	switch c.Type {
	case form.Integer, form.Decimal:
		if f, ok := parseNumber(v); ok {
			return s.number(f)
		}
	case form.Percent:
		if f, ok := parseNumber(v); ok {
			return s.percentPoints(f)
		}
	case form.Date:
		if d, err := time.Parse(dateLayout, v); err == nil && d.Year() >= 1900 {
			return excelize.Cell{StyleID: s.date, Value: d}
		}
	}
	if v == "" {
		return s.blank(s.text) // no value: the stream writer writes no string for it
	}
	if c.Type == form.Text && width >= wrapFrom {
		h.fit(v, width)
		return s.safeText(v, s.wrap)
	}
	return s.safeText(v, s.text)
}

// parseNumber reads a normalised number of form.Filled; infinities and NaN are not figures.
func parseNumber(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != f || f > 1e300 || f < -1e300 {
		return 0, false
	}
	return f, true
}

// value is the row's value in its table's column j.
func value(r consolidate.ListRow, j int) string {
	if j < len(r.Values) {
		return r.Values[j]
	}
	return ""
}
