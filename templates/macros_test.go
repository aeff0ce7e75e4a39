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
