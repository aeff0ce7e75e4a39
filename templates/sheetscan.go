package templates

import (
	"bytes"
	"strings"
)

// One pass per sheet. excelize's row iterator decodes every cell into a struct through
// encoding/xml (about 17 kB allocated per row of a work program) and gives values without types
// and styles, which a second scan of the part then found (sheetxml.go). scanSheet reads the
// worksheet part excelize holds in memory once, with the allocation-free tokenizer of xmlscan.go,
// and yields each cell's value, type and style together, spending the cell budget, the time
// budget and the caller's context as it goes, exactly as the old loop did row by row.
//
// It reads as excelize's Rows and Columns with RawCellValue read (values, shared and inline
// strings, formulas' cached values, blanks before a cell), and only that: on anything else
// (a row without its number, an unknown child of a cell, an escaped character, a part excelize
// would re-encode) it returns errBail before spending anything, and load reads the sheet with
// excelize as before. So hostile input is judged as it always was, and the fast path is checked
// against excelize by TestScanSheetMatchesExcelize and FuzzScanSheet.

const (
	maxSheetRow = 1048576 // excelize's TotalRows: a row beyond is an error there
	maxSheetCol = 16384
)

// sheetPart is a tokenizer over a sheet's part as excelize would stream it, and how many rows it
// holds at most; nil when excelize would not stream it as it is (a part decoded and re-encoded,
// or in a temporary file). release gives the tokenizer's window back.
func (b *book) sheetPart(sheet string) (*xmlScan, int) {
	if b.parts == nil {
		return nil, 0
	}
	name, ok := b.parts.sheets[sheet]
	if !ok || strings.ContainsRune(name, '\\') {
		return nil, 0
	}
	for other := range b.parts.sheets {
		if other != sheet && strings.EqualFold(other, sheet) {
			return nil, 0 // excelize finds sheets by name in any case: which one it reads is its own
		}
	}
	if b.lean != nil {
		if s := b.lean.open(name); s != nil {
			return s, b.lean.rows[name]
		}
	}
	if _, loaded := b.x.Sheet.Load(name); loaded {
		return nil, 0
	}
	v, ok := b.x.Pkg.Load(name)
	if !ok {
		return nil, 0
	}
	data, _ := v.([]byte)
	if len(data) == 0 {
		return nil, 0 // excelize would look for it in a temporary file
	}
	return &xmlScan{data: data}, bytes.Count(data, []byte("<row"))
}

// sharedStrings reads the shared strings once; nil when excelize must read them.
func (b *book) sharedStrings() *sharedTable {
	if b.sharedRead {
		return b.shared
	}
	b.sharedRead = true
	var st *sharedTable
	var err error
	if s := b.lean.open(sharedStringsPart); s != nil {
		st, err = readSharedFrom(s, b.lean.sharedCount, b.lean.sharedBytes)
		s.release()
	} else {
		var data []byte
		if v, ok := b.x.Pkg.Load(sharedStringsPart); ok {
			data, _ = v.([]byte)
		}
		st, err = readShared(data)
	}
	if err == nil {
		b.shared = st
	}
	return b.shared
}

// sheetScan is the state of one pass over a sheet.
type sheetScan struct {
	b      *book
	s      *xmlScan
	st     *sharedTable
	g      *grid
	limit  int
	budget int // the book's cell budget, spent here and given back only when the pass ends well
	last   int // the last row number passed

	cells []string   // the current row's values, reused
	attrs []cellAttr // the current row's types and styles, reused
	done  bool       // limit reached
	slab  rowSlab    // where the kept rows' slices come from
}

// scanSheet reads sheet up to row limit (0: all) in one pass; errBail when excelize must.
func (b *book) scanSheet(sheet string, limit int) (*grid, error) {
	st := b.sharedStrings()
	if st == nil {
		return nil, errBail
	}
	s, rows := b.sheetPart(sheet)
	if s == nil {
		return nil, errBail
	}
	defer s.release()
	if limit > 0 {
		rows = min(rows, limit)
	}
	sc := &sheetScan{b: b, s: s, st: st, g: &grid{sheet: sheet, attrsRead: true, rows: make([]gridRow, 0, rows)}, limit: limit, budget: b.budget}
	if err := sc.run(); err != nil {
		return nil, err
	}
	b.budget = sc.budget
	if len(sc.g.rows) == 0 {
		sc.g.rows = nil // as excelize's reading leaves a sheet without rows
	}
	return sc.g, nil
}

