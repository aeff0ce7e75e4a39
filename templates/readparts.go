package templates

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/vnenc"
)

// headerTitles lists a part's column titles for messages.
func headerTitles(p *part) string {
	var ts []string
	for _, h := range p.headers {
		ts = append(ts, "“"+h.title+"”")
	}
	return strings.Join(ts, ", ")
}

// readTable reads the rows below a table's header until the end of the sheet, skipping rows
// empty in all of the table's columns, at most MaxRows of them.
func (r *reader) readTable(p *part) error {
	t := p.table
	r.rep.Filled.Tables[t.Key] = []form.Row{}
	loc, ok, err := r.b.locate(p)
	if err != nil {
		return err
	}
	if !ok {
		r.errorf(p.sheet, "", t.Key, CodeMissingPart, msgMissingPart, p.sheet, headerTitles(p))
		return nil
	}
	r.checkColumns(loc, t.Columns)
	g, err := r.b.grid(loc.sheet)
	if err != nil {
		return err
	}
	limit := t.MaxRows
	if limit <= 0 {
		limit = form.DefaultMaxRows
	}
	var rows []form.Row
	if n := len(g.rows); n > 0 { // at most one a grid row: the table is allocated once
		rows = make([]form.Row, 0, min(n, limit+1))
	}
	for _, gr := range g.rows {
		if gr.num <= loc.header || rowEmpty(g, gr.num, loc, t.Columns) {
			continue
		}
		if err := r.b.stopped(); err != nil {
			return err
		}
		if len(rows) == limit {
			r.errorf(loc.sheet, cellName(1, gr.num), t.Key, CodeTooManyRows, msgTooManyRows, loc.sheet, viCount(limit), viCount(limit))
			break
		}
		rows = append(rows, r.readRow(g, gr.num, loc, t.Columns))
	}
	switch {
	case len(rows) == 0 && t.MinRows > 0:
		r.errorf(loc.sheet, "", t.Key, CodeMinRows, msgNoRows, loc.sheet, t.MinRows)
	case len(rows) < t.MinRows:
		r.errorf(loc.sheet, "", t.Key, CodeMinRows, msgMinRows, loc.sheet, len(rows), t.MinRows)
	}
	if len(rows) > 0 {
		r.rep.Filled.Tables[t.Key] = rows
	}
	return nil
}

// checkColumns reports the columns missing from a located header: an error when required.
func (r *reader) checkColumns(loc located, cols []form.Column) {
	for _, c := range cols {
		if _, ok := loc.cols[c.Key]; ok {
			continue
		}
		if c.Required {
			r.errorf(loc.sheet, "", c.Key, CodeMissingColumn, msgMissingColumn, loc.sheet, c.Title, loc.header)
		} else {
			r.warnf(loc.sheet, "", c.Key, CodeMissingColumn, msgMissingColumn, loc.sheet, c.Title, loc.header)
		}
	}
}

func rowEmpty(g *grid, row int, loc located, cols []form.Column) bool {
	for _, c := range cols {
		if col, ok := loc.cols[c.Key]; ok && strings.TrimFunc(g.cell(col, row), isSpace) != "" {
			return false
		}
	}
	return true
}

func (r *reader) readRow(g *grid, row int, loc located, cols []form.Column) form.Row {
	out := form.Row{Line: row, Values: map[string]string{}}
	for _, c := range cols {
		col, ok := loc.cols[c.Key]
		if !ok {
			continue
		}
		raw := g.cell(col, row)
		if strings.TrimFunc(raw, isSpace) == "" {
			if c.Required {
				r.cellVerdict(loc.sheet, col, row, c.Key, fmt.Sprintf(fieldColumn, c.Title), verdict{code: CodeRequired, msg: msgRequired})
			}
			continue
		}
		v := r.parse(c, g, col, row, raw)
		if v.code != "" || v.warnCode != "" { // the title is formatted only for a message
			r.cellVerdict(loc.sheet, col, row, c.Key, fmt.Sprintf(fieldColumn, c.Title), v)
		}
		if v.code == "" {
			out.Values[c.Key] = v.value
		}
	}
	return out
}

// readNarrative reads each section's text from the cell right of its title.
func (r *reader) readNarrative(f *form.Form) error {
	sheet, rows, titleCol, err := r.b.locateSections(f.Narrative)
	if err != nil {
		return err
	}
	var g *grid
	if sheet != "" {
		if g, err = r.b.grid(sheet); err != nil {
			return err
		}
	}
	for _, s := range f.Narrative {
		row, ok := rows[s.Key]
		if !ok {
			if s.Required {
				r.errorf(NarrativeSheet, "", s.Key, CodeMissingSection, msgMissingSection, s.Title, NarrativeSheet)
			} else {
				r.warnf(NarrativeSheet, "", s.Key, CodeMissingSection, msgMissingSection, s.Title, NarrativeSheet)
			}
			continue
		}
		ref := cellName(titleCol+1, row)
		text, enc := vnenc.Fix(cleanText(g.cell(titleCol+1, row)))
		r.legacy.note(sheet, ref, enc, text)
		switch n := utf8.RuneCountInString(text); {
		case text == "" && s.Required:
			r.errorf(sheet, ref, s.Key, CodeRequired, msgSectionEmpty, s.Title)
		case s.MaxLen > 0 && n > s.MaxLen:
			r.errorf(sheet, ref, s.Key, CodeTooLong, msgSectionTooLong, s.Title, viCount(n), viCount(s.MaxLen))
		case text != "":
			r.rep.Filled.Narrative[s.Key] = text
		}
	}
	return nil
}

// readHeader reads what the unit typed on the cover, right of the labels. These fields are for
// people, not for consolidation: a value that does not read is a warning, not an error.
func (r *reader) readHeader() error {
	name, ok := r.b.sheetNamed(CoverSheet)
	if !ok {
		return nil
	}
	g, err := r.b.grid(name)
	if err != nil {
		return err
	}
	for _, in := range coverInputs {
		col, row, ok := findLabel(g, in.label)
		if !ok || strings.TrimFunc(g.cell(col+1, row), isSpace) == "" {
			continue
		}
		v := r.parse(coverColumn(in.key, in.label, in.typ), g, col+1, row, g.cell(col+1, row))
		if v.code != "" {
			v = verdict{warnCode: CodeHeaderInvalid, warnTx: v.msg}
		} else {
			r.rep.Filled.Header[in.key] = v.value
		}
		r.cellVerdict(name, col+1, row, in.key, fmt.Sprintf(fieldCover, in.label), v)
	}
	return nil
}

// findLabel finds the first cell whose text is label.
func findLabel(g *grid, label string) (col, row int, ok bool) {
	want := norm2(label)
	for _, gr := range g.rows {
		for i, c := range gr.cells {
			if norm2(c) == want {
				return i + 1, gr.num, true
			}
		}
	}
	return 0, 0, false
}
