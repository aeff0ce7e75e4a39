package templates

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/xuri/excelize/v2"
)

// SanitizeReport says what Sanitize took out of a workbook.
type SanitizeReport struct {
	Formulas int // cell formulas replaced by the value they had when last computed
	// Emptied lists the cells whose formula had no computed value, left empty ("Tổng hợp!B7"),
	// at most MaxEmptiedListed of them; EmptiedCount counts them all.
	Emptied      []string
	EmptiedCount int
	Hyperlinks   int  // HYPERLINK formulas reduced to their text, links to outside addresses removed
	External     int  // links outside the workbook removed: link parts, external relationships, DDE and other workbooks' cells in formulas and names
	Macros       bool // the package held macros: a VBA project, macro sheets or a macro-enabled type
	Rules        int  // conditional formats and data validations removed (formulas without a value)
	// Dropped names the parts not carried over (charts, pictures, comments, tables, the VBA
	// project, external links…); Names the defined names removed.
	Dropped []string
	Names   []string
	// Problem says, in Vietnamese, why the workbook was refused, when Sanitize returns an error.
	Problem string
}

// MaxEmptiedListed is how many emptied cells a SanitizeReport names.
const MaxEmptiedListed = 100

func (r *SanitizeReport) emptied(sheet, cell string) {
	if r.EmptiedCount++; len(r.Emptied) < MaxEmptiedListed {
		r.Emptied = append(r.Emptied, sheet+"!"+cell)
	}
}

// Sanitize returns a workbook that holds values only, to adopt a file from outside as the
// office's own (a leader's edited draft): the same package checks as Read (size, zip bomb,
// encryption, XML shape, within lim), then a new package of the workbook, its worksheets,
// styles, theme, shared strings and document properties. Every formula is replaced by its
// computed value (HYPERLINK by its text), a formula without one leaves its cell empty; macros,
// external links and anything else that could run or reach out (data connections, OLE objects,
// controls, drawings, comments, tables, extensions) are left out, and the content types are
// those of a plain .xlsx. err wraps ErrUnreadable when data cannot be made such a workbook, with
// report.Problem saying why in Vietnamese.
func Sanitize(data []byte, lim Limits) (clean []byte, report SanitizeReport, err error) {
	lim = lim.withDefaults()
	defer func() {
		// excelize checks the result, and reads what an outsider wrote.
		if p := recover(); p != nil {
			clean, report, err = nil, SanitizeReport{Problem: msgCorrupt}, fmt.Errorf("%w: sanitize: panic: %v", ErrUnreadable, p)
		}
	}()
	zr, msg, why := precheck(data, lim)
	if msg != "" {
		return refused(msg, errors.New(why))
	}
	if _, err := checkStructure(zr, lim); err != nil {
		if errors.Is(err, errTooMany) {
			return refused(fmt.Sprintf(msgTooManyCells, viCount(lim.MaxCells)), err)
		}
		return refused(msgCorrupt, err)
	}
	s, err := newSanitizer(zr, lim.MaxCells)
	if err != nil {
		return refused(msgNotXLSX, err)
	}
	if err := s.run(); err != nil {
		switch {
		case errors.Is(err, errNotWorkbook):
			return refused(msgNotXLSX, err)
		case errors.Is(err, errTooManyCells):
			return refused(fmt.Sprintf(msgTooManyCells, viCount(lim.MaxCells)), err)
		}
		return refused(msgCorrupt, err)
	}
	clean = s.buf.Bytes()
	if err := verify(clean, lim); err != nil {
		return refused(msgCorrupt, err)
	}
	s.rep.Macros = s.rep.Macros || hasMacros(zr)
	s.rep.Dropped = s.dropped()
	return clean, *s.rep, nil
}

func refused(msg string, why error) ([]byte, SanitizeReport, error) {
	return nil, SanitizeReport{Problem: msg}, fmt.Errorf("%w: sanitize: %w", ErrUnreadable, why)
}

// verify opens the result as Read would, and reads its rows.
func verify(clean []byte, lim Limits) error {
	if int64(len(clean)) > lim.MaxFileBytes {
		return fmt.Errorf("sanitized workbook of %d bytes over the limit", len(clean))
	}
	x, err := excelize.OpenReader(bytes.NewReader(clean), excelize.Options{
		UnzipSizeLimit: lim.MaxUnzipBytes, UnzipXMLSizeLimit: lim.MaxXMLBytes,
	})
	if err != nil {
		return err
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) == 0 {
		return fmt.Errorf("%w: no sheet", errNotWorkbook)
	}
	for _, sheet := range sheets {
		if err := readRows(x, sheet); err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
	}
	return nil
}

// readRows reads every row of a sheet, as stamping or reading the workbook later will.
func readRows(x *excelize.File, sheet string) error {
	rows, err := x.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if _, err := rows.Columns(); err != nil {
			return err
		}
	}
	return rows.Error()
}

