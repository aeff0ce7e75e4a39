package templates

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSanitize_Hostile: everything that could run or reach out is gone, the values stay.
func TestSanitize_Hostile(t *testing.T) {
	clean, rep, err := Sanitize(zipParts(t, hostileParts()), Limits{})
	if err != nil {
		t.Fatalf("sanitize: %v", err)
	}
	got := auditCleanValues(t, clean)
	want := map[string]string{
		"Số liệu!A1": "1", "Số liệu!A2": "2", "Số liệu!A3": "3", // =SUM(A1:A2)
		"Số liệu!B1": "y",         // =HYPERLINK("http://x","y")
		"Số liệu!C1": "0",         // =cmd|'/c calc'!A1
		"Số liệu!E1": "Hà Nội",    // an inline string
		"Số liệu!F1": "Có",        // an inline string with a formula slipped in
		"Số liệu!B2": "Tổng cộng", // a shared string
		"Số liệu!C2": "7",         // =[1]Sheet1!$A$1
		"Số liệu!D2": "TRUE",      // =A1>0
		"Số liệu!B3": "#DIV/0!",   // =1/0
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("values:\n got %v\nwant %v", got, want)
	}
	if rep.Formulas != 7 || rep.EmptiedCount != 1 || !slices.Equal(rep.Emptied, []string{"Số liệu!D1"}) {
		t.Errorf("formulas %d, emptied %d %v; want 7 formulas, Số liệu!D1 emptied", rep.Formulas, rep.EmptiedCount, rep.Emptied)
	}
	// External: the link part, the relationship to a web server, the DDE and the other
	// workbook's cell in formulas, the same in two names.
	if !rep.Macros || rep.Hyperlinks != 2 || rep.External != 6 || rep.Rules != 2 {
		t.Errorf("report %+v: want macros, 2 hyperlinks, 6 external links, 2 rules", rep)
	}
	for _, part := range []string{"xl/vbaProject.bin", "xl/externalLinks/externalLink1.xml", "xl/calcChain.xml"} {
		if !slices.Contains(rep.Dropped, part) {
			t.Errorf("dropped %v: want %s listed", rep.Dropped, part)
		}
	}
	if want := []string{"Ngoai", "Lenh", "TinhToan", "Auto_Open"}; !slices.Equal(rep.Names, want) {
		t.Errorf("names removed: got %v, want %v", rep.Names, want)
	}
	x, err := excelize.OpenReader(bytes.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var names []string
	for _, n := range x.GetDefinedName() {
		names = append(names, n.Name+"="+n.RefersTo)
	}
	if want := []string{"_xlnm.Print_Titles='Số liệu'!$1:$1", `Nhan="Báo cáo (bản sửa) | lãnh đạo"`}; !slices.Equal(names, want) {
		t.Errorf("names kept: got %v, want %v", names, want)
	}
	if ok, link, _ := x.GetCellHyperLink("Số liệu", "A2"); !ok || link != "'Số liệu'!A3" {
		t.Errorf("link within the workbook: %v %q, want kept", ok, link)
	}
	if ok, _, _ := x.GetCellHyperLink("Số liệu", "A1"); ok {
		t.Error("link to an outside address kept")
	}
}

// TestSanitize_SheetsLeftOut: chart and macro sheets leave the sheet list; the names of the
// sheets kept follow them to their new positions, the others' go, and the active tab is reset.
func TestSanitize_SheetsLeftOut(t *testing.T) {
	p := hostileParts()
	p["xl/workbook.xml"] = `<workbook ` + nsMain + `><bookViews><workbookView activeTab="3" firstSheet="1"/></bookViews><sheets>
<sheet name="Biểu đồ" sheetId="1" r:id="rId7"/><sheet name="Số liệu" sheetId="2" r:id="rId1"/>
<sheet name="Macro1" sheetId="3" r:id="rId8"/><sheet name="Ghi chú" sheetId="4" r:id="rId6"/></sheets>
<definedNames>
<definedName name="_xlnm.Print_Area" localSheetId="0">'Biểu đồ'!$A$1</definedName>
<definedName name="_xlnm.Print_Titles" localSheetId="1">'Số liệu'!$1:$1</definedName>
<definedName name="Chay" localSheetId="2">'Số liệu'!$A$1</definedName>
<definedName name="_xlnm.Print_Titles" localSheetId="3">'Ghi chú'!$2:$2</definedName>
<definedName name="Auto_Open">Macro1!$A$1</definedName>
<definedName name="Sai" localSheetId="9">'Số liệu'!$A$1</definedName>
</definedNames></workbook>`
	p["xl/_rels/workbook.xml.rels"] = strings.Replace(p["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId6" Type="`+relNS+`worksheet" Target="worksheets/sheet2.xml"/>`+
			`<Relationship Id="rId7" Type="`+relNS+`chartsheet" Target="chartsheets/sheet1.xml"/>`+
			`<Relationship Id="rId8" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>`, 1)
	p["xl/worksheets/sheet2.xml"] = `<worksheet ` + nsMain + `><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>Ghi chú</t></is></c></row></sheetData></worksheet>`
	p["xl/chartsheets/sheet1.xml"] = `<chartsheet ` + nsMain + `/>`
	p["xl/macrosheets/sheet1.xml"] = `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1"><f>EXEC("calc")</f></c></row></sheetData></xm:macrosheet>`
	clean, rep, err := Sanitize(zipParts(t, p), Limits{})
	if err != nil {
		t.Fatalf("sanitize: %v", err)
	}
	auditClean(t, clean)
	x, err := excelize.OpenReader(bytes.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); !slices.Equal(got, []string{"Số liệu", "Ghi chú"}) {
		t.Errorf("sheets %v, want Số liệu and Ghi chú", got)
	}
	var names []string
	for _, n := range x.GetDefinedName() {
		names = append(names, n.Scope+":"+n.Name+"="+n.RefersTo)
	}
	want := []string{"Số liệu:_xlnm.Print_Titles='Số liệu'!$1:$1", "Ghi chú:_xlnm.Print_Titles='Ghi chú'!$2:$2"}
	if !slices.Equal(names, want) {
		t.Errorf("names %v, want %v", names, want)
	}
	if want := []string{"_xlnm.Print_Area", "Chay", "Auto_Open", "Sai"}; !slices.Equal(rep.Names, want) {
		t.Errorf("names removed %v, want %v", rep.Names, want)
	}
	if book := unzipParts(t, clean)["xl/workbook.xml"]; strings.Contains(book, "activeTab") || strings.Contains(book, "firstSheet") {
		t.Errorf("tab positions kept: %s", book)
	}
	if !rep.Macros || !slices.Contains(rep.Dropped, "xl/macrosheets/sheet1.xml") || !slices.Contains(rep.Dropped, "xl/chartsheets/sheet1.xml") {
		t.Errorf("report %+v: want macros, the chart and macro sheets dropped", rep)
	}
}

// TestSanitize_Refused: what is not a workbook, or not within the limits, is refused with the
// reason a unit would be given.
func TestSanitize_Refused(t *testing.T) {
	parts := func(edit func(p map[string]string)) []byte {
		p := hostileParts()
		edit(p)
		return zipParts(t, p)
	}
	bomb := parts(func(p map[string]string) {
		p["xl/worksheets/sheet1.xml"] = strings.Replace(p["xl/worksheets/sheet1.xml"], "<sheetData>", "<sheetData>"+strings.Repeat(" ", 3<<20), 1)
	})
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want string
	}{
		{name: "Empty", want: msgEmpty},
		{name: "NotZip", data: []byte("Duyệt. Tệp đã sửa gửi kèm."), want: msgNotXLSX},
		{name: "Encrypted", data: corpusFile(t, "excelize__encryptAES.xlsx"), want: msgEncrypted},
		{name: "Legacy", data: corpusFile(t, "readxl__vietnamese-utf8.xls"), want: msgOLE},
		{name: "TooBig", data: bomb, lim: Limits{MaxFileBytes: 1000}, want: "Tệp quá lớn"},
		{name: "ZipBomb", data: bomb, lim: Limits{MaxUnzipBytes: 1 << 20}, want: msgUnzipTooBig},
		{name: "XMLBomb", data: corpusFile(t, "poi__poc-xmlbomb.xlsx"), want: msgCorrupt},
		{name: "TooManyCells", data: zipParts(t, hostileParts()), lim: Limits{MaxCells: 1}, want: "quá nhiều ô"},
		{name: "NoWorkbookPart", data: parts(func(p map[string]string) { delete(p, "xl/workbook.xml") }), want: msgNotXLSX},
		{name: "NoContentTypes", data: parts(func(p map[string]string) { delete(p, "[Content_Types].xml") }), want: msgNotXLSX},
		{name: "WordDocument", data: parts(func(p map[string]string) {
			p["[Content_Types].xml"] = strings.Replace(p["[Content_Types].xml"], "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", 1)
		}), want: msgNotXLSX},
		{name: "OnlyMacroSheets", data: parts(func(p map[string]string) {
			p["xl/_rels/workbook.xml.rels"] = strings.Replace(p["xl/_rels/workbook.xml.rels"], relNS+"worksheet",
				"http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet", 1)
		}), want: msgNotXLSX},
		{name: "MacroSheetAsWorksheet", data: parts(func(p map[string]string) {
			p["xl/worksheets/sheet1.xml"] = `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>` +
				`<row r="1"><c r="A1"><f>EXEC("calc")</f><v>1</v></c></row></sheetData></xm:macrosheet>`
		}), want: msgNotXLSX},
		{name: "NotWorkbookRoot", data: parts(func(p map[string]string) {
			p["xl/workbook.xml"] = strings.NewReplacer("<workbook ", "<document ", "</workbook>", "</document>").Replace(p["xl/workbook.xml"])
		}), want: msgNotXLSX},
		{name: "TagsCrossed", data: parts(func(p map[string]string) {
			p["xl/worksheets/sheet1.xml"] = strings.Replace(p["xl/worksheets/sheet1.xml"], "</c></row>", "</row></c>", 1)
		}), want: msgCorrupt},
		{name: "TwoParts", data: func() []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for name, text := range hostileParts() {
				w, _ := zw.Create(name)
				w.Write([]byte(text))
			}
			w, _ := zw.Create(`xl\worksheets\sheet1.xml`)
			w.Write([]byte(`<worksheet/>`))
			zw.Close()
			return buf.Bytes()
		}(), want: msgNotXLSX},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clean, rep, err := Sanitize(tt.data, tt.lim)
			if !errors.Is(err, ErrUnreadable) || clean != nil {
				t.Fatalf("got %d bytes, %v; want nothing and ErrUnreadable", len(clean), err)
			}
			if !strings.Contains(rep.Problem, tt.want) {
				t.Errorf("problem %q, want %q (%v)", rep.Problem, tt.want, err)
			}
		})
	}
}

