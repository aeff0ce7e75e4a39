package form

import (
	"strings"
	"testing"
)

func TestSortProblems(t *testing.T) {
	sheets := []string{"Hướng dẫn", "Chương trình", "Chỉ tiêu", "_tonghop"}
	// Each problem's code names it in want: its cell, or what it is about.
	p := func(sheet, cell, code string) Problem { return Problem{Sheet: sheet, Cell: cell, Code: code} }
	tests := []struct {
		name string
		in   []Problem
		want string
	}{
		// The order the issue saw (F6, E8, E10, E5, B5), row by row and left to right.
		{name: "RowsThenColumns", in: []Problem{
			p("Chương trình", "F6", "F6"), p("Chương trình", "E8", "E8"), p("Chương trình", "E10", "E10"),
			p("Chương trình", "E5", "E5"), p("Chương trình", "B5", "B5"),
		}, want: "B5 E5 F6 E8 E10"},
		{name: "WorkbookOrderNotNames", in: []Problem{
			p("Chỉ tiêu", "D7", "D7"), p("Hướng dẫn", "C9", "C9"), p("Chương trình", "B5", "B5"),
		}, want: "C9 B5 D7"},
		{name: "WholeFileThenWholeSheetFirst", in: []Problem{
			p("Chương trình", "C5", "C5"), p("Chương trình", "", "sheet"), p("", "", "file"),
		}, want: "file sheet C5"},
		{name: "UnlistedSheetLast", in: []Problem{
			p("Khác", "A1", "A1"), p("_tonghop", "", "tag"), p("Hướng dẫn", "C9", "C9"),
		}, want: "C9 tag A1"},
		{name: "TwoLetterColumnsAndRanges", in: []Problem{
			p("Chỉ tiêu", "AA5", "AA5"), p("Chỉ tiêu", "Z5", "Z5"), p("Chỉ tiêu", "C4:C9", "C4:C9"), p("Chỉ tiêu", "?", "?"),
		}, want: "C4:C9 Z5 AA5 ?"},
		{name: "SamePlaceKeepsOrder", in: []Problem{
			p("Chương trình", "C5", "C5-first"), p("Chương trình", "B5", "B5"), p("Chương trình", "C5", "C5-second"),
		}, want: "B5 C5-first C5-second"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := append([]Problem(nil), tt.in...)
			SortProblems(ps, sheets)
			var got []string
			for _, q := range ps {
				got = append(got, q.Code)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}
