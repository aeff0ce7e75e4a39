package templates

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/zipflate"
)

// Generate writes the workbook a unit fills for form f and the unit and period in m. prefill, when
// not nil, is written into it the way Fill does (for example last period's tasks to report on).
func Generate(w io.Writer, f form.Form, m Meta, prefill *form.Filled) error {
	if problems := f.Check(); len(problems) > 0 {
		return fmt.Errorf("generate %s: invalid form: %s", f.Code, strings.Join(problems, "; "))
	}
	x := excelize.NewFile()
	defer x.Close()
	if err := buildWorkbook(x, &f, m); err != nil {
		return fmt.Errorf("generate %s: %w", f.Code, err)
	}
	if prefill != nil {
		if err := fillFile(x, &f, *prefill); err != nil {
			return fmt.Errorf("generate %s: prefill: %w", f.Code, err)
		}
	}
	x.SetZipWriter(zipflate.Excelize)
	if err := x.Write(w); err != nil {
		return fmt.Errorf("generate %s: write: %w", f.Code, err)
	}
	return nil
}

func buildWorkbook(x *excelize.File, f *form.Form, m Meta) error {
	if err := x.SetDefaultFont("Times New Roman"); err != nil {
		return err
	}
	if err := x.SetSheetName("Sheet1", CoverSheet); err != nil {
		return err
	}
	st := newStyleSet(x)
	ps := parts(f)
	lists, err := writeCover(x, st, f, m, ps)
	if err != nil {
		return fmt.Errorf("cover: %w", err)
	}
	for i := range ps {
		if err := writePart(x, st, f, m, &ps[i], lists); err != nil {
			return fmt.Errorf("sheet %q: %w", ps[i].sheet, err)
		}
	}
	if err := writeIdentSheet(x, f, m); err != nil {
		return fmt.Errorf("identification: %w", err)
	}
	if st.err != nil {
		return st.err
	}
	x.SetActiveSheet(0)
	full := true
	if err := x.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return x.SetDocProps(&excelize.DocProperties{
		Title: f.Code + " — " + f.Title, Subject: m.PeriodLabel, Creator: "tonghop",
		Category: f.Code, Identifier: visibleIdent(f, m), Language: "vi-VN",
	})
}

func writePart(x *excelize.File, st *styleSet, f *form.Form, m Meta, p *part, lists map[string]string) error {
	if _, err := x.NewSheet(p.sheet); err != nil {
		return err
	}
	if err := writeHeading(x, st, f, m, p); err != nil {
		return err
	}
	switch p.kind {
	case kindTable:
		return writeTable(x, st, p, lists)
	case kindIndicators:
		return writeIndicators(x, st, p, lists)
	default:
		return writeNarrative(x, st, f, p)
	}
}

// writeHeading writes rows 1–3 of a part's sheet and its header row.
func writeHeading(x *excelize.File, st *styleSet, f *form.Form, m Meta, p *part) error {
	w := &sheetWriter{x: x, sheet: p.sheet}
	last := len(p.headers)
	w.str(1, 1, f.Code+" — "+strings.ToUpper(p.title), st.title())
	w.merge(1, 1, max(last, 2), 1)
	w.str(1, 2, fmt.Sprintf(sheetSubtitle, m.UnitName, m.PeriodLabel), st.subtitle())
	w.merge(1, 2, max(last, 2), 2)
	hint := map[partKind]string{kindTable: hintTable, kindIndicators: hintIndicators, kindNarrative: hintNarrative}[p.kind]
	w.str(1, 3, hint, st.hint())
	w.merge(1, 3, max(last, 2), 3)
	for i, h := range p.headers {
		title := h.title
		if h.required {
			title += requiredMark
		}
		w.str(i+1, HeaderRow, title, st.header())
	}
	w.height(1, 22)
	w.height(HeaderRow, 48)
	w.page(p.kind == kindTable || len(p.headers) > 6)
	w.printTitles(HeaderRow)
	return w.err
}

// writeIdentSheet writes the very hidden key/value identification sheet. Every value is a string
// cell so that no program turns "2026-11" into a date.
func writeIdentSheet(x *excelize.File, f *form.Form, m Meta) error {
	if _, err := x.NewSheet(IdentSheet); err != nil {
		return err
	}
	w := &sheetWriter{x: x, sheet: IdentSheet}
	pairs := identPairs(f, m)
	for i, kv := range pairs {
		w.str(1, i+1, kv[0], 0)
		w.str(2, i+1, kv[1], 0)
	}
	if w.err != nil {
		return w.err
	}
	if err := writeIdentNames(x, pairs); err != nil {
		return err
	}
	// Protected as well as hidden: Gnumeric saves very hidden sheets as visible ones.
	if err := x.ProtectSheet(IdentSheet, &excelize.SheetProtectionOptions{}); err != nil {
		return err
	}
	return x.SetSheetVisible(IdentSheet, false, true)
}

