package templates

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/longtest"
	"github.com/tonghop/tonghop/internal/xlsxbomb"
)

// sharedStringBomb is BM.04.01/KH's template with one shared string of chars characters shown
// by cells cells of its "Chương trình" sheet, from the row below the header.
func sharedStringBomb(t testing.TB, cells, chars int) []byte {
	t.Helper()
	bomb := xlsxbomb.SharedString{Sheet: "Chương trình", FirstRow: HeaderRow + 1, Columns: 6, Cells: cells, Chars: chars}
	data, err := bomb.Build(generate(t, builtin(t, "BM.04.01/KH")))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRead_SharedStringBomb reads the file: 17 KB whose one shared string of 300,000
// characters is shown by 3,000 cells, 900 million characters once read. Copied and normalised
// per cell it took over a minute and gigabytes; the character budget must refuse it before a
// cell is copied, and the time budget must not be what stops it. The same file with its sheet
// under a name that is not .xml (excelize reads it all the same) is refused as well, and with
// the sheet in another charset, which the budget cannot follow, it is refused as corrupt.
func TestRead_SharedStringBomb(t *testing.T) {
	data := sharedStringBomb(t, 3000, 300_000)
	if len(data) > 24<<10 {
		t.Fatalf("bomb is %d bytes, want a small file", len(data))
	}
	renamed := renamePart(t, rewritePart(t, data, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, "worksheets/sheet2.xml", "worksheets/sheet2.bin", 1)
	}), "xl/worksheets/sheet2.xml", "xl/worksheets/sheet2.bin")
	latin1 := rewritePart(t, data, "xl/worksheets/sheet2.xml", func(s string) string {
		return strings.Replace(s, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
	})
	tests := []struct {
		name, msg, why string
		data           []byte
	}{
		{"Bomb", fmt.Sprintf(msgTooManyChars, "8.000.000"), errTooManyChars.Error(), data},
		{"SheetNotNamedXML", fmt.Sprintf(msgTooManyChars, "8.000.000"), errTooManyChars.Error(), renamed},
		{"OtherCharset", msgCorrupt, errCharset.Error(), latin1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Read(tc.data, allForms(), testSecret, Limits{Timeout: 10 * time.Second})
			if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), tc.why) {
				t.Fatalf("got err %v, want ErrUnreadable for %s", err, tc.why)
			}
			if len(rep.Errors) != 1 || rep.Errors[0].Message != tc.msg {
				t.Errorf("got problems %+v, want one: %s", rep.Errors, tc.msg)
			}
		})
	}
}

