package templates

import (
	"bytes"
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/zipflate"
)

// FillRows writes rows into the table keyed table of a workbook, each at its worksheet row (its
// Line, as Read returns it), over what those cells hold: the way a unit answers the rows its
// template came with, such as marking each pre-filled task done or carried over. Only the values
// given are written. A Line not below the table's header is refused.
func FillRows(template []byte, f form.Form, table string, rows []form.Row) ([]byte, error) {
	x, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		return nil, fmt.Errorf("fill rows: open: %w", err)
	}
	defer x.Close()
	if err := fillRowsFile(x, &f, table, rows); err != nil {
		return nil, fmt.Errorf("fill rows %s %s: %w", f.Code, table, err)
	}
	var buf bytes.Buffer
	x.SetZipWriter(zipflate.Excelize)
	if err := x.Write(&buf); err != nil {
		return nil, fmt.Errorf("fill rows %s: write: %w", f.Code, err)
	}
	return buf.Bytes(), nil
}

func fillRowsFile(x *excelize.File, f *form.Form, table string, rows []form.Row) error {
	fl := &filler{b: newBook(x, math.MaxInt), x: x}
	for _, p := range parts(f) {
		if p.kind != kindTable || p.key != table {
			continue
		}
		loc, ok, err := fl.b.locate(&p)
		if err != nil || !ok {
			return fmt.Errorf("table not found: %w", err)
		}
		for _, row := range rows {
			if row.Line <= loc.header {
				return fmt.Errorf("row %d is not below the header (row %d)", row.Line, loc.header)
			}
			for _, c := range p.table.Columns {
				v, has := row.Values[c.Key]
				col, found := loc.cols[c.Key]
				if !has || !found {
					continue
				}
				if err := fl.put(loc.sheet, col, row.Line, loc.header+1, c, v); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return fmt.Errorf("no table %q in the form", table)
}
