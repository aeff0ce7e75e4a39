package templates

import (
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/vnenc"
)

// fmtKind is what a cell's number format shows its number as.
type fmtKind int

const (
	fmtPlain fmtKind = iota
	fmtDate
	fmtPercent
)

// cellIn is a raw cell value with what Read needs to know to interpret it.
type cellIn struct {
	raw     string
	numeric bool // the cell holds a number, not text
	isoDate bool // an ISO 8601 date cell (t="d")
	kind    fmtKind
	legacy  vnenc.Encoding // the legacy encoding found in other cells of the workbook
}

// cellIn describes a non-empty cell of a sheet read in full: whether it holds a number and what
// its number format shows it as, from the streamed cell attributes.
func (b *book) cellIn(g *grid, col, row int, raw string) cellIn {
	in := cellIn{raw: raw}
	// Without attributes (a sheet whose part could not be found), a number is a number and its
	// format unknown: a date then reads as a serial, with a warning.
	a := b.attr(g, col, row)
	switch a.typ {
	case typNone, typN:
		_, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		in.numeric = err == nil
	case typD:
		in.isoDate = true
	}
	in.kind = b.fmtKind(int(a.style))
	return in
}

// attr returns a cell's type and style, scanning the sheet's part on first use; the zero value
// when they are unknown. A part that stops being well-formed keeps the attributes found before,
// as excelize keeps the rows before.
func (b *book) attr(g *grid, col, row int) cellAttr {
	if b.parts == nil { // a workbook being filled, not read: no part index
		return cellAttr{}
	}
	if !g.attrsRead {
		g.attrsRead = true
		_ = b.parts.scanAttrs(g.sheet, g.setAttr)
	}
	r, ok := g.row(row)
	if !ok || col < 1 || col > len(r.attrs) {
		return cellAttr{}
	}
	return r.attrs[col-1]
}

// setAttr records a cell's attributes on its grid row; cells outside the non-empty rows and
// columns read are of no interest.
func (g *grid) setAttr(row, col int, a cellAttr) {
	r, ok := g.row(row)
	if !ok || col > len(r.cells) {
		return
	}
	if r.attrs == nil {
		r.attrs = make([]cellAttr, len(r.cells))
	}
	r.attrs[col-1] = a
}

func (b *book) fmtKind(idx int) fmtKind {
	if k, ok := b.fmtKinds[idx]; ok {
		return k
	}
	k := fmtPlain
	if st, err := b.x.GetStyle(idx); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			k = classifyFormat(*st.CustomNumFmt)
		} else {
			k = classifyBuiltin(st.NumFmt)
		}
	}
	b.fmtKinds[idx] = k
	return k
}

// classifyBuiltin classifies the built-in number formats: 9 and 10 are percents; 14–17, 22 and the
// East Asian date formats are dates (times alone, 18–21 and 45–47, are not dates).
func classifyBuiltin(id int) fmtKind {
	switch {
	case id == 9 || id == 10:
		return fmtPercent
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return fmtDate
	}
	return fmtPlain
}

// classifyFormat classifies a custom number format code by its first section, ignoring quoted
// text, escaped characters and bracketed parts (colours, locales, elapsed times).
func classifyFormat(code string) fmtKind {
	section, _, _ := strings.Cut(code, ";")
	var b strings.Builder
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			j := strings.IndexByte(section[i+1:], '"')
			if j < 0 {
				i = len(section)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				i = len(section)
			} else {
				i += j
			}
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	switch {
	case strings.Contains(s, "%"):
		return fmtPercent
	case strings.ContainsAny(s, "yd"), strings.Contains(s, "m") && !strings.ContainsAny(s, "hs"):
		return fmtDate
	}
	return fmtPlain
}
