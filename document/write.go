package document

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Write writes d as a .docx in the built-in layout.
func Write(w io.Writer, d Doc) error {
	rd, err := newDocument()
	if err != nil {
		return fmt.Errorf("new document: %w", err)
	}
	b := &builder{rd: rd}
	b.defaults()
	b.page()
	b.header(d)
	b.title(d)
	for _, bl := range d.Body {
		b.block(bl)
	}
	b.signature(d)
	if err := rd.Write(w); err != nil {
		return fmt.Errorf("write document: %w", err)
	}
	return nil
}

// Build is Write into memory.
func Build(d Doc) ([]byte, error) {
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// builder adds the parts of the layout to a godocx document.
type builder struct {
	rd *docx.RootDoc
}

// style is how a run of text is printed.
type style struct {
	size                 uint64
	bold, italic, upper  bool
	align                stypes.Justification
	indentFirst          int
	before, after        uint64
	ruleBelow, ruleWidth int // ruleWidth: the rule's length; ruleBelow: the column it centres in
}

func ptr[T any](v T) *T { return &v }

// thumbnail is the preview godocx's starting document carries: a picture of another document.
const thumbnail = "docProps/thumbnail.jpeg"

// defaults makes Times New Roman and the body size the document's defaults, so an empty line or
// a paragraph typed later by a leader is in the decree's type too, and drops the stale preview.
func (b *builder) defaults() {
	b.rd.FileMap.Delete(thumbnail)
	rels := b.rd.RootRels.Relationships[:0]
	for _, r := range b.rd.RootRels.Relationships {
		if r.Target != thumbnail {
			rels = append(rels, r)
		}
	}
	b.rd.RootRels.Relationships = rels
	st := b.rd.DocStyles
	if st == nil {
		return
	}
	if st.DocDefaults == nil {
		st.DocDefaults = &ctypes.DocDefault{}
	}
	st.DocDefaults.RunProp = &ctypes.RunPropDefault{RunProp: &ctypes.RunProperty{
		Fonts: &ctypes.RunFonts{Ascii: Font, HAnsi: Font, EastAsia: Font, CS: Font},
		Size:  ctypes.NewFontSize(sizeBody * 2),
	}}
}

// page sets A4 and the decree's margins.
func (b *builder) page() {
	b.rd.Document.Body.SectPr = &ctypes.SectionProp{
		PageSize: &ctypes.PageSize{Width: ptr(uint64(pageWidth)), Height: ptr(uint64(pageHeight))},
		PageMargin: &ctypes.PageMargin{Top: ptr(MarginTop), Bottom: ptr(MarginBottom), Left: ptr(MarginLeft),
			Right: ptr(MarginRight), Header: ptr(720), Footer: ptr(720), Gutter: ptr(0)},
	}
}

// format applies s to a paragraph holding text.
func format(p *docx.Paragraph, text string, s style) {
	r := p.AddText(text)
	r.Font(Font).Size(s.size)
	if s.bold {
		r.Bold(true)
	}
	if s.italic {
		r.Italic(true)
	}
	if s.align == "" {
		s.align = stypes.JustificationBoth
	}
	p.Justification(s.align)
	p.Spacing(s.before, s.after)
	pp := p.GetCT().Property
	if s.indentFirst > 0 {
		pp.Indent = &ctypes.Indent{FirstLine: ptr(uint64(s.indentFirst))}
	}
}

// rule makes p, an empty paragraph under a text, the decree's short line: its bottom border,
// ruleWidth long, centred in ruleBelow by indents, the paragraph itself a few points high.
// (The text's own paragraph keeps its full width: an indent there would wrap the text.)
func rule(p *docx.Paragraph, s style) {
	p.Spacing(0, 0)
	pp := p.GetCT().Property
	side := max((s.ruleBelow-s.ruleWidth)/2, 0)
	pp.Indent = &ctypes.Indent{Left: ptr(side), Right: ptr(side)}
	pp.Border = &ctypes.ParaBorder{Bottom: &ctypes.Border{Val: stypes.BorderStyleSingle, Size: ptr(6),
		Space: ptr("1"), Color: ptr("000000")}}
	pp.RunProperty = &ctypes.RunProperty{Size: ctypes.NewFontSize(ruleHeight * 2)}
}

func (b *builder) para(text string, s style) *docx.Paragraph {
	p := b.rd.AddEmptyParagraph()
	after := s.after
	if s.ruleWidth > 0 {
		s.after = 0
	}
	format(p, text, s)
	if s.ruleWidth > 0 {
		r := b.rd.AddEmptyParagraph()
		rule(r, s)
		r.Spacing(0, after)
	}
	return p
}

func cellPara(c *docx.Cell, text string, s style) {
	format(c.AddEmptyPara(), text, s)
	if s.ruleWidth > 0 {
		rule(c.AddEmptyPara(), s)
	}
}

// noBorders is a table without lines: the header and the signature are laid out in columns.
func noBorders(t *docx.Table, widths ...int) {
	none := func() *ctypes.Border { return &ctypes.Border{Val: stypes.BorderStyleNone} }
	ct := t.GetCT()
	ct.TableProp.Borders = &ctypes.TableBorders{Top: none(), Left: none(), Bottom: none(), Right: none(),
		InsideH: none(), InsideV: none()}
	grid(t, widths...)
}

func grid(t *docx.Table, widths ...int) {
	total := 0
	var ws []uint64
	for _, w := range widths {
		total += w
		ws = append(ws, uint64(w))
	}
	t.Width(total, stypes.TableWidthDxa)
	t.Grid(ws...)
	t.Layout(stypes.TableLayoutFixed)
}

// header is the two columns above the title: the governing body, the issuing office with its
// rule and the number on the left; the national title, the motto with its rule, and the place
// and date on the right.
func (b *builder) header(d Doc) {
	t := b.rd.AddTable()
	noBorders(t, leftColumn, rightColumn)
	row := t.AddRow()
	left := row.AddCell().Width(leftColumn, stypes.TableWidthDxa)
	right := row.AddCell().Width(rightColumn, stypes.TableWidthDxa)
	center := stypes.JustificationCenter
	if d.GoverningBody != "" {
		cellPara(left, upper(d.GoverningBody), style{size: sizeGoverning, align: center})
	}
	cellPara(left, upper(d.Office), style{size: sizeOffice, bold: true, align: center,
		ruleWidth: officeRule, ruleBelow: leftColumn})
	cellPara(left, "", style{size: sizeNumber, align: center})
	cellPara(left, d.NumberLine(), style{size: sizeNumber, align: center})
	if d.Draft {
		draft := labelDraft
		if d.DraftVersion > 0 {
			draft += " " + fmt.Sprintf(labelVersion, d.DraftVersion)
		}
		cellPara(left, draft, style{size: sizeNumber, bold: true, align: center})
	}
	cellPara(right, NationalTitle, style{size: sizeNational, bold: true, align: center})
	cellPara(right, Motto, style{size: sizeMotto, bold: true, align: center, ruleWidth: mottoRule, ruleBelow: rightColumn})
	cellPara(right, "", style{size: sizeDate, align: center})
	cellPara(right, PlaceDate(d.Place, d.Date), style{size: sizeDate, italic: true, align: center})
}

// title is the type and the summary, centred, with a short rule below.
func (b *builder) title(d Doc) {
	center := stypes.JustificationCenter
	b.para(d.Kind.Title(), style{size: sizeKind, bold: true, align: center, before: 360})
	b.para(d.Summary, style{size: sizeSummary, bold: true, align: center, after: 240,
		ruleWidth: officeRule, ruleBelow: textWidth})
}

// block writes one piece of the body.
func (b *builder) block(bl Block) {
	if bl.Heading != "" {
		b.para(bl.Heading, style{size: sizeBody, bold: true, indentFirst: bodyIndent, before: 120, after: 60})
	}
	for _, p := range bl.Paragraphs {
		b.para(p, style{size: sizeBody, indentFirst: bodyIndent, after: 60})
	}
	if bl.Table != nil {
		b.table(*bl.Table)
	}
	if bl.Note != "" {
		b.para(bl.Note, style{size: sizeBody, italic: true, indentFirst: bodyIndent, after: 60})
	}
}

// table writes a table of figures with lines, its header bold.
func (b *builder) table(tb Table) {
	t := b.rd.AddTable()
	line := func() *ctypes.Border {
		return &ctypes.Border{Val: stypes.BorderStyleSingle, Size: ptr(4), Color: ptr("000000")}
	}
	t.GetCT().TableProp.Borders = &ctypes.TableBorders{Top: line(), Left: line(), Bottom: line(), Right: line(),
		InsideH: line(), InsideV: line()}
	widths := columnWidths(len(tb.Header))
	if tb.List {
		widths = listWidths(len(tb.Header))
	}
	grid(t, widths...)
	row := t.AddRow()
	for i, h := range tb.Header {
		cellPara(row.AddCell().Width(widths[i], stypes.TableWidthDxa), h,
			style{size: sizeTable, bold: true, align: stypes.JustificationCenter})
	}
	for _, r := range tb.Rows {
		row := t.AddRow()
		for i := range tb.Header {
			text, align := "", stypes.JustificationLeft
			if i < len(r) {
				text = r[i]
			}
			if i < len(tb.Numeric) && tb.Numeric[i] {
				align = stypes.JustificationRight
			}
			cellPara(row.AddCell().Width(widths[i], stypes.TableWidthDxa), text, style{size: sizeTable, align: align})
		}
	}
}

// columnWidths gives the number column and the unit of measure little room, the indicator's
// name most, and shares the rest among the figures.
func columnWidths(n int) []int {
	const no, measure = 567, 1020
	if n < 3 {
		w := textWidth / max(n, 1)
		out := make([]int, n)
		for i := range out {
			out[i] = w
		}
		return out
	}
	figures := n - 3
	figure := 0
	if figures > 0 {
		figure = min(1400, (textWidth-no-measure-2800)/figures)
	}
	name := textWidth - no - measure - figure*figures
	out := []int{no, name, measure}
	for range figures {
		out = append(out, figure)
	}
	return out
}

// listWidths gives the number column little room, the unit's a fixed one, the first of the
// form's columns (the task itself) two shares and each other one.
func listWidths(n int) []int {
	const no, unit = 567, 1560
	if n < 3 {
		return []int{textWidth}
	}
	share := (textWidth - no - unit) / n // n-2 columns, the first counting twice
	out := []int{no, unit, 2 * share}
	for range n - 3 {
		out = append(out, share)
	}
	return out
}

// signature is "Nơi nhận" on the left and the signer on the right.
func (b *builder) signature(d Doc) {
	t := b.rd.AddTable()
	noBorders(t, leftColumn, rightColumn)
	row := t.AddRow()
	left := row.AddCell().Width(leftColumn, stypes.TableWidthDxa)
	right := row.AddCell().Width(rightColumn, stypes.TableWidthDxa)
	lf := stypes.JustificationLeft
	cellPara(left, "", style{size: sizeTo, align: lf})
	cellPara(left, labelTo, style{size: sizeTo, bold: true, italic: true, align: lf})
	for _, r := range d.Recipients {
		cellPara(left, fmt.Sprintf(recipientLine, r), style{size: sizeToLines, align: lf})
	}
	cellPara(left, d.ArchiveLine(), style{size: sizeToLines, align: lf})
	center := stypes.JustificationCenter
	cellPara(right, "", style{size: sizeSigner, align: center})
	if d.Signer.Authority != "" {
		cellPara(right, upper(d.Signer.Authority), style{size: sizeSigner, bold: true, align: center})
	}
	cellPara(right, upper(d.Signer.Title), style{size: sizeSigner, bold: true, align: center})
	for range signatureRoom {
		cellPara(right, "", style{size: sizeSigner, align: center})
	}
	cellPara(right, d.Signer.Name, style{size: sizeSigner, bold: true, align: center})
}

// innerBody writes, with fill, a document of d's parts alone and returns the XML inside its
// body, for a letterhead template.
func innerBody(d Doc, fill func(*builder, Doc)) (string, error) {
	rd, err := newDocument()
	if err != nil {
		return "", fmt.Errorf("new document: %w", err)
	}
	rd.Document.Body.SectPr = nil // the template's section holds
	b := &builder{rd: rd}
	fill(b, d)
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		return "", err
	}
	_, parts, err := readTemplate(buf.Bytes())
	if err != nil {
		return "", err
	}
	xml := string(parts[documentPart])
	i, j := strings.Index(xml, "<w:body>"), strings.LastIndex(xml, "</w:body>")
	if i < 0 || j < i {
		return "", fmt.Errorf("document part without a body")
	}
	return xml[i+len("<w:body>") : j], nil
}
