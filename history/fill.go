package history

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// Entry is one figure to write into an opening-figures workbook, as the office's clerk types
// it: a number, or text ("1.234,5").
type Entry struct {
	Table, Unit, Code string
	Period            period.Period
	Value             any
}

// FillOpening writes entries into an opening-figures workbook made by WriteOpening, finding
// each cell as ReadOpening does, by the hidden row: what a clerk does by hand, for the demo
// and for tests. An entry whose cell is not in the workbook is an error.
func FillOpening(data []byte, entries []Entry) ([]byte, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("fill opening workbook: %w", err)
	}
	defer x.Close()
	cells := map[Entry]string{}
	for _, sheet := range x.GetSheetList() {
		if sheet == templates.IdentSheet {
			continue
		}
		if err := sheetCells(x, sheet, cells); err != nil {
			return nil, fmt.Errorf("fill opening workbook: %w", err)
		}
	}
	for _, e := range entries {
		ref, ok := cells[Entry{Table: e.Table, Unit: e.Unit, Code: e.Code, Period: e.Period}]
		if !ok {
			return nil, fmt.Errorf("fill opening workbook: no cell for %s %s %s %s", e.Table, e.Unit, e.Code, e.Period)
		}
		if err := x.SetCellValue(sheetOf(ref), refOf(ref), e.Value); err != nil {
			return nil, fmt.Errorf("fill opening workbook: %w", err)
		}
	}
	var buf bytes.Buffer
	x.SetZipWriter(zipflate.Excelize)
	if err := x.Write(&buf); err != nil {
		return nil, fmt.Errorf("fill opening workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// sheetCells maps every figure cell of a table's sheet, as "sheet!ref".
func sheetCells(x *excelize.File, sheet string, cells map[Entry]string) error {
	rows, err := x.GetRows(sheet)
	if err != nil {
		return err
	}
	if len(rows) < markerRow || len(rows[markerRow-1]) < colUnitCode {
		return nil
	}
	marker := rows[markerRow-1]
	table, ok := strings.CutPrefix(marker[colUnitCode-1], markerPrefix)
	if !ok {
		return nil
	}
	for r := firstDataRow - 1; r < len(rows); r++ {
		row := rows[r]
		if len(row) < colCode {
			continue
		}
		for c := firstPeriodCol - 1; c < len(marker); c++ {
			p, err := period.Parse(marker[c])
			if err != nil {
				continue
			}
			key := Entry{Table: table, Unit: row[colUnitCode-1], Code: row[colCode-1], Period: p}
			cells[key] = sheet + "!" + cell(c+1, r+1)
		}
	}
	return nil
}

func sheetOf(ref string) string { return ref[:strings.LastIndexByte(ref, '!')] }
func refOf(ref string) string   { return ref[strings.LastIndexByte(ref, '!')+1:] }
