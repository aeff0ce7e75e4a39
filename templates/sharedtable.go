package templates

import (
	"bytes"
	"strings"
)

// sharedTable is the workbook's shared strings read once, in one pass, as excelize reads them:
// each si child of the root is its t text followed by its runs' t text (phonetic runs left out).
// All the strings live in one arena string; each entry is a slice of it, so a cell naming a shared
// string costs no copy.
type sharedTable struct {
	arena string
	ends  []uint32 // where each string ends in arena
}

// readShared reads the shared strings part held in memory (nil: the workbook has none). It
// bails (errBail) on what excelize would read differently from the plain case: several t in one
// si or run, an escaped character (_xHHHH_), inline markup it does not expect.
func readShared(data []byte) (*sharedTable, error) {
	if data == nil {
		return &sharedTable{}, nil
	}
	// The text is never longer than the part: the arena is allocated once.
	return readSharedFrom(&xmlScan{data: data}, bytes.Count(data, []byte("<si"))+bytes.Count(data, []byte(":si")), len(data))
}

// readSharedFrom is readShared over s, with room made for count strings of size bytes in all
// (the structural check counted them): more only makes the table grow.
func readSharedFrom(s *xmlScan, count, size int) (*sharedTable, error) {
	st := &sharedTable{}
	var arena strings.Builder
	arena.Grow(size)
	ends := make([]uint32, 0, count)
	depth := 0
	// The state of the si being read: which t it is in (0 none, 1 its own, 2 a run's), whether
	// it had its own t, whether the current run had one, the depth of an rPh being skipped.
	inSI, where, ownT, runT, inRun := false, 0, false, false, false
	for {
		kind, name, self, err := s.next()
		if err != nil {
			return nil, err
		}
		switch kind {
		case tokEOF:
			if depth != 0 || inSI {
				return nil, errBail
			}
			st.arena, st.ends = arena.String(), ends
			return st, nil
		case tokStart:
			depth++
			if depth > maxXMLDepth {
				return nil, errBail
			}
			n := string(name) // no allocation: compared, not kept
			switch {
			case depth == 1 && (string(s.raw) != "sst" || !mainNamespace(s.attrs)):
				return nil, errBail
			case depth == 2 && n == "si":
				inSI, ownT = true, false
			case depth == 3 && inSI && n == "t":
				if ownT {
					return nil, errBail
				}
				ownT, where = true, 1
			case depth == 3 && inSI && n == "r":
				inRun, runT = true, false
			case depth == 4 && inRun && n == "t":
				if runT {
					return nil, errBail
				}
				runT, where = true, 2
			case depth == 3 && inSI && n == "rPh", depth == 4 && inRun && n == "rPr", depth == 3 && inSI && n == "phoneticPr":
				if !self {
					if err := s.skip(); err != nil {
						return nil, err
					}
				}
				depth--
				continue
			case depth >= 2:
				return nil, errBail
			}
			if self {
				closeShared(&depth, &inSI, &where, &inRun, n, &ends, arena.Len())
			}
		case tokEnd:
			closeShared(&depth, &inSI, &where, &inRun, string(name), &ends, arena.Len())
		case tokText:
			if where == 0 {
				if !blank(name) && depth >= 2 {
					return nil, errBail
				}
				if err := s.check(name); err != nil {
					return nil, err
				}
				continue
			}
			text, err := s.text(name)
			if err != nil {
				return nil, err
			}
			arena.Write(text)
		}
	}
}

// closeShared ends the element n at depth.
func closeShared(depth *int, inSI *bool, where *int, inRun *bool, n string, ends *[]uint32, at int) {
	switch {
	case *depth == 2 && n == "si":
		*inSI = false
		*ends = append(*ends, uint32(at))
	case n == "t":
		*where = 0
	case *depth == 3 && n == "r":
		*inRun = false
	}
	*depth--
}

// mainNamespace says whether a root element's attributes put it in the spreadsheet namespace,
// transitional or strict, as excelize's decoding of the shared strings requires.
func mainNamespace(attrs []xmlAttr) bool {
	for _, a := range attrs {
		if string(a.name) == "xmlns" {
			v := string(a.value)
			return v == "http://schemas.openxmlformats.org/spreadsheetml/2006/main" || v == "http://purl.oclc.org/ooxml/spreadsheetml/main"
		}
	}
	return false
}

// get is the shared string i names, as excelize reads a cell of type s.
func (st *sharedTable) get(v []byte) (string, bool) {
	i, ok := plainIndex(v)
	if !ok || i >= len(st.ends) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = st.ends[i-1]
	}
	s := st.arena[start:st.ends[i]]
	if strings.Contains(s, "_x") { // excelize unescapes these: left to it
		return "", false
	}
	return s, true
}

// plainIndex reads a run of digits; anything else is for excelize.
func plainIndex(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
