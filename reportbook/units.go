package reportbook

import (
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/status"
)

// writeUnits writes the per-unit details: a sheet per expected unit, or one long sheet past
// UnitSheetLimit units.
func (wb *workbook) writeUnits() error {
	if len(wb.status.Units) > UnitSheetLimit {
		return wb.writeUnitsLong()
	}
	namer := newSheetNamer(sheetSummary, sheetNarrative, sheetStatus, sheetProvenance, sheetUnits)
	rows := wb.rowsByUnit()
	lay := sheetLayout{widths: unitIndicatorWidths(false)}
	for _, t := range wb.book.Lists {
		lay.widths = widen(lay.widths, wb.listWidths(t, noUnit))
	}
	for i, u := range wb.status.Units {
		sh, err := wb.newSheet(namer.name(u.Code, hdrUnit+" "+strconv.Itoa(i+1)), lay)
		if err != nil {
			return err
		}
		if err := wb.writeUnitSheet(sh, i, u, rows); err != nil {
			return err
		}
		if err := sh.flush(); err != nil {
			return err
		}
	}
	return nil
}

// rowsByUnit splits each list table's rows by unit: table key → unit code → rows.
func (wb *workbook) rowsByUnit() map[string]map[string][]consolidate.ListRow {
	out := make(map[string]map[string][]consolidate.ListRow, len(wb.book.Lists))
	for _, t := range wb.book.Lists {
		byUnit := map[string][]consolidate.ListRow{}
		for _, r := range t.Rows {
			byUnit[r.Unit] = append(byUnit[r.Unit], r)
		}
		out[t.Key] = byUnit
	}
	return out
}

// stateOf is a unit's status for the period: "đúng hạn", "quá hạn 2 ngày 3 giờ", "chưa gửi,
// quá hạn 1 ngày".
func stateOf(c status.Cell) string {
	return stateText(c.State.Label(), c.State.Reported(), c.Late)
}

// writeUnitSheet writes one unit's figures, rows and texts.
func (wb *workbook) writeUnitSheet(sh *sheet, i int, u status.Unit, rows map[string]map[string][]consolidate.ListRow) error {
	s := wb.st
	c := wb.cell(i)
	err := wb.writeTitle(sh, []titleLine{
		{unitTitle(u.Name, u.Code), s.title},
		{formLine(wb.book.Form.Code, wb.meta.PeriodLabel), s.sub},
		{unitStateLine(stateOf(c), c.Version), s.sub},
	})
	if err != nil {
		return err
	}
	if !wb.counted[u.Code] {
		return sh.add(s.safeText(noteUnitMissing, s.italic))
	}
	for _, t := range wb.book.Summary {
		if err := wb.writeUnitFigures(sh, t, []string{u.Code}, false); err != nil {
			return err
		}
	}
	for _, t := range wb.book.Lists {
		if err := wb.writeListTable(sh, t, rows[t.Key][u.Code], noUnit); err != nil {
			return err
		}
	}
	return wb.writeUnitNarrative(sh, u.Code)
}

// unitIndicatorHeaders are the columns of a unit's own figures: the year to date and last
// year's figures used, each with where it comes from (the ledger, imports, or what the unit
// typed), and the year to date the unit typed.
func unitIndicatorHeaders(withUnit bool) []string {
	h := []string{hdrCode, hdrIndicator, hdrMeasure, hdrPlan, hdrUnitPeriod, hdrYTD, hdrYTDSource, hdrOwnYTD,
		hdrLastYear, hdrLastYearSource}
	if withUnit {
		h = append([]string{hdrUnitCode, hdrUnit}, h...)
	}
	return h
}

// widthSource fits the longest source label on two lines.
const widthSource = 14.0

func unitIndicatorWidths(withUnit bool) []float64 {
	w := []float64{widthCode, widthName, widthMeasure, widthFigure, widthFigure, widthFigure, widthSource,
		widthFigure, widthFigure, widthSource}
	if withUnit {
		w = append([]float64{widthUnitCode, 24}, w...)
	}
	return w
}

