package reportbook

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// widthText is the width of the text column of the narrative sheet: about a printed line
// of a landscape A4 page.
const widthText = 100.0

// writeNarrative writes the "Nội dung báo cáo" sheet: each section of the form in order, and
// under its title the units' texts, unit after unit, a paragraph a row, so the writer of the
// consolidated report reads every "Tồn tại, hạn chế" in one place. No sheet when the form
// has no narrative.
func (wb *workbook) writeNarrative() error {
	if len(wb.book.Narrative) == 0 {
		return nil
	}
	s := wb.st
	sh, err := wb.newSheet(sheetNarrative, sheetLayout{widths: []float64{widthNo, wb.unitWidth(), widthText}})
	if err != nil {
		return err
	}
	err = wb.writeTitle(sh, []titleLine{{titleNarrative, s.title},
		{formLine(wb.book.Form.Code, wb.meta.PeriodLabel), s.sub}})
	if err != nil {
		return err
	}
	for _, sec := range wb.book.Narrative {
		if err := sh.addSpanning(s.safeText(sec.Title, s.bold)); err != nil {
			return err
		}
		if len(sec.Entries) == 0 {
			if err := sh.add(nil, nil, s.safeText(noteNoEntry, s.italic)); err != nil {
				return err
			}
		}
		for i, e := range sec.Entries {
			if err := wb.writeEntry(sh, i+1, e.Unit, e.Text); err != nil {
				return err
			}
		}
		sh.skip()
	}
	return sh.flush()
}

// writeEntry writes one unit's text: number and unit name beside the first paragraph, merged
// down beside the others.
func (wb *workbook) writeEntry(sh *sheet, no int, unit, text string) error {
	s := wb.st
	paras := paragraphs(text)
	if len(paras) == 0 {
		paras = []string{""}
	}
	first := sh.row + 1
	unitW := wb.unitWidth()
	for i, p := range paras {
		var h rowHeight
		h.fit(p, widthText)
		lead := []any{s.blank(s.center), s.blank(s.wrap)}
		if i == 0 {
			h.fit(wb.unitName(unit), unitW)
			lead = []any{excelize.Cell{StyleID: s.center, Value: no}, wb.unitCell(unit, unitW, new(rowHeight))}
		}
		if err := sh.addTall(float64(h), append(lead, s.safeText(p, s.wrap))...); err != nil {
			return err
		}
	}
	if sh.row == first {
		return nil
	}
	last := strconv.Itoa(sh.row)
	if err := sh.sw.MergeCell("A"+strconv.Itoa(first), "A"+last); err != nil {
		return err
	}
	return sh.sw.MergeCell("B"+strconv.Itoa(first), "B"+last)
}
