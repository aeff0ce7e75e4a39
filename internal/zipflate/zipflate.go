// Package zipflate keeps Deflate compressors between uses, on a short free list for each level:
// for zip writers, and for the consolidated workbook's sheets compressed ahead of their archive.
//
// archive/zip keeps its compressors in a sync.Pool, which every garbage collection empties and
// which, under the race detector, also drops a quarter of what is put back; each compressor it
// then makes anew allocates close to a megabyte, and the race detector pays for every byte of it.
// Writing a workbook (a dozen deflated parts) cost three times as much under the detector as
// with compressors kept here. NewWriter compresses at archive/zip's own level (5), so the bytes
// written are the same.
package zipflate

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// keep bounds each free list: at most this many idle compressors (under a megabyte each) held.
const keep = 4

// A Level is a Deflate level with a free list of compressors of its own.
type Level struct {
	level int
	mu    sync.Mutex
	free  []*kept
}

var (
	// Default is archive/zip's level (register.go: flate.NewWriter(w, 5)): the same bytes.
	Default = &Level{level: 5}
	// Fastest is Deflate's fastest level, for parts large enough that the default level would
	// take as long as making them.
	Fastest = &Level{level: flate.BestSpeed}
)

// kept is a compressor and a mark that this package writes at every use of it. The README's test
// command leaves compress/flate without race instrumentation (its loops over every byte cost a
// tenth to a fifth of the suite's CPU), so a compressor two goroutines used at once would go
// unseen inside it; the mark is written by our instrumented code, and such sharing is a race the
// detector sees.
type kept struct {
	fw   *flate.Writer
	uses int
}

// use marks a use of k by the calling goroutine (see kept).
func (k *kept) use() *flate.Writer {
	k.uses++
	return k.fw
}

// NewWriter returns a zip.Writer on w whose Deflate entries use Default's compressors.
func NewWriter(w io.Writer) *zip.Writer { return Default.NewWriter(w) }

// Excelize is NewWriter in the shape excelize's File.SetZipWriter takes.
func Excelize(w io.Writer) excelize.ZipWriter { return NewWriter(w) }

// NewWriter returns a zip.Writer on w whose Deflate entries use l's compressors.
func (l *Level) NewWriter(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		c, err := l.Take(w)
		if err != nil {
			return nil, err
		}
		return entry{c}, nil
	})
	return zw
}

// Take returns a compressor of l writing to w: a kept one reset onto w, or a new one. Release
// hands it back.
func (l *Level) Take(w io.Writer) (*Writer, error) {
	l.mu.Lock()
	var k *kept
	if n := len(l.free); n > 0 {
		k, l.free[n-1] = l.free[n-1], nil
		l.free = l.free[:n-1]
	}
	l.mu.Unlock()
	if k != nil {
		k.use().Reset(w)
		return &Writer{k: k, l: l}, nil
	}
	fw, err := flate.NewWriter(w, l.level)
	if err != nil {
		return nil, err
	}
	return &Writer{k: &kept{fw: fw}, l: l}, nil
}

// Writer is a compressor taken from a Level, until Release.
type Writer struct {
	k *kept
	l *Level
}

func (w *Writer) Write(p []byte) (int, error) { return w.k.use().Write(p) }

// Flush ends what was written on a sync flush, as flate.Writer.Flush.
func (w *Writer) Flush() error { return w.k.use().Flush() }

// Close ends the stream, as flate.Writer.Close; the compressor is still held until Release.
func (w *Writer) Close() error { return w.k.use().Close() }

// Release hands the compressor back to its level's free list; w is not to be used after it, and
// a second Release does nothing.
func (w *Writer) Release() {
	if w.k == nil {
		return
	}
	k := w.k
	k.use()
	w.k = nil
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	if len(w.l.free) < keep {
		w.l.free = append(w.l.free, k)
	}
}

// entry is a zip entry's compressor: zip.Writer closes each once, which ends the stream and
// hands the compressor back.
type entry struct{ *Writer }

func (e entry) Close() error {
	err := e.Writer.Close()
	e.Release()
	return err
}
