package wordfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tonghop/tonghop/internal/longtest"
)

// streamed builds a package whose main document is head, then repeat written n times, then
// tail, compressed without the test ever holding the unzipped document (deflateRepeat). With
// lie > 0, the entry's header says it unzips to lie bytes.
func streamed(t *testing.T, head, repeat, tail string, n int, lie uint64) []byte {
	t.Helper()
	doc, crc, size := deflatedOnce(t, head, repeat, tail, n)
	if lie > 0 {
		size = lie
	}
	m := parts("", "")
	delete(m, "word/document.xml")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml"} {
		fw, _ := zw.Create(name)
		io.WriteString(fw, m[name])
	}
	raw, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc, CompressedSize64: uint64(len(doc)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	raw.Write(doc)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflated keeps what deflateRepeat made for each document, which the zip bombs share (they
// differ in what their header says): a quarter of a gigabyte is made once.
var deflated struct {
	sync.Mutex
	docs map[string]deflatedDoc
}

type deflatedDoc struct {
	z    []byte
	crc  uint32
	size uint64
}

// deflatedOnce is deflateRepeat, made once a process for the same document.
func deflatedOnce(t *testing.T, head, repeat, tail string, n int) ([]byte, uint32, uint64) {
	t.Helper()
	key := strings.Join([]string{head, repeat, tail, strconv.Itoa(n)}, "\x00")
	deflated.Lock()
	defer deflated.Unlock()
	d, ok := deflated.docs[key]
	if !ok {
		d.z, d.crc, d.size = deflateRepeat(t, head, repeat, tail, n)
		if deflated.docs == nil {
			deflated.docs = map[string]deflatedDoc{}
		}
		deflated.docs[key] = d
	}
	return d.z, d.crc, d.size
}

// TestRead_Bombs feeds small files built to cost a reader far more than their size: each is
// refused with its reason, allocating a bounded amount on the way.
func TestRead_Bombs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds files unzipping to hundreds of megabytes")
	}
	run := strings.Repeat("Nội dung công việc trọng tâm ", 36) // about 1 KB of text
	tests := []struct {
		name     string
		data     func(t *testing.T) []byte
		want     error
		maxAlloc uint64
		long     bool // read up to a budget of millions (longtest): seconds under the race detector
	}{
		// 256 MiB of text in runs, the header saying so: refused before a byte is unzipped.
		{"Zip bomb", func(t *testing.T) []byte {
			return streamed(t, testDocHead+"<w:p>", "<w:r><w:t>"+run+"</w:t></w:r>", "</w:p>"+testDocTail, 256<<10, 0)
		}, ErrTooLarge, 1 << 20, false},
		// The same, the header saying 1,000 bytes: archive/zip stops reading there.
		{"Zip bomb lying about its size", func(t *testing.T) []byte {
			return streamed(t, testDocHead+"<w:p>", "<w:r><w:t>"+run+"</w:t></w:r>", "</w:p>"+testDocTail, 256<<10, 1000)
		}, ErrNotDocx, 1 << 20, false},
		// The header saying 60 MiB, under the budget: stopped by the text budget as it is read.
		{"Zip bomb lying within the budget", func(t *testing.T) []byte {
			return streamed(t, testDocHead+"<w:p>", "<w:r><w:t>"+run+"</w:t></w:r>", "</w:p>"+testDocTail, 256<<10, 60<<20)
		}, ErrTooLarge, 128 << 20, true},
		// A million nested content controls, as billion laughs nests entities (which Go's XML
		// decoder never expands): stopped at the depth limit.
		{"Nesting", func(t *testing.T) []byte {
			return streamed(t, testDocHead, "<w:sdt><w:sdtContent>", "", 1<<20, 0)
		}, ErrTooComplex, 2 << 20, false},
		{"Nested tables", func(t *testing.T) []byte {
			return docx(t, parts(strings.Repeat("<w:tbl><w:tr><w:tc>", 20)+strings.Repeat("</w:tc></w:tr></w:tbl>", 20), ""))
		}, ErrTooComplex, 1 << 20, false},
		// Five million empty paragraphs, 30 MiB of XML: stopped at the paragraph limit.
		{"Paragraphs", func(t *testing.T) []byte {
			return streamed(t, testDocHead, "<w:p/>", testDocTail, 5_000_000, 0)
		}, ErrTooLarge, 48 << 20, false},
		// Ten million empty runs in one paragraph: stopped at the token budget.
		{"Tokens", func(t *testing.T) []byte {
			return streamed(t, testDocHead+"<w:p>", "<w:r/>", "</w:p>"+testDocTail, 10_000_000, 0)
		}, ErrTooComplex, 256 << 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.long {
				longtest.Skip(t, "read up to the text or token budget")
			}
			data := tt.data(t)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Read(data, Limits{})
			runtime.ReadMemStats(&after)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes of .docx: %v; %d KiB allocated", len(data), err, alloc>>10)
			if alloc > tt.maxAlloc {
				t.Errorf("allocated %d KiB, want at most %d KiB", alloc>>10, tt.maxAlloc>>10)
			}
		})
	}
}
