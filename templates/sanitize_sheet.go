package templates

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// sheetChildren are the children of a worksheet carried over: the cells and how they are shown
// and printed. Everything else is left out: drawings, comments, controls, OLE objects, tables,
// conditional formats and data validations (formulas without a cached value), data
// consolidation (references to other workbooks), extensions.
var sheetChildren = map[string]bool{
	"sheetPr": true, "dimension": true, "sheetViews": true, "sheetFormatPr": true, "cols": true,
	"sheetData": true, "sheetCalcPr": true, "sheetProtection": true, "protectedRanges": true,
	"autoFilter": true, "sortState": true, "customSheetViews": true, "mergeCells": true,
	"phoneticPr": true, "hyperlinks": true, "printOptions": true, "pageMargins": true,
	"pageSetup": true, "headerFooter": true, "rowBreaks": true, "colBreaks": true, "ignoredErrors": true,
}

// leftOut names the elements left out wherever they are: extensions (what they hold is for
// other programs) and formulas outside a cell's own (conditional formats', validations').
func leftOut(local string) bool {
	switch local {
	case "extLst", "AlternateContent", "f", "formula", "formula1", "formula2":
		return true
	}
	return false
}

// sheetCleaner rewrites one worksheet part.
type sheetCleaner struct {
	in       *xmlIn
	out      *xmlOut
	rep      *SanitizeReport
	sheet    string // its name, for the cells listed
	cells    *int   // cells the workbook may still hold (Limits.MaxCells)
	row, col int
}

func (s *sheetCleaner) run() error {
	for {
		tok, err := s.in.next()
		if err == io.EOF {
			return s.out.flush()
		}
		if err != nil {
			return err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			s.out.token(tok)
			continue
		}
		if err := s.element(el); err != nil {
			return err
		}
	}
}

// element writes or leaves out an element just started; parent is the element around it.
func (s *sheetCleaner) element(el xml.StartElement) error {
	depth, local := s.in.depth(), el.Name.Local
	parent := ""
	if depth > 1 {
		parent = s.in.stack[depth-2].Local
	}
	switch {
	case depth == 1 && local != "worksheet":
		return fmt.Errorf("%w: a worksheet's part holds <%s>", errNotWorkbook, local)
	case depth == 2 && !sheetChildren[local], leftOut(local):
		if local == "conditionalFormatting" || local == "dataValidations" {
			s.rep.Rules++
		}
		return s.in.skip()
	case depth == 2 && local == "hyperlinks":
		return s.hyperlinks(el)
	case parent == "sheetData" && local == "row":
		s.row, s.col = nextRow(el.Attr, s.row), 0
	case parent == "sheetData":
		return s.in.skip()
	case parent == "row" && local == "c":
		return s.cell(el)
	case parent == "row":
		return s.in.skip()
	}
	s.out.start(withoutAttrs(el))
	return nil
}

// hyperlinks keeps the links within the workbook (a location); links to an address outside it
// are relationships, and go.
func (s *sheetCleaner) hyperlinks(el xml.StartElement) error {
	var kept []xml.StartElement
	d := s.in.depth()
	for s.in.depth() >= d {
		tok, err := s.in.next()
		if err != nil {
			return err
		}
		link, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if err := s.in.skip(); err != nil {
			return err
		}
		if link.Name.Local != "hyperlink" {
			continue
		}
		if _, internal := attr(link, "location"); internal {
			kept = append(kept, withoutAttrs(link))
		} else {
			s.rep.Hyperlinks++
		}
	}
	if len(kept) == 0 {
		return nil
	}
	s.out.start(withoutAttrs(el))
	for _, link := range kept {
		s.out.element(link, "")
	}
	s.out.end(el.Name)
	return nil
}

// cellParts is what a c element holds.
type cellParts struct {
	formula    string
	hasFormula bool
	value      string
	hasValue   bool
	inline     []xml.Token // an inline string, as read
}

