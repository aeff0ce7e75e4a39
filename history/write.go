package history

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/templates"
)

// WriteOpening writes the opening-figures workbook of b: the cover with the instructions,
// one sheet per indicator table with a row per unit and indicator and a column per period,
// and the identification signed with secret, the office's template key.
func WriteOpening(w io.Writer, b Book, secret []byte) error {
	if err := b.Current.Valid(); err != nil {
		return fmt.Errorf("opening workbook: %w", err)
	}
	if !b.Form.Period.Has(string(b.Current.Kind)) {
		return fmt.Errorf("opening workbook: period %s is a %s, form %s is reported by %s", b.Current, b.Current.Kind, b.Form.Code, b.Form.Period)
	}
	plans := sheetPlans(&b.Form)
	if len(plans) == 0 {
		return fmt.Errorf("opening workbook: form %s has no figures to bring in (no indicator table with a number column)", b.Form.Code)
	}
	if len(b.Units) == 0 {
		return errors.New("opening workbook: no unit reports on the form")
	}
	x := excelize.NewFile()
	defer x.Close()
	sw := &sheetWriter{x: x}
	st := newStyles(sw)
	texts := openingTexts(b, plans)
	sw.keep(x.SetSheetName("Sheet1", letters.OpeningCoverSheet))
	writeCover(sw, st, texts)
	for _, p := range plans {
		writeTableSheet(sw, st, b, p, texts)
	}
	writeIdent(sw, b, secret)
	if sw.err != nil {
		return fmt.Errorf("opening workbook: %w", sw.err)
	}
	x.SetZipWriter(zipflate.Excelize)
	if err := x.Write(w); err != nil {
		return fmt.Errorf("opening workbook: %w", err)
	}
	return nil
}

// openingTexts are the values the workbook's Vietnamese texts name.
func openingTexts(b Book, plans []sheetPlan) letters.Opening {
	ps := b.Periods()
	o := letters.Opening{Office: b.Office, FormCode: b.Form.Code, FormTitle: b.Form.Title, FormVersion: b.Form.Version,
		Column: plans[0].column.Title, From: ps[0].Label(), To: ps[len(ps)-1].Label(), Current: b.Current.Label()}
	for _, p := range plans {
		o.Sheets = append(o.Sheets, p.name)
	}
	return o
}

// writeCover writes the instructions sheet.
func writeCover(sw *sheetWriter, st styles, o letters.Opening) {
	s := letters.OpeningCoverSheet
	sw.width(s, 1, 30)
	sw.width(s, 2, 70)
	sw.set(s, 1, 1, o.Office, st.bold)
	sw.set(s, 1, 3, letters.OpeningTitle, st.title)
	row := 5
	facts, steps := letters.OpeningCover(o)
	for _, f := range facts {
		sw.set(s, 1, row, f[0], st.bold)
		sw.set(s, 2, row, f[1], st.wrap)
		row++
	}
	row++
	for i, step := range steps {
		sw.set(s, 1, row, strconv.Itoa(i+1)+". "+step, st.wrap)
		sw.keep(sw.x.MergeCell(s, cell(1, row), cell(2, row)))
		sw.keep(sw.x.SetRowHeight(s, row, 15*float64(1+len([]rune(step))/90)))
		row++
	}
}

