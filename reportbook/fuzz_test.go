package reportbook

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// FuzzWrite_Text writes a unit's text as a task and as a narrative section and reads the
// workbook back: well-formed, the text cleaned but otherwise intact, never a formula.
func FuzzWrite_Text(f *testing.F) {
	for _, s := range []string{"", "=1+1", "\rx", "_x0041_", "a\x00b\xff", "Tồn tại\r\nhạn chế", "<b>&amp;</b>]]>",
		"ệ\u0301", strings.Repeat("dài ", 600)} {
		f.Add(s)
	}
	work := newFixture(f, "BM.04.01/KH", 1, 1)
	report := newFixture(f, "BM.02.01/KH", 1, 0)
	f.Fuzz(func(t *testing.T, text string) {
		work.in.Current["U01"].Filled.Tables["tasks"][0].Values["content"] = text
		work.rebuild(t)
		book, data := work.write(t)
		checkPackage(t, data)
		all := rows(t, book, sheetSummary)
		_, hr := rowWith(t, all, 0, hdrNo)
		cell := "C" + strconv.Itoa(hr+1)
		if got, want := cellValue(t, book, sheetSummary, cell), cleanText(text); got != want {
			t.Errorf("task: got %q, want %q", got, want)
		}
		if formula, _ := book.GetCellFormula(sheetSummary, cell); formula != "" {
			t.Errorf("task: got formula %q, want none", formula)
		}
		report.in.Current["U01"].Filled.Narrative["results"] = text
		report.rebuild(t)
		_, data = report.write(t)
		checkPackage(t, data)
	})
}

// FuzzSheetNamer gives unit codes to the sheet namer: every name is one Excel and excelize
// accept, and no two names are the same without regard to case.
func FuzzSheetNamer(f *testing.F) {
	for _, s := range []string{"PKH", "P.KH/ĐT", "'x'", "History", "[]:*?/\\", strings.Repeat("ệ", 40), "\x00", "😀"} {
		f.Add(s, strings.ToLower(s))
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		n := newSheetNamer(sheetSummary)
		book := excelize.NewFile()
		defer book.Close()
		seen := map[string]bool{foldName(sheetSummary): true}
		for i, code := range []string{a, b, a} {
			name := n.name(code, "Đơn vị "+strconv.Itoa(i+1))
			if seen[foldName(name)] {
				t.Fatalf("name %q handed out twice", name)
			}
			seen[foldName(name)] = true
			if _, err := book.NewSheet(name); err != nil {
				t.Fatalf("excelize refuses %q (from %q): %v", name, code, err)
			}
			if len(utf16.Encode([]rune(name))) > maxSheetName || strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
				t.Fatalf("name %q breaks Excel's rules", name)
			}
		}
	})
}
