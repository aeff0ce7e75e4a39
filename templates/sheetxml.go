package templates

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// excelize's row iterator streams cell values but not the cells' types and styles, and its
// GetCellType and GetCellStyle decode the whole worksheet into memory. Read needs both for the
// cells of typed columns (is it a number? is it formatted as a date or a percent?), so it scans
// the worksheet part a second time, streaming, keeping only each cell's type and style index.

// cellAttr is what the worksheet XML says about a cell besides its value.
type cellAttr struct {
	style int32 // index into the workbook's cell formats (the s attribute)
	typ   cellType
}

// cellType is a cell's t attribute as a small number, so that a row's attributes cost 8 bytes a
// cell, not a string header each.
type cellType uint8

const (
	typNone cellType = iota // no t attribute, or an empty one
	typS
	typN
	typStr
	typInline
	typB
	typD
	typE
	typOther // a type no spreadsheet program writes: neither a number nor a date
)

// cellTypes are the names of the known types, indexed by cellType.
var cellTypes = [...]string{typS: "s", typN: "n", typStr: "str", typInline: "inlineStr", typB: "b", typD: "d", typE: "e"}

// cellTypeOf is the type named t; ok is false for an unknown or empty name.
func cellTypeOf(t []byte) (cellType, bool) {
	for i := typS; i < typOther; i++ {
		if cellTypes[i] == string(t) {
			return i, true
		}
	}
	return typNone, false
}

// partIndex maps sheet names to their worksheet parts in the package.
type partIndex struct {
	files  map[string]*zip.File // by lower-case part name
	sheets map[string]string    // sheet name → part name
	// oddBook: the package's relationships put the workbook among the parts a lean opening
	// leaves out (worksheets, shared strings), which only a hostile file does.
	oddBook bool
}

// xmlWorkbook and xmlRels decode the few elements needed to find a sheet's part. Tags without a
// namespace match both transitional and strict OOXML.
type xmlWorkbook struct {
	Sheets []struct {
		Name string `xml:"name,attr"`
		ID   string `xml:"id,attr"`
	} `xml:"sheets>sheet"`
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
		Type   string `xml:"Type,attr"`
	} `xml:"Relationship"`
}

// newPartIndex reads the package's relationships to locate each worksheet part. A package whose
// relationships cannot be read gives an empty index: values still read, types are then guessed.
func newPartIndex(zr *zip.Reader) *partIndex {
	idx := &partIndex{files: map[string]*zip.File{}, sheets: map[string]string{}}
	for _, f := range zr.File {
		idx.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))] = f
	}
	wbPath := "xl/workbook.xml"
	var root xmlRels
	if idx.decode("_rels/.rels", &root) == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = resolvePart("", r.Target)
				t := strings.ToLower(r.Target)
				idx.oddBook = idx.oddBook || strings.Contains(t, "worksheets") || strings.Contains(t, "sharedstrings")
			}
		}
	}
	var wb xmlWorkbook
	var rels xmlRels
	dir, file := path.Split(wbPath)
	if idx.decode(wbPath, &wb) != nil || idx.decode(dir+"_rels/"+file+".rels", &rels) != nil {
		return idx
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		targets[r.ID] = resolvePart(dir, r.Target)
	}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			idx.sheets[s.Name] = t
		}
	}
	return idx
}

// resolvePart turns a relationship target into a part name: absolute targets start at the
// package root, relative ones at the source part's directory.
func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

func (idx *partIndex) open(name string) (io.ReadCloser, error) {
	f, ok := idx.files[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("no part %q", name)
	}
	return f.Open()
}

func (idx *partIndex) decode(name string, v any) error {
	rc, err := idx.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// scanAttrs streams a worksheet part and calls keep for each cell with a type or a style; keep
// says whether the row is wanted at all, so rows Read skipped cost nothing but the scan.
func (idx *partIndex) scanAttrs(sheet string, keep func(row, col int, a cellAttr)) error {
	name, ok := idx.sheets[sheet]
	if !ok {
		return fmt.Errorf("sheet %q: part not found", sheet)
	}
	rc, err := idx.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := scanAttrsFrom(rc, keep); err != nil {
		return fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return nil
}

// scanAttrsFrom is scanAttrs over the part's bytes.
func scanAttrsFrom(rc io.Reader, keep func(row, col int, a cellAttr)) error {
	d := xml.NewDecoder(rc)
	row, col := 0, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "row":
			row, col = nextRow(el.Attr, row), 0
		case "c":
			var a cellAttr
			col, a = cellAttrs(el.Attr, col)
			if a != (cellAttr{}) {
				keep(row, col, a)
			}
		}
	}
}

// nextRow is the number of a row element: its r attribute, else the one after prev.
func nextRow(attrs []xml.Attr, prev int) int {
	for _, a := range attrs {
		if a.Name.Local == "r" {
			if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
				return n
			}
		}
	}
	return prev + 1
}

// cellAttrs reads a c element's column (from its r reference, else the one after prev), type and
// style.
func cellAttrs(attrs []xml.Attr, prev int) (int, cellAttr) {
	col := prev + 1
	var a cellAttr
	for _, at := range attrs {
		switch at.Name.Local {
		case "r":
			if c := refColumn(at.Value); c > 0 {
				col = c
			}
		case "s":
			if n, err := strconv.ParseInt(at.Value, 10, 32); err == nil && n > 0 {
				a.style = int32(n)
			}
		case "t":
			a.typ = typNone
			if at.Value != "" {
				a.typ, _ = cellTypeOf([]byte(at.Value))
				if a.typ == typNone {
					a.typ = typOther
				}
			}
		}
	}
	return col, a
}

// refColumn returns the column number of a cell reference such as "AB12", 0 if it has none.
func refColumn(ref string) int {
	col := 0
	for _, r := range ref {
		switch {
		case r >= 'A' && r <= 'Z':
			col = col*26 + int(r-'A'+1)
		case r >= 'a' && r <= 'z':
			col = col*26 + int(r-'a'+1)
		default:
			return col
		}
		if col > 16384 {
			return 0
		}
	}
	return col
}
