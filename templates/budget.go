package templates

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// A small file can hold a great deal of text for a reader: one long shared string referenced by
// thousands of cells is one string in the package and thousands in the workbook. textBudget
// follows the text of the cells while checkStructure streams the package, before excelize
// copies a single cell: each shared string's length is counted once for every cell that
// references it, and a workbook holding more than Limits.MaxChars characters in its cells is
// refused. Shared and inline strings longer than MaxCellChars are cut in the parts excelize reads,
// and every cell is cut again as it is loaded (a formula's text, which excelize copies once), so
// neither excelize's copies per cell nor any normalisation ever see more of one cell than Excel
// itself can hold.

// MaxCellChars is the most characters an Excel cell holds. Longer text, which only a file built
// by another program can carry, is cut to it before anything reads it.
const MaxCellChars = 32767

var errTooManyChars = errors.New("too many characters in cells")

// sharedStringsPart is the name excelize reads the shared strings from, whatever the case of the
// name in the package.
const sharedStringsPart = "xl/sharedStrings.xml"

// textBudget counts the characters of the cells of one package against max, and records where
// their text must be cut: beyond cell characters (MaxCellChars, but for tests).
type textBudget struct {
	max, total int
	cell       int
	shared     []int32              // characters of each shared string, as cut (at most MaxCellChars)
	cuts       map[string]*partCuts // by the part's name as excelize keys it
	parts      map[string]*zip.File // the part each name reads from: the last one in the zip

	// What the lean opening (lean.go) needs: how many times each name was taken up and how
	// many of those readings the fast check took to the end without a fault (a name is clean
	// when all were), the rows it counted in each, the bytes of the shared strings' text.
	entries, cleanReads map[string]int
	rows                map[string]int
	sharedBytes         int
}

// partCuts is the text to cut in one part: each range of raw bytes is replaced by what is kept
// of its text.
type partCuts struct {
	file *zip.File
	cuts []textCut
}

type textCut struct {
	start, end int64
	keep       string
}

func newTextBudget(maxChars, maxCell int) *textBudget {
	return &textBudget{max: maxChars, cell: maxCell, cuts: map[string]*partCuts{}, parts: map[string]*zip.File{},
		entries: map[string]int{}, cleanReads: map[string]int{}, rows: map[string]int{}}
}

// excelizeName is the name excelize stores a part under: slashes for backslashes, and the shared
// strings under one fixed name. A later part of the same name replaces an earlier one.
func excelizeName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	if strings.EqualFold(name, sharedStringsPart) {
		return sharedStringsPart
	}
	return name
}

// sharedFirst orders the package's parts with the shared strings first, keeping the zip order
// otherwise: a worksheet's references are counted with the lengths of the strings they name.
func sharedFirst(files []*zip.File) []*zip.File {
	out := make([]*zip.File, 0, len(files))
	for _, f := range files {
		if excelizeName(f.Name) == sharedStringsPart {
			out = append(out, f)
		}
	}
	for _, f := range files {
		if excelizeName(f.Name) != sharedStringsPart {
			out = append(out, f)
		}
	}
	return out
}

// part starts following the text of f.
func (b *textBudget) part(f *zip.File) *partScan {
	name := excelizeName(f.Name)
	b.parts[name] = f
	b.entries[name]++
	delete(b.cuts, name)
	s := &partScan{b: b, name: name, shared: name == sharedStringsPart}
	if s.shared {
		b.shared = b.shared[:0] // excelize keeps the last shared strings part of the zip
		b.sharedBytes = 0
	}
	return s
}

// clean records that the fast check read the part to its end without a fault, rows rows in it.
func (s *partScan) clean(rows int) {
	s.b.cleanReads[s.name]++
	s.b.rows[s.name] = rows
}

// isClean says whether every part of the zip named name was read to its end without a fault.
func (b *textBudget) isClean(name string) bool {
	return b.entries[name] > 0 && b.cleanReads[name] == b.entries[name]
}

// add counts n characters of a cell.
func (b *textBudget) add(n int) error {
	if b.total += n; b.total > b.max {
		return errTooManyChars
	}
	return nil
}

