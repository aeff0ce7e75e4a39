package templates

// The cells of one pass over a sheet (sheetscan.go): a c element, its value and the plain
// attributes it is read by.

import (
	"strings"
)

// cell reads one c element after column prev; it returns its column.
func (sc *sheetScan) cell(prev int, self bool) (int, error) {
	s := sc.s
	col := prev + 1
	var a cellAttr
	for _, at := range s.attrs {
		switch string(at.name) {
		case "r":
			c, ok := refCol(at.value)
			if !ok {
				return 0, errBail
			}
			col = c
		case "s":
			n, ok := plainIndex(at.value)
			if !ok {
				return 0, errBail
			}
			a.style = int32(n)
		case "t":
			t, ok := cellTypeOf(at.value)
			if !ok {
				return 0, errBail
			}
			a.typ = t
		}
	}
	if col <= prev {
		return 0, errBail
	}
	v, formula, err := sc.cellBody(a.typ, self)
	if err != nil {
		return 0, err
	}
	if a != (cellAttr{}) {
		for len(sc.attrs) < col {
			sc.attrs = append(sc.attrs, cellAttr{})
		}
		sc.attrs[col-1] = a
	}
	if v != "" || formula {
		for len(sc.cells) < col-1 {
			sc.cells = append(sc.cells, "")
		}
		sc.cells = append(sc.cells, v)
	}
	return col, nil
}

// cellBody reads a cell's children: its value v, a formula f (passed over), an inline string is.
func (sc *sheetScan) cellBody(typ cellType, self bool) (string, bool, error) {
	s := sc.s
	var inline, value string
	hasV, hasIS, formula, shared := false, false, false, false
	for !self {
		kind, name, selfE, err := s.next()
		if err != nil {
			return "", false, err
		}
		if kind == tokEnd {
			break
		}
		if kind == tokText {
			if !blank(name) {
				return "", false, errBail
			}
			continue
		}
		switch string(name) {
		case "v":
			if hasV {
				return "", false, errBail
			}
			hasV = true
			v, err := s.leafText(selfE)
			if err != nil {
				return "", false, err
			}
			switch { // now: v is the tokenizer's buffer, which the next text reuses
			case typ == typS && len(v) > 0:
				str, ok := sc.st.get(v)
				if !ok {
					return "", false, errBail
				}
				value, shared = str, true
			case typ != typS:
				value = string(v)
			}
		case "f":
			formula = true
			if !selfE {
				if err := s.skip(); err != nil {
					return "", false, err
				}
			}
		case "is":
			if hasIS || selfE {
				return "", false, errBail
			}
			hasIS = true
			if inline, err = s.inlineString(); err != nil {
				return "", false, err
			}
		default:
			return "", false, errBail
		}
	}
	if typ == typInline && hasIS && !shared {
		return inline, formula, nil
	}
	return value, formula, nil
}

// leafText reads the text of an element holding text only, up to its end.
func (s *xmlScan) leafText(self bool) ([]byte, error) {
	if self {
		return nil, nil
	}
	var out []byte
	for {
		kind, name, _, err := s.next()
		switch {
		case err != nil:
			return nil, err
		case kind == tokEnd:
			return out, nil
		case kind != tokText || out != nil:
			return nil, errBail
		}
		t, err := s.text(name)
		if err != nil {
			return nil, err
		}
		if len(t) > 0 { // a copy: the window of a streamed part moves at the next token
			s.leaf = append(s.leaf[:0], t...)
			out = s.leaf
		}
	}
}

// inlineString reads an is element made of one t, as excelize reads it.
func (s *xmlScan) inlineString() (string, error) {
	var str string
	seen := false
	for {
		kind, name, self, err := s.next()
		switch {
		case err != nil:
			return "", err
		case kind == tokEnd:
			if strings.Contains(str, "_x") {
				return "", errBail
			}
			return str, nil
		case kind == tokText:
			if !blank(name) {
				return "", errBail
			}
			continue
		case string(name) != "t" || seen:
			return "", errBail
		}
		seen = true
		t, err := s.leafText(self)
		if err != nil {
			return "", err
		}
		str = string(t)
	}
}

// attrInt reads a plain positive number attribute.
func attrInt(attrs []xmlAttr, name string) (int, bool) {
	for _, a := range attrs {
		if string(a.name) == name {
			n, ok := plainIndex(a.value)
			return n, ok && n > 0
		}
	}
	return 0, false
}

// refCol is the column of a plain cell reference such as "AB12".
func refCol(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
		if col > maxSheetCol {
			return 0, false
		}
	}
	row, ok := plainIndex(ref[i:])
	return col, i > 0 && ok && row > 0 && row <= maxSheetRow
}
