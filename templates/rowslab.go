package templates

// rowSlab hands out the kept rows' slices from a few large chunks rather than two allocations
// a row; a chunk grows with the sheet, so a small sheet wastes little.
type rowSlab struct {
	cells []string
	attrs []cellAttr
	size  int
}

const maxSlab = 4096

// grow is the size of the next chunk holding at least n.
func (s *rowSlab) grow(n int) int {
	s.size = min(max(2*s.size, 64), maxSlab)
	return max(n, s.size)
}

// copyCells is a copy of cells, its capacity its length.
func (s *rowSlab) copyCells(cells []string) []string {
	n := len(cells)
	if n > len(s.cells) {
		s.cells = make([]string, s.grow(n))
	}
	out := s.cells[:n:n]
	s.cells = s.cells[n:]
	copy(out, cells)
	return out
}

// copyAttrs is a copy of attrs of length n, zero beyond attrs.
func (s *rowSlab) copyAttrs(attrs []cellAttr, n int) []cellAttr {
	if n > len(s.attrs) {
		s.attrs = make([]cellAttr, s.grow(n))
	}
	out := s.attrs[:n:n]
	s.attrs = s.attrs[n:]
	copy(out, attrs)
	return out
}
