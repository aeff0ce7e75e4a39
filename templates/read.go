package templates

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/vnenc"
)

// oleMagic starts the compound files of .xls workbooks and of password-encrypted .xlsx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptedPackage is the UTF-16LE name of the stream holding an encrypted xlsx inside its
// compound file.
var encryptedPackage = utf16le("EncryptedPackage")

func utf16le(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r), 0)
	}
	return out
}

// Read opens a workbook and reads it as one of forms. The returned Report carries the data and every problem found
// (errors and warnings, each with Sheet, Cell, Vietnamese Message). err wraps ErrUnreadable or ErrUnknownForm when
// nothing could be read; the Report then still has one Problem explaining it in Vietnamese.
//
// The form is identified by the very hidden "_tonghop" sheet (its tag checked against secret), else
// by the visible identification line of the cover (Ident.Guessed), else by matching sheet names,
// header titles, indicator names and section titles (Ident.Guessed, unit and period empty).
func Read(data []byte, forms []form.Form, secret []byte, lim Limits) (*form.Report, error) {
	return ReadContext(context.Background(), data, forms, secret, lim)
}

// ReadContext is Read stopping soon after ctx ends, between rows of a sheet: err then wraps
// ctx.Err(), and the report judges nothing.
func ReadContext(ctx context.Context, data []byte, forms []form.Form, secret []byte, lim Limits) (*form.Report, error) {
	return ReadKeys(ctx, data, forms, Keys{Current: secret}, lim)
}

// ReadKeys is ReadContext verifying the identification with a key ring: a tag made with one of
// keys.Previous is accepted with a warning (CodeOldKey), one made with a key not in the ring is
// told apart, where the workbook says which key made it, from an identification altered since.
func ReadKeys(ctx context.Context, data []byte, forms []form.Form, keys Keys, lim Limits) (*form.Report, error) {
	return readBook(ctx, data, lim, func(r *reader) (*form.Report, error) {
		f, err := r.identify(forms, keys)
		if err == nil {
			err = r.readForm(f)
		}
		if errors.Is(err, ErrUnknownForm) && ctx.Err() == nil {
			return r.unknown(err)
		}
		return nil, err
	})
}

// readBook is the frame of every reading of a workbook: it opens data within lim, runs read
// within the time budget and ctx, and turns what stopped it into the report that says why (too
// many cells, too slow, corrupt, or a panic in excelize, which reads hostile input and must not
// take the daemon down). read returns a report of its own to end there, or nil and its error.
func readBook(ctx context.Context, data []byte, lim Limits, read func(*reader) (*form.Report, error)) (rep *form.Report, err error) {
	lim = lim.withDefaults()
	defer func() {
		if p := recover(); p != nil {
			rep, err = failed(ErrUnreadable, CodeUnreadable, msgCorrupt, fmt.Sprintf("panic: %v", p))
		}
	}()
	budget, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	x, zr, lean, rep, err := openRead(data, lim)
	if x == nil {
		return rep, err
	}
	defer x.Close()
	defer lean.close()
	b := newBook(x, lim.MaxCells)
	b.parts, b.lean, b.ctx, b.stop = newPartIndex(zr), lean, budget, ctx
	r := newReader(b)
	if hasMacros(zr) {
		r.warnf("", "", "", CodeMacrosIgnored, msgMacros)
	}
	own, err := read(r)
	switch {
	case own != nil:
		return own, err
	case err != nil && ctx.Err() != nil:
		return newReport(), fmt.Errorf("read workbook: %w", ctx.Err())
	case errors.Is(err, errTooManyCells):
		return failed(ErrUnreadable, CodeUnreadable, fmt.Sprintf(msgTooManyCells, viCount(lim.MaxCells)), err.Error())
	case errors.Is(err, errTimeout):
		return failed(ErrUnreadable, CodeUnreadable, fmt.Sprintf(msgTimeout, timeoutSeconds(lim.Timeout)), err.Error())
	case err != nil:
		return failed(ErrUnreadable, CodeUnreadable, msgCorrupt, err.Error())
	}
	r.rep.Sheets = b.sheets
	return r.rep, nil
}

