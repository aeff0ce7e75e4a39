package reportbook

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/tonghop/tonghop/period"
)

// Limits on a workbook Stamp opens: it may be one a leader edited and sent back, so it is read
// as outside input.
const (
	stampUnzipLimit    = 64 << 20
	stampUnzipXMLLimit = 16 << 20
	stampSearchRows    = 12 // the title block is within the first rows of the summary sheet
	stampSearchCols    = 6
)

// Stamp marks an approved draft as the issued report without rebuilding it (a rebuild could
// count data the leaders never saw): the document and custom properties record every approval
// (who, when, which version, the Message-ID of the reply), and on the summary sheet the
// "DỰ THẢO lần N" line becomes the approval lines. An approval counted without authenticating
// its sender adds a warning to those lines and the property PropUnauthenticated. A workbook a leader edited may have lost
// the title block: the properties are written all the same.
func Stamp(data []byte, approvals []Approval, loc *time.Location) ([]byte, error) {
	return stamp(data, approvals, nil, "", loc)
}

// stamp is Stamp; a replacement (r not nil) says first which issue it replaces, and a numbered
// document (issue 20) its number before all.
func stamp(data []byte, approvals []Approval, r *Replaced, number string, loc *time.Location) ([]byte, error) {
	if len(approvals) == 0 {
		return nil, fmt.Errorf("stamp: no approval to record")
	}
	if loc == nil {
		loc = time.UTC
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: stampUnzipLimit, UnzipXMLSizeLimit: stampUnzipXMLLimit,
	})
	if err != nil {
		return nil, fmt.Errorf("stamp: open workbook: %w", err)
	}
	defer f.Close()
	lines := make([]string, len(approvals))
	unauthenticated := false
	for i, a := range approvals {
		lines[i] = approvalLine(a, loc)
		unauthenticated = unauthenticated || a.Unauthenticated
	}
	if unauthenticated {
		lines = append(lines, unauthenticatedLine)
	}
	if r != nil {
		lines = append([]string{replacedLine(*r, loc)}, lines...)
	}
	if number != "" {
		lines = append([]string{numberLine(number)}, lines...)
	}
	// One line: the title block's rows are one line high; the properties keep each approval.
	if err := replaceDraftLine(f, strings.Join(lines, "; ")); err != nil {
		return nil, err
	}
	if err := stampHeaders(f); err != nil {
		return nil, err
	}
	if err := stampProperties(f, approvals, lines, unauthenticated); err != nil {
		return nil, err
	}
	if err := stampReplaced(f, r); err != nil {
		return nil, err
	}
	if err := stampNumber(f, number); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	f.SetZipWriter(zipflate.Excelize)
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("stamp: write workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// replaceDraftLine finds "DỰ THẢO lần N" in the summary sheet's title block and writes the
// approvals there instead.
func replaceDraftLine(f *excelize.File, text string) error {
	if idx, err := f.GetSheetIndex(sheetSummary); err != nil || idx < 0 {
		return nil
	}
	for r := 1; r <= stampSearchRows; r++ {
		for c := 1; c <= stampSearchCols; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			v, err := f.GetCellValue(sheetSummary, cell)
			if err != nil || !strings.HasPrefix(v, strings.TrimSuffix(draftLine(0), "0")) {
				continue
			}
			if err := f.SetCellStr(sheetSummary, cell, cleanText(text)); err != nil {
				return fmt.Errorf("stamp: %w", err)
			}
			return nil
		}
	}
	return nil
}

// stampProperties records the approvals: the last one in the named properties a program
// reads, each one in tonghop.approval.N.
func stampProperties(f *excelize.File, approvals []Approval, lines []string, unauthenticated bool) error {
	props, err := f.GetDocProps()
	if err != nil {
		return fmt.Errorf("stamp: read properties: %w", err)
	}
	props.ContentStatus = contentIssued
	props.Description = propText(strings.Join(lines, "\n"))
	if err := f.SetDocProps(props); err != nil {
		return fmt.Errorf("stamp: properties: %w", err)
	}
	last := approvals[len(approvals)-1]
	custom := []excelize.CustomProperty{
		{Name: PropApprovedBy, Value: propText(strings.TrimSpace(last.Title + " " + last.Name))},
		{Name: PropApprovedAt, Value: last.At.UTC().Format(time.RFC3339)},
		{Name: PropApprovedVersion, Value: int32(last.Version)},
		{Name: PropApprovalMessageID, Value: propText(last.MessageID)},
	}
	for i, a := range approvals {
		custom = append(custom, excelize.CustomProperty{
			Name:  "tonghop.approval." + strconv.Itoa(i+1),
			Value: propText(fmt.Sprintf("%s; %s; v%d; <%s>", strings.TrimSpace(a.Title+" "+a.Name), a.At.UTC().Format(time.RFC3339), a.Version, a.MessageID)),
		})
	}
	if unauthenticated {
		custom = append(custom, excelize.CustomProperty{Name: PropUnauthenticated, Value: unauthenticatedLine})
	}
	for _, p := range custom {
		if err := f.SetCustomProps(p); err != nil {
			return fmt.Errorf("stamp: custom property %s: %w", p.Name, err)
		}
	}
	return nil
}

// stampHeaders replaces the draft mark in the printed page header of every sheet, for a
// workbook tonghop wrote (it names its form and period in the custom properties).
func stampHeaders(f *excelize.File) error {
	props, err := f.GetCustomProps()
	if err != nil {
		return nil // not one of ours: nothing to replace
	}
	var code, text string
	for _, p := range props {
		switch p.Name {
		case PropForm:
			code, _ = p.Value.(string)
		case PropPeriod:
			text, _ = p.Value.(string)
		}
	}
	per, err := period.Parse(text)
	if code == "" || err != nil {
		return nil
	}
	for _, sheet := range f.GetSheetList() {
		err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
			OddHeader: headerText(code, per.Label(), contentIssued), OddFooter: footerText,
		})
		if err != nil {
			return fmt.Errorf("stamp: page header of %s: %w", sheet, err)
		}
	}
	return nil
}
