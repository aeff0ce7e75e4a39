package reportbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// Number formats. Excel has no single format that shows thousands separators, shows the
// decimals a figure has and nothing for an integer: "#,##0.##" leaves a dangling separator
// ("1.234," in a Vietnamese locale, "1,234." in an English one) and General drops the
// thousands separators that make "tỷ đồng" figures readable. So each figure picks its format
// by value when it is written: an integer (at the precision shown) gets "#,##0", any other
// figure "#,##0.###". Percentages do the same with "0%" and "0.0%", which matches how the
// status package writes rates ("75%", "66,7%"). The codes are locale-neutral: Excel and
// LibreOffice show "." and "," the Vietnamese way on a Vietnamese system.
const (
	fmtInteger    = "#,##0"
	fmtDecimal    = "#,##0.###"
	fmtPercent    = "0%"
	fmtPercentDec = "0.0%"
	fmtDate       = "dd/mm/yyyy"
	fmtDateTime   = `hh:mm "ngày" dd/mm/yyyy` // the time first, as the text says it
	numFmtText    = 49                        // the built-in "@" (text) format
)

// fontName is the font of Vietnamese administrative documents (Decree 30/2020/NĐ-CP).
const fontName = "Times New Roman"

// styles are the cell formats of the workbook, created once per file.
type styles struct {
	title, sub, subBold, subItalic            int // centred title block
	bold, italic, plain, note, noteItalic     int
	header, text, wrap, indent, center        int
	integer, decimal, percent, percentDecimal int
	date, dateTime                            int
	// quoted maps a text style to its twin that keeps outside text inert (see safeText).
	quoted map[int]int
	wraps  map[int]bool // the styles that wrap text, quoted twins included
}

// styleSpec is one style to create and where to keep its ID.
type styleSpec struct {
	id    *int
	style excelize.Style
	text  bool // holds outside text: gets a quoted twin
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{quoted: map[int]int{}, wraps: map[int]bool{}}
	for _, sp := range s.specs() {
		id, err := f.NewStyle(&sp.style)
		if err != nil {
			return nil, fmt.Errorf("new style: %w", err)
		}
		*sp.id = id
		if sp.text {
			if s.quoted[id], err = quotedTwin(f, sp.style); err != nil {
				return nil, err
			}
		}
		if sp.style.Alignment != nil && sp.style.Alignment.WrapText {
			s.wraps[id] = true
			if q, ok := s.quoted[id]; ok {
				s.wraps[q] = true
			}
		}
	}
	return s, nil
}

// specs lists the workbook's styles: Times New Roman 11, thin black borders on table cells,
// text at the top of its cell so that a wrapped neighbour does not push it down.
func (s *styles) specs() []styleSpec {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Italic: italic}
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	centred := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	cell := func(a *excelize.Alignment) excelize.Style {
		return excelize.Style{Border: border, Font: font(false, false, 11), Alignment: a}
	}
	numeric := func(code string) excelize.Style {
		st := cell(top)
		st.CustomNumFmt = &code
		return st
	}
	header := cell(centred)
	header.Font = font(true, false, 11)
	header.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}
	return []styleSpec{
		{&s.title, excelize.Style{Font: font(true, false, 13), Alignment: centred}, true},
		{&s.sub, excelize.Style{Font: font(false, false, 11), Alignment: centred}, true},
		{&s.subBold, excelize.Style{Font: font(true, false, 11), Alignment: centred}, true},
		{&s.subItalic, excelize.Style{Font: font(false, true, 11), Alignment: centred}, true},
		{&s.bold, excelize.Style{Font: font(true, false, 11)}, true},
		{&s.italic, excelize.Style{Font: font(false, true, 11)}, true},
		{&s.plain, excelize.Style{Font: font(false, false, 11)}, true},
		{&s.note, excelize.Style{Font: font(false, false, 11), Alignment: wrapTop}, true},
		{&s.noteItalic, excelize.Style{Font: font(false, true, 11), Alignment: wrapTop}, true},
		{&s.header, header, true},
		{&s.text, cell(top), true},
		{&s.wrap, cell(wrapTop), true},
		{&s.indent, cell(&excelize.Alignment{Vertical: "top", WrapText: true, Indent: 1}), true},
		{&s.center, cell(&excelize.Alignment{Horizontal: "center", Vertical: "top"}), true},
		{&s.integer, numeric(fmtInteger), false},
		{&s.decimal, numeric(fmtDecimal), false},
		{&s.percent, numeric(fmtPercent), false},
		{&s.percentDecimal, numeric(fmtPercentDec), false},
		{&s.date, numeric(fmtDate), false},
		{&s.dateTime, numeric(fmtDateTime), false},
	}
}

// quotedTwin creates the style's twin with the text number format and the quotePrefix
// attribute: what Excel itself records when someone types '=1 into a cell. The cell shows
// its text unchanged, and Excel and LibreOffice keep it text when it is edited and confirmed,
// instead of turning "=…" into a formula. excelize has no option for the attribute, so it is
// set on the cell format record excelize created (the text format makes the record differ
// from every other style, so no other cell shares it).
func quotedTwin(f *excelize.File, st excelize.Style) (int, error) {
	st.NumFmt, st.CustomNumFmt = numFmtText, nil
	id, err := f.NewStyle(&st)
	if err != nil {
		return 0, fmt.Errorf("new quoted style: %w", err)
	}
	if f.Styles == nil || f.Styles.CellXfs == nil || id >= len(f.Styles.CellXfs.Xf) {
		return 0, fmt.Errorf("new quoted style: cell format %d not found", id)
	}
	yes := true
	f.Styles.CellXfs.Xf[id].QuotePrefix = &yes
	return id, nil
}

// number returns a figure's cell in the integer or decimal format (see the formats above).
func (s *styles) number(v float64) excelize.Cell {
	if isWhole(v, 1000) {
		return excelize.Cell{StyleID: s.integer, Value: v}
	}
	return excelize.Cell{StyleID: s.decimal, Value: v}
}

// percentPoints returns a cell for a percentage given in points (75 for 75 %), stored as
// the fraction Excel expects under a percent format.
func (s *styles) percentPoints(v float64) excelize.Cell {
	if isWhole(v, 10) {
		return excelize.Cell{StyleID: s.percent, Value: v / 100}
	}
	return excelize.Cell{StyleID: s.percentDecimal, Value: v / 100}
}

// isWhole reports whether v shows as an integer with 1/scale precision.
func isWhole(v, scale float64) bool {
	r := math.Round(v * scale)
	return math.Mod(r, scale) == 0
}

// blank is an empty cell that still carries its borders.
func (s *styles) blank(style int) excelize.Cell { return excelize.Cell{StyleID: style} }
