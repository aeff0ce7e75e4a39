package reportbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestSpool: rows are compressed as they come, past the limit into a temporary file, and
// come back whole and in order, with their CRC-32 and length; closing removes the file.
func TestSpool(t *testing.T) {
	s := &spool{limit: 100}
	var want strings.Builder
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		row := strconv.FormatUint(r.Uint64(), 36) + strings.Repeat(string(rune('a'+i%26)), i%50)
		want.WriteString(row)
		if _, err := s.Write([]byte(row)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.finish(); err != nil {
		t.Fatal(err)
	}
	if s.out.file == nil {
		t.Fatal("the compressed rows stayed in memory past a limit of 100 bytes")
	}
	name := s.out.file.Name()
	var got bytes.Buffer
	if err := s.writeTo(&got); err != nil {
		t.Fatal(err)
	}
	if int64(got.Len()) != s.out.n {
		t.Errorf("%d compressed bytes back, %d counted", got.Len(), s.out.n)
	}
	end, err := deflated(nil, true)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(flate.NewReader(io.MultiReader(&got, bytes.NewReader(end))))
	if err != nil || string(plain) != want.String() {
		t.Errorf("got %d bytes back (%v), want %d", len(plain), err, want.Len())
	}
	if s.n != int64(want.Len()) || s.crc != crc32.ChecksumIEEE([]byte(want.String())) {
		t.Errorf("length %d and CRC %08x, want %d and %08x", s.n, s.crc, want.Len(), crc32.ChecksumIEEE([]byte(want.String())))
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