// run finds the sheetData and reads its rows; every other element is passed over.
func (sc *sheetScan) run() error {
	s := sc.s
	for {
		kind, name, self, err := s.next()
		if err != nil {
			return err
		}
		depth := s.depth()
		switch kind {
		case tokEOF:
			return nil
		case tokStart:
			n := string(name)
			switch {
			case n == "row", n == "c":
				return errBail
			case n == "sheetData" && depth == 2 && !self:
				if err := sc.sheetData(); err != nil || sc.done {
					return err
				}
				return sc.noMoreRows()
			case depth >= 2 && !self:
				if err := s.skip(); err != nil {
					return err
				}
			}
		case tokText:
			if err := s.check(name); err != nil {
				return err
			}
		}
	}
}

// noMoreRows bails when the rest of the part holds a row element: excelize would go on to it.
func (sc *sheetScan) noMoreRows() error {
	found, err := sc.s.restHasRow()
	if err == nil && found {
		err = errBail
	}
	return err
}

// sheetData reads the rows, each a row element with its number.
func (sc *sheetScan) sheetData() error {
	s := sc.s
	for {
		kind, name, self, err := s.next()
		if err != nil {
			return err
		}
		switch kind {
		case tokEOF:
			return errBail
		case tokEnd:
			return nil // the end of sheetData, checked by the tokenizer
		case tokText:
			if !blank(name) {
				return errBail
			}
		case tokStart:
			if string(name) != "row" {
				return errBail
			}
			num, ok := attrInt(s.attrs, "r")
			if !ok || num <= sc.last || num > maxSheetRow {
				return errBail
			}
			if err := sc.gap(num); err != nil || sc.done {
				return err
			}
			if err := sc.row(num, self); err != nil || sc.done {
				return err
			}
		}
	}
}

// gap passes the empty rows before row num: each costs one cell, as in excelize's iteration.
func (sc *sheetScan) gap(num int) error {
	to := num - 1
	if sc.limit > 0 {
		to = min(to, sc.limit)
	}
	if to > sc.last {
		if err := sc.spend(sc.last, to, 1); err != nil {
			return err
		}
		sc.last = to
	}
	if sc.limit > 0 && num > sc.limit {
		sc.done = true
	}
	return nil
}

// spend passes rows (from, to], each costing cells, looking at the contexts as the old loop did.
func (sc *sheetScan) spend(from, to, cells int) error {
	if to/stopEvery > from/stopEvery {
		if err := sc.b.stopped(); err != nil {
			return err
		}
	}
	if sc.budget -= (to - from) * max(1, cells); sc.budget < 0 {
		return errTooManyCells
	}
	return sc.b.expired()
}

// row reads the cells of row num.
func (sc *sheetScan) row(num int, self bool) error {
	sc.cells, sc.attrs = sc.cells[:0], sc.attrs[:0]
	s := sc.s
	col := 0
	for !self {
		kind, name, selfC, err := s.next()
		if err != nil {
			return err
		}
		if kind == tokEnd {
			break
		}
		if kind == tokText {
			if !blank(name) {
				return errBail
			}
			continue
		}
		if kind != tokStart || string(name) != "c" {
			return errBail
		}
		if col, err = sc.cell(col, selfC); err != nil {
			return err
		}
	}
	if err := sc.spend(num-1, num, len(sc.cells)); err != nil {
		return err
	}
	sc.last = num
	sc.keep(num)
	return nil
}

// keep adds the row just read to the grid, when it holds anything.
func (sc *sheetScan) keep(num int) {
	cells := sc.cells
	empty := true
	for i, c := range cells {
		cells[i] = cutCell(c)
		if strings.TrimFunc(cells[i], isSpace) != "" {
			empty = false
		}
	}
	if empty {
		return
	}
	gr := gridRow{num: num, cells: sc.slab.copyCells(cells)}
	for i := range min(len(sc.attrs), len(cells)) {
		if sc.attrs[i] != (cellAttr{}) {
			gr.attrs = sc.slab.copyAttrs(sc.attrs[:min(len(sc.attrs), len(cells))], len(cells))
			break
		}
	}
	sc.g.rows = append(sc.g.rows, gr)
}
