package templates

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipBomb builds a small zip whose one worksheet inflates to size bytes of zeros (size a
// multiple of 1 MiB). When lie is set, the directory announces 1 KiB instead, so only reading the
// entry can find it out. The deflate stream repeats one flushed block of 1 MiB of zeros: each copy
// only refers to the zeros before it, so the copies chain into one valid stream, built instantly.
func zipBomb(t *testing.T, size int, lie bool) []byte {
	t.Helper()
	zeros := make([]byte, 1<<20)
	var block, tail bytes.Buffer
	fw, _ := flate.NewWriter(&block, flate.BestCompression)
	fw.Write(zeros)
	fw.Flush()
	end, _ := flate.NewWriter(&tail, flate.BestCompression)
	end.Close()
	raw := bytes.Repeat(block.Bytes(), size>>20)
	raw = append(raw, tail.Bytes()...)
	crc := crc32.NewIEEE()
	for range size >> 20 {
		crc.Write(zeros)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<x/>"))
	}
	hdr := &zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(len(raw)), UncompressedSize64: uint64(size)}
	if lie {
		hdr.UncompressedSize64 = 1024
	}
	w, err := zw.CreateRaw(hdr)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead_Unreadable(t *testing.T) {
	random := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	f := builtin(t, "BM.04.02/KH")
	filled := fill(t, generate(t, f), f, sampleData(f))
	var plainZip bytes.Buffer
	zw := zip.NewWriter(&plainZip)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document/>"))
	zw.Close()
	tests := []struct {
		name string
		data []byte
		lim  Limits
		msg  string // part of the Vietnamese message
	}{
		{name: "Empty", data: nil, msg: "rỗng"},
		{name: "RandomBytes", data: random, msg: ".xlsx"},
		{name: "ZipBomb", data: zipBomb(t, 64<<20, false), msg: "giải nén"},
		{name: "LyingZipBomb", data: zipBomb(t, 64<<20, true), msg: "hỏng"},
		{name: "NotAWorkbook", data: plainZip.Bytes(), msg: ".xlsx"},
		{name: "TooBig", data: filled, lim: Limits{MaxFileBytes: 1000}, msg: "quá lớn"},
		{name: "TooManyCells", data: filled, lim: Limits{MaxCells: 20}, msg: "quá nhiều ô"},
		{name: "Encrypted", data: corpusFile(t, "excelize__encryptAES.xlsx"), msg: "mật khẩu"},
		{name: "LegacyXLS", data: corpusFile(t, "readxl__vietnamese-utf8.xls"), msg: ".xls"},
		{name: "XMLBomb", data: corpusFile(t, "poi__poc-xmlbomb.xlsx"), msg: "hỏng"},
		{name: "TruncatedHalf", data: filled[:len(filled)/2], msg: ".xlsx"},
		{name: "TruncatedTail", data: filled[:len(filled)-10], msg: ".xlsx"},
		{name: "TruncatedFuzzCase", data: corpusFile(t, "poi__fuzz-truncated-zip.xlsx"), msg: ".xlsx"},
		{name: "EntryCorrupted", data: corruptEntry(filled), msg: "hỏng"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Read(tc.data, allForms(), testSecret, tc.lim)
			t.Logf("err: %v", err)
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("got err %v, want ErrUnreadable", err)
			}
			if len(rep.Errors) != 1 || rep.Errors[0].Code != CodeUnreadable || !strings.Contains(rep.Errors[0].Message, tc.msg) {
				t.Errorf("got errors %+v, want one unreadable problem mentioning %q", rep.Errors, tc.msg)
			}
		})
	}
}

// corruptEntry flips bytes in the middle of the compressed data of the largest zip entry, as a
// damaged download would, leaving the zip directory intact.
func corruptEntry(data []byte) []byte {
	out := bytes.Clone(data)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var big *zip.File
	for _, f := range zr.File {
		if big == nil || f.CompressedSize64 > big.CompressedSize64 {
			big = f
		}
	}
	off, _ := big.DataOffset()
	for i := off + int64(big.CompressedSize64)/3; i < off+int64(big.CompressedSize64)/3+64; i++ {
		out[i] ^= 0x5a
	}
	return out
}

func corpusFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRead_Corpus reads workbooks written by Excel, LibreOffice, WPS, Google Sheets, Numbers and
// Gnumeric (see testdata/SOURCES.tsv): none is one of our forms, none may panic.
func TestRead_Corpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Read(data, allForms(), testSecret, Limits{})
			if !errors.Is(err, ErrUnknownForm) && !errors.Is(err, ErrUnreadable) {
				t.Fatalf("got err %v, want ErrUnknownForm or ErrUnreadable", err)
			}
			if len(rep.Errors) != 1 || rep.Errors[0].Message == "" {
				t.Errorf("got errors %+v, want one explained problem", rep.Errors)
			}
		})
	}
}

// TestZipBomb checks the bomb itself: a valid zip whose entry really inflates to its size.
func TestZipBomb(t *testing.T) {
	data := zipBomb(t, 3<<20, false)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[2].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, rc)
	if err != nil || n != 3<<20 {
		t.Errorf("got %d bytes, %v; want %d", n, err, 3<<20)
	}
}
