package reportbook

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/status"
)

// Widths of the status columns.
const (
	widthState     = 22.0
	widthTime      = 21.0
	widthReminders = 50.0
)

// writeStatus writes the "Tình hình gửi" sheet: every expected unit's status for the period,
// then the reporting rate and the on-time rate.
func (wb *workbook) writeStatus() error {
	s := wb.st
	title := []titleLine{{titleStatus, s.title}, {formLine(wb.book.Form.Code, wb.meta.PeriodLabel), s.sub}}
	if d := wb.status.Periods[wb.col].Deadline; !d.IsZero() {
		title = append(title, titleLine{deadlineLine(d, wb.loc), s.sub})
	}
	title = append(title, titleLine{statusAsOf(wb.status.Now, wb.loc), s.subItalic})
	lay := sheetLayout{
		widths: []float64{widthNo, widthUnitCode, wb.unitWidth(), widthState, widthCount,
			widthTime, widthTime, widthCount, widthReminders},
		headerRow: len(title) + 2,
	}
	sh, err := wb.newSheet(sheetStatus, lay)
	if err != nil {
		return err
	}
	if err := wb.writeTitle(sh, title); err != nil {
		return err
	}
	headers := []string{hdrNo, hdrUnitCode, hdrUnit, hdrState, hdrVersion, hdrFirstValid, hdrCounted,
		hdrSent, hdrReminders}
	if err := wb.writeHeader(sh, headers); err != nil {
		return err
	}
	for i, u := range wb.status.Units {
		if err := wb.writeStatusRow(sh, i, u); err != nil {
			return err
		}
	}
	sh.skip()
	if err := wb.writeRates(sh); err != nil {
		return err
	}
	return sh.flush()
}

func (wb *workbook) writeStatusRow(sh *sheet, i int, u status.Unit) error {
	s := wb.st
	c := wb.cell(i)
	var h rowHeight
	version := s.blank(s.center)
	if c.Version > 0 {
		version = excelize.Cell{StyleID: s.center, Value: c.Version}
	}
	reminders := wb.remindersText(c.Reminders)
	h.fit(reminders, widthReminders)
	return sh.addTall(float64(h),
		excelize.Cell{StyleID: s.center, Value: i + 1},
		s.safeText(u.Code, s.text),
		wb.unitCell(u.Code, wb.unitWidth(), &h),
		s.safeText(stateOf(c), s.text),
		version,
		wb.dateTime(c.FirstValid),
		wb.dateTime(c.Counted),
		excelize.Cell{StyleID: s.center, Value: c.Versions},
		s.safeText(reminders, s.wrap))
}

// remindersText lists a unit's reminders: "Nhắc 1: 19/11 07:30; Đôn đốc 2: 24/11 07:30
// (đồng gửi lãnh đạo)".
func (wb *workbook) remindersText(rs []status.Reminder) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = reminderText(r.Kind, r.N, r.SentAt.In(wb.loc), r.Cc)
	}
	return strings.Join(parts, "; ")
}

// writeRates writes the two rates of the period as percentages, with their counts.
func (wb *workbook) writeRates(sh *sheet) error {
	s := wb.st
	var r status.Rate
	if wb.col < len(wb.status.Rates) {
		r = wb.status.Rates[wb.col]
	}
	rows := []struct {
		label string
		n     int
		rate  float64
	}{
		{labelRate, r.Reported, r.ReportingRate()},
		{labelOnTimeRate, r.OnTime, r.OnTimeRate()},
	}
	for _, row := range rows {
		// The label sits in the wide unit column; the number and rate under the status.
		if err := sh.add(nil, nil, s.safeText(row.label, s.bold), s.safeText(rateCount(row.n, r.Expected), s.plain),
			s.percentPoints(row.rate)); err != nil {
			return err
		}
	}
	return sh.add(nil, nil, s.safeText(noteRatesOver, s.italic))
}