// cell writes a cell without its formula: the value it had when last computed stays, as a
// constant. A formula without such a value leaves the cell empty, and listed.
func (s *sheetCleaner) cell(el xml.StartElement) error {
	if *s.cells--; *s.cells < 0 {
		return errTooManyCells
	}
	ref, _ := attr(el, "r")
	if c := refColumn(ref); c > 0 {
		s.col = c
	} else {
		s.col++
	}
	var c cellParts
	if err := s.readCell(&c); err != nil {
		return err
	}
	typ, _ := attr(el, "t")
	el = withoutAttrs(el, "t", "cm", "vm")
	if c.hasFormula {
		s.rep.Formulas++
		s.noteFormula(c.formula)
		cached := c.hasValue && (c.value != "" || typ == "str") || typ == "inlineStr" && c.inline != nil
		if !cached {
			s.rep.emptied(s.sheet, cellName(s.col, s.row))
			s.out.element(el, "")
			return nil
		}
	}
	prefix := el.Name.Space
	switch {
	case typ == "str" || typ == "inlineStr" && c.inline == nil:
		// A formula's text result (HYPERLINK's among them) becomes an inline string.
		if c.value == "" {
			s.out.element(el, "")
			return nil
		}
		el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: "t"}, Value: "inlineStr"})
		s.out.start(el)
		s.out.start(xml.StartElement{Name: xml.Name{Space: prefix, Local: "is"}})
		s.out.element(xml.StartElement{Name: xml.Name{Space: prefix, Local: "t"},
			Attr: []xml.Attr{{Name: xml.Name{Space: "xml", Local: "space"}, Value: "preserve"}}}, c.value)
		s.out.end(xml.Name{Space: prefix, Local: "is"})
	case typ == "inlineStr":
		el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: "t"}, Value: typ})
		s.out.start(el)
		for _, tok := range c.inline {
			s.out.token(tok)
		}
	default:
		if typ != "" {
			el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: "t"}, Value: typ})
		}
		s.out.start(el)
		if c.hasValue {
			s.out.element(xml.StartElement{Name: xml.Name{Space: prefix, Local: "v"}}, c.value)
		}
	}
	s.out.end(el.Name)
	return nil
}

// readCell consumes a c element's children.
func (s *sheetCleaner) readCell(c *cellParts) error {
	d := s.in.depth()
	for s.in.depth() >= d {
		tok, err := s.in.next()
		if err != nil {
			return err
		}
		el, ok := tok.(xml.StartElement)
		if !ok || s.in.depth() != d+1 {
			if ok {
				err = s.in.skip()
			}
			if err != nil {
				return err
			}
			continue
		}
		switch el.Name.Local {
		case "f":
			c.hasFormula = true
			c.formula, err = s.in.text()
		case "v":
			c.hasValue = true
			c.value, err = s.in.text()
		case "is":
			c.inline, err = s.inline(el)
		default:
			err = s.in.skip()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// inline reads an inline string whole, extensions and formulas left out.
func (s *sheetCleaner) inline(el xml.StartElement) ([]xml.Token, error) {
	toks := []xml.Token{el}
	d := s.in.depth()
	for s.in.depth() >= d {
		tok, err := s.in.next()
		if err != nil {
			return nil, err
		}
		if st, ok := tok.(xml.StartElement); ok && leftOut(st.Name.Local) {
			if err := s.in.skip(); err != nil {
				return nil, err
			}
			continue
		}
		toks = append(toks, tok)
	}
	return toks, nil
}

// noteFormula counts what a formula reached for.
func (s *sheetCleaner) noteFormula(f string) {
	r := reachOf(f)
	if r.hyperlink {
		s.rep.Hyperlinks++
	}
	if r.dde || r.book {
		s.rep.External++
	}
}

// reach is what a formula or a defined name reaches outside the workbook's own cells for.
type reach struct {
	dde       bool // a DDE link: cmd|'/c calc'!A1
	book      bool // another workbook: [1]Sheet1!A1, 'C:\[b.xlsx]S'!A1
	call      bool // a function call
	hyperlink bool // HYPERLINK(…)
}

var (
	externalIndex = regexp.MustCompile(`\[\d+\]`)
	hyperlinkCall = regexp.MustCompile(`(?i)\bHYPERLINK\s*\(`)
)

// reachOf reads a formula outside its string literals and quoted sheet names; a quoted name
// holding a bracket names another workbook (a sheet name cannot hold one).
func reachOf(f string) reach {
	var r reach
	var outside strings.Builder
	for i := 0; i < len(f); i++ {
		q := f[i]
		if q != '"' && q != '\'' {
			outside.WriteByte(q)
			continue
		}
		j := i + 1
		for ; j < len(f); j++ {
			if f[j] == q {
				if j+1 < len(f) && f[j+1] == q {
					j++
					continue
				}
				break
			}
		}
		if q == '\'' && strings.ContainsAny(f[i+1:min(j, len(f))], "[]") {
			r.book = true
		}
		outside.WriteString(string([]byte{q, q}))
		i = j
	}
	o := outside.String()
	r.dde = strings.Contains(o, "|")
	r.book = r.book || externalIndex.MatchString(o)
	r.call = strings.Contains(o, "(")
	r.hyperlink = hyperlinkCall.MatchString(o)
	return r
}