// sharedLen is the length of the shared string a cell's value names, read as excelize reads it:
// a value that is no number names the first string.
func (b *textBudget) sharedLen(v []byte) int {
	i, ok := plainIndex(v) // the common case, without a copy of v
	if !ok {
		i, _ = strconv.Atoi(strings.TrimSpace(string(v)))
	}
	if i < 0 || i >= len(b.shared) {
		return 0
	}
	return int(b.shared[i])
}

// partScan follows the cells' text through the tokens of one part, as excelize will read it,
// counting at least what it reads and cutting every string it reads to the cell limit.
//
// In the shared strings, excelize reads each si child of the root: its t and its runs' t, not
// its phonetic runs (rPh); all t text in the si outside rPh is counted, and cut together.
//
// In a worksheet, excelize reads each c element from its start to the first end of a c, and
// decodes whole each v, f and is it meets there: the value is the direct text of the last v,
// an index into the shared strings when the c says t="s"; an inline string is the text of its
// t, cut together for the cell. Elements inside a v, f or is are part of it, never values of
// their own. So each v not inside another v, f or is counts the shared string it names when any
// open c says t="s", and its own length; the index is read as excelize reads it. Any part may
// be read as a worksheet (the workbook's relationships name them), so every part but the shared
// strings is followed so.
type partScan struct {
	b      *textBudget
	name   string
	shared bool // the shared strings part, else a part that may hold cells

	depth    int
	si       bool   // in an si child of the shared strings' root
	cells    []bool // the open c elements, each true when it says t="s"
	outer    int    // depth of the outermost open c, 0 if none
	whole    int    // depth of the v, f or is decoded whole, 0 if none
	wholeTag string // its name
	t        int    // open t elements
	phonetic int    // open rPh elements
	n        int    // characters of the current string, or of the cell's inline strings, as cut
	v        []byte // direct text of the current v
}

// token follows one token, which took the bytes [start, end) of the part.
func (s *partScan) token(tok xml.Token, start, end int64) error {
	switch t := tok.(type) {
	case xml.StartElement:
		shared, refused := false, false
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "t":
				shared = a.Value == "s"
			case "s":
				refused = refused || styleRefused([]byte(a.Value))
			}
		}
		s.start(t.Name.Local, shared, refused)
	case xml.EndElement:
		return s.end(t.Name.Local)
	case xml.CharData:
		s.chars(t, start, end)
	}
	return nil
}

// start follows a start element; shared says its t attribute is "s" (the last one, as
// excelize reads it), refused that excelize refuses its s attribute (styleRefused).
func (s *partScan) start(name string, shared, refused bool) {
	s.depth++
	s.open(name, shared, refused)
}

// end follows an end element.
func (s *partScan) end(name string) error {
	err := s.close(name)
	s.depth--
	return err
}

// reads says whether chars would read character data here, or pass over it.
func (s *partScan) reads() bool {
	return s.shared && s.si && s.t > 0 && s.phonetic == 0 ||
		s.wholeTag == "is" && s.t > 0 && s.phonetic == 0 ||
		s.wholeTag == "v" && s.depth == s.whole
}

// chars follows character data, t decoded from the raw bytes [start, end).
func (s *partScan) chars(t []byte, start, end int64) {
	switch {
	case s.shared && s.si && s.t > 0 && s.phonetic == 0:
		s.b.sharedBytes += len(t)
		s.text(t, start, end)
	case s.wholeTag == "is" && s.t > 0 && s.phonetic == 0:
		s.text(t, start, end)
	case s.wholeTag == "v" && s.depth == s.whole:
		s.v = append(s.v, t...)
	}
}

func (s *partScan) open(name string, shared, refused bool) {
	switch {
	case name == "t":
		s.t++
	case name == "rPh":
		s.phonetic++
	case s.shared:
		if s.depth == 2 && name == "si" {
			s.si, s.n = true, 0
		}
	case name == "c" && s.whole == 0:
		s.cells = append(s.cells, shared && !refused)
		if s.outer == 0 && !refused {
			s.outer, s.n = s.depth, 0
		}
	case (name == "v" || name == "f" || name == "is") && s.outer != 0 && s.whole == 0:
		s.whole, s.wholeTag, s.v = s.depth, name, s.v[:0]
	}
}

