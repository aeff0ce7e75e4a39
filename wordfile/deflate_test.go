package wordfile

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"strings"
	"testing"
)

// deflateRepeat compresses head, then repeat n times, then tail, into one raw deflate stream,
// and returns it with the content's CRC-32 and size. The repeats after the first are written
// by hand as back-references of 258 bytes in a fixed-Huffman block, so a bomb of hundreds of
// megabytes costs the test a few milliseconds, not minutes of compress/flate under the race
// detector; the stream is as real as flate's own (flate's reader and archive/zip read it).
func deflateRepeat(t testing.TB, head, repeat, tail string, n int) ([]byte, uint32, uint64) {
	t.Helper()
	if n < 1 || len(repeat) == 0 || len(repeat) > 32768 {
		t.Fatalf("deflateRepeat: n %d, repeat of %d bytes", n, len(repeat))
	}
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write([]byte(head + repeat))
	fw.Flush() // ends on a byte boundary: the hand-written block follows
	bw := &bitWriter{buf: &buf}
	bw.bits(0, 1) // not the final block
	bw.bits(1, 2) // fixed Huffman codes
	for left := (n - 1) * len(repeat); left > 0; {
		l := min(left, 258)
		if rest := left - l; rest > 0 && rest < 3 {
			l -= 3 - rest // a copy is at least 3 bytes long
		}
		if l < 3 {
			for range l {
				bw.literal(repeat[(n*len(repeat)-left)%len(repeat)])
				left--
			}
			continue
		}
		bw.copy(l, len(repeat))
		left -= l
	}
	bw.bits(0, 7)                       // end of block (code 256)
	bw.bits(0, 3)                       // an empty stored block, not final, aligns to a byte
	bw.flush()                          //
	buf.Write([]byte{0, 0, 0xff, 0xff}) // its LEN and NLEN
	fw, _ = flate.NewWriter(&buf, flate.BestCompression)
	fw.Write([]byte(tail))
	fw.Close()

	crc := crc32.Update(0, crc32.IEEETable, []byte(head))
	chunk := []byte(strings.Repeat(repeat, max(1, 64<<10/len(repeat))))
	per := len(chunk) / len(repeat)
	for left := n; left > 0; left -= per {
		if left < per {
			chunk = chunk[:left*len(repeat)]
		}
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))
	return buf.Bytes(), crc, uint64(len(head)) + uint64(n)*uint64(len(repeat)) + uint64(len(tail))
}

// bitWriter writes deflate's bit stream: values least significant bit first, Huffman codes
// most significant bit first (RFC 1951, 3.1.1).
type bitWriter struct {
	buf   *bytes.Buffer
	acc   uint64
	count uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.count
	w.count += n
	for w.count >= 8 {
		w.buf.WriteByte(byte(w.acc))
		w.acc >>= 8
		w.count -= 8
	}
}

// code writes a Huffman code of n bits.
func (w *bitWriter) code(c uint64, n uint) {
	r := uint64(0)
	for i := uint(0); i < n; i++ {
		r = r<<1 | (c>>i)&1
	}
	w.bits(r, n)
}

func (w *bitWriter) flush() {
	if w.count > 0 {
		w.bits(0, 8-w.count)
	}
}

// literal writes a byte with the fixed literal codes.
func (w *bitWriter) literal(b byte) {
	if b < 144 {
		w.code(0x30+uint64(b), 8)
	} else {
		w.code(0x190+uint64(b)-144, 9)
	}
}

// copy writes a back-reference of length l (3–258) at distance d (1–32768) with the fixed codes.
func (w *bitWriter) copy(l, d int) {
	sym, base, extra := lengthCode(l)
	if sym < 280 {
		w.code(uint64(sym-256), 7)
	} else {
		w.code(0xc0+uint64(sym-280), 8)
	}
	w.bits(uint64(l-base), extra)
	dsym, dbase, dextra := distanceCode(d)
	w.code(uint64(dsym), 5)
	w.bits(uint64(d-dbase), dextra)
}

// lengthCode is the length symbol of l, its base length and extra bits (RFC 1951, 3.2.5).
func lengthCode(l int) (sym, base int, extra uint) {
	if l == 258 {
		return 285, 258, 0
	}
	return rangeCode(l, 257, 3, 4)
}

// distanceCode is the distance symbol of d, its base distance and extra bits.
func distanceCode(d int) (sym, base int, extra uint) { return rangeCode(d, 0, 1, 2) }

// rangeCode finds v in RFC 1951's table of ranges starting at symbol sym and value base: group
// e (0, 1, 2…) holds perGroup symbols of 2^e values each, the first group twice as many.
func rangeCode(v, sym, base, perGroup int) (int, int, uint) {
	for e := uint(0); ; e++ {
		n := perGroup
		if e == 0 {
			n = 2 * perGroup
		}
		for range n {
			if v < base+1<<e {
				return sym, base, e
			}
			sym++
			base += 1 << e
		}
	}
}

// TestDeflateRepeat checks the hand-written stream against flate's reader, byte for byte.
func TestDeflateRepeat(t *testing.T) {
	for _, tt := range []struct {
		head, repeat, tail string
		n                  int
	}{
		{"<a>", "<w:p/>", "</a>", 1},
		{"<a>", "<w:p/>", "</a>", 2},
		{"", "x", "", 300},
		{"<a>", "<w:r/>", "</a>", 100_003},
		{"h", strings.Repeat("Nội dung công việc ", 50), "t", 1000},
		{"", "ab", "", 130}, // 258 left after the first repeat, then 0
		{"", "abcdefghijklmnopqrstuvwxyz", "", 11},
	} {
		z, crc, size := deflateRepeat(t, tt.head, tt.repeat, tt.tail, tt.n)
		want := tt.head + strings.Repeat(tt.repeat, tt.n) + tt.tail
		var got bytes.Buffer
		if _, err := got.ReadFrom(flate.NewReader(bytes.NewReader(z))); err != nil {
			t.Fatalf("%q×%d: %v", tt.repeat, tt.n, err)
		}
		if got.String() != want {
			t.Errorf("%q×%d: got %d bytes, want %d", tt.repeat, tt.n, got.Len(), len(want))
		}
		if crc != crc32.ChecksumIEEE([]byte(want)) || size != uint64(len(want)) {
			t.Errorf("%q×%d: crc %x size %d, want %x %d", tt.repeat, tt.n, crc, size, crc32.ChecksumIEEE([]byte(want)), len(want))
		}
	}
}
