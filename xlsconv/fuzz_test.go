package xlsconv

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func FuzzLooksLikeXLS(f *testing.F) {
	for _, name := range []string{"vietnamese-utf8.xls", "1904.xls"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:512])
	}
	f.Add([]byte{0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00}) // BIFF4 BOF
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("<html>"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if !looksLikeXLS(data) {
			return
		}
		if !bytes.HasPrefix(data, oleSignature) && (len(data) < 8 || data[0] != 0x09) {
			t.Errorf("looksLikeXLS(% x): got true, want false", data[:min(len(data), 8)])
		}
	})
}

func FuzzTailBuffer(f *testing.F) {
	f.Add([]byte("short"), 3)
	f.Add(bytes.Repeat([]byte("lỗi "), 2000), 7)
	f.Fuzz(func(t *testing.T, chunk []byte, times int) {
		times = times%50 + 1
		if times < 1 {
			times = -times + 1
		}
		var tail tailBuffer
		var all []byte
		for range times {
			if n, err := tail.Write(chunk); n != len(chunk) || err != nil {
				t.Fatalf("Write: got %d, %v; want %d, nil", n, err, len(chunk))
			}
			all = append(all, chunk...)
		}
		want := all[max(0, len(all)-tailSize):]
		if !bytes.Equal(tail.buf, want) {
			t.Errorf("kept %d bytes, want the last %d of %d", len(tail.buf), len(want), len(all))
		}
	})
}