func (s *partScan) close(name string) error {
	switch {
	case name == "t":
		s.t = max(0, s.t-1)
	case name == "rPh":
		s.phonetic = max(0, s.phonetic-1)
	case s.shared:
		if s.depth == 2 && name == "si" {
			s.si = false
			s.b.shared = append(s.b.shared, int32(s.n))
		}
	case s.depth == s.whole:
		s.whole, s.wholeTag = 0, ""
		if name == "v" {
			return s.value()
		}
	case name == "c" && s.whole == 0 && len(s.cells) > 0:
		s.cells = s.cells[:len(s.cells)-1]
		if s.depth == s.outer {
			s.outer = 0
			return s.b.add(s.n)
		}
	}
	return nil
}

// value counts a v: the shared string it names when an open c says t="s" (a value excelize
// reads as an index, whatever its own type), and its own text, which load cuts.
func (s *partScan) value() error {
	n := min(runeCount(s.v), s.b.cell)
	if slices.Contains(s.cells, true) && len(s.v) > 0 {
		n += s.b.sharedLen(s.v)
	}
	return s.b.add(n)
}

// finish counts what the part left open when it ended or broke: excelize keeps the cell it was
// reading.
func (s *partScan) finish() error {
	if s.wholeTag == "v" {
		if err := s.value(); err != nil {
			return err
		}
	}
	if s.outer != 0 {
		return s.b.add(s.n)
	}
	return nil
}

// text counts a piece of a string's text, the raw bytes [start, end) of the part, and records
// the cut of what goes beyond the cell's limit.
func (s *partScan) text(t []byte, start, end int64) {
	n := runeCount(t)
	if s.n+n <= s.b.cell {
		s.n += n
		return
	}
	kept := t[:runePrefix(t, s.b.cell-s.n)]
	pc := s.b.cuts[s.name]
	if pc == nil {
		pc = &partCuts{file: s.b.parts[s.name]}
		s.b.cuts[s.name] = pc
	}
	pc.cuts = append(pc.cuts, textCut{start: start, end: end, keep: string(kept)})
	s.n = s.b.cell
}

// apply replaces, in the workbook excelize opened, each part holding text to cut by the part cut.
// It must run before excelize reads a cell.
func (b *textBudget) apply(x *excelize.File, maxBytes int64) error {
	for name, pc := range b.cuts {
		data, err := pc.cut(maxBytes)
		if err != nil {
			return fmt.Errorf("cut long text in %s: %w", name, err)
		}
		x.Pkg.Store(name, data)
	}
	return nil
}

// cut reads the part and replaces each range by the XML text of what is kept.
func (pc *partCuts) cut(maxBytes int64) ([]byte, error) {
	rc, err := pc.file.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxBytes+1))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	at := int64(0)
	for _, c := range pc.cuts {
		if c.start < at || c.end > int64(len(data)) {
			return nil, errors.New("text out of the part")
		}
		out.Write(data[at:c.start])
		if err := xml.EscapeText(&out, []byte(c.keep)); err != nil {
			return nil, err
		}
		at = c.end
	}
	out.Write(data[at:])
	return out.Bytes(), nil
}

// runeCount is utf8.RuneCount without its copy: since Go 1.26 it counts non-ASCII text through
// a string conversion that allocates, once for every cell of Vietnamese text.
func runeCount(b []byte) int {
	n := 0
	for i := 0; i < len(b); n++ {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return n
}

// runePrefix is the length in bytes of the first n characters of b.
func runePrefix(b []byte, n int) int {
	i := 0
	for ; n > 0 && i < len(b); n-- {
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return i
}

// cutCell cuts a cell's text to MaxCellChars characters.
func cutCell(s string) string {
	if len(s) <= MaxCellChars { // fewer bytes than the limit: fewer characters too
		return s
	}
	n := 0
	for i := range s {
		if n == MaxCellChars {
			return strings.Clone(s[:i]) // not a slice of the long text, which would stay in memory
		}
		n++
	}
	return s
}
