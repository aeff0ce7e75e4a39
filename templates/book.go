package templates

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// headerSearchRows is how far down a sheet a header row is looked for, so a few rows inserted
// above it (a letterhead, a note) do not hide it.
const headerSearchRows = 30

var (
	errTooManyCells = errors.New("too many cells")
	errTimeout      = errors.New("time budget spent")
)

// gridRow is one non-empty row of a sheet: its number and raw cell values from column A.
type gridRow struct {
	num   int
	cells []string
	attrs []cellAttr // types and styles, aligned with cells; loaded only for sheets read in full
}

// grid holds the raw values of one sheet, non-empty rows only, in row order.
type grid struct {
	sheet     string
	rows      []gridRow
	attrsRead bool
}

// row returns the grid row numbered num.
func (g *grid) row(num int) (*gridRow, bool) {
	i := sort.Search(len(g.rows), func(i int) bool { return g.rows[i].num >= num })
	if i == len(g.rows) || g.rows[i].num != num {
		return nil, false
	}
	return &g.rows[i], true
}

func (g *grid) cell(col, row int) string {
	r, ok := g.row(row)
	if !ok || col < 1 || col > len(r.cells) {
		return ""
	}
	return r.cells[col-1]
}

// book wraps an open workbook with a cache of sheet grids and a budget of cells to read.
type book struct {
	x        *excelize.File
	parts    *partIndex // nil when the workbook was not read from bytes (Fill)
	lean     *streamed  // the parts left out of x (lean.go); nil: x holds them all
	sheets   []string
	grids    map[string]*grid
	heads    map[string]*grid
	budget   int
	ctx      context.Context // the time budget of Read; nil: none (Fill)
	stop     context.Context // the caller's (ReadContext); nil: never stops
	date1904 bool
	fmtKinds map[int]fmtKind

	shared     *sharedTable // the shared strings, read once by the first sheet scanned
	sharedRead bool
}

// stopped says why reading must stop: the caller's context ended.
func (b *book) stopped() error {
	if b.stop == nil {
		return nil
	}
	return b.stop.Err()
}

// stopEvery is how many rows a sheet's reading goes between looks at the caller's context.
const stopEvery = 64

func newBook(x *excelize.File, maxCells int) *book {
	b := &book{x: x, sheets: x.GetSheetList(), grids: map[string]*grid{}, heads: map[string]*grid{}, budget: maxCells, fmtKinds: map[int]fmtKind{}}
	if props, err := x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	return b
}

// grid reads all of a sheet's raw values once.
func (b *book) grid(sheet string) (*grid, error) { return b.load(sheet, 0) }

// head reads the first headRows rows of a sheet, enough to find headers, section titles and the
// cover's identification line without reading a large unrelated sheet in full.
func (b *book) head(sheet string) (*grid, error) { return b.load(sheet, headRows) }

// headRows is how many rows head reads.
const headRows = 100

// load reads a sheet's raw values up to row limit (0: all) and caches them. A sheet that cannot
// be iterated (a chart sheet) is empty.
func (b *book) load(sheet string, limit int) (*grid, error) {
	if g, ok := b.grids[sheet]; ok {
		return g, nil
	}
	if g, ok := b.heads[sheet]; ok && limit > 0 {
		return g, nil
	}
	g, err := b.scanSheet(sheet, limit)
	if !errors.Is(err, errBail) {
		if g == nil {
			g = &grid{sheet: sheet}
		}
		b.cache(g, limit)
		return g, err
	}
	g = &grid{sheet: sheet}
	b.cache(g, limit)
	return b.loadExcelize(g, limit)
}

func (b *book) cache(g *grid, limit int) {
	if limit > 0 {
		b.heads[g.sheet] = g
	} else {
		b.grids[g.sheet] = g
	}
}

// loadExcelize reads a sheet with excelize's row iterator, the types and styles by a second scan
// when they are needed (cellIn): the way of the sheets scanSheet leaves to excelize.
func (b *book) loadExcelize(g *grid, limit int) (*grid, error) {
	sheet := g.sheet
	x := b.x
	if b.lean != nil {
		var err error
		if x, err = b.lean.excel(); err != nil {
			return g, err
		}
	}
	rows, err := x.Rows(sheet)
	if err != nil {
		return g, nil
	}
	defer rows.Close()
	for num := 1; rows.Next() && (limit == 0 || num <= limit); num++ {
		if num%stopEvery == 0 {
			if err := b.stopped(); err != nil {
				return g, err
			}
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return g, fmt.Errorf("read sheet %q row %d: %w", sheet, num, err)
		}
		// An empty row costs too: millions of them are a way to make a small file slow.
		if b.budget -= max(1, len(cells)); b.budget < 0 {
			return g, errTooManyCells
		}
		if err := b.expired(); err != nil {
			return g, err
		}
		for i, c := range cells {
			cells[i] = cutCell(c) // before anything normalises it
		}
		if !allEmpty(cells) {
			g.rows = append(g.rows, gridRow{num: num, cells: cells})
		}
	}
	return g, rows.Error()
}

