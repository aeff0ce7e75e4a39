package reportbook

import (
	"fmt"
	"io"
	"maps"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/tonghop/tonghop/status"
)

// Approval is one approval of a draft by the office's leadership: who (title and name), when,
// which draft version, and the Message-ID of the approving mail.
type Approval struct {
	Title, Name string
	At          time.Time
	Version     int
	MessageID   string
	// Unauthenticated says the reply was counted without authenticating its sender
	// (mail_auth.insecure_unauthenticated_approvals): Stamp writes a warning.
	Unauthenticated bool
	// Initial says the step initialled the draft (ký nháy) before a later step signed it.
	Initial bool
}

// Meta is what the workbook says about itself beyond the figures: who issues it, for which
// period, which draft it is and whether it was approved.
type Meta struct {
	Office, Desk string // "Ban Quản lý các khu công nghiệp tỉnh X", "Văn phòng"
	// PeriodLabel is the period as the title shows it, e.g. "Tháng 11/2026 (số liệu từ
	// 15/10/2026 đến 14/11/2026)"; empty: the period's own label.
	PeriodLabel string
	Draft       int // draft version number
	BuiltAt     time.Time
	Location    *time.Location // for every time shown; nil = UTC
	// LedgerState is opaque text recorded in the document properties, e.g.
	// "submissions=57 events=1234", so a workbook can be traced to the ledger it came from.
	LedgerState string
	// Approvals empty: a draft ("DỰ THẢO lần N" in the title). Non-empty: the issued report
	// ("Đã duyệt" with who and when on the summary and in the properties); the last one is
	// the approval that issued it.
	Approvals []Approval
	// Groups names the unit groups ([groups]: key → name people read), for the rows limited
	// to groups: "tính từ 14/16 UBND các phường".
	Groups map[string]string
}

// UnitSheetLimit is the most expected units that get a detail sheet each. Past it the tab bar
// of Excel and LibreOffice shows only a handful of dozens of tabs and a clerk scrolls blind,
// and unit codes cut to Excel's 31-character sheet names start to collide; so the details go
// to one long sheet with a unit column, which filters and sorts.
const UnitSheetLimit = 30

// Write writes the consolidated workbook of b. st holds the submission status of exactly one
// period, b.Period (the matrix may hold more; the column of b.Period of b's form is used);
// st.Units are the expected units in order. Sheets are streamed row by row (each sheet's
// rows are compressed as they are written, kept up to 4 MB in memory and the rest in a
// temporary file, then copied to w as the package is made), so memory does not grow with the
// number of cells.
func Write(w io.Writer, b consolidate.Book, st status.Matrix, m Meta) error {
	col, err := periodColumn(b, st)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }() // removes excelize's temporary files
	wb, err := newWorkbook(f, b, st, col, m)
	if err != nil {
		return err
	}
	defer wb.closeSpools()
	// excelize makes the whole package in a buffer of its own, then copies it to w: the
	// package goes to w directly instead, part by part as it is made, and excelize's buffer
	// stays empty (it adds nothing to it after the zip writer is closed: no part it knows
	// reaches zip64's 4 GB, and the workbook has no password).
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		return &splicer{zw: fastZip(w), spools: maps.Clone(wb.spools)}
	})
	steps := []func() error{wb.writeSummary, wb.writeNarrative, wb.writeStatus, wb.writeProvenance,
		wb.writeUnits, wb.writeProperties}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("consolidated workbook %s %s: %w", b.Form.Code, b.Period, err)
		}
	}
	// The first sheet, "Tổng hợp", is the active one as excelize made it. SetActiveSheet would
	// parse every streamed sheet back into memory to mark the tabs.
	// The package went to w through the zip writer; what excelize copies from its own
	// buffer afterwards must be nothing, or w would hold more than one zip.
	if err := f.Write(nothingMore{}); err != nil {
		return fmt.Errorf("write consolidated workbook %s %s: %w", b.Form.Code, b.Period, err)
	}
	return nil
}

// nothingMore refuses any write: excelize's copy of its buffer, which must stay empty.
type nothingMore struct{}

func (nothingMore) Write(p []byte) (int, error) {
	return 0, fmt.Errorf("excelize wrote %d bytes outside the package's zip writer", len(p))
}

