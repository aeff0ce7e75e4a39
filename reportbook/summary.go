package reportbook

import (
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/consolidate"
)

// Widths of the indicator columns, in characters.
const (
	widthCode    = 8.0
	widthName    = 40.0
	widthMeasure = 12.0
	widthFigure  = 14.0
	widthPercent = 12.0
	widthCount   = 10.0
	widthNote    = 28.0
	widthNo      = 6.0
	widthMark    = 10.0
)

// titleLine is one line of a sheet's title block.
type titleLine struct {
	text  string
	style int
}

// summaryTitle is the title block of the summary sheet: office, desk, title, form and
// period, draft or approvals, time of building; then an empty row.
func (wb *workbook) summaryTitle() []titleLine {
	s := wb.st
	var lines []titleLine
	for _, t := range []string{wb.meta.Office, wb.meta.Desk} {
		if strings.TrimSpace(t) != "" {
			lines = append(lines, titleLine{t, s.bold})
		}
	}
	lines = append(lines,
		titleLine{reportTitle(wb.book.Form.Title), s.title},
		titleLine{formLine(wb.book.Form.Code, wb.meta.PeriodLabel), s.sub})
	for _, l := range wb.stateLines() {
		lines = append(lines, titleLine{l, s.subBold})
	}
	if !wb.meta.BuiltAt.IsZero() {
		lines = append(lines, titleLine{builtLine(wb.meta.BuiltAt, wb.loc), s.subItalic})
	}
	return lines
}

// writeTitle writes a title block and the empty row under it.
func (wb *workbook) writeTitle(sh *sheet, lines []titleLine) error {
	for _, l := range lines {
		if err := sh.addSpanning(wb.st.safeText(l.text, l.style)); err != nil {
			return err
		}
	}
	sh.skip()
	return nil
}

// writeSummary writes the "Tổng hợp" sheet: title, indicator tables, list tables, the units
// missing and the clerk's warnings.
func (wb *workbook) writeSummary() error {
	b := wb.book
	title := wb.summaryTitle()
	var widths []float64
	for _, t := range b.Summary {
		widths = widen(widths, summaryWidths(withLastYearYTD(t)))
	}
	for _, t := range b.Lists {
		widths = widen(widths, wb.listWidths(t, unitByName))
	}
	if len(widths) == 0 { // a form of narrative only
		widths = []float64{widthText}
	}
	lay := sheetLayout{widths: widths}
	if len(b.Summary)+len(b.Lists) == 1 {
		lay.headerRow = len(title) + 3 // empty row, table title, header
	}
	sh, err := wb.newSheet(sheetSummary, lay)
	if err != nil {
		return err
	}
	if err := wb.writeTitle(sh, title); err != nil {
		return err
	}
	for _, t := range b.Summary {
		if err := wb.writeSummaryTable(sh, t); err != nil {
			return err
		}
	}
	for _, t := range b.Lists {
		if err := wb.writeListTable(sh, t, t.Rows, unitByName); err != nil {
			return err
		}
	}
	if err := wb.writeNotes(sh); err != nil {
		return err
	}
	return sh.flush()
}

func withLastYearYTD(t consolidate.SummaryTable) bool {
	for _, r := range t.Rows {
		if r.LastYearYTD.OK {
			return true
		}
	}
	return false
}

func summaryHeaders(lastYearYTD bool) []string {
	h := []string{hdrCode, hdrIndicator, hdrMeasure, hdrPlan, hdrPeriod, hdrYTD, hdrLastYear}
	if lastYearYTD {
		h = append(h, hdrLastYearYTD)
	}
	return append(h, hdrPctPlan, hdrPctLastYear, hdrReported, hdrNote)
}

func summaryWidths(lastYearYTD bool) []float64 {
	w := []float64{widthCode, widthName, widthMeasure, widthFigure, widthFigure, widthFigure, widthFigure}
	if lastYearYTD {
		w = append(w, widthFigure)
	}
	return append(w, widthPercent, widthPercent, widthCount, widthNote)
}

// writeSummaryTable writes one indicator table aggregated across units.
func (wb *workbook) writeSummaryTable(sh *sheet, t consolidate.SummaryTable) error {
	lyYTD := withLastYearYTD(t)
	if err := wb.writeTableHead(sh, t.Title, summaryHeaders(lyYTD)); err != nil {
		return err
	}
	s := wb.st
	for _, r := range t.Rows {
		var h rowHeight
		h.fit(r.Name, widthName)
		cells := []any{s.safeText(r.Code, s.center), s.safeText(r.Name, wb.nameStyle(r.Code)),
			s.safeText(r.Measure, s.center),
			wb.figure(r.Plan), wb.figure(r.Period), wb.figure(r.YTD), wb.figure(r.LastYear)}
		if lyYTD {
			cells = append(cells, wb.figure(r.LastYearYTD))
		}
		note := summaryNote(r, wb.meta.Groups)
		h.fit(note, widthNote)
		cells = append(cells, wb.percent(r.PctPlan), wb.percent(r.PctLastYear),
			excelize.Cell{StyleID: s.integer, Value: r.Reported}, s.safeText(note, s.wrap))
		if err := sh.addTall(float64(h), cells...); err != nil {
			return err
		}
	}
	for _, note := range wb.basisNotes(t) {
		if err := sh.addSpanning(s.safeText(note, s.noteItalic)); err != nil {
			return err
		}
	}
	sh.skip()
	return nil
}