// openBook checks data within lim and opens it with excelize, every cell's text cut to MaxCellChars.
// When it cannot, the returned workbook is nil and the report says why.
func openBook(data []byte, lim Limits) (*excelize.File, *zip.Reader, *form.Report, error) {
	zr, text, rep, err := checkBook(data, lim)
	if zr == nil {
		return nil, nil, rep, err
	}
	return openChecked(data, zr, text, lim)
}

// openRead is openBook for reading: lean (lean.go) when it can be, the streamed parts then
// returned with the workbook.
func openRead(data []byte, lim Limits) (*excelize.File, *zip.Reader, *streamed, *form.Report, error) {
	zr, text, rep, err := checkBook(data, lim)
	if zr == nil {
		return nil, nil, nil, rep, err
	}
	if lean := leanParts(zr, newPartIndex(zr), text); lean != nil && readLean {
		if x, err := openLean(zr, lean, lim); err == nil {
			lean.data, lean.lim = data, lim
			return x, zr, lean, nil, nil
		} // else opened in full, which says why it cannot be read
	}
	x, zr, rep, err := openChecked(data, zr, text, lim)
	return x, zr, nil, rep, err
}

// checkBook checks data within lim (precheck, checkStructure); when it refuses, zr is nil and
// the report says why.
func checkBook(data []byte, lim Limits) (*zip.Reader, *textBudget, *form.Report, error) {
	zr, msg, why := precheck(data, lim)
	if msg == msgOLE {
		rep, err := failed(ErrUnreadable, CodeUnreadable, msg, why)
		return nil, nil, rep, fmt.Errorf("%w: %w", err, ErrLegacy)
	}
	if msg != "" {
		rep, err := failed(ErrUnreadable, CodeUnreadable, msg, why)
		return nil, nil, rep, err
	}
	text, err := checkStructure(zr, lim)
	if err != nil {
		msg := msgCorrupt
		switch {
		case errors.Is(err, errTooMany):
			msg = fmt.Sprintf(msgTooManyCells, viCount(lim.MaxCells))
		case errors.Is(err, errTooManyChars):
			msg = fmt.Sprintf(msgTooManyChars, viNumber(float64(lim.MaxChars)))
		}
		rep, err := failed(ErrUnreadable, CodeUnreadable, msg, err.Error())
		return nil, nil, rep, err
	}
	return zr, text, nil, nil
}

// openChecked opens the checked data with excelize in full, the text to cut cut.
func openChecked(data []byte, zr *zip.Reader, text *textBudget, lim Limits) (*excelize.File, *zip.Reader, *form.Report, error) {
	x, err := openFull(data, lim)
	if err == nil {
		if err = text.apply(x, lim.MaxXMLBytes); err != nil {
			x.Close()
		}
	}
	if err != nil {
		rep, err := failed(ErrUnreadable, CodeUnreadable, msgCorrupt, err.Error())
		return nil, nil, rep, err
	}
	return x, zr, nil, nil
}

// openFull opens data with excelize within lim.
func openFull(data []byte, lim Limits) (*excelize.File, error) {
	return excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: lim.MaxUnzipBytes, UnzipXMLSizeLimit: lim.MaxXMLBytes,
	})
}

// precheck refuses cheaply what excelize should not see: empty or oversized files, legacy or
// encrypted compound files, non-zip data, and zips whose directory announces more than the limits
// (a zip bomb; archive/zip also stops any entry that inflates beyond its announced size).
func precheck(data []byte, lim Limits) (zr *zip.Reader, msg, why string) {
	switch {
	case len(data) == 0:
		return nil, msgEmpty, "empty file"
	case int64(len(data)) > lim.MaxFileBytes:
		return nil, fmt.Sprintf(msgTooBig, mb(int64(len(data))), mb(lim.MaxFileBytes)), "file too large"
	case bytes.HasPrefix(data, oleMagic) && bytes.Contains(data, encryptedPackage):
		return nil, msgEncrypted, "password-encrypted xlsx"
	case bytes.HasPrefix(data, oleMagic):
		return nil, msgOLE, "OLE compound file (xls)"
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, msgNotXLSX, "not a zip: " + err.Error()
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if isXMLPart(f.Name) && f.UncompressedSize64 > uint64(lim.MaxXMLBytes) || total > uint64(lim.MaxUnzipBytes) {
			return nil, msgUnzipTooBig, fmt.Sprintf("zip entry %q inflates beyond the limits", f.Name)
		}
		if strings.HasPrefix(strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")), "xl/") {
			workbook = true
		}
	}
	if !workbook {
		return nil, msgNotXLSX, "zip without an xl/ part"
	}
	return zr, "", ""
}

