package reportbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// TestSpool: rows past the limit go to a temporary file and come back whole and in order;
// closing removes the file.
func TestSpool(t *testing.T) {
	s := &spool{limit: 100}
	var want strings.Builder
	for i := range 50 {
		row := strings.Repeat(string(rune('a'+i%26)), i+1)
		want.WriteString(row)
		if _, err := s.Write([]byte(row)); err != nil {
			t.Fatal(err)
		}
	}
	if s.file == nil {
		t.Fatal("1,275 bytes stayed in memory past a limit of 100")
	}
	name := s.file.Name()
	var got bytes.Buffer
	if err := s.writeTo(&got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("got %d bytes back, want %d", got.Len(), want.Len())
	}
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("the temporary file %s is left: %v", name, err)
	}
}

// TestSplicer: a spooled sheet's rows go inside the empty sheetData of its part, other parts
// pass as they are, and a sheet's rows that find no part, or no single empty sheetData in it,
// fail the workbook rather than leave it without them.
func TestSplicer(t *testing.T) {
	write := func(parts map[string]string, spooled ...string) ([]byte, error) {
		var buf bytes.Buffer
		spools := map[string]*spool{}
		for _, name := range spooled {
			spools[name] = &spool{}
			_, _ = spools[name].Write([]byte(`<row r="1"></row>`))
		}
		z := &splicer{zw: zip.NewWriter(&buf), spools: spools}
		for _, name := range []string{"a.xml", "xl/worksheets/sheet1.xml"} {
			content, ok := parts[name]
			if !ok {
				continue
			}
			w, err := z.Create(name)
			if err != nil {
				return nil, err
			}
			_, _ = io.WriteString(w, content)
		}
		err := z.Close()
		return buf.Bytes(), err
	}
	sheet := `<worksheet><sheetData></sheetData><mergeCells/></worksheet>`
	data, err := write(map[string]string{"a.xml": "<a/>", "xl/worksheets/sheet1.xml": sheet}, "xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.xml": "<a/>",
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"></row></sheetData><mergeCells/></worksheet>`}
	for _, f := range z.File {
		r, _ := f.Open()
		got, _ := io.ReadAll(r)
		if string(got) != want[f.Name] {
			t.Errorf("%s: got %s, want %s", f.Name, got, want[f.Name])
		}
	}
	if _, err := write(map[string]string{"a.xml": "<a/>"}, "xl/worksheets/sheet1.xml"); err == nil {
		t.Error("rows without their part: no error")
	}
	twice := `<worksheet><sheetData></sheetData><sheetData></sheetData></worksheet>`
	for _, part := range []string{`<worksheet><sheetData/></worksheet>`, twice} {
		if _, err := write(map[string]string{"xl/worksheets/sheet1.xml": part}, "xl/worksheets/sheet1.xml"); err == nil {
			t.Errorf("part %s: no error", part)
		}
	}
}