// renamePart returns data with the zip entry from renamed to.
func renamePart(t *testing.T, data []byte, from, to string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		name := f.Name
		if name == from {
			name = to
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRead_CharBudgetCountsEachCell counts a shared string once for every cell showing it: 100
// cells of one 1,000-character string are 100,000 characters.
func TestRead_CharBudgetCountsEachCell(t *testing.T) {
	data := sharedStringBomb(t, 100, 1000)
	tests := []struct {
		name     string
		maxChars int
		refused  bool
	}{
		{"Below", 150_000, false},
		{"Above", 90_000, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Read(data, allForms(), testSecret, Limits{MaxChars: tc.maxChars})
			refused := err != nil && rep.Errors[0].Message == fmt.Sprintf(msgTooManyChars, viNumber(float64(tc.maxChars)))
			if refused != tc.refused {
				t.Errorf("got err %v, want refused %v", err, tc.refused)
			}
		})
	}
}

// TestRead_LongCellCut reads cells longer than Excel allows (a file written by another program):
// their text is cut to 32,767 characters before it is read, so the problem says so. A shared
// string is cut in the package, before excelize reads it; a formula's text value, which excelize
// copies once, is cut when the sheet is loaded.
func TestRead_LongCellCut(t *testing.T) {
	long := strings.Repeat("ạ", 40_000)
	formula := rewritePart(t, sharedStringBomb(t, 1, 10), "xl/worksheets/sheet2.xml", func(s string) string {
		// B5 shows the bomb's shared string, whichever index the template's strings leave it.
		return regexp.MustCompile(`<c r="B5" t="s"><v>[0-9]+</v></c>`).ReplaceAllLiteralString(s, `<c r="B5" t="str"><f>A1</f><v>`+long+`</v></c>`)
	})
	tests := []struct {
		name string
		data []byte
	}{
		{"SharedString", sharedStringBomb(t, 1, 40_000)},
		{"FormulaValue", formula},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Read(tc.data, allForms(), testSecret, Limits{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			want := fmt.Sprintf("Ô B5, cột “Nội dung công việc”: "+msgTooLong, viCount(MaxCellChars), "2.000")
			if len(rep.Errors) == 0 || rep.Errors[0].Message != want {
				t.Errorf("got problems %+v, want first: %s", rep.Errors, want)
			}
		})
	}
}

// TestRead_Timeout stops a read whose time budget is spent, with a problem saying so.
func TestRead_Timeout(t *testing.T) {
	f := builtin(t, "BM.04.01/KH")
	rep, err := Read(fill(t, generate(t, f), f, sampleData(f)), allForms(), testSecret, Limits{Timeout: time.Nanosecond})
	if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), errTimeout.Error()) {
		t.Fatalf("got err %v, want ErrUnreadable for the time budget", err)
	}
	if want := fmt.Sprintf(msgTimeout, 1); len(rep.Errors) != 1 || rep.Errors[0].Message != want {
		t.Errorf("got problems %+v, want one: %s", rep.Errors, want)
	}
}

