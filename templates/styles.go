package templates

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// Colours of the generated workbooks: a pale blue header and a pale yellow for the cells a unit
// types into, the conventions of most official Excel forms.
const (
	colorHeader = "DDEBF7"
	colorInput  = "FFF8DC"
	colorMuted  = "595959"
)

// Number formats by column type. Decimals keep General so integers do not show a trailing
// separator; dates are explicit so a US-locale Excel still shows dd/mm/yyyy.
const (
	dateFormat = "dd/mm/yyyy"
	numFmtText = 49 // "@": keeps leading zeros of phone numbers and codes
	numFmtInt  = 3  // "#,##0"
	numFmtPct  = 10 // "0.00%"
)

// styleSet creates workbook styles on demand and remembers their ids.
type styleSet struct {
	f     *excelize.File
	cache map[string]int
	err   error
}

func newStyleSet(f *excelize.File) *styleSet { return &styleSet{f: f, cache: map[string]int{}} }

func (s *styleSet) get(name string, build func() *excelize.Style) int {
	if id, ok := s.cache[name]; ok {
		return id
	}
	id, err := s.f.NewStyle(build())
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("style %s: %w", name, err)
	}
	s.cache[name] = id
	return id
}

func thinBorders() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "808080", Style: 1})
	}
	return out
}

func solid(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

func (s *styleSet) title() int {
	return s.get("title", func() *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Vertical: "center"}}
	})
}

func (s *styleSet) subtitle() int {
	return s.get("subtitle", func() *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Italic: true, Size: 11}}
	})
}

func (s *styleSet) hint() int {
	return s.get("hint", func() *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Italic: true, Size: 10, Color: colorMuted}}
	})
}

func (s *styleSet) bold() int {
	return s.get("bold", func() *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}
	})
}

// heading is a bold line that may run over the next cells.
func (s *styleSet) heading() int {
	return s.get("heading", func() *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Bold: true}}
	})
}

func (s *styleSet) wrap() int {
	return s.get("wrap", func() *excelize.Style {
		return &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, NumFmt: numFmtText}
	})
}

func (s *styleSet) header() int {
	return s.get("header", func() *excelize.Style {
		return &excelize.Style{
			Font: &excelize.Font{Bold: true}, Border: thinBorders(), Fill: solid(colorHeader),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		}
	})
}

// label is a locked cell of an indicator or narrative sheet: code, name, unit, section title.
func (s *styleSet) label(bold bool, indent int, center bool) int {
	return s.get(fmt.Sprintf("label/%v/%d/%v", bold, indent, center), func() *excelize.Style {
		al := &excelize.Alignment{Vertical: "top", WrapText: true, Indent: indent}
		if center {
			al.Horizontal = "center"
		}
		return &excelize.Style{
			Font: &excelize.Font{Bold: bold}, Border: thinBorders(), Alignment: al,
			NumFmt: numFmtText, Protection: &excelize.Protection{Locked: true},
		}
	})
}

// input is an unlocked cell a unit types into, formatted for the column type; highlighted marks it
// in the input colour (indicator values, narrative text, cover fields).
func (s *styleSet) input(t form.ColumnType, highlighted bool) int {
	return s.get(fmt.Sprintf("input/%s/%v", t, highlighted), func() *excelize.Style {
		st := &excelize.Style{
			Border:     thinBorders(),
			Alignment:  &excelize.Alignment{Vertical: "top", WrapText: true},
			Protection: &excelize.Protection{Locked: false},
		}
		if highlighted {
			st.Fill = solid(colorInput)
		}
		switch t {
		case form.Date:
			f := dateFormat
			st.CustomNumFmt = &f
			st.Alignment.Horizontal = "center"
		case form.Integer:
			st.NumFmt = numFmtInt
		case form.Decimal:
			// General.
		case form.Percent:
			st.NumFmt = numFmtPct
		default:
			st.NumFmt = numFmtText
		}
		return st
	})
}

// stt is the auto-numbered first column of a table.
func (s *styleSet) stt() int {
	return s.get("stt", func() *excelize.Style {
		return &excelize.Style{Border: thinBorders(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}
	})
}

func (s *styleSet) muted() int {
	return s.get("muted", func() *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Size: 9, Color: colorMuted}, NumFmt: numFmtText}
	})
}
