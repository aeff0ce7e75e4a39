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
	return slabCopy(&s.cells, len(cells), s.grow, cells)
}

// copyAttrs is a copy of attrs of length n, zero beyond attrs.
func (s *rowSlab) copyAttrs(attrs []cellAttr, n int) []cellAttr {
	return slabCopy(&s.attrs, n, s.grow, attrs)
}

// slabCopy cuts n elements off the front of *slab, a fresh slab of grow(n) when it holds fewer,
// and copies src into them; the copy's capacity is n, so appending to it never reaches the next.
func slabCopy[T any](slab *[]T, n int, grow func(int) int, src []T) []T {
	if n > len(*slab) {
		*slab = make([]T, grow(n))
	}
	out := (*slab)[:n:n]
	*slab = (*slab)[n:]
	copy(out, src)
	return out
}