// TestRead_GenuineFarBelowCharBudget holds DefaultMaxChars far above a large genuine submission:
// 5,000 tasks and 5,000 results, every cell filled, hold about 1.8 million characters. A long
// run: filling the 10,000 rows takes 3 s of CPU under the race detector.
func TestRead_GenuineFarBelowCharBudget(t *testing.T) {
	longtest.Skip(t, "a work program of 5,000 tasks filled")
	t.Parallel()
	data := bigWorkbook(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	text, err := checkStructure(zr, Limits{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows: %d characters", 2*benchRows, text.total)
	if text.total > DefaultMaxChars/4 {
		t.Errorf("got %d characters, want far below the budget of %d", text.total, DefaultMaxChars)
	}
}

// zipOf builds a package of the given parts, in name order.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	sstPart   = "xl/sharedStrings.xml"
	sheetPart = "xl/worksheets/sheet1.xml"
	sstOpen   = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	sheetOpen = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
)

func sst(items ...string) string { return sstOpen + strings.Join(items, "") + "</sst>" }

func sheet(cells ...string) string {
	return sheetOpen + `<row r="1">` + strings.Join(cells, "") + "</row></sheetData></worksheet>"
}

func sharedCell(i int) string { return fmt.Sprintf(`<c t="s"><v>%d</v></c>`, i) }

// scanText runs the text budget over a package with a cell limit of cell characters.
func scanText(t testing.TB, data []byte, maxChars, cell int) (*textBudget, error) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	text := newTextBudget(maxChars, cell)
	return text, checkParts(zr, 1000, text)
}

// TestTextBudget counts cells' characters, each cut to the cell limit (10 here), and records the
// text to cut: what excelize then reads.
func TestTextBudget(t *testing.T) {
	long := strings.Repeat("ạ", 25)
	tests := []struct {
		name  string
		parts []string
		total int
		cut   map[string]string // part → a string excelize reads there after the cut
		err   error
	}{
		// A shared string counts for each cell naming it, and its index (one character) too.
		{"SharedPerCell", []string{sstPart, sst("<si><t>abcd</t></si>"), sheetPart, sheet(sharedCell(0), sharedCell(0), sharedCell(0))}, 15, nil, nil},
		{"SharedCut", []string{sstPart, sst("<si><t>" + long + "</t></si>"), sheetPart, sheet(sharedCell(0), sharedCell(0))}, 22,
			map[string]string{sstPart: strings.Repeat("ạ", 10)}, nil},
		{"RichRunsNotPhonetic", []string{sstPart, sst(`<si><r><t>abc</t></r><r><t xml:space="preserve">de</t></r><rPh><t>xyz</t></rPh></si>`), sheetPart, sheet(sharedCell(0))}, 6, nil, nil},
		{"RunsCutTogether", []string{sstPart, sst(`<si><r><t>abcdefgh</t></r><r><t>ijklmn</t></r><r><t>op</t></r></si>`), sheetPart, sheet(sharedCell(0))}, 11,
			map[string]string{sstPart: "abcdefghij"}, nil},
		{"EntitiesAndCDATA", []string{sstPart, sst(`<si><t>a&amp;b<![CDATA[<c>defghijkl]]></t></si>`), sheetPart, sheet(sharedCell(0))}, 11,
			map[string]string{sstPart: "a&b<c>defg"}, nil},
		{"NestedStringIsNotAString", []string{sstPart, sst(`<si><si/><t>abcdefghijkl</t></si><si><t>x</t></si>`), sheetPart, sheet(sharedCell(0), sharedCell(1))}, 13,
			map[string]string{sstPart: "abcdefghij"}, nil},
		{"Inline", []string{sheetPart, sheet(`<c t="inlineStr"><is><t>`+long+`</t></is></c>`, `<c><v>12.5</v></c>`)}, 14,
			map[string]string{sheetPart: strings.Repeat("ạ", 10)}, nil},
		{"InlineStringsCutTogether", []string{sheetPart, sheet(`<c t="inlineStr"><is><t>aaaaaa</t></is><is><r><t>bbbbbb</t></r></is></c>`)}, 10,
			map[string]string{sheetPart: "bbbb"}, nil},
		// A long value is counted cut, and cut by load: excelize copies it once, unchanged.
		{"FormulaString", []string{sheetPart, sheet(`<c t="str"><f>A1</f><v>` + long + `</v></c>`)}, 10, nil, nil},
		// excelize reads an index that is no number as the first string, and one out of range as none.
		{"IndexAsExcelizeReadsIt", []string{sstPart, sst("<si><t>abc</t></si>"), sheetPart, sheet(sharedCell(1), sharedCell(-1), `<c t="s"><v>x</v></c>`, `<c t="s"><v> 0 </v></c>`, `<c t="s"><v></v></c>`)}, 13, nil, nil},
		{"EachValueCounts", []string{sstPart, sst("<si><t>abc</t></si>"), sheetPart, sheet(`<c t="s"><v>0</v><v>0</v></c>`)}, 8, nil, nil},
		{"ValueInAValueIsText", []string{sstPart, sst("<si><t>abc</t></si>"), sheetPart, sheet(`<c t="s"><v>0<v>x</v></v></c>`)}, 4, nil, nil},
		{"ValueInInlineIsNoValue", []string{sstPart, sst("<si><t>abc</t></si>"), sheetPart, sheet(`<c t="s"><is><v>0</v></is><f><v>0</v></f></c>`)}, 0, nil, nil},
		{"ValueInNestedCell", []string{sstPart, sst("<si><t>abc</t></si>"), sheetPart, sheet(`<c t="s"><c><v>0</v></c></c>`)}, 4, nil, nil},
		{"BrokenAfterValue", []string{sstPart, sst("<si><t>abc</t></si>"), sheetPart, sheetOpen + `<row><c t="s"><v>0</v></x>`}, 4, nil, nil},
		{"SharedStringsAfterSheet", []string{sheetPart, sheet(sharedCell(0)), "xl/SharedStrings.xml", sst("<si><t>abc</t></si>")}, 4, nil, nil},
		{"LastSharedStringsCounts", []string{sstPart, sst("<si><t>a</t></si>"), `xl\sharedStrings.xml`, sst("<si><t>abcdef</t></si>"), sheetPart, sheet(sharedCell(0))}, 7, nil, nil},
		{"NotACell", []string{"xl/charts/chart1.xml", `<c:chart xmlns:c="x"><c:v>` + long + `</c:v></c:chart>`}, 0, nil, nil},
		{"OverBudget", []string{sstPart, sst("<si><t>" + long + "</t></si>"), sheetPart, sheet(sharedCell(0), sharedCell(0), sharedCell(0), sharedCell(0), sharedCell(0))}, 0, nil, errTooManyChars},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, err := scanText(t, zipOf(t, tc.parts...), 50, 10)
			if !errors.Is(err, tc.err) {
				t.Fatalf("got err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if text.total != tc.total {
				t.Errorf("got %d characters, want %d", text.total, tc.total)
			}
			if len(text.cuts) != len(tc.cut) {
				t.Errorf("got cuts in %d parts, want %d", len(text.cuts), len(tc.cut))
			}
			for part, want := range tc.cut {
				pc, ok := text.cuts[part]
				if !ok {
					t.Fatalf("no cut in %s", part)
				}
				data, err := pc.cut(1 << 20)
				if err != nil {
					t.Fatal(err)
				}
				got := stringsOf(t, data)
				if !slices.Contains(got, want) {
					t.Errorf("%s after the cut reads %q, want %q among them", part, got, want)
				}
			}
		})
	}
}

