package templates

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// cellBookFile is a workbook of no form's layout: a sheet "Số liệu" with a title, a number, a
// number typed the Vietnamese way, words, and a percent shown as one.
func cellBookFile(t *testing.T) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", "Số liệu"); err != nil {
		t.Fatal(err)
	}
	pct, err := x.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]any{"A1": "Tiêu đề", "B2": 1234.5, "B3": "1.234,5", "B4": "mười hai", "B5": 0.25} {
		if err := x.SetCellValue("Số liệu", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.SetCellStyle("Số liệu", "B5", "B5", pct); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadCells(t *testing.T) {
	data := cellBookFile(t)
	decimal := form.Column{Key: "period", Type: form.Decimal}
	type read struct {
		value string
		ok    bool
	}
	got := map[string]read{}
	var rows []CellRow
	rep, err := ReadCells(context.Background(), data, Limits{}, func(c *CellBook) error {
		sheet, ok := c.SheetNamed("số  LIỆU")
		if !ok {
			t.Fatalf("SheetNamed: no sheet in %q", c.Sheets())
		}
		var err error
		if rows, err = c.Rows(sheet); err != nil {
			return err
		}
		for row, col := range map[int]form.Column{2: decimal, 3: decimal, 4: decimal, 5: {Type: form.Percent}, 6: decimal} {
			v, ok, err := c.Value(sheet, 2, row, "1", "Tháng 01/2026", col)
			if err != nil {
				return err
			}
			got[CellName(2, row)] = read{v, ok}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("ReadCells: %v", err)
	}
	if len(rows) != 5 || rows[0].Num != 1 || rows[0].Cells[0] != "Tiêu đề" || rows[2].Cells[1] != "1.234,5" {
		t.Errorf("rows: got %+v, want rows 1–5 with their raw text", rows)
	}
	want := map[string]read{"B2": {"1234.5", true}, "B3": {"1234.5", true}, "B4": {"", false}, "B5": {"25", true}, "B6": {"", true}}
	for cell, w := range want {
		if got[cell] != w {
			t.Errorf("%s: got %+v, want %+v", cell, got[cell], w)
		}
	}
	// The same problems a unit's cell gets, at the cell.
	if len(rep.Errors) != 1 || rep.Errors[0].Cell != "B4" || rep.Errors[0].Sheet != "Số liệu" || rep.Errors[0].Code != CodeNotANumber {
		t.Errorf("errors: got %+v, want B4 not a number", rep.Errors)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Cell != "B3" || rep.Warnings[0].Code != CodeNumberAsText {
		t.Errorf("warnings: got %+v, want B3 read as 1234.5", rep.Warnings)
	}
}

func TestReadCells_Limits(t *testing.T) {
	data := cellBookFile(t)
	readAll := func(c *CellBook) error {
		for _, s := range c.Sheets() {
			if _, err := c.Rows(s); err != nil {
				return err
			}
		}
		return nil
	}
	t.Run("TooManyCells", func(t *testing.T) {
		rep, err := ReadCells(context.Background(), data, Limits{MaxCells: 3}, readAll)
		if !errors.Is(err, ErrUnreadable) || len(rep.Errors) != 1 || rep.Errors[0].Code != CodeUnreadable {
			t.Errorf("got %+v, %v; want unreadable, too many cells", rep, err)
		}
	})
	t.Run("NotAWorkbook", func(t *testing.T) {
		called := false
		rep, err := ReadCells(context.Background(), []byte("PK not a zip"), Limits{}, func(*CellBook) error { called = true; return nil })
		if !errors.Is(err, ErrUnreadable) || called || len(rep.Errors) != 1 {
			t.Errorf("got %+v, %v, fn called %v; want unreadable without calling fn", rep, err, called)
		}
	})
	t.Run("Stopped", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := ReadCells(ctx, data, Limits{}, func(c *CellBook) error {
			_, err := c.Rows(c.Sheets()[0])
			if err == nil {
				err = ctx.Err() // too few rows to look at the context while loading
			}
			return err
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want the context's error", err)
		}
	})
	t.Run("Panic", func(t *testing.T) {
		rep, err := ReadCells(context.Background(), data, Limits{}, func(*CellBook) error { panic("excelize") })
		if !errors.Is(err, ErrUnreadable) || len(rep.Errors) != 1 {
			t.Errorf("got %+v, %v; want a panic turned into unreadable", rep, err)
		}
	})
}