// writeTableSheet writes one indicator table's sheet: the hidden row naming each column, the
// title, the header and a row per unit and indicator, the figures left to fill.
func writeTableSheet(sw *sheetWriter, st styles, b Book, p sheetPlan, o letters.Opening) {
	s := p.name
	_, err := sw.x.NewSheet(s)
	sw.keep(err)
	ps := b.Periods()
	sw.set(s, colUnitCode, markerRow, markerPrefix+p.table.Key, 0)
	sw.set(s, colCode, markerRow, markerCode, 0)
	for i, q := range ps {
		sw.set(s, firstPeriodCol+i, markerRow, q.String(), 0)
	}
	sw.keep(sw.x.SetRowVisible(s, markerRow, false))
	sw.set(s, 1, titleRow, letters.OpeningSheetTitle(p.table.Title), st.title)
	sw.set(s, 1, hintRow, letters.OpeningSheetHint(o), st.italic)
	headers := []string{letters.OpeningUnitCode, letters.OpeningUnit, letters.OpeningCode, letters.OpeningIndicator, letters.OpeningMeasure}
	for i, h := range headers {
		sw.set(s, i+1, headerRow, h, st.header)
	}
	for i, q := range ps {
		sw.set(s, firstPeriodCol+i, headerRow, q.Label(), st.header)
	}
	sw.keep(sw.x.SetRowHeight(s, headerRow, 45))
	for i, w := range []float64{12, 30, 8, 40, 12} {
		sw.width(s, i+1, w)
	}
	last := firstPeriodCol + len(ps) - 1
	sw.keep(sw.x.SetColWidth(s, columnName(firstPeriodCol), columnName(last), 13))
	row := firstDataRow
	for _, u := range b.Units {
		for _, ind := range p.table.Rows {
			for c, v := range []string{u.Code, u.Name, ind.Code, ind.Name, ind.Unit} {
				sw.set(s, c+1, row, v, st.fixed)
			}
			row++
		}
	}
	if row > firstDataRow {
		sw.keep(sw.x.SetCellStyle(s, cell(firstPeriodCol, firstDataRow), cell(last, row-1), st.input))
	}
	sw.keep(sw.x.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: firstPeriodCol - 1, YSplit: headerRow,
		TopLeftCell: cell(firstPeriodCol, firstDataRow), ActivePane: "bottomRight"}))
}

// writeIdent writes the very hidden identification sheet, every value a string.
func writeIdent(sw *sheetWriter, b Book, secret []byte) {
	s := templates.IdentSheet
	_, err := sw.x.NewSheet(s)
	sw.keep(err)
	for i, kv := range identPairs(b, secret) {
		sw.set(s, 1, i+1, kv[0], 0)
		sw.set(s, 2, i+1, kv[1], 0)
	}
	sw.keep(sw.x.ProtectSheet(s, &excelize.SheetProtectionOptions{}))
	sw.keep(sw.x.SetSheetVisible(s, false, true))
}

// identPairs is the identification of b's workbook, the tag last.
func identPairs(b Book, secret []byte) [][2]string {
	code, version, current := openingPrefix+b.Form.Code, b.Form.Version, b.Current.String()
	return [][2]string{
		{identKind, kindOpening}, {identForm, code}, {identVersion, strconv.Itoa(version)},
		{identPeriod, current}, {identTag, templates.IdentTag(secret, code, version, "", current)},
	}
}

// sheetWriter writes cells, keeping the first error so callers check once.
type sheetWriter struct {
	x   *excelize.File
	err error
}

func (w *sheetWriter) keep(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

// set writes a string cell (never a number: "1.1" and "2026-01" stay text) with a style.
func (w *sheetWriter) set(sheet string, col, row int, v string, style int) {
	ref := cell(col, row)
	w.keep(w.x.SetCellStr(sheet, ref, v))
	if style != 0 {
		w.keep(w.x.SetCellStyle(sheet, ref, ref, style))
	}
}

func (w *sheetWriter) width(sheet string, col int, width float64) {
	name := columnName(col)
	w.keep(w.x.SetColWidth(sheet, name, name, width))
}

func cell(col, row int) string { return templates.CellName(col, row) }

func columnName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// styles of the workbook.
type styles struct {
	bold, title, italic, wrap, header, fixed, input int
}

func newStyles(sw *sheetWriter) styles {
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Bold: bold, Italic: italic, Size: size}
	}
	border := []excelize.Border{{Type: "left", Style: 1, Color: "999999"}, {Type: "right", Style: 1, Color: "999999"},
		{Type: "top", Style: 1, Color: "999999"}, {Type: "bottom", Style: 1, Color: "999999"}}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	mk := func(s excelize.Style) int {
		id, err := sw.x.NewStyle(&s)
		sw.keep(err)
		return id
	}
	return styles{
		bold:   mk(excelize.Style{Font: font(true, false, 12)}),
		title:  mk(excelize.Style{Font: font(true, false, 14)}),
		italic: mk(excelize.Style{Font: font(false, true, 11)}),
		wrap:   mk(excelize.Style{Font: font(false, false, 12), Alignment: wrap}),
		header: mk(excelize.Style{Font: font(true, false, 11), Border: border,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}}}),
		fixed: mk(excelize.Style{Font: font(false, false, 11), Border: border, Alignment: wrap,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}),
		input: mk(excelize.Style{Font: font(false, false, 11), Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF9E5"}}}),
	}
}