// writeUnitFigures writes the units' own figures of an indicator table, unit after unit;
// withUnit adds the unit columns of the long sheet. Units not counted have no figures.
func (wb *workbook) writeUnitFigures(sh *sheet, t consolidate.SummaryTable, units []string, withUnit bool) error {
	if err := wb.writeTableHead(sh, t.Title, unitIndicatorHeaders(withUnit)); err != nil {
		return err
	}
	s := wb.st
	cells := make([]any, 0, 10)
	for _, code := range units {
		for _, r := range t.Rows {
			f, ok := r.PerUnit[code]
			if !ok {
				break
			}
			var h rowHeight
			h.fit(r.Name, widthName)
			ytdFrom, lastYearFrom := basisLabel(f.YTDBasis), basisLabel(f.LastYearBasis)
			h.fit(ytdFrom, widthSource)
			h.fit(lastYearFrom, widthSource)
			cells = cells[:0]
			if withUnit {
				cells = append(cells, s.safeText(code, s.text), wb.unitCell(code, 24, &h))
			}
			cells = append(cells, s.safeText(r.Code, s.center), s.safeText(r.Name, wb.nameStyle(r.Code)),
				s.safeText(r.Measure, s.center),
				wb.figure(f.Plan), wb.figure(f.Period), wb.figure(f.YTD), s.safeText(ytdFrom, s.wrap),
				wb.figure(f.OwnYTD), wb.figure(f.LastYear), s.safeText(lastYearFrom, s.wrap))
			if err := sh.addTall(float64(h), cells...); err != nil {
				return err
			}
		}
	}
	sh.skip()
	return nil
}

// writeUnitNarrative writes the unit's texts, section by section, each paragraph in a row
// across the sheet.
func (wb *workbook) writeUnitNarrative(sh *sheet, unit string) error {
	s := wb.st
	for _, sec := range wb.book.Narrative {
		for _, e := range sec.Entries {
			if e.Unit != unit {
				continue
			}
			if err := sh.add(s.safeText(sec.Title, s.bold)); err != nil {
				return err
			}
			for _, p := range paragraphs(e.Text) {
				if err := sh.addSpanning(s.safeText(p, s.note)); err != nil {
					return err
				}
			}
			sh.skip()
		}
	}
	return nil
}

// writeUnitsLong writes the "Chi tiết đơn vị" sheet: every counted unit's figures in long
// format, one row per unit and indicator, with the unit's code and name to filter on. The
// list tables are not repeated here: on "Tổng hợp" they already carry the unit of every row,
// and with hundreds of units a second copy of every row would double the size and the time
// of writing and opening the workbook for nothing a filter on that column does not give.
func (wb *workbook) writeUnitsLong() error {
	s := wb.st
	lay := sheetLayout{widths: unitIndicatorWidths(true)}
	title := []titleLine{{titleUnits, s.title}, {formLine(wb.book.Form.Code, wb.meta.PeriodLabel), s.sub}}
	if len(wb.book.Summary) == 1 {
		lay.headerRow = len(title) + 3
	}
	sh, err := wb.newSheet(sheetUnits, lay)
	if err != nil {
		return err
	}
	if err := wb.writeTitle(sh, title); err != nil {
		return err
	}
	codes := make([]string, 0, len(wb.status.Units))
	for _, u := range wb.status.Units {
		codes = append(codes, u.Code)
	}
	for _, t := range wb.book.Summary {
		if err := wb.writeUnitFigures(sh, t, codes, true); err != nil {
			return err
		}
	}
	for _, t := range wb.book.Lists {
		if err := sh.add(s.safeText(listsOnSummary(t.Title), s.italic)); err != nil {
			return err
		}
	}
	return sh.flush()
}

// paragraphs splits a text into its non-empty paragraphs, each cut to pieces a row can show
// whole (Excel rows stop at 409 points, about 27 lines).
func paragraphs(text string) []string {
	var out []string
	for p := range strings.SplitSeq(cleanText(text), "\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		out = append(out, splitLong(strings.TrimRight(p, " \t"), maxParagraph)...)
	}
	return out
}

// maxParagraph is the longest piece of a paragraph put in one row, in bytes.
const maxParagraph = 2000

// splitLong cuts s into pieces of at most n bytes, at spaces where it can.
func splitLong(s string, n int) []string {
	var out []string
	for len(s) > n {
		cut := strings.LastIndexByte(s[:n], ' ')
		if cut <= n/2 {
			cut = n
			for cut > 0 && !isRuneStart(s[cut]) {
				cut--
			}
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimLeft(s[cut:], " ")
	}
	return append(out, s)
}

func isRuneStart(b byte) bool { return b&0xc0 != 0x80 }
