package zipflate

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
)

// entries are parts of different sizes and kinds, as in a workbook.
var entries = []struct{ name, text string }{
	{"[Content_Types].xml", `<?xml version="1.0"?><Types></Types>`},
	{"xl/worksheets/sheet1.xml", strings.Repeat(`<row r="1"><c r="A1" t="s"><v>12</v></c></row>`, 4000)},
	{"xl/sharedStrings.xml", strings.Repeat("Kế hoạch công tác tháng ", 900)},
	{"empty", ""},
}

func write(t *testing.T, newWriter func(io.Writer) *zip.Writer) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := newWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e.text); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSameBytes: archives written with kept compressors, the first time and again after reuse,
// are byte for byte archive/zip's own, and read back whole.
func TestSameBytes(t *testing.T) {
	want := write(t, zip.NewWriter)
	for round := range 3 {
		got := write(t, NewWriter)
		if !bytes.Equal(got, want) {
			t.Fatalf("round %d: %d bytes differ from archive/zip's %d", round, len(got), len(want))
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || string(data) != entries[i].text {
			t.Fatalf("%s: read back %d bytes, %v", f.Name, len(data), err)
		}
	}
}

// fastestZip is a zip.Writer with archive/zip's own compressor at Deflate's fastest level: what
// Fastest's writers must write byte for byte.
func fastestZip(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	return zw
}

// TestConcurrent: writers in parallel, at each level, each get their own compressor, and the
// free lists stay within their bound. The race detector checks that none is shared, through
// kept's mark even where compress/flate is not instrumented: with Take leaving the compressor on
// the list, it reported races on the mark; without the mark, under the README's flags, it
// reported none (only the bytes came out wrong).
func TestConcurrent(t *testing.T) {
	for _, lv := range []struct {
		l    *Level
		ours func(io.Writer) *zip.Writer
		want []byte
	}{{Default, NewWriter, write(t, zip.NewWriter)}, {Fastest, Fastest.NewWriter, write(t, fastestZip)}} {
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		for i := range 16 {
			wg.Go(func() {
				var buf bytes.Buffer
				zw := lv.ours(&buf)
				for _, e := range entries {
					w, _ := zw.Create(e.name)
					io.WriteString(w, e.text)
				}
				if err := zw.Close(); err != nil || !bytes.Equal(buf.Bytes(), lv.want) {
					errs <- fmt.Errorf("level %d, writer %d: %v, same bytes %v", lv.l.level, i, err, bytes.Equal(buf.Bytes(), lv.want))
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		lv.l.mu.Lock()
		if len(lv.l.free) > keep {
			t.Errorf("level %d: the free list holds %d compressors, want at most %d", lv.l.level, len(lv.l.free), keep)
		}
		lv.l.mu.Unlock()
	}
}

// TestTake_FlushThenRelease: a compressor taken, flushed (not closed) and released, as the
// consolidated workbook's spools use them, writes what flate's own does; taken again it writes
// a whole stream anew; a second Release hands nothing back twice.
func TestTake_FlushThenRelease(t *testing.T) {
	text := []byte(strings.Repeat("Báo cáo kết quả thực hiện nhiệm vụ ", 500))
	var want bytes.Buffer
	fw, _ := flate.NewWriter(&want, flate.BestSpeed)
	fw.Write(text)
	fw.Flush()

	var got bytes.Buffer
	w, err := Fastest.Take(&got)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(text); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	held := func() int {
		Fastest.mu.Lock()
		defer Fastest.mu.Unlock()
		return len(Fastest.free)
	}
	w.Release()
	n := held()
	w.Release()
	if held() != n {
		t.Fatalf("a second Release put the compressor back again: %d held, then %d", n, held())
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("flushed: %d bytes differ from flate's %d", got.Len(), want.Len())
	}

	got.Reset()
	again, err := Fastest.Take(&got)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Release()
	again.Write(text)
	if err := again.Close(); err != nil {
		t.Fatal(err)
	}
	back, err := io.ReadAll(flate.NewReader(&got))
	if err != nil || !bytes.Equal(back, text) {
		t.Fatalf("taken again: read back %d bytes, %v", len(back), err)
	}
}