// TestSanitize_Corpus: real workbooks from other programs keep every value but the formulas'
// without one, and a sanitized workbook has nothing left to sanitize.
func TestSanitize_Corpus(t *testing.T) {
	t.Parallel()
	refused := map[string]bool{"excelize__BadWorkbook.xlsx": true, "excelize__encryptAES.xlsx": true,
		"poi__fuzz-truncated-zip.xlsx": true, "poi__poc-xmlbomb.xlsx": true, "poi__xlsx-corrupted.xlsx": true,
		"readxl__vietnamese-utf8.xls": true}
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus: %v", err)
	}
	files = append(files, filepath.Join("testdata", "sanitize", "libreoffice_formulas.xlsx"))
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			clean, rep, err := Sanitize(data, Limits{})
			if refused[name] {
				if err == nil {
					t.Fatal("sanitized, want refused")
				}
				return
			}
			if err != nil {
				t.Fatalf("sanitize: %v", err)
			}
			got := auditCleanValues(t, clean)
			want := cellValues(t, data)
			for _, cell := range rep.Emptied {
				delete(want, cell)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("values changed:\n got %v\nwant %v", got, want)
			}
			again, rep2, err := Sanitize(clean, Limits{})
			if err != nil || !reflect.DeepEqual(rep2, SanitizeReport{}) {
				t.Fatalf("sanitized twice: %+v, %v; want nothing more removed", rep2, err)
			}
			// A second pass that writes the very same package keeps every value; another one is
			// read again.
			if !bytes.Equal(again, clean) && !reflect.DeepEqual(cellValues(t, again), got) {
				t.Error("values changed by a second pass")
			}
		})
	}
}