// writeIdentNames repeats the identification as workbook-level defined names holding constants:
// some programs drop a very hidden sheet but keep the names, and a constant does not turn into
// #REF! when the sheet goes.
func writeIdentNames(x *excelize.File, pairs [][2]string) error {
	for _, kv := range pairs {
		constant := `"` + strings.ReplaceAll(kv[1], `"`, `""`) + `"`
		if err := x.SetDefinedName(&excelize.DefinedName{Name: identNamePrefix + strings.ToUpper(kv[0]), RefersTo: constant}); err != nil {
			return fmt.Errorf("defined name %s: %w", kv[0], err)
		}
	}
	return nil
}

// identPairs is the identification a template carries, key by key: what the tag covers, the tag,
// then the ID of the key that made the tag (not covered by it: it only tells a template signed
// with another key from one altered; see Keys.check).
func identPairs(f *form.Form, m Meta) [][2]string {
	return [][2]string{
		{identKeyForm, f.Code}, {identKeyVersion, strconv.Itoa(f.Version)},
		{identKeyUnit, m.UnitCode}, {identKeyPeriod, m.Period},
		{identKeyTag, IdentTag(m.Secret, f.Code, f.Version, m.UnitCode, m.Period)},
		{identKeyKeyID, KeyID(m.Secret)},
	}
}

// Keys of the identification sheet.
const (
	identKeyForm    = "form"
	identKeyVersion = "version"
	identKeyUnit    = "unit"
	identKeyPeriod  = "period"
	identKeyTag     = "tag"
	identKeyKeyID   = "key"
	// identNamePrefix starts the defined names repeating the identification: TONGHOP_FORM, …
	identNamePrefix = "TONGHOP_"
)

// visibleIdent is the identification line printed on the cover: "TONGHOP|code|version|unit|period".
func visibleIdent(f *form.Form, m Meta) string {
	return strings.Join([]string{IdentPrefix, f.Code, strconv.Itoa(f.Version), m.UnitCode, m.Period}, "|")
}

// sheetWriter writes cells of one sheet, keeping the first error so callers check once.
type sheetWriter struct {
	x     *excelize.File
	sheet string
	err   error
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

func (w *sheetWriter) keep(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

func (w *sheetWriter) str(col, row int, v string, style int) {
	if v != "" {
		w.keep(w.x.SetCellStr(w.sheet, cellName(col, row), v))
	}
	if style != 0 {
		w.style(col, row, col, row, style)
	}
}

func (w *sheetWriter) style(c1, r1, c2, r2, style int) {
	w.keep(w.x.SetCellStyle(w.sheet, cellName(c1, r1), cellName(c2, r2), style))
}

func (w *sheetWriter) merge(c1, r1, c2, r2 int) {
	if c1 != c2 || r1 != r2 {
		w.keep(w.x.MergeCell(w.sheet, cellName(c1, r1), cellName(c2, r2)))
	}
}

func (w *sheetWriter) width(col int, width float64) {
	w.keep(w.x.SetColWidth(w.sheet, colName(col), colName(col), width))
}

func (w *sheetWriter) height(row int, height float64) {
	w.keep(w.x.SetRowHeight(w.sheet, row, height))
}

// printTitles repeats the header row at the top of every printed page.
func (w *sheetWriter) printTitles(row int) {
	w.keep(w.x.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: w.sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(w.sheet, "'", "''"), row, row),
	}))
}

// page prints the sheet on A4, one page wide: government offices print these.
func (w *sheetWriter) page(landscape bool) {
	size, orient, wide, tall, fit := 9, "portrait", 1, 0, true
	if landscape {
		orient = "landscape"
	}
	w.keep(w.x.SetPageLayout(w.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	w.keep(w.x.SetSheetProps(w.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
}

func (w *sheetWriter) protect() {
	w.keep(w.x.ProtectSheet(w.sheet, &excelize.SheetProtectionOptions{
		FormatColumns: true, FormatRows: true, SelectLockedCells: true, SelectUnlockedCells: true,
	}))
}
