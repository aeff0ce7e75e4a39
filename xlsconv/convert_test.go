package xlsconv

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// want is one expected cell of a converted fixture: text compared exactly, numbers compared
// as float64 (ssconvert writes 21 significant digits, LibreOffice the shortest form).
type want struct {
	cell  string
	text  string
	num   float64
	isNum bool
}

func text(cell, s string) want        { return want{cell: cell, text: s} }
func num(cell string, n float64) want { return want{cell: cell, num: n, isNum: true} }

// fixtures are the .xls files converted by the tests, with cells they must read back as.
var fixtures = map[string][]want{
	"vietnamese-utf8.xls": {
		text("Sheet1!A1", "Mô tả"),
		text("Sheet1!A2", "BÙN SÉT"),
		text("Sheet1!A3", "SÉT lẫn sạn laterite"),
		text("Sheet1!A4", "CÁT THÔ lẫn sạn thạch anh"),
		text("Sheet1!A5", "CÁT MỊN"),
		text("Sheet1!A6", "CÁT TRUNG"),
		text("Sheet1!A7", "SÉT lẫn kết vón silic"),
	},
	"report-lo74.xls": {
		text("Báo cáo!B1", "Nội dung công việc"),
		text("Báo cáo!D1", "Kinh phí (triệu đồng)"),
		text("Báo cáo!B3", "Tập huấn chuyển đổi số cho cán bộ, công chức"),
		num("Báo cáo!A2", 1), num("Báo cáo!C2", 12), num("Báo cáo!D2", 1234.5),
		num("Báo cáo!E2", 0.85), num("Báo cáo!D3", 1500000000), num("Báo cáo!E3", 0.125),
		num("Báo cáo!D4", -7.25), num("Báo cáo!E4", 1),
		num("Báo cáo!F2", 45366), // 2024-03-15 as a date serial
		num("Báo cáo!F4", 45659), // 2025-01-02
		num("Báo cáo!C5", 15),    // cached result of =SUM(C2:C4)
	},
	"1904.xls": {
		num("Sheet1!A1", 1), num("Sheet1!A5", 11111),
		num("Sheet1!B3", 111), // a date in the 1904 system: the serial is kept as is
		text("Sheet1!C1", "1904-01-02"), text("Sheet1!D5", "1934-06-03"),
	},
}

func TestConverter_ToXLSX_Ssconvert(t *testing.T) {
	t.Parallel()
	for _, name := range slices.Sorted(maps.Keys(fixtures)) {
		t.Run(name, func(t *testing.T) {
			c := realConverter(t, "ssconvert")
			checkConversion(t, c, name)
		})
	}
}

func TestConverter_ToXLSX_Soffice(t *testing.T) {
	t.Parallel()
	for _, name := range slices.Sorted(maps.Keys(fixtures)) {
		t.Run(name, func(t *testing.T) {
			// One LibreOffice conversion (the real Excel file in Vietnamese) runs by default.
			needSoffice(t, name != "vietnamese-utf8.xls")
			t.Parallel()
			c := realConverter(t, "soffice")
			checkConversion(t, c, name)
		})
	}
}

// checkConversion converts a fixture, reads it back with excelize and checks its cells, and
// logs the time and peak memory the converter took.
func checkConversion(t *testing.T, c *Converter, fixture string) map[string]cell {
	t.Helper()
	out, st, err := c.convert(context.Background(), readFixture(t, fixture))
	if err != nil {
		t.Fatalf("convert %s with %s: %v", fixture, c, err)
	}
	t.Logf("%s on %s: %v, peak RSS %d KiB, rlimits applied: %v, %d bytes out",
		c.Kind, fixture, st.duration.Round(1e6), st.peakRSSKB, st.limited, len(out))
	cells := readCells(t, out)
	for _, w := range fixtures[fixture] {
		got, ok := cells[w.cell]
		switch {
		case !ok:
			t.Errorf("%s: got no value, want %q/%v", w.cell, w.text, w.num)
		case w.isNum:
			n, err := strconv.ParseFloat(got.raw, 64)
			if err != nil || n != w.num {
				t.Errorf("%s: got %q, want number %v", w.cell, got.raw, w.num)
			}
		case got.raw != w.text:
			t.Errorf("%s: got %q, want %q", w.cell, got.raw, w.text)
		case !norm.NFC.IsNormalString(got.raw):
			t.Errorf("%s: got %q not in NFC, want NFC", w.cell, got.raw)
		}
	}
	return cells
}