// TestSanitize_FormsReadAlike: a unit's filled workbook reads the same after sanitizing; its
// identification (very hidden sheet and defined names) survives.
func TestSanitize_FormsReadAlike(t *testing.T) {
	t.Parallel()
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			f := builtin(t, code)
			data := fill(t, generate(t, f), f, sampleData(f))
			clean, _, err := Sanitize(data, Limits{})
			if err != nil {
				t.Fatalf("sanitize: %v", err)
			}
			auditClean(t, clean)
			want, got := read(t, data), read(t, clean)
			if !reflect.DeepEqual(got.Filled, want.Filled) || !reflect.DeepEqual(got.Errors, want.Errors) {
				t.Errorf("read after sanitizing:\n got %+v %+v\nwant %+v %+v", got.Filled, got.Errors, want.Filled, want.Errors)
			}
		})
	}
}

// TestSanitize_LibreOffice: formulas computed and saved by LibreOffice, as a leader using it
// would send them, keep their values. testdata/sanitize/libreoffice_formulas.xlsx was made so.
func TestSanitize_LibreOffice(t *testing.T) {
	t.Parallel()
	data := savedByLibreOffice(t)[formulasFile]
	if os.Getenv("TONGHOP_UPDATE_FIXTURES") == "1" {
		if err := os.WriteFile(filepath.Join("testdata", "sanitize", "libreoffice_formulas.xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	clean, rep, err := Sanitize(data, Limits{})
	if err != nil {
		t.Fatalf("sanitize: %v", err)
	}
	got := auditCleanValues(t, clean)
	for cell, want := range map[string]string{"Số liệu!A3": "3", "Số liệu!B1": "y", "Số liệu!D1": "6", "Số liệu!C2": "HÀ NỘI"} {
		if got[cell] != want {
			t.Errorf("%s: got %q, want %q", cell, got[cell], want)
		}
	}
	if rep.Formulas != 4 || rep.Hyperlinks != 1 || rep.EmptiedCount != 0 {
		t.Errorf("report %+v: want 4 formulas, 1 hyperlink, none emptied", rep)
	}
}

// TestReachOf: what a formula or a name reaches for, outside string literals and quoted names.
func TestReachOf(t *testing.T) {
	tests := []struct {
		name, formula string
		want          reach
	}{
		{name: "Reference", formula: "'Tổng hợp (1)'!$A$1:$B$2"},
		{name: "Constant", formula: `"a|b[1](c)"`},
		{name: "QuotedPipe", formula: "'a|b'!A1"},
		{name: "DDE", formula: "cmd|'/c calc'!A1", want: reach{dde: true}},
		{name: "DDEUnquoted", formula: "=MSEXCEL|\\..\\..\\Windows\\System32\\cmd.exe!A1", want: reach{dde: true}},
		{name: "OtherBook", formula: "[1]Sheet1!$A$1", want: reach{book: true}},
		{name: "OtherBookPath", formula: "'C:\\x\\[b.xlsx]S'!A1", want: reach{book: true}},
		{name: "Call", formula: "SUM(A1:A2)", want: reach{call: true}},
		{name: "Hyperlink", formula: `HYPERLINK("http://x","y")`, want: reach{call: true, hyperlink: true}},
		{name: "HyperlinkInText", formula: `"HYPERLINK(" & A1`},
		{name: "Unterminated", formula: `"abc`},
		{name: "EscapedQuote", formula: `"a""|"&'b''c'!A1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reachOf(tt.formula); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// FuzzSanitize: whatever comes in, Sanitize answers with a workbook that passes the audit and
// has nothing left to sanitize, or with ErrUnreadable and a reason; never a panic.
func FuzzSanitize(f *testing.F) {
	f.Add(zipParts(f, hostileParts()))
	for _, name := range []string{"excelize__Book1.xlsx", "sheetjs__sheet_visibility_strict.xlsx", "calamine__vba.xlsm",
		"readxl__missing-v-node.xlsx", "poi__DataValidationEvaluations.xlsx"} {
		f.Add(corpusFile(f, name))
	}
	if data, err := os.ReadFile(filepath.Join("testdata", "sanitize", "libreoffice_formulas.xlsx")); err == nil {
		f.Add(data)
	}
	fm := builtin(f, "BM.04.02/KH")
	f.Add(fill(f, generate(f, fm), fm, sampleData(fm)))
	f.Add([]byte("PK\x03\x04"))
	lim := Limits{MaxCells: 20000, MaxXMLBytes: 1 << 20, MaxUnzipBytes: 4 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		clean, rep, err := Sanitize(data, lim)
		if err != nil {
			if !errors.Is(err, ErrUnreadable) || clean != nil || rep.Problem == "" {
				t.Fatalf("got %d bytes, problem %q, err %v; want nothing, a reason and ErrUnreadable", len(clean), rep.Problem, err)
			}
			if strings.Contains(err.Error(), "panic:") {
				t.Fatalf("Sanitize recovered from %v", err)
			}
			return
		}
		auditPackage(t, clean)
		if _, rep2, err := Sanitize(clean, lim); err != nil || !reflect.DeepEqual(rep2, SanitizeReport{}) {
			t.Fatalf("sanitized twice: %+v, %v; want nothing more removed", rep2, err)
		}
	})
}
