package reportbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"

	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/xuri/excelize/v2"
)

// A sheet's rows are encoded by appendRow into a spool, and excelize's StreamWriter writes
// only what surrounds them (sheet properties, columns, panes, merged cells, page setup) with
// an empty <sheetData>. When excelize writes the package, splicer puts each sheet's rows in
// that empty element as the part goes into the zip.

// spoolInMemory is how much of a sheet's compressed rows stays in memory before going to a
// temporary file: a thousand units' list rows are some 130 MB of XML and 10 MB compressed.
const spoolInMemory = 4 << 20

// spool holds a sheet's encoded rows, compressed as they are written (so that the package's
// largest part is not written out, read back and compressed afterwards), with their CRC-32
// and length: the part around them is compressed apart and the three pieces joined as one
// deflate stream (each piece but the last ends on a sync flush, which ends no stream).
type spool struct {
	limit int // of compressed bytes kept in memory; 0: spoolInMemory
	out   spoolOut
	fw    *zipflate.Writer
	crc   uint32
	n     int64 // rows' bytes before compression
}

func (s *spool) Write(p []byte) (int, error) {
	if s.fw == nil {
		s.out.limit = s.limit
		if s.out.limit == 0 {
			s.out.limit = spoolInMemory
		}
		var err error
		if s.fw, err = zipflate.Fastest.Take(&s.out); err != nil {
			return 0, fmt.Errorf("spool sheet rows: %w", err)
		}
	}
	s.crc = crc32.Update(s.crc, crc32.IEEETable, p)
	s.n += int64(len(p))
	return s.fw.Write(p)
}

// finish ends the compressed rows on a sync flush; nothing is written after it.
func (s *spool) finish() error {
	if s.fw == nil {
		return nil
	}
	err := s.fw.Flush()
	s.fw.Release()
	s.fw = nil
	if err != nil {
		return fmt.Errorf("spool sheet rows: %w", err)
	}
	return s.out.flush()
}

// writeTo copies the compressed rows to w.
func (s *spool) writeTo(w io.Writer) error {
	if s.out.file == nil {
		_, err := w.Write(s.out.mem.Bytes())
		return err
	}
	if _, err := s.out.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool sheet rows: %w", err)
	}
	_, err := io.Copy(w, s.out.file)
	return err
}

// close removes the temporary file, if any.
func (s *spool) close() error {
	if s.fw != nil {
		s.fw.Release()
		s.fw = nil
	}
	return s.out.close()
}

// spoolOut holds compressed rows: in memory, then in a temporary file past limit bytes.
type spoolOut struct {
	limit int
	mem   bytes.Buffer
	file  *os.File
	w     *bufio.Writer
	n     int64 // bytes held
}

func (o *spoolOut) Write(p []byte) (int, error) {
	o.n += int64(len(p))
	if o.file == nil && o.mem.Len()+len(p) > o.limit {
		f, err := os.CreateTemp("", "tonghop-sheet-*.xml.deflate")
		if err != nil {
			return 0, fmt.Errorf("spool sheet rows: %w", err)
		}
		o.file, o.w = f, bufio.NewWriterSize(f, 256<<10)
		if _, err := o.w.Write(o.mem.Bytes()); err != nil {
			return 0, fmt.Errorf("spool sheet rows: %w", err)
		}
		o.mem = bytes.Buffer{}
	}
	if o.file != nil {
		return o.w.Write(p)
	}
	return o.mem.Write(p)
}

func (o *spoolOut) flush() error {
	if o.w == nil {
		return nil
	}
	if err := o.w.Flush(); err != nil {
		return fmt.Errorf("spool sheet rows: %w", err)
	}
	return nil
}

func (o *spoolOut) close() error {
	if o.file == nil {
		return nil
	}
	name := o.file.Name()
	err := o.file.Close()
	o.file = nil
	return errors.Join(err, os.Remove(name))
}

// deflated compresses b at the fastest level, ending on a sync flush, or on the stream's
// final block when last.
func deflated(b []byte, last bool) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := zipflate.Fastest.Take(&buf)
	if err != nil {
		return nil, err
	}
	defer fw.Release()
	if _, err := fw.Write(b); err != nil {
		return nil, err
	}
	if last {
		err = fw.Close()
	} else {
		err = fw.Flush()
	}
	return buf.Bytes(), err
}

// rawCreator is archive/zip's Writer: a part already compressed is written as it is.
type rawCreator interface {
	CreateRaw(fh *zip.FileHeader) (io.Writer, error)
}

// emptySheetData is what excelize's StreamWriter.Flush writes for a sheet without rows.
var emptySheetData = []byte(`<sheetData></sheetData>`)

// splicer is the zip writer handed to excelize: the parts of spooled sheets (part name →
// rows) are held until complete, then written with their rows inside <sheetData>.
type splicer struct {
	zw      excelize.ZipWriter
	spools  map[string]*spool
	name    string // the spooled part being received, "" none
	pending bytes.Buffer
}

func (z *splicer) Create(name string) (io.Writer, error) {
	if err := z.splice(); err != nil {
		return nil, err
	}
	if _, ok := z.spools[name]; ok {
		z.name = name
		z.pending.Reset()
		return &z.pending, nil
	}
	return z.zw.Create(name)
}

func (z *splicer) AddFS(fsys fs.FS) error {
	if err := z.splice(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close fails when a sheet's rows found no part to go in: a workbook without them would
// look whole and lack rows.
func (z *splicer) Close() error {
	if err := z.splice(); err != nil {
		return err
	}
	for name := range z.spools {
		return fmt.Errorf("rows of %s: excelize wrote no such part", name)
	}
	return z.zw.Close()
}

// splice writes the part received, if any, with its rows: the part before them and the part
// after compressed apart, joined to the compressed rows, with the CRC-32 of the whole.
func (z *splicer) splice() error {
	if z.name == "" {
		return nil
	}
	name, part := z.name, z.pending.Bytes()
	z.name = ""
	at := bytes.Index(part, emptySheetData)
	if at < 0 || bytes.Index(part[at+len(emptySheetData):], emptySheetData) >= 0 {
		return fmt.Errorf("rows of %s: no single empty sheetData in the part excelize wrote", name)
	}
	raw, ok := z.zw.(rawCreator)
	if !ok {
		return fmt.Errorf("rows of %s: the zip writer takes no compressed part", name)
	}
	sp := z.spools[name]
	delete(z.spools, name)
	if err := sp.finish(); err != nil {
		return fmt.Errorf("rows of %s: %w", name, err)
	}
	cut := at + len(`<sheetData>`)
	head, tail := part[:cut], part[cut:]
	hc, err := deflated(head, false)
	if err != nil {
		return err
	}
	tc, err := deflated(tail, true)
	if err != nil {
		return err
	}
	crc := crc32Combine(crc32.ChecksumIEEE(head), sp.crc, sp.n)
	crc = crc32Combine(crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
	w, err := raw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(int64(len(hc)) + sp.out.n + int64(len(tc))),
		UncompressedSize64: uint64(int64(len(head)) + sp.n + int64(len(tail)))})
	if err != nil {
		return err
	}
	if _, err := w.Write(hc); err != nil {
		return err
	}
	if err := sp.writeTo(w); err != nil {
		return fmt.Errorf("rows of %s: %w", name, err)
	}
	_, err = w.Write(tc)
	return err
}