// TestConverters_Agree converts each fixture with both programs and requires the same values;
// representation differences (cell types, number spelling, formatting) are only logged, since
// they are what a reader of converted workbooks must tolerate.
func TestConverters_Agree(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(fixtures)) {
		t.Run(name, func(t *testing.T) {
			needSoffice(t, true)
			ss := checkConversion(t, realConverter(t, "ssconvert"), name)
			lo := checkConversion(t, realConverter(t, "soffice"), name)
			typePairs := map[[2]excelize.CellType]int{}
			for _, key := range slices.Sorted(maps.Keys(ss)) {
				a, b := ss[key], lo[key]
				if !sameValue(a.raw, b.raw) {
					t.Errorf("%s: ssconvert %q, soffice %q; want the same value", key, a.raw, b.raw)
				}
				typePairs[[2]excelize.CellType{a.typ, b.typ}]++
				if a.raw != b.raw || a.formatted != b.formatted || a.formula != b.formula {
					t.Logf("%s differs: ssconvert %+v, soffice %+v", key, a, b)
				}
			}
			for pair, n := range typePairs {
				if pair[0] != pair[1] {
					t.Logf("%d cells typed %s by ssconvert, %s by soffice", n, typeName(pair[0]), typeName(pair[1]))
				}
			}
			for key := range lo {
				if _, ok := ss[key]; !ok {
					t.Errorf("%s: only soffice has %+v", key, lo[key])
				}
			}
		})
	}
}

// typeName names excelize's cell types for the log.
func typeName(typ excelize.CellType) string {
	names := map[excelize.CellType]string{
		excelize.CellTypeUnset: "unset", excelize.CellTypeBool: "bool", excelize.CellTypeDate: "date",
		excelize.CellTypeError: "error", excelize.CellTypeFormula: "formula",
		excelize.CellTypeInlineString: "inlineStr", excelize.CellTypeNumber: "number",
		excelize.CellTypeSharedString: "sharedString",
	}
	return names[typ]
}

// sameValue compares two raw cell values, numbers by value.
func sameValue(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		return x == y
	}
	return a == b
}

// TestConverter_ToXLSX_Concurrent runs conversions at once; each has its own directory.
func TestConverter_ToXLSX_Concurrent(t *testing.T) {
	t.Parallel()
	c := realConverter(t, "ssconvert")
	in := readFixture(t, "vietnamese-utf8.xls")
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	errs := make([]error, len(outs))
	for i := range outs {
		wg.Go(func() { outs[i], errs[i] = c.ToXLSX(context.Background(), in) })
	}
	wg.Wait()
	for i := range outs {
		if errs[i] != nil {
			t.Fatalf("conversion %d: %v", i, errs[i])
		}
		if got := readCells(t, outs[i])["Sheet1!A7"].raw; got != "SÉT lẫn kết vón silic" {
			t.Errorf("conversion %d A7: got %q, want %q", i, got, "SÉT lẫn kết vón silic")
		}
	}
}

// TestConverter_ToXLSX_BadInput feeds real converters files that must fail cleanly.
func TestConverter_ToXLSX_BadInput(t *testing.T) {
	t.Parallel()
	viet := readFixture(t, "vietnamese-utf8.xls")
	garbage := append(append([]byte{}, oleSignature...), make([]byte, 4096)...)
	for i := len(oleSignature); i < len(garbage); i++ {
		garbage[i] = byte(i * 7)
	}
	tests := []struct {
		name  string
		input []byte
	}{
		{name: "truncated", input: viet[:len(viet)/2]},
		{name: "truncated header", input: viet[:600]},
		{name: "ole signature then garbage", input: garbage},
		{name: "encrypted", input: readFixture(t, "xor-encryption-abc.xls")},
	}
	for _, program := range []string{"ssconvert", "soffice"} {
		for _, tt := range tests {
			t.Run(program+"/"+tt.name, func(t *testing.T) {
				if program == "soffice" {
					needSoffice(t, true)
					t.Parallel()
				}
				c := realConverter(t, program)
				out, err := c.ToXLSX(context.Background(), tt.input)
				if !errors.Is(err, ErrFailed) || out != nil {
					t.Fatalf("got %d bytes, %v; want no output and ErrFailed", len(out), err)
				}
				t.Logf("%s: %v", program, err)
			})
		}
	}
}
