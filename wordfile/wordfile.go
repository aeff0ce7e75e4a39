// Package wordfile reads a Word document (.docx) sent from outside: its paragraphs, with their
// style, heading level and list label, and its tables. It reads bytes and returns values, and it
// is built for hostile files: the file, the bytes it unzips, its entries, the depth and tokens of
// its XML and its paragraphs are all bounded, and documents that carry macros, embedded objects,
// imported chunks of other formats or links to outside resources are refused, never opened
// further. Nothing recurses on the file's structure.
package wordfile

import (
	"errors"
	"fmt"
)

// Limits bounds what Read spends on one document; zero fields take the defaults.
type Limits struct {
	MaxBytes      int64 // size of the .docx itself; default DefaultMaxBytes
	MaxUnzipped   int64 // bytes unzipped from the parts read, all together; default DefaultMaxUnzipped
	MaxParagraphs int   // paragraphs, in tables too; default DefaultMaxParagraphs
}

// Default limits. A long genuine report (60 pages of prose and tables) is about 200 KiB of
// .docx, 2 MiB of XML and 2,000 paragraphs: the defaults leave room for pictures and far longer
// reports while bounding what a file built to be costly can take.
const (
	DefaultMaxBytes      = 20 << 20
	DefaultMaxUnzipped   = 64 << 20
	DefaultMaxParagraphs = 50_000

	// maxEntries bounds the zip's entries: a report with its pictures has a few dozen.
	maxEntries = 2_000
	// maxDepth bounds the nesting of XML elements: Word's deepest genuine nesting (a table in a
	// table in a text box) stays under 40.
	maxDepth = 256
	// maxTableDepth bounds tables nested in tables.
	maxTableDepth = 8
	// maxStyleChain bounds the basedOn chain followed for a style.
	maxStyleChain = 16
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxUnzipped <= 0 {
		l.MaxUnzipped = DefaultMaxUnzipped
	}
	if l.MaxParagraphs <= 0 {
		l.MaxParagraphs = DefaultMaxParagraphs
	}
	return l
}

// Doc is what a document says, in reading order.
type Doc struct {
	// Paragraphs are the body's paragraphs, outside tables.
	Paragraphs []Paragraph
	// Tables are the body's tables, each a list of rows of cells' text (a cell's paragraphs
	// joined by "\n"; a table nested in a cell adds its text to that cell).
	Tables [][][]string
	// TableAt is, for each table, how many paragraphs of Paragraphs come before it: where it
	// stands among them.
	TableAt []int
}

// Paragraph is one paragraph of the body.
type Paragraph struct {
	// Style is the paragraph style's ID as the document names it ("Heading1"), "" for none.
	Style string
	// Heading is the outline level, 1 for the top level, 0 for body text: from the paragraph's
	// own outline level, else its style's (styles.xml), else a heading style's name ("heading 1",
	// "Tiêu đề 1").
	Heading int
	// Numbering is the list label as shown ("I.", "1.", "a)"): computed from numbering.xml for
	// decimal, roman and letter lists, else the label typed at the start of the text, which is
	// then taken off Text. Numbering + " " + Text reads as the line does.
	Numbering string
	// Text is the paragraph's text, runs joined, without deleted text and field codes.
	Text string
}

// Errors Read returns, wrapped with detail: a caller tells the sender which one with errors.Is.
var (
	ErrNotDocx    = errors.New("not a Word document")
	ErrTooLarge   = errors.New("document too large")
	ErrTooComplex = errors.New("document structure too complex")
	ErrMacros     = errors.New("document carries macros or active content")
	ErrExternal   = errors.New("document links to outside resources")
	ErrEmbedded   = errors.New("document embeds objects or other documents")
)

// Read reads a .docx from its bytes within lim.
func Read(data []byte, lim Limits) (*Doc, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, len(data), lim.MaxBytes)
	}
	p, err := openPackage(data, lim)
	if err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	st, err := p.styles()
	if err != nil {
		return nil, err
	}
	nb, err := p.numbering()
	if err != nil {
		return nil, err
	}
	return p.body(st, nb)
}
