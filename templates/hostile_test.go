package templates

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// rewritePart returns data with the zip entry name replaced by change(old content).
func rewritePart(t *testing.T, data []byte, name string, change func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b, found = []byte(change(string(b))), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	return buf.Bytes()
}

// TestRead_HostileStructure feeds small files built to make a reader slow or greedy: each must
// be refused as unreadable, by the streaming structure check, before excelize decodes it. With
// the default limits most are refused sooner, by the inflated size of the part.
func TestRead_HostileStructure(t *testing.T) {
	f := builtin(t, "BM.04.01/KH")
	filled := fill(t, generate(t, f), f, sampleData(f))
	sheet := "xl/worksheets/sheet2.xml" // "Chương trình"
	before := func(marker, insert string) func(string) string {
		return func(s string) string { return strings.Replace(s, marker, insert+marker, 1) }
	}
	tests := []struct {
		name, part string
		change     func(string) string
		msg        string
	}{
		{"MillionsOfEmptyRows", sheet, before("</sheetData>", strings.Repeat("<row/>", 3_000_000)), "quá nhiều ô"},
		{"MillionsOfEmptyCells", sheet, before("</sheetData>", "<row r=\"5000\">"+strings.Repeat(`<c s="3"/>`, 2_000_000)+"</row>"), "quá nhiều ô"},
		{"DeepNesting", sheet, before("</worksheet>", strings.Repeat("<x>", 100_000)+strings.Repeat("</x>", 100_000)), "hỏng"},
		{"SharedStringsBomb", "xl/sharedStrings.xml", before("</sst>", strings.Repeat("<si><t>a</t></si>", 3_000_000)), "quá nhiều ô"},
		{"RowsOutOfOrder", sheet, before("</sheetData>", `<row r="3"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row>`), "hỏng"},
		{"Doctype", "xl/styles.xml", func(s string) string {
			return strings.Replace(s, "?>", `?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>`, 1)
		}, "hỏng"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := rewritePart(t, filled, tc.part, tc.change)
			// Limits above the default, so that the size check does not stop these parts first.
			rep, err := Read(data, allForms(), testSecret, Limits{MaxXMLBytes: 64 << 20, MaxUnzipBytes: 256 << 20})
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("got err %v, want ErrUnreadable", err)
			}
			if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Message, tc.msg) {
				t.Errorf("got %+v, want one problem mentioning %q", rep.Errors, tc.msg)
			}
			t.Logf("%d bytes: %v", len(data), err)
		})
	}
}

// TestRead_BrokenSheetXML reads a sheet whose XML breaks after the data, which excelize
// tolerates: the cells before the break keep their types (dates stay dates).
func TestRead_BrokenSheetXML(t *testing.T) {
	f := builtin(t, "BM.04.01/KH")
	want := sampleData(f)
	filled := fill(t, generate(t, f), f, want)
	data := rewritePart(t, filled, "xl/worksheets/sheet2.xml", func(s string) string {
		return strings.Replace(s, "</sheetData>", "</sheetData><x y>", 1)
	})
	rep, err := Read(data, allForms(), testSecret, Limits{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(rep.Errors) != 0 {
		t.Errorf("got errors %v, want none", problemKeys(rep.Errors))
	}
	for _, d := range diffFilled(rep.Filled, want) {
		t.Error(d)
	}
}
