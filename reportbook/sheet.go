package reportbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Page setup shared by every sheet.
const (
	paperA4        = 9    // OOXML paper size code of A4
	landscapeWidth = 95.0 // total column width (characters) beyond which a sheet prints landscape
	minWidth       = 6.0  // bounds on column widths, in characters
	maxWidth       = 60.0
	lineHeight     = 15.0 // points per line of 11 pt text
	// defaultRowHeight leaves room for the stacked marks of Vietnamese capitals (Ễ, Ộ) that
	// the usual 15 points crowd against the border above.
	defaultRowHeight = 16.5
	rowPadding       = 3.0
	maxRowHeight     = 409.0 // Excel's maximum row height, in points
	wrapFrom         = 25.0  // text columns at least this wide wrap their text
)

// sheetLayout is what a stream writer needs before the first row: column widths and the rows
// kept in view. headerRow, when not 0, is the one header row that stays in view on screen and
// is repeated on every printed page.
type sheetLayout struct {
	widths    []float64
	headerRow int
}

// total is the width of all columns, in characters.
func (l sheetLayout) total() float64 {
	t := 0.0
	for _, w := range l.widths {
		t += w
	}
	return t
}

// sheet writes one worksheet row after row. excelize's stream writer writes what surrounds
// the rows; the rows themselves are encoded by appendRow into a spool (see spool.go).
type sheet struct {
	name   string
	part   string // the sheet's part in the package, xl/worksheets/sheetN.xml
	sw     *excelize.StreamWriter
	rows   *spool
	buf    []byte    // one encoded row, reused
	row    int       // the last row written
	widths []float64 // of the columns, in characters
	total  float64   // their sum, for merged rows
	wraps  map[int]bool
}

// newSheet adds a worksheet with the page setup of the workbook and returns its writer.
// Everything excelize writes before the sheet data (sheet properties, columns, panes) is set
// here, before the first row.
func (wb *workbook) newSheet(name string, lay sheetLayout) (*sheet, error) {
	f := wb.f
	var err error
	if wb.sheets == 0 {
		err = f.SetSheetName(f.GetSheetName(0), name)
	} else {
		_, err = f.NewSheet(name)
	}
	if err != nil {
		return nil, fmt.Errorf("add sheet %q: %w", name, err)
	}
	wb.sheets++
	part, err := sheetPart(f, name)
	if err != nil {
		return nil, err
	}
	if err := wb.pageSetup(name, lay); err != nil {
		return nil, fmt.Errorf("set up sheet %q: %w", name, err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("stream sheet %q: %w", name, err)
	}
	// Backwards: excelize puts each new column first, and Excel wants them in order.
	for i := len(lay.widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, lay.widths[i]); err != nil {
			return nil, fmt.Errorf("sheet %q column %d width: %w", name, i+1, err)
		}
	}
	if lay.headerRow > 0 {
		top := "A" + strconv.Itoa(lay.headerRow+1)
		err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: lay.headerRow, TopLeftCell: top,
			ActivePane: "bottomLeft", Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}}})
		if err != nil {
			return nil, fmt.Errorf("sheet %q panes: %w", name, err)
		}
	}
	rows := &spool{}
	wb.spools[part] = rows
	return &sheet{name: name, part: part, sw: sw, rows: rows, widths: lay.widths, total: lay.total(),
		wraps: wb.st.wraps}, nil
}

// sheetPart is the part excelize writes a sheet to: named by its sheet ID, as excelize's
// NewSheet names it (the first sheet, excelize.NewFile's, is sheet1.xml). Should another
// version name it otherwise, the splicer finds no such part and Write fails.
func sheetPart(f *excelize.File, name string) (string, error) {
	for id, n := range f.GetSheetMap() {
		if n == name {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml", nil
		}
	}
	return "", fmt.Errorf("sheet %q: no sheet ID", name)
}

