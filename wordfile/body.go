package wordfile

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// maxText bounds the bytes of text kept: a 60-page report holds about 300 KB of text.
const maxText = 16 << 20

// nsO is the namespace of legacy Office drawing elements (VML), where an OLE object shows.
const nsO = "urn:schemas-microsoft-com:office:office"

// para is a paragraph being read.
type para struct {
	depth   int
	style   string
	outline int // pPr's w:outlineLvl + 1, 10 for body text, 0 unset
	numID   string
	ilvl    int
	hasNum  bool
	hasIlvl bool
	text    strings.Builder
}

// table is a table being read: its rows so far, the row and cell open.
type table struct {
	rows [][]string
	row  []string
	cell strings.Builder
	open bool // a cell is open
	n    int  // paragraphs in the open cell
}

// bodyReader walks the main document once, keeping what is open on its own stacks.
type bodyReader struct {
	doc     *Doc
	st      styles
	nb      *numbering
	lim     Limits
	depth   int
	skip    int // depth of the element whose content is skipped, 0 for none
	pPr     int // depth of the open paragraph's pPr, 0 when not in it
	inT     bool
	paras   []*para
	tables  []*table
	count   int             // paragraphs read, in tables too
	textLen int             // bytes of text read
	instr   strings.Builder // the instruction of the field being read
	inInstr bool
}

func (p *pkg) body(st styles, nb *numbering) (*Doc, error) {
	r := &bodyReader{doc: &Doc{}, st: st, nb: nb, lim: p.lim}
	err := p.walk(p.main, false, r.token)
	if err != nil {
		return nil, err
	}
	return r.doc, nil
}

// Elements whose content is not read: deleted and moved-away text, field instructions, the
// fallback copy of content Word writes twice, and the previous formatting of a tracked change.
var skipped = map[string]bool{
	"delText": true, "del": true, "moveFrom": true, "pPrChange": true, "rPrChange": true,
	"Fallback": true,
}

func (r *bodyReader) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		r.depth++
		if err := refused(t); err != nil {
			return err
		}
		if r.skip > 0 {
			return nil
		}
		if skipped[t.Name.Local] && (t.Name.Space == nsW || t.Name.Space == nsMC) {
			r.skip = r.depth
			return nil
		}
		return r.open(t)
	case xml.EndElement:
		defer func() { r.depth-- }()
		if r.skip > 0 {
			if r.depth == r.skip {
				r.skip = 0
			}
			return nil
		}
		return r.close(t)
	case xml.CharData:
		if r.skip > 0 {
			return nil
		}
		if !r.inInstr && (!r.inT || len(r.paras) == 0) {
			return nil
		}
		if r.textLen += len(t); r.textLen > maxText {
			return fmt.Errorf("%w: more than %d bytes of text", ErrTooLarge, maxText)
		}
		if r.inInstr {
			r.instr.Write(t)
		} else {
			r.paras[len(r.paras)-1].text.Write(t)
		}
	}
	return nil
}

// refused answers the elements that embed an object or a chunk of another document, or run
// something: wherever they stand, even in content not read.
func refused(t xml.StartElement) error {
	switch {
	case t.Name.Space == nsW && (t.Name.Local == "object" || t.Name.Local == "altChunk" || t.Name.Local == "subDoc"):
		return fmt.Errorf("%w: w:%s", ErrEmbedded, t.Name.Local)
	case t.Name.Space == nsW && t.Name.Local == "control":
		return fmt.Errorf("%w: w:control", ErrMacros)
	case t.Name.Space == nsO && t.Name.Local == "OLEObject":
		return fmt.Errorf("%w: o:OLEObject", ErrEmbedded)
	case t.Name.Space == nsW && t.Name.Local == "fldSimple":
		return checkField(attr(t, "instr"))
	}
	return nil
}

func (r *bodyReader) open(t xml.StartElement) error {
	if t.Name.Space != nsW {
		return nil
	}
	cur := r.para()
	switch t.Name.Local {
	case "p":
		if r.count++; r.count > r.lim.MaxParagraphs {
			return fmt.Errorf("%w: more than %d paragraphs", ErrTooLarge, r.lim.MaxParagraphs)
		}
		r.paras = append(r.paras, &para{depth: r.depth})
	case "pPr":
		if cur != nil && r.depth == cur.depth+1 {
			r.pPr = r.depth
		}
	case "pStyle", "outlineLvl", "numId", "ilvl":
		if cur != nil && r.pPr > 0 {
			cur.property(t.Name.Local, attr(t, "val"))
		}
	case "t":
		r.inT = true
	case "tab":
		r.write("\t")
	case "br", "cr":
		r.write("\n")
	case "noBreakHyphen":
		r.write("-")
	case "instrText":
		r.inInstr = true
	case "fldChar":
		if attr(t, "fldCharType") == "begin" {
			r.instr.Reset()
		}
	case "tbl":
		if len(r.tables) >= maxTableDepth {
			return fmt.Errorf("%w: tables nested deeper than %d", ErrTooComplex, maxTableDepth)
		}
		r.tables = append(r.tables, &table{})
	case "tr":
		if tb := r.table(); tb != nil {
			tb.row = nil
		}
	case "tc":
		if tb := r.table(); tb != nil {
			tb.cell.Reset()
			tb.open, tb.n = true, 0
		}
	}
	return nil
}

