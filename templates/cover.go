package templates

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/status"
)

// coverInputs are the cover fields the unit fills, by form.Filled.Header key, with their types.
var coverInputs = []struct {
	key, label string
	typ        form.ColumnType
}{
	{HeaderPreparer, coverPreparer, form.Text}, {HeaderPhone, coverPhone, form.Phone},
	{HeaderEmail, coverEmail, form.Email}, {HeaderDate, coverDate, form.Date},
	{HeaderSigner, coverSigner, form.Text},
}

// coverColumn is the column a cover field is read and written as.
func coverColumn(key, label string, typ form.ColumnType) form.Column {
	return form.Column{Key: key, Title: label, Type: typ, MaxLen: 200}
}

// writeCover writes the "Hướng dẫn" sheet and returns the defined names of the choice lists it
// holds, keyed by listKey(part, column).
func writeCover(x *excelize.File, st *styleSet, f *form.Form, m Meta, ps []part) (map[string]string, error) {
	w := &sheetWriter{x: x, sheet: CoverSheet}
	w.width(1, 26)
	w.width(2, 62)
	w.page(false)
	row := 1
	w.str(1, row, strings.ToUpper(m.Office), st.heading())
	w.merge(1, row, 2, row)
	row += 2
	w.str(1, row, strings.ToUpper(f.Title), st.title())
	w.merge(1, row, 2, row)
	w.height(row, 24)
	row += 2
	unit := m.UnitName
	if m.UnitCode != "" {
		unit = strings.TrimSpace(unit + " (" + m.UnitCode + ")")
	}
	deadline := ""
	if !m.Deadline.IsZero() {
		// The one rendering of a deadline, as the letters write it: a deadline at midnight is
		// "trong ngày" of the day before.
		deadline = status.FormatDeadline(m.Deadline)
	}
	code := f.Code
	if f.Version > 1 {
		code = fmt.Sprintf(coverRevision, f.Code, f.Version-1)
	}
	for _, kv := range [][2]string{
		{coverForm, code},
		{coverUnit, unit}, {coverPeriod, m.PeriodLabel}, {coverDeadline, deadline}, {coverReplyTo, m.ReplyTo},
	} {
		w.str(1, row, kv[0], st.bold())
		w.str(2, row, kv[1], st.wrap())
		row++
	}
	row++
	w.str(1, row, coverFillIn, st.heading())
	w.merge(1, row, 2, row)
	row++
	for _, in := range coverInputs {
		w.str(1, row, in.label, st.bold())
		w.str(2, row, "", st.input(in.typ, true))
		if in.typ != form.Text {
			w.keep(addValidation(x, CoverSheet, cellName(2, row), coverColumn(in.key, in.label, in.typ), ""))
		}
		row++
	}
	row = writeSteps(w, st, ps, row+1)
	lists, row := writeChoiceLists(w, st, ps, row+1)
	w.str(1, row+1, coverIdent, st.muted())
	w.str(2, row+1, visibleIdent(f, m), st.muted())
	w.protect()
	return lists, w.err
}

func writeSteps(w *sheetWriter, st *styleSet, ps []part, row int) int {
	w.str(1, row, coverHowTo, st.heading())
	row++
	var names []string
	for _, p := range ps {
		names = append(names, "“"+p.sheet+"”")
	}
	for i, step := range coverSteps {
		if i == 0 {
			step = fmt.Sprintf(step, strings.Join(names, ", "))
		}
		w.str(1, row, step, st.wrap())
		w.merge(1, row, 2, row)
		w.height(row, 15*float64(1+len([]rune(step))/95))
		row++
	}
	return row
}

// writeChoiceLists prints the values of every choice column, one per row in column B, and names
// each range so data validation can refer to it: an inline list cannot hold values with commas
// ("Bộ, ngành") nor more than 255 characters.
func writeChoiceLists(w *sheetWriter, st *styleSet, ps []part, row int) (map[string]string, int) {
	lists := map[string]string{}
	first := true
	for _, p := range ps {
		for _, c := range partColumns(&p) {
			if c.Type != form.Choice || len(c.Choices) == 0 {
				continue
			}
			if first {
				w.str(1, row, coverChoices, st.heading())
				row++
				first = false
			}
			w.str(1, row, fmt.Sprintf(coverChoiceFor, c.Title, p.sheet), st.wrap())
			start := row
			for _, v := range c.Choices {
				w.str(2, row, v, st.wrap())
				row++
			}
			name := "DM_" + p.key + "_" + c.Key
			ref := fmt.Sprintf("'%s'!$B$%d:$B$%d", CoverSheet, start, row-1)
			w.keep(w.x.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: ref}))
			lists[listKey(&p, c.Key)] = name
			row++
		}
	}
	return lists, row
}

func listKey(p *part, col string) string { return p.key + "/" + col }

// partColumns returns the typed columns of a table or indicator part.
func partColumns(p *part) []form.Column {
	switch {
	case p.table != nil:
		return p.table.Columns
	case p.ind != nil:
		return p.ind.Columns
	}
	return nil
}