var errNotWorkbook = errors.New("not a workbook")

// sanitizer builds the new package.
type sanitizer struct {
	files map[string]*zip.File // the package's parts, by lower-case name
	used  map[string]bool      // parts read or carried over
	types map[string]string    // content types declared, by lower-case part name or "." + extension
	rep   *SanitizeReport
	cells int // cells the worksheets may still hold
	buf   bytes.Buffer
	zw    *zip.Writer
}

func newSanitizer(zr *zip.Reader, maxCells int) (*sanitizer, error) {
	s := &sanitizer{files: map[string]*zip.File{}, used: map[string]bool{}, types: map[string]string{},
		rep: &SanitizeReport{}, cells: maxCells}
	for _, f := range zr.File {
		name := partName(f.Name)
		if _, dup := s.files[name]; dup {
			return nil, fmt.Errorf("part %q twice", f.Name)
		}
		s.files[name] = f
	}
	return s, nil
}

func partName(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// run reads the package's relationships from the root down to the worksheets, and writes what
// it keeps.
func (s *sanitizer) run() error {
	if err := s.readTypes(); err != nil {
		return err
	}
	root, err := s.rels("")
	if err != nil {
		return err
	}
	book, ok := root.first(roleWorkbook)
	if !ok {
		return fmt.Errorf("%w: no workbook part", errNotWorkbook)
	}
	switch typ := s.typeOf(book.part); {
	case strings.Contains(typ, "macroEnabled"):
		s.rep.Macros = true
	case !workbookTypes[typ]:
		return fmt.Errorf("%w: main part of type %q", errNotWorkbook, typ)
	}
	bookRels, err := s.rels(book.part)
	if err != nil {
		return err
	}
	plan, err := s.planBook(book.part, bookRels)
	if err != nil {
		return err
	}
	s.zw = zipflate.NewWriter(&s.buf)
	if err := s.write(root, plan); err != nil {
		return err
	}
	return s.zw.Close()
}

// readTypes reads [Content_Types].xml: the main part's type says whether it is a workbook, and
// any macro type is noted.
func (s *sanitizer) readTypes() error {
	var ct struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := s.decode("[content_types].xml", &ct); err != nil {
		return fmt.Errorf("%w: content types: %w", errNotWorkbook, err)
	}
	for _, d := range ct.Defaults {
		s.types["."+strings.ToLower(d.Ext)] = d.Type
	}
	for _, o := range ct.Overrides {
		s.types[partName(o.Part)] = o.Type
	}
	for _, t := range s.types {
		if strings.Contains(strings.ToLower(t), "macroenabled") || strings.Contains(strings.ToLower(t), "vbaproject") {
			s.rep.Macros = true
		}
	}
	return nil
}

func (s *sanitizer) typeOf(part string) string {
	if t, ok := s.types[part]; ok {
		return t
	}
	return s.types[strings.ToLower(path.Ext(part))]
}

// workbookTypes are the content types of a workbook's main part: .xlsx, .xltx, and their
// macro-enabled kin (.xlsm, .xltm, .xlam), whose macros are left out.
var workbookTypes = map[string]bool{
	contentTypeMain:      true,
	contentTypeMacroMain: true,
	"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": true,
	"application/vnd.ms-excel.template.macroEnabled.main+xml":                       true,
	"application/vnd.ms-excel.addin.macroEnabled.main+xml":                          true,
}

func (s *sanitizer) decode(name string, v any) error {
	f, ok := s.files[name]
	if !ok {
		return fmt.Errorf("no part %q", name)
	}
	s.used[name] = true
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// dropped lists the parts of the package not carried over, relationships aside.
func (s *sanitizer) dropped() []string {
	var out []string
	for name, f := range s.files {
		if !s.used[name] && !strings.HasSuffix(name, "/") && !strings.HasSuffix(name, ".rels") {
			out = append(out, f.Name)
		}
	}
	sort.Strings(out)
	return out
}

// create starts a part of the new package.
func (s *sanitizer) create(name string) (io.Writer, error) {
	return s.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
}

// copyPart carries a part over as it is, read and written again so that it is well-formed.
func (s *sanitizer) copyPart(from, to string) error {
	return s.rewrite(from, to, func(in *xmlIn, out *xmlOut) error {
		for {
			tok, err := in.next()
			if err == io.EOF {
				return out.flush()
			}
			if err != nil {
				return err
			}
			out.token(tok)
		}
	})
}

// rewrite carries a part over through one of the writers.
func (s *sanitizer) rewrite(from, to string, run func(in *xmlIn, out *xmlOut) error) error {
	w, err := s.create(to)
	if err != nil {
		return err
	}
	s.used[from] = true
	rc, err := s.files[from].Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := run(newXMLIn(rc), newXMLOut(w)); err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	return nil
}