// expired returns errTimeout once the time budget of Read is spent.
func (b *book) expired() error {
	if b.ctx != nil && b.ctx.Err() != nil {
		return fmt.Errorf("%w: %w", errTimeout, context.Cause(b.ctx))
	}
	return nil
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimFunc(c, isSpace) != "" {
			return false
		}
	}
	return true
}

// sheetNamed returns the workbook's sheet whose name matches name after normalisation.
func (b *book) sheetNamed(name string) (string, bool) {
	want := norm2(name)
	for _, s := range b.sheets {
		if norm2(s) == want {
			return s, true
		}
	}
	return "", false
}

// located is where a part's header was found: the sheet, the header row and each column's number.
type located struct {
	sheet  string
	header int
	cols   map[string]int
}

// findHeader looks in the first rows of g for the row holding the most of p's column titles; at
// least half of them must be there.
func findHeader(g *grid, p *part) (located, bool) {
	want := map[string]string{}
	for _, h := range p.headers {
		want[norm2(h.title)] = h.key
	}
	best := located{}
	for _, r := range g.rows {
		if r.num > headerSearchRows {
			break
		}
		cols := map[string]int{}
		for i, c := range r.cells {
			if key, ok := want[norm2(c)]; ok {
				if _, dup := cols[key]; !dup {
					cols[key] = i + 1
				}
			}
		}
		if len(cols) > len(best.cols) {
			best = located{sheet: g.sheet, header: r.num, cols: cols}
		}
	}
	need := max(1, (len(p.headers)+1)/2)
	return best, len(best.cols) >= need
}

// locate finds a part: on the sheet named as planned, else on any other sheet (renamed), taking
// the best header match.
func (b *book) locate(p *part) (located, bool, error) {
	if name, ok := b.sheetNamed(p.sheet); ok {
		g, err := b.head(name)
		if err != nil {
			return located{}, false, err
		}
		if loc, ok := findHeader(g, p); ok {
			return loc, true, nil
		}
	}
	var best located
	found := false
	for _, s := range b.sheets {
		if norm2(s) == norm2(IdentSheet) || norm2(s) == norm2(CoverSheet) {
			continue
		}
		g, err := b.head(s)
		if err != nil {
			return located{}, false, err
		}
		if loc, ok := findHeader(g, p); ok && len(loc.cols) > len(best.cols) {
			best, found = loc, true
		}
	}
	return best, found, nil
}

// sectionRows finds narrative section titles on a sheet: section key → row, and the column of
// the titles (the text is in the next column).
func sectionRows(g *grid, sections []form.Section) (map[string]int, int) {
	want := map[string]string{}
	for _, s := range sections {
		want[norm2(s.Title)] = s.Key
	}
	rows := map[string]int{}
	titleCol := 0
	for _, r := range g.rows {
		for i, c := range r.cells {
			key, ok := want[norm2(c)]
			if !ok || (titleCol != 0 && i+1 != titleCol) {
				continue
			}
			if _, dup := rows[key]; !dup {
				rows[key] = r.num
				titleCol = i + 1
			}
			break
		}
	}
	return rows, titleCol
}

// locateSections finds the narrative sheet: the planned one if its titles are there, else the
// sheet with the most section titles.
func (b *book) locateSections(sections []form.Section) (string, map[string]int, int, error) {
	order := append([]string(nil), b.sheets...)
	if name, ok := b.sheetNamed(NarrativeSheet); ok {
		order = append([]string{name}, order...)
	}
	bestSheet, bestRows, bestCol := "", map[string]int{}, 0
	for _, s := range order {
		if norm2(s) == norm2(IdentSheet) {
			continue
		}
		g, err := b.head(s)
		if err != nil {
			return "", nil, 0, err
		}
		rows, col := sectionRows(g, sections)
		if len(rows) > len(bestRows) {
			bestSheet, bestRows, bestCol = s, rows, col
		}
	}
	return bestSheet, bestRows, bestCol, nil
}
