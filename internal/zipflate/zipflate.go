// Package zipflate gives zip writers a Deflate compressor taken from a short free list.
//
// archive/zip keeps its compressors in a sync.Pool, which every garbage collection empties and
// which, under the race detector, also drops a quarter of what is put back; each compressor it
// then makes anew allocates close to a megabyte, and the race detector pays for every byte of it.
// Writing a workbook (a dozen deflated parts) cost three times as much under the detector as
// with compressors kept here. The compression is archive/zip's own (level 5), so the bytes
// written are the same.
package zipflate

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// level is archive/zip's (register.go: flate.NewWriter(w, 5)): the same bytes as before.
const level = 5

// keep bounds the free list: at most this many idle compressors (under a megabyte each) held.
const keep = 4

var free struct {
	sync.Mutex
	list []*kept
}

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

// NewWriter returns a zip.Writer on w whose Deflate entries use the free list's compressors.
func NewWriter(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, compressor)
	return zw
}

// compressor is a zip.Compressor: a kept compressor reset onto w, or a new one.
func compressor(w io.Writer) (io.WriteCloser, error) {
	if k := take(); k != nil {
		k.use().Reset(w)
		return &writer{k: k}, nil
	}
	fw, err := flate.NewWriter(w, level)
	if err != nil {
		return nil, err
	}
	return &writer{k: &kept{fw: fw}}, nil
}

func take() *kept {
	free.Lock()
	defer free.Unlock()
	n := len(free.list)
	if n == 0 {
		return nil
	}
	k := free.list[n-1]
	free.list[n-1] = nil
	free.list = free.list[:n-1]
	return k
}

func put(k *kept) {
	free.Lock()
	defer free.Unlock()
	if len(free.list) < keep {
		free.list = append(free.list, k)
	}
}

// writer hands its compressor back when the zip entry is closed; zip.Writer closes each once.
type writer struct{ k *kept }

func (w *writer) Write(p []byte) (int, error) { return w.k.use().Write(p) }

func (w *writer) Close() error {
	err := w.k.use().Close()
	put(w.k)
	w.k = nil
	return err
}

// Excelize is NewWriter in the shape excelize's File.SetZipWriter takes.
func Excelize(w io.Writer) excelize.ZipWriter { return NewWriter(w) }
