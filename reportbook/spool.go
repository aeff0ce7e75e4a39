package reportbook

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/xuri/excelize/v2"
)

// A sheet's rows are encoded by appendRow into a spool, and excelize's StreamWriter writes
// only what surrounds them (sheet properties, columns, panes, merged cells, page setup) with
// an empty <sheetData>. When excelize writes the package, splicer puts each sheet's rows in
// that empty element as the part goes into the zip.

// spoolInMemory is how much of a sheet's rows stays in memory before going to a temporary
// file, as excelize's StreamWriter does past 16 MB: a thousand units' list rows are some
// 130 MB of XML.
const spoolInMemory = 4 << 20

// spool holds a sheet's encoded rows: in memory, then in a temporary file past limit bytes
// (0: spoolInMemory).
type spool struct {
	limit int
	mem   bytes.Buffer
	file  *os.File
	w     *bufio.Writer
}

func (s *spool) Write(p []byte) (int, error) {
	limit := s.limit
	if limit == 0 {
		limit = spoolInMemory
	}
	if s.file == nil && s.mem.Len()+len(p) > limit {
		f, err := os.CreateTemp("", "tonghop-sheet-*.xml")
		if err != nil {
			return 0, fmt.Errorf("spool sheet rows: %w", err)
		}
		s.file, s.w = f, bufio.NewWriterSize(f, 256<<10)
		if _, err := s.w.Write(s.mem.Bytes()); err != nil {
			return 0, fmt.Errorf("spool sheet rows: %w", err)
		}
		s.mem = bytes.Buffer{}
	}
	if s.file != nil {
		return s.w.Write(p)
	}
	return s.mem.Write(p)
}

// writeTo copies the rows to w.
func (s *spool) writeTo(w io.Writer) error {
	if s.file == nil {
		_, err := w.Write(s.mem.Bytes())
		return err
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool sheet rows: %w", err)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool sheet rows: %w", err)
	}
	_, err := io.Copy(w, s.file)
	return err
}

// close removes the temporary file, if any.
func (s *spool) close() error {
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	s.file = nil
	return errors.Join(err, os.Remove(name))
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

// splice writes the part received, if any, with its rows.
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
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	cut := at + len(`<sheetData>`)
	if _, err := w.Write(part[:cut]); err != nil {
		return err
	}
	if err := z.spools[name].writeTo(w); err != nil {
		return fmt.Errorf("rows of %s: %w", name, err)
	}
	delete(z.spools, name)
	_, err = w.Write(part[cut:])
	return err
}
