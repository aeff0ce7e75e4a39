package templates

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// vbaProject returns the VBA project of a real macro workbook saved by Excel.
func vbaProject(t *testing.T) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(corpusFile(t, "calamine__vba.xlsm")), int64(len(corpusFile(t, "calamine__vba.xlsm"))))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/vbaProject.bin" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatal("no vbaProject.bin in the corpus workbook")
	return nil
}

// TestRead_Macros reads a filled form saved as .xlsm with a VBA project: the data reads, the unit
// is told the macros were ignored, and StripMacros gives a plain .xlsx that reads the same.
func TestRead_Macros(t *testing.T) {
	f := builtin(t, "BM.04.01/KH")
	want := sampleData(f)
	filled := fill(t, generate(t, f), f, want)
	x := open(t, filled)
	bin := filepath.Join(t.TempDir(), "vbaProject.bin")
	if err := os.WriteFile(bin, vbaProject(t), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := x.AddVBAProject(vbaProject(t)); err != nil {
		t.Fatal(err)
	}
	xlsm := filepath.Join(t.TempDir(), "bao-cao.xlsm")
	if err := x.SaveAs(xlsm); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(xlsm)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(zipPart(t, data, "[Content_Types].xml"), contentTypeMacroMain) {
		t.Fatal("test setup: the workbook is not macro-enabled")
	}
	rep := read(t, data)
	if len(rep.Errors) != 0 || !hasProblem(rep.Warnings, CodeMacrosIgnored) {
		t.Errorf("xlsm: got errors %v, warnings %v; want none and %s", problemKeys(rep.Errors), problemKeys(rep.Warnings), CodeMacrosIgnored)
	}
	for _, d := range diffFilled(rep.Filled, want) {
		t.Error(d)
	}

	clean, stripped, err := StripMacros(data)
	if err != nil || !stripped {
		t.Fatalf("StripMacros: stripped %v, err %v", stripped, err)
	}
	types := zipPart(t, clean, "[Content_Types].xml")
	rels := zipPart(t, clean, "xl/_rels/workbook.xml.rels")
	if strings.Contains(types, "macroEnabled") || strings.Contains(rels, "vbaProject") || strings.Contains(types, "vbaProject.bin") {
		t.Errorf("stripped package still names macros:\n%s\n%s", types, rels)
	}
	zr, _ := zip.NewReader(bytes.NewReader(clean), int64(len(clean)))
	if hasMacros(zr) {
		t.Error("stripped package still holds a VBA part")
	}
	rep = read(t, clean)
	if len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
		t.Errorf("stripped: got errors %v, warnings %v; want none", problemKeys(rep.Errors), problemKeys(rep.Warnings))
	}
	for _, d := range diffFilled(rep.Filled, want) {
		t.Error(d)
	}
	if _, err := excelize.OpenReader(bytes.NewReader(clean)); err != nil {
		t.Errorf("excelize cannot open the stripped workbook: %v", err)
	}
}

func TestStripMacros_Excel(t *testing.T) {
	data := corpusFile(t, "calamine__vba.xlsm")
	clean, stripped, err := StripMacros(data)
	if err != nil || !stripped {
		t.Fatalf("StripMacros: stripped %v, err %v", stripped, err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(clean))
	if err != nil {
		t.Fatalf("open stripped Excel workbook: %v", err)
	}
	defer x.Close()
	if len(x.GetSheetList()) == 0 {
		t.Error("stripped workbook has no sheets")
	}
	plain := generate(t, builtin(t, "BM.04.01/KH"))
	if out, stripped, err := StripMacros(plain); err != nil || stripped || !bytes.Equal(out, plain) {
		t.Errorf("workbook without macros: stripped %v, err %v, changed %v", stripped, err, !bytes.Equal(out, plain))
	}
}

// withXLMMacros adds an Excel 4.0 macro sheet that runs on opening (Auto_Open), as old macro
// viruses did.
func withXLMMacros(t *testing.T, data []byte) []byte {
	t.Helper()
	data = rewritePart(t, data, "[Content_Types].xml", func(s string) string {
		s = strings.Replace(s, contentTypeMain, contentTypeMacroMain, 1)
		return strings.Replace(s, "</Types>", `<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>`, 1)
	})
	data = rewritePart(t, data, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, "</Relationships>", `<Relationship Id="rIdM1" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>`, 1)
	})
	data = rewritePart(t, data, "xl/workbook.xml", func(s string) string {
		s = strings.Replace(s, "</sheets>", `<sheet name="Macro1" sheetId="99" r:id="rIdM1"/></sheets>`, 1)
		return strings.Replace(s, "</definedNames>", `<definedName name="_xlnm.Auto_Open" hidden="1">Macro1!$A$1</definedName></definedNames>`, 1)
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		b, _ := readPart(f)
		w.Write(b)
	}
	w, _ := zw.Create("xl/macrosheets/sheet1.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1"><f>EXEC("calc.exe")</f></c></row></sheetData></xm:macrosheet>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead_XLMMacros(t *testing.T) {
	f := builtin(t, "BM.04.02/KH")
	want := sampleData(f)
	data := withXLMMacros(t, fill(t, generate(t, f), f, want))
	rep := read(t, data)
	if !hasProblem(rep.Warnings, CodeMacrosIgnored) || len(rep.Errors) != 0 {
		t.Errorf("got errors %v, warnings %v; want none and %s", problemKeys(rep.Errors), problemKeys(rep.Warnings), CodeMacrosIgnored)
	}
	clean, stripped, err := StripMacros(data)
	if err != nil || !stripped {
		t.Fatalf("StripMacros: stripped %v, err %v", stripped, err)
	}
	for _, part := range []string{"[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"} {
		if text := zipPart(t, clean, part); strings.Contains(text, "macrosheet") || strings.Contains(text, "Macro1") || strings.Contains(text, "macroEnabled") {
			t.Errorf("%s still names the macro sheet:\n%s", part, text)
		}
	}
	x, err := excelize.OpenReader(bytes.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, s := range x.GetSheetList() {
		if s == "Macro1" {
			t.Error("stripped workbook still lists the macro sheet")
		}
	}
	rep = read(t, clean)
	if len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
		t.Errorf("stripped: got errors %v, warnings %v; want none", problemKeys(rep.Errors), problemKeys(rep.Warnings))
	}
	for _, d := range diffFilled(rep.Filled, want) {
		t.Error(d)
	}
}
