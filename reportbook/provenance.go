package reportbook

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/period"
)

// Widths of the provenance columns.
const (
	widthVersion   = 10.0
	widthFileName  = 36.0
	widthSHA256    = 34.0 // 64 hexadecimal digits on two lines
	widthMessageID = 40.0
)

// Custom document properties: what a program needs to know which consolidation a workbook
// holds without reading its sheets.
const (
	PropForm              = "tonghop.form"
	PropPeriod            = "tonghop.period"
	PropDraft             = "tonghop.draft"
	PropBuiltAt           = "tonghop.built_at"
	PropLedgerState       = "tonghop.ledger_state"
	PropApprovedBy        = "tonghop.approved_by"
	PropApprovedAt        = "tonghop.approved_at"
	PropApprovedVersion   = "tonghop.approved_version"
	PropApprovalMessageID = "tonghop.approval_message_id"
	// PropUnauthenticated holds the warning of an issue whose approvals were not
	// authenticated; absent otherwise.
	PropUnauthenticated = "tonghop.approvals_unauthenticated"
)

// Creator is the creator recorded in the document properties.
const Creator = "tonghop"

// writeProvenance writes the "Nguồn số liệu" sheet: one row per counted submission, with the
// file, its SHA-256 and the Message-ID of the mail it came in, so every figure can be traced
// to a file in the mailbox.
func (wb *workbook) writeProvenance() error {
	s := wb.st
	title := []titleLine{{titleProvenance, s.title}, {formLine(wb.book.Form.Code, wb.meta.PeriodLabel), s.sub}}
	lay := sheetLayout{
		widths: []float64{widthNo, widthUnitCode, wb.unitWidth(), widthVersion, widthTime, widthMark,
			widthFileName, widthSHA256, widthMessageID},
		headerRow: len(title) + 2,
	}
	sh, err := wb.newSheet(sheetProvenance, lay)
	if err != nil {
		return err
	}
	if err := wb.writeTitle(sh, title); err != nil {
		return err
	}
	err = wb.writeHeader(sh, []string{hdrNo, hdrUnitCode, hdrUnit, hdrSourceVersion, hdrReceivedAt, hdrLate,
		hdrFileName, hdrSHA256, hdrMessageID})
	if err != nil {
		return err
	}
	for i, src := range wb.book.Provenance {
		var h rowHeight
		late := ""
		if src.Late {
			late = markYes
		}
		h.fit(src.FileName, widthFileName)
		h.fit(src.MessageID, widthMessageID)
		h.fit(src.SHA256, widthSHA256)
		err := sh.addTall(float64(h),
			excelize.Cell{StyleID: s.center, Value: i + 1},
			s.safeText(src.Unit, s.text),
			wb.unitCell(src.Unit, wb.unitWidth(), &h),
			excelize.Cell{StyleID: s.center, Value: src.Version},
			wb.dateTime(src.ReceivedAt),
			excelize.Cell{StyleID: s.center, Value: late},
			s.safeText(src.FileName, s.wrap),
			s.safeText(src.SHA256, s.wrap),
			s.safeText(src.MessageID, s.wrap))
		if err != nil {
			return err
		}
	}
	if err := wb.writeHistory(sh); err != nil {
		return err
	}
	return sh.flush()
}

// writeHistory lists, under the submissions, the figures of earlier periods imported from
// files of history that the figures of the book use: one row per unit, file and run of
// consecutive periods.
func (wb *workbook) writeHistory(sh *sheet) error {
	if len(wb.book.History) == 0 {
		return nil
	}
	s := wb.st
	sh.skip()
	if err := sh.add(s.safeText(titleHistory, s.bold)); err != nil {
		return err
	}
	err := wb.writeHeader(sh, []string{hdrNo, hdrUnitCode, hdrUnit, hdrHistoryPeriod, hdrImportedAt, hdrImportKind,
		hdrFileName, hdrSHA256, hdrImportedBy})
	if err != nil {
		return err
	}
	for i, r := range historyRuns(wb.book.History) {
		var h rowHeight
		label, kind := r.label(), importKindLabel(r.imp.Kind)
		h.fit(label, widthVersion)
		h.fit(kind, widthMark)
		h.fit(r.imp.FileName, widthFileName)
		h.fit(r.imp.SHA256, widthSHA256)
		h.fit(r.imp.By, widthMessageID)
		err := sh.addTall(float64(h),
			excelize.Cell{StyleID: s.center, Value: i + 1},
			s.safeText(r.unit, s.text),
			wb.unitCell(r.unit, wb.unitWidth(), &h),
			s.safeText(label, s.wrap),
			wb.dateTime(r.imp.ImportedAt),
			s.safeText(kind, s.wrap),
			s.safeText(r.imp.FileName, s.wrap),
			s.safeText(r.imp.SHA256, s.wrap),
			s.safeText(r.imp.By, s.wrap))
		if err != nil {
			return err
		}
	}
	return nil
}