func (p *para) property(name, v string) {
	switch name {
	case "pStyle":
		p.style = v
	case "outlineLvl":
		if p.outline = outlineLevel(v); p.outline == 0 {
			p.outline = 10
		}
	case "numId":
		p.numID, p.hasNum = v, true
	case "ilvl":
		p.ilvl, _ = strconv.Atoi(v)
		p.hasIlvl = true
	}
}

func (r *bodyReader) close(t xml.EndElement) error {
	if t.Name.Space != nsW {
		return nil
	}
	switch t.Name.Local {
	case "p":
		return r.closePara()
	case "pPr":
		if r.depth == r.pPr {
			r.pPr = 0
		}
	case "t":
		r.inT = false
	case "instrText":
		r.inInstr = false
	case "fldChar":
		// The instruction is whole once the field's result begins or the field ends.
		if err := checkField(r.instr.String()); err != nil {
			return err
		}
		r.instr.Reset()
	case "tc":
		if tb := r.table(); tb != nil && tb.open {
			tb.row = append(tb.row, tb.cell.String())
			tb.open = false
		}
	case "tr":
		if tb := r.table(); tb != nil {
			tb.rows = append(tb.rows, tb.row)
			tb.row = nil
		}
	case "tbl":
		r.closeTable()
	}
	return nil
}

func (r *bodyReader) para() *para {
	if len(r.paras) == 0 {
		return nil
	}
	return r.paras[len(r.paras)-1]
}

func (r *bodyReader) table() *table {
	if len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

func (r *bodyReader) write(s string) {
	if p := r.para(); p != nil {
		p.text.WriteString(s)
	}
}

// closePara ends the innermost paragraph: into the paragraph holding it (a text box's), the
// open table cell, or the body's paragraphs.
func (r *bodyReader) closePara() error {
	p := r.para()
	if p == nil {
		return nil
	}
	r.paras = r.paras[:len(r.paras)-1]
	r.pPr = 0
	out := r.finish(p)
	line := strings.TrimSpace(strings.TrimSpace(out.Numbering + " " + out.Text))
	if outer := r.para(); outer != nil {
		if line != "" {
			outer.text.WriteString(" " + line + " ")
		}
		return nil
	}
	if tb := r.table(); tb != nil && tb.open {
		if tb.n > 0 {
			tb.cell.WriteString("\n")
		}
		tb.cell.WriteString(line)
		tb.n++
		return nil
	}
	r.doc.Paragraphs = append(r.doc.Paragraphs, out)
	return nil
}

// closeTable ends the innermost table: into the cell holding it, or the body's tables.
func (r *bodyReader) closeTable() {
	tb := r.table()
	if tb == nil {
		return
	}
	r.tables = r.tables[:len(r.tables)-1]
	if outer := r.table(); outer != nil && outer.open {
		for _, row := range tb.rows {
			if outer.n > 0 {
				outer.cell.WriteString("\n")
			}
			outer.cell.WriteString(strings.Join(row, "\t"))
			outer.n++
		}
		return
	}
	r.doc.Tables = append(r.doc.Tables, tb.rows)
	r.doc.TableAt = append(r.doc.TableAt, len(r.doc.Paragraphs))
}

// finish resolves a paragraph's heading level and label.
func (r *bodyReader) finish(p *para) Paragraph {
	out := Paragraph{Style: p.style, Text: strings.TrimSpace(p.text.String())}
	switch {
	case p.outline == 10:
	case p.outline > 0:
		out.Heading = p.outline
	default:
		out.Heading = r.st.heading(p.style)
	}
	numID, ilvl, ok := r.st.numbering(p.style)
	if p.hasNum {
		numID, ok = p.numID, true
	}
	if p.hasIlvl {
		ilvl = p.ilvl
	}
	if ok {
		if label, shown := r.nb.next(numID, ilvl); shown && label != "" {
			out.Numbering = label
			return out
		}
	}
	out.Numbering, out.Text = typedLabel(out.Text)
	return out
}
