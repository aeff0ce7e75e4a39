package form

import (
	"cmp"
	"slices"
	"strconv"
)

// SortProblems orders problems as a person reads the workbook: those about the whole file first,
// then sheet by sheet in the workbook's order (sheets, as the workbook lists them; a sheet it
// does not list comes after those it does, by name), and within a sheet row by row, left to
// right, a problem about the sheet as a whole before its cells. Problems at the same place keep
// their order. The receipt, the error letter and `tonghop check` all list problems in this
// order, so that what a unit is told and what a clerk sees are the same list.
func SortProblems(ps []Problem, sheets []string) {
	pos := make(map[string]int, len(sheets))
	for i, s := range sheets {
		if _, dup := pos[s]; !dup {
			pos[s] = i
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(compareSheets(a.Sheet, b.Sheet, pos), compareCells(a.Cell, b.Cell))
	})
}

// compareSheets puts the whole file ("") first, then listed sheets in order, then the others.
func compareSheets(a, b string, pos map[string]int) int {
	if a == b {
		return 0
	}
	rank := func(s string) (int, int) {
		if s == "" {
			return 0, 0
		}
		if i, ok := pos[s]; ok {
			return 1, i
		}
		return 2, 0
	}
	ka, ia := rank(a)
	kb, ib := rank(b)
	return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(ia, ib), cmp.Compare(a, b))
}

// compareCells orders A1 references by row, then column; no cell (the whole sheet) comes first,
// and a reference that does not read as one after those that do.
func compareCells(a, b string) int {
	ca, ra, oka := cellPosition(a)
	cb, rb, okb := cellPosition(b)
	switch {
	case a == "" || b == "":
		return cmp.Compare(len(a), len(b))
	case oka != okb:
		if oka {
			return -1
		}
		return 1
	case !oka:
		return cmp.Compare(a, b)
	}
	return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(ca, cb))
}

// cellPosition reads "F6", "AB120" or the first cell of a range "C5:C9" as a column number
// (A = 1) and a row number.
func cellPosition(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && i < 3 && ('A' <= ref[i] && ref[i] <= 'Z' || 'a' <= ref[i] && ref[i] <= 'z') {
		col = col*26 + int(ref[i]|0x20-'a'+1)
		i++
	}
	j := i
	for j < len(ref) && '0' <= ref[j] && ref[j] <= '9' {
		j++
	}
	if i == 0 || j == i || j-i > 7 || j < len(ref) && ref[j] != ':' {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:j])
	return col, row, err == nil && row > 0
}
