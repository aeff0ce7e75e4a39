package templates

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// defaultFreeRows is offered when a table sets no FreeRows; validationRows more rows below the
// formatted ones keep their validation, for units who type past them.
const (
	defaultFreeRows = 10
	validationRows  = 1000
)

func columnWidth(c form.Column) float64 {
	if c.Width > 0 {
		return c.Width
	}
	switch c.Type {
	case form.Date, form.Integer, form.Decimal:
		return 14
	case form.Percent:
		return 12
	case form.Choice:
		return 18
	case form.Email:
		return 26
	case form.Phone:
		return 16
	}
	return 30
}

// writeTable writes the formatted empty rows of a table, its numbering formulas, widths, panes and
// validations. Columns start at B; A holds STT.
func writeTable(x *excelize.File, st *styleSet, p *part, lists map[string]string) error {
	w := &sheetWriter{x: x, sheet: p.sheet}
	t := p.table
	free := t.FreeRows
	if free <= 0 {
		free = defaultFreeRows
	}
	first, last := HeaderRow+1, HeaderRow+free
	lastCol := len(t.Columns) + 1
	w.width(1, 6)
	w.style(1, first, 1, last, st.stt())
	for r := first; r <= last; r++ {
		// Numbers only rows with content, and keeps counting when rows are inserted.
		formula := fmt.Sprintf(`IF(COUNTA(B%d:%s%d)=0,"",MAX(A$%d:A%d)+1)`, r, colName(lastCol), r, HeaderRow, r-1)
		w.keep(x.SetCellFormula(p.sheet, cellName(1, r), formula))
	}
	for i, c := range t.Columns {
		col := i + 2
		w.width(col, columnWidth(c))
		w.style(col, first, col, last, st.input(c.Type, false))
		maxRow := last + validationRows
		if t.MaxRows > 0 {
			maxRow = min(maxRow, HeaderRow+t.MaxRows)
		}
		ref := fmt.Sprintf("%s%d:%s%d", colName(col), first, colName(col), max(maxRow, last))
		w.keep(addValidation(x, p.sheet, ref, c, lists[listKey(p, c.Key)]))
	}
	w.keep(x.SetPanes(p.sheet, &excelize.Panes{
		Freeze: true, YSplit: HeaderRow, TopLeftCell: cellName(1, first), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cellName(2, first), ActiveCell: cellName(2, first), Pane: "bottomLeft"}},
	}))
	return w.err
}

// writeIndicators writes the fixed indicator rows: code, name (indented under its subtotal, bold
// when it is one), unit locked; value cells unlocked and validated. The sheet is protected so
// units only type values.
func writeIndicators(x *excelize.File, st *styleSet, p *part, lists map[string]string) error {
	w := &sheetWriter{x: x, sheet: p.sheet}
	it := p.ind
	parent := map[string]bool{}
	child := map[string]bool{}
	for _, r := range it.Rows {
		for _, c := range r.Children {
			parent[r.Code] = true
			child[c] = true
		}
	}
	w.width(1, 8)
	w.width(2, 45)
	w.width(3, 12)
	for i, r := range it.Rows {
		row := HeaderRow + 1 + i
		indent := 0
		if child[r.Code] {
			indent = 2
		}
		name := r.Name
		if r.Required {
			name += requiredMark
		}
		w.str(1, row, r.Code, st.label(parent[r.Code], 0, true))
		w.str(2, row, name, st.label(parent[r.Code], indent, false))
		w.str(3, row, r.Unit, st.label(false, 0, true))
	}
	first, last := HeaderRow+1, HeaderRow+len(it.Rows)
	for i, c := range it.Columns {
		col := i + 4
		w.width(col, columnWidth(c))
		w.style(col, first, col, last, st.input(c.Type, true))
		ref := fmt.Sprintf("%s%d:%s%d", colName(col), first, colName(col), last)
		w.keep(addValidation(x, p.sheet, ref, c, lists[listKey(p, c.Key)]))
	}
	w.keep(x.SetPanes(p.sheet, &excelize.Panes{
		Freeze: true, XSplit: 3, YSplit: HeaderRow, TopLeftCell: cellName(4, first), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cellName(4, first), ActiveCell: cellName(4, first), Pane: "bottomRight"}},
	}))
	w.protect()
	return w.err
}

// writeNarrative writes one row per section: the title locked in A, the text unlocked in B.
func writeNarrative(x *excelize.File, st *styleSet, f *form.Form, p *part) error {
	w := &sheetWriter{x: x, sheet: p.sheet}
	w.width(1, 36)
	w.width(2, 100)
	for i, s := range f.Narrative {
		row := HeaderRow + 1 + i
		title := s.Title
		if s.Required {
			title += requiredMark
		}
		w.str(1, row, title, st.label(true, 0, false))
		w.str(2, row, "", st.input(form.Text, true))
		w.height(row, 120)
		if s.MaxLen > 0 {
			c := form.Column{Title: s.Title, Type: form.Text, MaxLen: min(s.MaxLen, maxCellChars)}
			w.keep(addValidation(x, p.sheet, cellName(2, row), c, ""))
		}
	}
	w.keep(x.SetPanes(p.sheet, &excelize.Panes{
		Freeze: true, YSplit: HeaderRow, TopLeftCell: cellName(1, HeaderRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "B5", ActiveCell: "B5", Pane: "bottomLeft"}},
	}))
	w.protect()
	return w.err
}

// maxCellChars is the most characters an Excel cell holds.
const maxCellChars = 32767