// stringsOf decodes a part as a reader would: the text of each shared string (si), inline
// string (is) or value (v), phonetic runs aside.
func stringsOf(t testing.TB, data []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var cur strings.Builder
	inT, phonetic := false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("cut part no longer reads: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "si", "is", "v":
				cur.Reset()
				inT = el.Name.Local == "v"
			case "t":
				inT = phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "si", "is", "v":
				out = append(out, cur.String())
				inT = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT {
				cur.Write(el)
			}
		}
	}
}

// TestRead_CutBeforeExcelize checks that excelize itself reads the cut text: a shared string
// longer than a cell holds is MaxCellChars characters in the workbook it opened.
func TestRead_CutBeforeExcelize(t *testing.T) {
	data := sharedStringBomb(t, 2, 40_000)
	lim := Limits{}.withDefaults()
	x, _, rep, err := openBook(data, lim)
	if x == nil {
		t.Fatalf("openBook: %v %+v", err, rep)
	}
	defer x.Close()
	v, err := x.GetCellValue("Chương trình", "C5", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(v); n != MaxCellChars {
		t.Errorf("excelize reads %d characters, want %d", n, MaxCellChars)
	}
}

// TestRead_LongValueQuotedShort quotes at most 100 characters of a value in a problem: a cell
// of thousands would make the answer as long as the file.
func TestRead_LongValueQuotedShort(t *testing.T) {
	data := sharedStringBomb(t, 6, 3000)
	rep, err := Read(data, allForms(), testSecret, Limits{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want := fmt.Sprintf("Ô F5, cột “Thời gian hoàn thành”: "+msgNotADate, string([]rune(strings.Repeat(xlsxbomb.Phrase, 4))[:quotedMax])+"…")
	for _, p := range rep.Errors {
		if p.Cell == "F5" && p.Message != want {
			t.Errorf("got %s, want %s", p.Message, want)
		}
	}
	if !slices.ContainsFunc(rep.Errors, func(p form.Problem) bool { return p.Cell == "F5" }) {
		t.Errorf("no problem in F5: %+v", rep.Errors)
	}
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "abc", "Nguyễn Văn An", "\xff\xfeà\x80", "日本語\xe6\x97"} {
		if got, want := runeCount([]byte(s)), utf8.RuneCount([]byte(s)); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}
