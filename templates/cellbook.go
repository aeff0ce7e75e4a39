package templates

import (
	"context"

	"github.com/tonghop/tonghop/form"
)

// CellBook is a workbook of a layout other than a form's (the opening-figures workbook of
// package history), opened by ReadCells under the same limits and protections as Read: the
// file checked before excelize sees it, the characters and cells counted, the time bounded,
// a panic inside excelize turned into "unreadable". Its cells are typed by the same rules as a
// unit's. It is valid only inside the function given to ReadCells.
type CellBook struct{ r *reader }

// CellRow is one non-empty row of a sheet: its number (from 1) and the raw text of its cells
// from column A.
type CellRow struct {
	Num   int
	Cells []string
}

// ReadCells opens data within lim and hands fn the workbook to read. The report holds the
// problems fn recorded (Value, Errorf) and, when the workbook cannot be read at all (not an
// xlsx, corrupt, too large, too many cells or characters, too slow to read), only the one that
// says why; err then wraps ErrUnreadable, or ctx.Err() when ctx ended first. fn returns an
// error only when reading the workbook failed (an error of Rows), which counts as corrupt.
func ReadCells(ctx context.Context, data []byte, lim Limits, fn func(*CellBook) error) (*form.Report, error) {
	return readBook(ctx, data, lim, func(r *reader) (*form.Report, error) {
		if err := fn(&CellBook{r: r}); err != nil {
			return nil, err
		}
		r.legacy.report(r)
		return nil, nil
	})
}

// Sheets lists the workbook's sheets in order.
func (c *CellBook) Sheets() []string { return append([]string(nil), c.r.b.sheets...) }

// SheetNamed finds a sheet by name as Read finds its parts: NFC, case and spaces ignored.
func (c *CellBook) SheetNamed(name string) (string, bool) { return c.r.b.sheetNamed(name) }

// Rows reads a sheet's non-empty rows, counting them against the workbook's budgets. The
// rows are the reader's own: do not modify them.
func (c *CellBook) Rows(sheet string) ([]CellRow, error) {
	g, err := c.r.b.grid(sheet)
	if err != nil {
		return nil, err
	}
	out := make([]CellRow, len(g.rows))
	for i, row := range g.rows {
		out[i] = CellRow{Num: row.num, Cells: row.cells}
	}
	return out, nil
}

// Value reads the cell at column col and row row (both from 1) of a sheet as a unit's cell of
// column c is read: a number typed as text, a percent, a date, with the same errors and
// warnings, recorded under sheet and cell with title naming the field ("Ô F7 (title): …") and
// field as form.Problem.Field. A blank cell is "" and ok; ok is false when the value was refused.
func (c *CellBook) Value(sheet string, col, row int, field, title string, column form.Column) (value string, ok bool, err error) {
	g, err := c.r.b.grid(sheet)
	if err != nil {
		return "", false, err
	}
	raw := g.cell(col, row)
	if isBlank(raw) {
		return "", true, nil
	}
	v := c.r.parse(column, g, col, row, raw)
	c.r.cellVerdict(sheet, col, row, field, title, v)
	return v.value, v.code == "", nil
}

// Errorf records an error of the workbook at a cell ("" for the whole sheet or file).
func (c *CellBook) Errorf(sheet, cell, field, code, format string, args ...any) {
	c.r.errorf(sheet, cell, field, code, format, args...)
}

// CellName names the cell at column col and row row (both from 1): "F7".
func CellName(col, row int) string { return cellName(col, row) }

func isBlank(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}