// summaryNote explains a row: the units a row limited to groups counts, a rule other than the
// sum, a subtotal that does not add up.
func summaryNote(r consolidate.SummaryRow, groups map[string]string) string {
	var notes []string
	if len(r.Groups) > 0 {
		notes = append(notes, groupsNote(len(r.Counted), r.Expected, groupNames(r.Groups, groups)))
	}
	if n := aggregateNote(r.Aggregate); n != "" {
		notes = append(notes, n)
	}
	if !r.SubtotalOK {
		notes = append(notes, noteSubtotal)
	}
	return strings.Join(notes, "; ")
}

// nameStyle indents the names of sub-indicators ("1.1") under their parent ("1").
func (wb *workbook) nameStyle(code string) int {
	if strings.Contains(code, ".") {
		return wb.st.indent
	}
	return wb.st.wrap
}

// writeTableHead writes a table's title row and its header row.
func (wb *workbook) writeTableHead(sh *sheet, title string, headers []string) error {
	if err := sh.add(wb.st.safeText(title, wb.st.bold)); err != nil {
		return err
	}
	return wb.writeHeader(sh, headers)
}

// writeHeader writes a header row, as tall as its longest title needs in its column (bold
// text runs about a tenth wider than the estimate).
func (wb *workbook) writeHeader(sh *sheet, headers []string) error {
	cells := make([]any, len(headers))
	var h rowHeight
	for i, t := range headers {
		cells[i] = wb.st.safeText(t, wb.st.header)
		if i < len(sh.widths) {
			h.fit(t, sh.widths[i]*0.9)
		}
	}
	return sh.addTall(float64(h), cells...)
}

// figure is a number cell; blank when the figure is absent.
func (wb *workbook) figure(v consolidate.Value) excelize.Cell {
	if !v.OK || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return wb.st.blank(wb.st.integer)
	}
	return wb.st.number(v.V)
}

// percent is a percentage cell for a value in percent points; blank when absent.
func (wb *workbook) percent(v consolidate.Value) excelize.Cell {
	if !v.OK || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return wb.st.blank(wb.st.percent)
	}
	return wb.st.percentPoints(v.V)
}

// writeNotes writes, under the tables, the units without figures and the warnings.
func (wb *workbook) writeNotes(sh *sheet) error {
	s := wb.st
	if len(wb.book.Missing) > 0 {
		for _, line := range wb.missingLines() {
			if err := sh.addSpanning(s.safeText(line, s.noteItalic)); err != nil {
				return err
			}
		}
		sh.skip()
	}
	if len(wb.book.Warnings) == 0 {
		return nil
	}
	if err := sh.add(s.safeText(noteWarnings, s.bold)); err != nil {
		return err
	}
	for _, w := range wb.book.Warnings {
		name := ""
		if w.Unit != "" {
			name = wb.unitName(w.Unit)
		}
		if err := sh.addSpanning(s.safeText(warningLine(name, w.Message), s.note)); err != nil {
			return err
		}
	}
	return nil
}

// widen returns the larger of each column's widths.
func widen(a, b []float64) []float64 {
	out := make([]float64, max(len(a), len(b)))
	for i := range out {
		if i < len(a) {
			out[i] = a[i]
		}
		if i < len(b) {
			out[i] = max(out[i], b[i])
		}
	}
	return out
}

// missingLines lists the units without figures: those that sent nothing, then, apart, those
// whose file waits for the leader supervising them, by where it stands (issue 19, part V).
func (wb *workbook) missingLines() []string {
	var none []string
	waiting := map[string][]string{}
	var order []string
	for _, u := range wb.book.Missing {
		if u.Waiting == "" {
			none = append(none, wb.unitName(u.Code))
			continue
		}
		if _, seen := waiting[u.Waiting]; !seen {
			order = append(order, u.Waiting)
		}
		waiting[u.Waiting] = append(waiting[u.Waiting], wb.unitName(u.Code))
	}
	var out []string
	if len(none) > 0 {
		out = append(out, missingLine(none))
	}
	for _, why := range order {
		out = append(out, waitingLine(why, waiting[why]))
	}
	return out
}