// historyRun is a unit's consecutive periods whose figures came from one imported file.
type historyRun struct {
	unit        string
	first, last period.Period
	imp         consolidate.Import
}

func (r historyRun) label() string {
	if r.first == r.last {
		return r.first.Label()
	}
	return r.first.Label() + " – " + r.last.Label()
}

// historyRuns joins the imported periods of a unit and file that follow each other: an office
// that imported a year of figures reads two rows per unit, not two dozen.
func historyRuns(hs []consolidate.HistorySource) []historyRun {
	var out []historyRun
	for _, h := range hs {
		for _, imp := range h.Imports {
			if n := len(out); n > 0 && out[n-1].unit == h.Unit && out[n-1].imp == imp && out[n-1].last.Next() == h.Period {
				out[n-1].last = h.Period
				continue
			}
			out = append(out, historyRun{unit: h.Unit, first: h.Period, last: h.Period, imp: imp})
		}
	}
	return out
}

// writeProperties records the form, period, draft, build time, ledger state and approval in
// the document properties.
func (wb *workbook) writeProperties() error {
	b, m := wb.book, wb.meta
	status := contentDraft
	description := draftLine(m.Draft)
	if wb.issued() {
		status = contentIssued
		description = strings.Join(wb.stateLines(), "\n")
	}
	built := ""
	if !m.BuiltAt.IsZero() {
		built = m.BuiltAt.UTC().Format(time.RFC3339)
	}
	err := wb.f.SetDocProps(&excelize.DocProperties{
		Title:          propText(docTitle(b.Form.Title, wb.meta.PeriodLabel)),
		Subject:        propText(docSubject(b.Form.Code, b.Period.Label())),
		Creator:        Creator,
		LastModifiedBy: Creator,
		Created:        built,
		Modified:       built,
		Description:    propText(description),
		Keywords:       propText(docKeywords(b.Form.Code, b.Period.Label())),
		Category:       docCategory,
		ContentStatus:  status,
		Language:       "vi-VN",
		Revision:       strconv.Itoa(m.Draft),
		Identifier:     propText(b.Form.Code + " " + b.Period.String()),
	})
	if err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	props := []excelize.CustomProperty{
		{Name: PropForm, Value: propText(b.Form.Code)},
		{Name: PropPeriod, Value: b.Period.String()},
		{Name: PropDraft, Value: int32(m.Draft)},
		{Name: PropBuiltAt, Value: built},
		{Name: PropLedgerState, Value: propText(m.LedgerState)},
	}
	if wb.issued() {
		a := m.Approvals[len(m.Approvals)-1]
		props = append(props,
			excelize.CustomProperty{Name: PropApprovedBy, Value: propText(strings.TrimSpace(a.Title + " " + a.Name))},
			excelize.CustomProperty{Name: PropApprovedAt, Value: a.At.UTC().Format(time.RFC3339)},
			excelize.CustomProperty{Name: PropApprovedVersion, Value: int32(a.Version)},
			excelize.CustomProperty{Name: PropApprovalMessageID, Value: propText(a.MessageID)})
	}
	for _, p := range props {
		if err := wb.f.SetCustomProps(p); err != nil {
			return fmt.Errorf("custom property %s: %w", p.Name, err)
		}
	}
	return nil
}

// propText cleans a property value like cell text (valid XML, NFC), without the formula
// guard: properties are not cells.
func propText(s string) string { return cleanText(s) }