// fastZip compresses the package at deflate's fastest level. The sheets are repetitive XML
// that compresses about tenfold even so, and the default level would take as long as
// writing every cell. The compressors are kept between workbooks (zipflate.Fastest): each
// holds about a megabyte, and a workbook has a score of parts.
func fastZip(w io.Writer) excelize.ZipWriter { return zipflate.Fastest.NewWriter(w) }

// periodColumn finds b's period in the status matrix.
func periodColumn(b consolidate.Book, st status.Matrix) (int, error) {
	want := b.Period.String()
	for i, p := range st.Periods {
		if p.Period == want && (p.Form == "" || p.Form == b.Form.Code) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("consolidated workbook %s %s: the status matrix has no column for this form and period",
		b.Form.Code, want)
}

// workbook is one Write call's state.
type workbook struct {
	f      *excelize.File
	st     *styles
	book   consolidate.Book
	status status.Matrix
	col    int // b.Period's column in status
	meta   Meta
	loc    *time.Location
	names  map[string]string // unit code → configured name
	// counted holds the units whose submission was consolidated.
	counted       map[string]bool
	unitNameWidth float64
	pageHeader    string
	sheets        int
	spools        map[string]*spool // each sheet's rows, by its part
}

// closeSpools removes the temporary files of the sheets' rows.
func (wb *workbook) closeSpools() {
	for _, s := range wb.spools {
		_ = s.close()
	}
}

func newWorkbook(f *excelize.File, b consolidate.Book, st status.Matrix, col int, m Meta) (*workbook, error) {
	if err := f.SetDefaultFont(fontName); err != nil {
		return nil, fmt.Errorf("default font: %w", err)
	}
	s, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	wb := &workbook{f: f, st: s, book: b, status: st, col: col, meta: m, loc: m.Location,
		names: map[string]string{}, counted: map[string]bool{}, spools: map[string]*spool{}}
	if wb.loc == nil {
		wb.loc = time.UTC
	}
	if wb.meta.PeriodLabel == "" {
		wb.meta.PeriodLabel = b.Period.Label()
	}
	for _, u := range b.Missing {
		wb.names[u.Code] = u.Name
	}
	for _, u := range st.Units {
		wb.names[u.Code] = u.Name
	}
	for _, src := range b.Provenance {
		wb.counted[src.Unit] = true
	}
	wb.unitNameWidth = unitNameWidth(wb.names)
	wb.pageHeader = headerText(b.Form.Code, b.Period.Label(), wb.stateWord())
	return wb, nil
}

// unitName is a unit's configured name, or its code when it has none.
func (wb *workbook) unitName(code string) string {
	if name := wb.names[code]; name != "" {
		return name
	}
	return code
}

// cell returns the status of the unit at index u of the matrix for the book's period.
func (wb *workbook) cell(u int) status.Cell {
	if u < len(wb.status.Cells) && wb.col < len(wb.status.Cells[u]) {
		return wb.status.Cells[u][wb.col]
	}
	return status.Cell{}
}

// issued reports whether the report was approved.
func (wb *workbook) issued() bool { return len(wb.meta.Approvals) > 0 }

// stateWord is the short state for page headers and properties.
func (wb *workbook) stateWord() string {
	if wb.issued() {
		return contentIssued
	}
	return draftLine(wb.meta.Draft)
}

// stateLines are the title block's lines about the draft or its approvals.
func (wb *workbook) stateLines() []string {
	if !wb.issued() {
		return []string{draftLine(wb.meta.Draft)}
	}
	out := make([]string, 0, len(wb.meta.Approvals))
	for _, a := range wb.meta.Approvals {
		out = append(out, approvalLine(a, wb.loc))
	}
	return out
}

// at converts a time to the office's wall clock, as Excel dates have no zone.
func (wb *workbook) at(t time.Time) time.Time {
	lt := t.In(wb.loc)
	return time.Date(lt.Year(), lt.Month(), lt.Day(), lt.Hour(), lt.Minute(), lt.Second(), 0, time.UTC)
}

// dateTime is a time cell in office time; blank for the zero time.
func (wb *workbook) dateTime(t time.Time) excelize.Cell {
	if t.IsZero() {
		return wb.st.blank(wb.st.dateTime)
	}
	return excelize.Cell{StyleID: wb.st.dateTime, Value: wb.at(t)}
}