// pageSetup prints the sheet on A4, one page wide, landscape when its columns are wide, with
// the form and state in the page header and page numbers in the footer.
func (wb *workbook) pageSetup(name string, lay sheetLayout) error {
	f := wb.f
	yes, a4, one, auto := true, paperA4, 1, 0
	orientation := "portrait"
	if lay.total() > landscapeWidth {
		orientation = "landscape"
	}
	height := defaultRowHeight
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes,
		DefaultRowHeight: &height, CustomHeight: &yes}); err != nil {
		return err
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &auto}); err != nil {
		return err
	}
	side, edge, band := 0.5, 0.75, 0.3
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &band, Footer: &band}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: wb.pageHeader, OddFooter: footerText}); err != nil {
		return err
	}
	if lay.headerRow > 0 {
		rows := "$" + strconv.Itoa(lay.headerRow)
		return f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(name) + "!" + rows + ":" + rows, Scope: name})
	}
	return nil
}

// quoteSheet writes a sheet name as a formula reference needs it: 'Tổng hợp'.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// add writes the next row from column A.
func (s *sheet) add(cells ...any) error { return s.addTall(0, cells...) }

// addTall writes the next row with a height in points (0: the default height).
func (s *sheet) addTall(height float64, cells ...any) error {
	s.row++
	if s.row > excelize.TotalRows {
		return fmt.Errorf("sheet %q row %d: %w", s.name, s.row, excelize.ErrMaxRows)
	}
	var err error
	if s.buf, err = appendRow(s.buf[:0], s.row, height, cells); err != nil {
		return fmt.Errorf("sheet %q row %d: %w", s.name, s.row, err)
	}
	if _, err := s.rows.Write(s.buf); err != nil {
		return fmt.Errorf("sheet %q row %d: %w", s.name, s.row, err)
	}
	return nil
}

// skip leaves the next row empty.
func (s *sheet) skip() { s.row++ }

// addSpanning writes one cell merged across the sheet's columns, for titles and notes; a
// text in a wrapping style gets the height it needs over the merged width.
func (s *sheet) addSpanning(c excelize.Cell) error {
	var h rowHeight
	if text, ok := c.Value.(string); ok && s.wraps[c.StyleID] {
		h.fit(text, s.total)
	}
	if err := s.addTall(float64(h), c); err != nil {
		return err
	}
	if len(s.widths) < 2 {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(len(s.widths), s.row)
	if err != nil {
		return err
	}
	return s.sw.MergeCell("A"+strconv.Itoa(s.row), last)
}

// flush ends the sheet.
func (s *sheet) flush() error {
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("flush sheet %q: %w", s.name, err)
	}
	return nil
}

// rowHeight estimates the height a row needs to show its wrapped texts whole, each in a
// column of the given width (0 when one line will do). Heights are set rather than left to
// the application: Excel does not grow rows on opening a file, and LibreOffice growing every
// row of a large sheet makes opening it slow.
type rowHeight float64

// fit grows the height for text wrapped in a column of width characters.
func (h *rowHeight) fit(text string, width float64) {
	if width < 2 || len(text) < int(width) && strings.IndexByte(text, '\n') < 0 {
		return
	}
	perLine := max(1, int(width-1))
	lines := 0
	for line := range strings.SplitSeq(text, "\n") {
		lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(line))/float64(perLine))))
	}
	if lines > 1 {
		*h = rowHeight(min(maxRowHeight, max(float64(*h), float64(lines)*lineHeight+rowPadding)))
	}
}

// clampWidth bounds a column width.
func clampWidth(w float64) float64 { return min(maxWidth, max(minWidth, w)) }

// rowBuffer holds the cells of one row for rows written by the thousand: the stream writer
// takes them by pointer, which spares boxing every cell into an interface.
type rowBuffer struct {
	cells []excelize.Cell
	ptrs  []any
	n     int
}

func newRowBuffer(n int) *rowBuffer {
	b := &rowBuffer{cells: make([]excelize.Cell, n), ptrs: make([]any, n)}
	for i := range b.cells {
		b.ptrs[i] = &b.cells[i]
	}
	return b
}

func (b *rowBuffer) reset() { b.n = 0 }

// add appends a cell; the buffer grows when a row is wider than planned.
func (b *rowBuffer) add(c excelize.Cell) {
	if b.n == len(b.cells) {
		grown := newRowBuffer(2*len(b.cells) + 1)
		copy(grown.cells, b.cells)
		*b = *grown
	}
	b.cells[b.n] = c
	b.n++
}

// values returns the row for SetRow; valid until the next reset.
func (b *rowBuffer) values() []any { return b.ptrs[:b.n] }
