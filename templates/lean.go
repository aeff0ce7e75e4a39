package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Reading needs excelize for the workbook's model (sheet names, styles, defined names, the
// date system), not for its worksheets, which the single pass reads (sheetscan.go). Opened on
// the whole file, excelize inflates and keeps every part, about 470 bytes a row of a work
// program, and the pass then scans its copy. A lean opening gives excelize a copy of the zip
// without the worksheets and the shared strings (their compressed bytes copied as they are, not
// inflated), and the passes stream those from the zip through a small window.
//
// Only parts the structural check read to their end without a fault are left out, so excelize
// meets every fault it met before: a part it would refuse is still in its copy. A sheet the pass
// leaves to excelize, and a workbook with text to cut (budget.go), are read from the workbook
// opened in full, as before.

// readLean lets a test read in full what Read would read lean, to compare the reports.
var readLean = true

// streamed is what a lean opening left out of excelize, read from the zip by each pass.
type streamed struct {
	files       map[string]*zip.File // by the name excelize keys them
	rows        map[string]int       // the rows the structural check counted in each
	sharedCount int                  // strings and bytes of text in the shared strings
	sharedBytes int
	window      int // the window's size for a test; 0: windowSize, from the pool

	data    []byte // the whole file, opened in full on a sheet's first need
	lim     Limits
	full    *excelize.File
	fullErr error
}

// leanParts is what a lean opening of zr leaves out: the clean worksheets the workbook names,
// and the clean shared strings; nil when nothing is worth leaving out.
func leanParts(zr *zip.Reader, idx *partIndex, text *textBudget) *streamed {
	if len(text.cuts) > 0 || idx.oddBook {
		return nil
	}
	lean := &streamed{files: map[string]*zip.File{}, rows: text.rows}
	for _, name := range idx.sheets {
		if strings.HasPrefix(name, "xl/worksheets/") && text.isClean(name) {
			lean.files[name] = text.parts[name]
		}
	}
	if len(lean.files) == 0 {
		return nil
	}
	if text.isClean(sharedStringsPart) {
		lean.files[sharedStringsPart] = text.parts[sharedStringsPart]
		lean.sharedCount, lean.sharedBytes = len(text.shared), text.sharedBytes
	}
	return lean
}

// openLean opens with excelize a copy of zr without the parts lean leaves out.
func openLean(zr *zip.Reader, lean *streamed, lim Limits) (*excelize.File, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	copyBuf := make([]byte, 8<<10)
	for _, f := range zr.File {
		if _, out := lean.files[excelizeName(f.Name)]; out {
			continue
		}
		if err := copyRaw(zw, f, copyBuf); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return excelize.OpenReader(&buf, excelize.Options{UnzipSizeLimit: lim.MaxUnzipBytes, UnzipXMLSizeLimit: lim.MaxXMLBytes})
}

// copyRaw copies a zip entry, its compressed bytes as they are.
func copyRaw(zw *zip.Writer, f *zip.File, buf []byte) error {
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	h := f.FileHeader
	w, err := zw.CreateRaw(&h)
	if err != nil {
		return err
	}
	_, err = io.CopyBuffer(w, r, buf)
	return err
}

// open streams the part excelize keys as name; nil when lean left it in excelize.
func (l *streamed) open(name string) *xmlScan {
	if l == nil {
		return nil
	}
	f, ok := l.files[name]
	if !ok || f.UncompressedSize64 == 0 { // an empty part is excelize's to read, as before
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	if l.window > 0 {
		return streamScanSized(rc, l.window)
	}
	return streamScan(rc)
}

// excel is the workbook opened in full, for the sheets left to excelize's reading.
func (l *streamed) excel() (*excelize.File, error) {
	if l.full == nil && l.fullErr == nil {
		l.full, l.fullErr = openFull(l.data, l.lim)
		if l.fullErr != nil {
			l.fullErr = fmt.Errorf("open workbook in full: %w", l.fullErr)
		}
	}
	return l.full, l.fullErr
}

// close closes the workbook opened in full, if it was.
func (l *streamed) close() {
	if l != nil && l.full != nil {
		l.full.Close()
	}
}
