package templates

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
)

// excelize decodes some parts whole (shared strings, styles) and keeps a stack entry per open
// element while streaming sheets, so a small hostile file of millions of empty rows, shared
// strings or nested elements costs it seconds and gigabytes. checkStructure streams every XML
// part first, at a few bytes of memory, and refuses such files before excelize sees them.

// maxXMLDepth is far deeper than any spreadsheet part nests (a cell with rich text is 6 deep).
const maxXMLDepth = 64

var (
	errTooDeep      = errors.New("XML nested too deep")
	errTooMany      = errors.New("too many XML elements")
	errRowsOrder    = errors.New("worksheet rows out of order")
	errXMLDoctype   = errors.New("XML document type declaration")
	errCharset      = errors.New("XML in a charset other than UTF-8")
	elementsPerCell = 4 // <c>, <v> or <is><t>, <f>: what a busy cell takes
)

// elementAllowance is the elements a package may hold beyond elementsPerCell per cell of
// Limits.MaxCells: what the parts other than the cells (styles, relationships, names) take.
const elementAllowance = 100000

// checkStructure checks every XML part of the package: nesting depth, element count against
// the cell budget, no DOCTYPE (entities have no business in a workbook) and, in worksheets, rows
// in increasing order. A part that is not well-formed is left to excelize to refuse or tolerate.
// On the same pass it counts the characters of the cells against lim.MaxChars (errTooManyChars)
// and returns the text to cut before excelize reads it.
func checkStructure(zr *zip.Reader, lim Limits) (*textBudget, error) {
	text := newTextBudget(lim.MaxChars, MaxCellChars)
	return text, checkParts(zr, lim.MaxCells, text)
}

// checkParts checks the XML parts for checkStructure, following their text with text. Each part
// is checked by the allocation-free tokenizer (checkPartFast) when it can, else, or when it finds
// anything wrong, by encoding/xml as before (checkPart), whose verdict stands.
func checkParts(zr *zip.Reader, maxCells int, text *textBudget) error {
	budget := maxCells*elementsPerCell + elementAllowance
	for _, f := range sharedFirst(zr.File) {
		if !isXMLPart(f.Name) && !looksXML(f) {
			continue
		}
		worksheet := strings.Contains(path.Dir(strings.ToLower(f.Name)), "worksheets")
		total := text.total
		n, err := checkPartFast(f, budget, worksheet, text.part(f))
		if errors.Is(err, errBail) {
			text.total = total
			n, err = checkPart(f, budget, worksheet, text.part(f))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		budget -= n
	}
	return nil
}

// checkPartFast is checkPart streaming the part through xmlScan: errBail on anything it does
// not follow exactly as encoding/xml does and on every fault, for checkPart to judge. A part it
// reads to its end is marked clean, with its rows counted.
func checkPartFast(f *zip.File, budget int, worksheet bool, text *partScan) (int, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, errBail
	}
	s := streamScan(rc)
	defer s.release()
	count, rows, lastRow := 0, 0, 0
	for {
		kind, name, self, err := s.next()
		switch {
		case err != nil:
			return 0, err
		case kind == tokEOF:
			if err := text.finish(); err != nil {
				return 0, err
			}
			text.clean(rows)
			return count, nil
		case kind == tokText && !text.reads():
			if err := s.check(name); err != nil {
				return 0, err
			}
		case kind == tokText:
			t, err := s.text(name)
			if err != nil {
				return 0, err
			}
			end := s.offset()
			text.chars(t, end-int64(len(name)), end)
		case kind == tokEnd:
			if err := text.end(internName(name)); err != nil {
				return 0, err
			}
		default:
			if count++; count > budget || s.depth()+boolInt(self) > maxXMLDepth {
				return 0, errBail
			}
			if count == 1 && text.shared {
				text.b.shared = slices.Grow(text.b.shared, announcedStrings(s.attrs, f))
			}
			shared, refused := false, false
			for _, a := range s.attrs {
				switch string(a.name) {
				case "t":
					shared = string(a.value) == "s"
				case "s":
					refused = refused || styleRefused(a.value)
				}
			}
			if worksheet && string(name) == "row" {
				r, ok := lastRow+1, true
				for _, a := range s.attrs {
					if string(a.name) == "r" {
						if r, ok = plainIndex(a.value); !ok || r == 0 {
							return 0, errBail
						}
					}
				}
				if r <= lastRow {
					return 0, errBail
				}
				lastRow = r
				rows++
			}
			text.start(internName(name), shared, refused)
			if self {
				if err := text.end(internName(name)); err != nil {
					return 0, err
				}
			}
		}
	}
}

// styleRefused says whether excelize's row reader refuses a cell's s attribute (its value no
// number strconv.ParseInt takes): it then reads the c as an empty cell and goes on inside it, so
// a c nested there is a cell of its own, and the c's own values are not decoded.
func styleRefused(v []byte) bool {
	if _, ok := plainIndex(v); ok {
		return false
	}
	_, err := strconv.ParseInt(string(v), 10, 64)
	return err != nil
}

// announcedStrings is how many strings the shared strings' root says it holds, for the room made
// for their lengths: bounded by what the part's size can hold and by a few pages, so a root that
// lies costs little.
func announcedStrings(attrs []xmlAttr, f *zip.File) int {
	for _, a := range attrs {
		if string(a.name) == "uniqueCount" {
			n, _ := plainIndex(a.value)
			return min(n, int(min(f.UncompressedSize64/5, 1<<16)))
		}
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// internName gives the names partScan follows as constants, the others as "", without
// allocating a string per element.
func internName(b []byte) string {
	switch string(b) {
	case "t":
		return "t"
	case "rPh":
		return "rPh"
	case "si":
		return "si"
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	}
	return ""
}

// isXMLPart reports whether a package part is XML (worksheets, shared strings, relationships,
// drawings) rather than binary (images, VBA).
func isXMLPart(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") || strings.HasSuffix(name, ".vml")
}

// looksXML reports whether a part whose name says nothing of XML holds XML all the same:
// excelize reads a worksheet under whatever name the workbook's relationships give it.
func looksXML(f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(rc, head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(head) > 0 && head[0] == '<'
}

// refuseCharset is the check's CharsetReader. excelize converts a part that declares another
// charset than UTF-8, which the check could not follow byte for byte: such a part, which no
// spreadsheet program writes, is refused.
func refuseCharset(label string, _ io.Reader) (io.Reader, error) {
	return nil, fmt.Errorf("%w: %q", errCharset, label)
}

// checkPart streams one part, returning the number of elements it holds; text follows its cells.
func checkPart(f *zip.File, budget int, worksheet bool, text *partScan) (int, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, nil // excelize reports unreadable parts in its own way
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = refuseCharset
	depth, count, lastRow := 0, 0, 0
	for {
		start := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			return count, text.finish()
		}
		if errors.Is(err, errCharset) {
			return count, err
		}
		if err != nil {
			return count, text.finish() // not well-formed: excelize stops there too
		}
		if err := text.token(tok, start, d.InputOffset()); err != nil {
			return count, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			count++
			switch {
			case depth > maxXMLDepth:
				return count, errTooDeep
			case count > budget:
				return count, errTooMany
			case worksheet && t.Name.Local == "row":
				r := nextRow(t.Attr, lastRow)
				if r <= lastRow {
					return count, fmt.Errorf("%w: row %d after row %d", errRowsOrder, r, lastRow)
				}
				lastRow = r
			}
		case xml.EndElement:
			depth--
		case xml.Directive:
			if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(string(t))), "DOCTYPE") {
				return count, errXMLDoctype
			}
		}
	}
}
