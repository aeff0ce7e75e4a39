package reportbook

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// rowxmlValues are values of every kind the package writes, and hostile texts: what excelize
// escapes, replaces, cuts or marks to keep its white space.
func rowxmlValues() []any {
	long := strings.Repeat("Nhiệm vụ ", excelize.TotalCellChars/9+5)
	astral := strings.Repeat("𝔸", excelize.TotalCellChars/2+3)
	return []any{
		nil, 0, 1, -42, math.MaxInt64, 0.0, 1.5, -0.25, 1e21, 1e-7, 123456789012345678.0, 0.1 + 0.2,
		math.MaxFloat64, math.Inf(1), math.NaN(), 2.0 / 3,
		"", "x", "Nhiệm vụ số 1 của DV0001", " lề trái", "lề phải ", "\ttab", "dòng\nmới", "a\r\nb",
		"<b>&amp;\"'</b>", "_x0041_", "_x005F_x0041_", "_x005F_", "a_xZZZZ_b", "_x00", "x_x1234_y_x005F_xABCD_",
		"\x01ctl", "bad\xffutf8", "\uFFFE\uFFFF", "=SUM(A1)", long, astral,
		time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 18, 30, 15, 0, time.UTC),
		time.Date(1900, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(1899, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 23, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		time.Date(2026, 2, 28, 23, 59, 59, 999999999, time.UTC),
	}
}

// TestAppendRowMatchesExcelize checks that rows encoded by appendRow are the bytes excelize's
// StreamWriter writes for the same cells, plain and styled, with and without a height.
func TestAppendRowMatchesExcelize(t *testing.T) {
	values := rowxmlValues()
	var rows [][]any
	for _, v := range values {
		rows = append(rows, []any{v}, []any{excelize.Cell{StyleID: 3, Value: v}},
			[]any{nil, &excelize.Cell{StyleID: 2, Value: v}, v})
	}
	rows = append(rows, values)
	heights := []float64{0, 16.5, 33, 409}

	f := excelize.NewFile()
	defer f.Close()
	for i := 0; i < 3; i++ { // styles 1 to 3, as the cells name them
		if _, err := f.NewStyle(&excelize.Style{NumFmt: 14 + i}); err != nil {
			t.Fatal(err)
		}
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var ours []byte
	for i, row := range rows {
		h := heights[i%len(heights)]
		if hasUnstyledTime(row) {
			// excelize would add a date style of its own; appendRow refuses it instead.
			if _, err := appendRow(nil, i+1, h, row); err == nil {
				t.Errorf("row %d: an unstyled time was written", i+1)
			}
			continue
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), row, excelize.RowOpts{Height: h}); err != nil {
			t.Fatalf("excelize row %d: %v", i+1, err)
		}
		if ours, err = appendRow(ours, i+1, h, row); err != nil {
			t.Fatalf("row %d: %v", i+1, err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	theirs := sheetDataOf(t, f)
	if !bytes.Equal(ours, theirs) {
		at := 0
		for at < len(ours) && at < len(theirs) && ours[at] == theirs[at] {
			at++
		}
		t.Fatalf("rows differ at byte %d:\n ours   %q\n theirs %q", at,
			ours[max(0, at-80):min(len(ours), at+80)], theirs[max(0, at-80):min(len(theirs), at+80)])
	}
}

// hasUnstyledTime reports a time given as a bare value, not in a styled cell.
func hasUnstyledTime(row []any) bool {
	for _, v := range row {
		if _, ok := v.(time.Time); ok {
			return true
		}
	}
	return false
}

// sheetDataOf writes f and returns what is inside the first sheet's sheetData element.
func sheetDataOf(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := z.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	part, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(part, []byte("<sheetData>"))
	end := bytes.Index(part, []byte("</sheetData>"))
	if start < 0 || end < start {
		t.Fatalf("no sheetData in %q", part)
	}
	return part[start+len("<sheetData>") : end]
}

func TestAppendColumnName(t *testing.T) {
	for _, col := range []int{1, 26, 27, 52, 702, 703, 16384} {
		want, err := excelize.ColumnNumberToName(col)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(appendColumnName(nil, col)); got != want {
			t.Errorf("column %d: got %s, want %s", col, got, want)
		}
	}
}