func mb(n int64) string { return viNumber(float64(n*10/(1<<20)) / 10) }

// failed builds the report of a workbook that could not be read at all.
func failed(sentinel error, code, msg, why string) (*form.Report, error) {
	rep := newReport()
	rep.Errors = []form.Problem{{Code: code, Message: msg}}
	return rep, fmt.Errorf("%w: %s", sentinel, why)
}

func newReport() *form.Report {
	return &form.Report{Filled: form.Filled{
		Header: map[string]string{}, Tables: map[string][]form.Row{},
		Indicators: map[string]map[string]map[string]string{}, Narrative: map[string]string{},
	}}
}

// reader accumulates what is read from one workbook.
type reader struct {
	b      *book
	rep    *form.Report
	legacy legacyCells
}

func newReader(b *book) *reader { return &reader{b: b, rep: newReport()} }

// unknown returns the report of a workbook that is none of the forms; the explanation found while
// identifying (an unknown form code) is kept, else the generic one is given.
func (r *reader) unknown(err error) (*form.Report, error) {
	rep := newReport()
	msg := msgUnknownForm
	for _, p := range r.rep.Errors {
		if p.Code == CodeUnknownForm {
			msg = p.Message
		}
	}
	rep.Errors = []form.Problem{{Code: CodeUnknownForm, Message: msg}}
	return rep, err
}

func (r *reader) errorf(sheet, cell, field, code, format string, args ...any) {
	r.rep.Errors = append(r.rep.Errors, form.Problem{Sheet: sheet, Cell: cell, Field: field, Code: code, Message: sayf(format, args...)})
}

func (r *reader) warnf(sheet, cell, field, code, format string, args ...any) {
	r.rep.Warnings = append(r.rep.Warnings, form.Problem{Sheet: sheet, Cell: cell, Field: field, Code: code, Message: sayf(format, args...)})
}

// cellVerdict records the problems of one cell's verdict; title names the field in the message.
func (r *reader) cellVerdict(sheet string, col, row int, field, title string, v verdict) {
	if v.code == "" && v.warnCode == "" {
		return
	}
	ref := cellName(col, row)
	prefix := fmt.Sprintf(msgCell, ref, title)
	if v.code != "" {
		r.errorf(sheet, ref, field, v.code, "%s", prefix+v.msg)
	}
	if v.warnCode != "" {
		r.warnf(sheet, ref, field, v.warnCode, "%s", prefix+v.warnTx)
	}
}

// parse reads one non-empty cell of a sheet read in full as column c, noting text converted from
// a legacy encoding.
func (r *reader) parse(c form.Column, g *grid, col, row int, raw string) verdict {
	in := r.b.cellIn(g, col, row, raw)
	in.legacy = r.legacy.enc
	v := parseValue(c, in, r.b.date1904)
	if v.legacy != vnenc.Unicode { // the cell's name is made only for a cell to note
		r.legacy.note(g.sheet, cellName(col, row), v.legacy, v.value)
	}
	return v
}

// readForm reads every part of f and the preparer's details from the cover.
func (r *reader) readForm(f *form.Form) error {
	for _, p := range parts(f) {
		var err error
		switch p.kind {
		case kindTable:
			err = r.readTable(&p)
		case kindIndicators:
			err = r.readIndicators(&p)
		default:
			err = r.readNarrative(f)
		}
		if err != nil {
			return err
		}
	}
	if err := r.readHeader(); err != nil {
		return err
	}
	r.legacy.report(r)
	return nil
}
