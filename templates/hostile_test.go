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
// be refused as unreadable, by the streaming structure check, before excelize decodes it.
//
// The element bombs are checked against a small cell limit (hostileMaxCells) rather than the
// default: the structure check's element budget is computed from Limits.MaxCells
// (elementsPerCell per cell plus a fixed allowance) and spent by the same two passes
// (checkPartFast, then checkPart) whatever its size, so a bomb three times over a budget of
// about 100,000 elements is refused by the same code, at the same place, as one three times over
// the default's 900,000 — in a tenth of the time. At that size the parts stay far below the
// default XML and unzip limits, so the size check does not stop them first.
func TestRead_HostileStructure(t *testing.T) {
	t.Parallel()
	f := builtin(t, "BM.04.01/KH")
	filled := fill(t, generate(t, f), f, sampleData(f))
	sheet := "xl/worksheets/sheet2.xml" // "Chương trình"
	before := func(marker, insert string) func(string) string {
		return func(s string) string { return strings.Replace(s, marker, insert+marker, 1) }
	}
	const hostileMaxCells = 1000
	over := 3 * (hostileMaxCells*elementsPerCell + elementAllowance) // three times the element budget
	tests := []struct {
		name, part string
		change     func(string) string
		msg, why   string
	}{
		{"ManyEmptyRows", sheet, before("</sheetData>", strings.Repeat("<row/>", over)), "quá nhiều ô", errTooMany.Error()},
		{"ManyEmptyCells", sheet, before("</sheetData>", "<row r=\"5000\">"+strings.Repeat(`<c s="3"/>`, over)+"</row>"), "quá nhiều ô", errTooMany.Error()},
		{"DeepNesting", sheet, before("</worksheet>", strings.Repeat("<x>", 100_000)+strings.Repeat("</x>", 100_000)), "hỏng", errTooDeep.Error()},
		{"SharedStringsBomb", "xl/sharedStrings.xml", before("</sst>", strings.Repeat("<si><t>a</t></si>", over)), "quá nhiều ô", errTooMany.Error()},
		{"RowsOutOfOrder", sheet, before("</sheetData>", `<row r="3"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row>`), "hỏng", errRowsOrder.Error()},
		{"Doctype", "xl/styles.xml", func(s string) string {
			return strings.Replace(s, "?>", `?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>`, 1)
		}, "hỏng", errXMLDoctype.Error()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := rewritePart(t, filled, tc.part, tc.change)
			rep, err := Read(data, allForms(), testSecret, Limits{MaxCells: hostileMaxCells})
			if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), tc.part+": "+tc.why) {
				t.Fatalf("got err %v, want ErrUnreadable for %s: %s", err, tc.part, tc.why)
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
