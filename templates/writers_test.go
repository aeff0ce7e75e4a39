package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// Helpers shared by the tests that fill workbooks with writers other than excelize (openpyxl,
// Gnumeric): where a template's input cells are, data whose numbers are hard to store exactly,
// and what a writer kept of the template.

// cellRef is one cell of a workbook.
type cellRef struct{ sheet, cell string }

// tableAt is where a table was found in a template: its sheet, header row and column numbers.
type tableAt struct {
	sheet  string
	header int
	cols   map[string]int
}

// indicatorsAt is where an indicator table was found: its sheet, each indicator's row by code
// and each value column's number.
type indicatorsAt struct {
	sheet string
	rows  map[string]int
	cols  map[string]int
}

// templateLayout is where a person types into a template, found by reading the template's labels
// with excelize, independently of the package's own locating code.
type templateLayout struct {
	header     map[string]cellRef // HeaderPreparer… → cell right of its label on the cover
	tables     map[string]tableAt
	indicators map[string]indicatorsAt
	sections   map[string]cellRef // section key → cell right of its title
}

// sheetRows is every sheet's raw cell text.
type sheetRows map[string][][]string

func readSheetRows(t testing.TB, x *excelize.File) sheetRows {
	t.Helper()
	out := sheetRows{}
	for _, s := range x.GetSheetList() {
		rows, err := x.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("rows of %q: %v", s, err)
		}
		out[s] = rows
	}
	return out
}

// isLabel reports whether a cell shows title, with or without the required marker.
func isLabel(cell, title string) bool { return cell == title || cell == title+requiredMark }

// findRow finds the first row of any sheet holding every one of titles; it returns the sheet,
// the row number and each title's column number.
func (sr sheetRows) findRow(titles []string) (string, int, []int, bool) {
	for _, sheet := range sortedKeys(sr) {
		for r, cells := range sr[sheet] {
			cols := make([]int, len(titles))
			found := 0
			for i, title := range titles {
				for c, cell := range cells {
					if isLabel(cell, title) {
						cols[i], found = c+1, found+1
						break
					}
				}
			}
			if found == len(titles) {
				return sheet, r + 1, cols, true
			}
		}
	}
	return "", 0, nil, false
}

// findLayout reads a template and finds the input cells of every part of f.
func findLayout(t testing.TB, tpl []byte, f form.Form) templateLayout {
	t.Helper()
	sr := readSheetRows(t, open(t, tpl))
	lay := templateLayout{header: map[string]cellRef{}, tables: map[string]tableAt{}, indicators: map[string]indicatorsAt{}, sections: map[string]cellRef{}}
	for _, in := range coverInputs {
		for r, cells := range sr[CoverSheet] {
			if len(cells) > 0 && isLabel(cells[0], in.label) {
				lay.header[in.key] = cellRef{CoverSheet, cellName(2, r+1)}
				break
			}
		}
	}
	for _, tb := range f.Tables {
		titles, keys := columnTitles(tb.Columns)
		sheet, row, cols, ok := sr.findRow(titles)
		if !ok {
			t.Fatalf("table %s: no row with titles %q in the template", tb.Key, titles)
		}
		lay.tables[tb.Key] = tableAt{sheet: sheet, header: row, cols: zipKeys(keys, cols)}
	}
	for _, it := range f.Indicators {
		titles, keys := columnTitles(it.Columns)
		sheet, row, cols, ok := sr.findRow(append(titles, labelCode))
		if !ok {
			t.Fatalf("indicator table %s: no row with titles %q in the template", it.Key, titles)
		}
		at := indicatorsAt{sheet: sheet, rows: map[string]int{}, cols: zipKeys(keys, cols)}
		codeCol := cols[len(cols)-1]
		for r, cells := range sr[sheet][row:] {
			if len(cells) >= codeCol && cells[codeCol-1] != "" {
				at.rows[cells[codeCol-1]] = row + 1 + r
			}
		}
		lay.indicators[it.Key] = at
	}
	for _, s := range f.Narrative {
		sheet, row, cols, ok := sr.findRow([]string{s.Title})
		if !ok {
			t.Fatalf("section %s: title %q not in the template", s.Key, s.Title)
		}
		lay.sections[s.Key] = cellRef{sheet, cellName(cols[0]+1, row)}
	}
	return lay
}

func columnTitles(cols []form.Column) (titles, keys []string) {
	for _, c := range cols {
		titles, keys = append(titles, c.Title), append(keys, c.Key)
	}
	return titles, keys
}

func zipKeys(keys []string, cols []int) map[string]int {
	out := map[string]int{}
	for i, k := range keys {
		out[k] = cols[i]
	}
	return out
}

// noisyValues are decimals a binary float cannot hold exactly, some beyond what a writer printing
// 17 significant digits keeps clean (Gnumeric writes 1234567.891 as 1234567.89099999999996).
var (
	noisyDecimals = []string{"1234567.891", "0.1", "2.675", "98765.4321", "1000000000.07"}
	noisyPercents = []string{"85.5", "12.345", "100", "0.5", "33.3333"}
)

// noisyData is sampleData with hard decimals and percents in every indicator table; subtotals
// are the sum of their children as Excel would show it (15 significant digits).
func noisyData(f form.Form) form.Filled {
	d := sampleData(f)
	for _, it := range f.Indicators {
		vals := d.Indicators[it.Key]
		for i, ind := range it.Rows {
			for j, c := range it.Columns {
				switch c.Type {
				case form.Decimal:
					vals[ind.Code][c.Key] = noisyDecimals[(i+j)%len(noisyDecimals)]
				case form.Percent:
					vals[ind.Code][c.Key] = noisyPercents[(i+j)%len(noisyPercents)]
				}
			}
		}
		for _, ind := range it.Rows {
			for _, c := range it.Columns {
				if len(ind.Children) == 0 || c.Type != form.Decimal {
					continue
				}
				sum := 0.0
				for _, ch := range ind.Children {
					v, _ := strconv.ParseFloat(vals[ch][c.Key], 64)
					sum += v
				}
				vals[ind.Code][c.Key] = formatNumber(roundExcel(sum))
			}
		}
	}
	return d
}

// relinedRows gives each table row the worksheet line it is typed on in lay.
func relinedRows(d form.Filled, lay templateLayout) form.Filled {
	for key, rows := range d.Tables {
		for i := range rows {
			rows[i].Line = lay.tables[key].header + 1 + i
		}
	}
	return d
}

var (
	sheetElem = regexp.MustCompile(`<sheet\s[^>]*>`)
	stateAttr = regexp.MustCompile(`\sstate="([^"]*)"`)
	// protectedSheet matches a worksheet whose protection is on; Gnumeric writes the element on
	// every sheet, without sheet="1" where protection is off.
	protectedSheet = regexp.MustCompile(`<sheetProtection\s[^>]*\bsheet="(1|true)"`)
	isoDateCell    = regexp.MustCompile(`<c\s[^>]*\bt="d"`)
)

// writerFacts describes what a writer kept of a template: the identification sheet's visibility,
// the defined names, data validations, sheet protection, the number formats of a date and a
// percent input cell, and the STT formula of the first table with its cached value.
func writerFacts(t testing.TB, data []byte, f form.Form, lay templateLayout) string {
	t.Helper()
	var facts []string
	facts = append(facts, "ident sheet: "+identSheetState(t, data))
	x := open(t, data)
	var names []string
	for _, n := range x.GetDefinedName() {
		names = append(names, n.Name)
	}
	sort.Strings(names)
	facts = append(facts, fmt.Sprintf("defined names %q", names))
	validations := 0
	for _, s := range x.GetSheetList() {
		dvs, err := x.GetDataValidations(s)
		if err != nil {
			t.Fatalf("validations of %q: %v", s, err)
		}
		validations += len(dvs)
	}
	facts = append(facts, fmt.Sprintf("%d data validations, %d protected sheets", validations, sheetsMatching(t, data, protectedSheet)))
	if ref, ok := typedCell(f, lay, form.Date); ok {
		facts = append(facts, "date cell format "+numberFormat(t, x, ref))
	}
	if ref, ok := typedCell(f, lay, form.Percent); ok {
		facts = append(facts, "percent cell format "+numberFormat(t, x, ref))
	}
	if len(f.Tables) > 0 {
		at := lay.tables[f.Tables[0].Key]
		ref := cellName(1, at.header+1)
		formula, _ := x.GetCellFormula(at.sheet, ref)
		cached, _ := x.GetCellValue(at.sheet, ref, excelize.Options{RawCellValue: true})
		facts = append(facts, fmt.Sprintf("STT %s!%s formula %q cached %q", at.sheet, ref, formula, cached))
	}
	return strings.Join(facts, "; ")
}

// typedCell is the first input cell of a column of type ct of f, if any.
func typedCell(f form.Form, lay templateLayout, ct form.ColumnType) (cellRef, bool) {
	for _, tb := range f.Tables {
		at := lay.tables[tb.Key]
		for _, c := range tb.Columns {
			if c.Type == ct {
				return cellRef{at.sheet, cellName(at.cols[c.Key], at.header+1)}, true
			}
		}
	}
	for _, it := range f.Indicators {
		at := lay.indicators[it.Key]
		for _, c := range it.Columns {
			if c.Type == ct && len(it.Rows) > 0 {
				return cellRef{at.sheet, cellName(at.cols[c.Key], at.rows[it.Rows[0].Code])}, true
			}
		}
	}
	return cellRef{}, false
}

func numberFormat(t testing.TB, x *excelize.File, ref cellRef) string {
	t.Helper()
	idx, err := x.GetCellStyle(ref.sheet, ref.cell)
	if err != nil {
		t.Fatalf("style of %s!%s: %v", ref.sheet, ref.cell, err)
	}
	st, err := x.GetStyle(idx)
	if err != nil {
		t.Fatalf("style %d: %v", idx, err)
	}
	if st.CustomNumFmt != nil {
		return strconv.Quote(*st.CustomNumFmt)
	}
	return fmt.Sprintf("built-in %d", st.NumFmt)
}

// identSheetState is the state attribute of the identification sheet in xl/workbook.xml
// ("veryHidden", "hidden", "visible" when absent), or "dropped".
func identSheetState(t testing.TB, data []byte) string {
	t.Helper()
	wb := zipEntry(t, data, "xl/workbook.xml")
	for _, el := range sheetElem.FindAllString(wb, -1) {
		if !strings.Contains(el, `name="`+IdentSheet+`"`) {
			continue
		}
		if m := stateAttr.FindStringSubmatch(el); m != nil {
			return m[1]
		}
		return "visible"
	}
	return "dropped"
}

func zipEntry(t testing.TB, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		return string(b)
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}

// sheetsMatching counts the worksheet parts whose XML matches re.
func sheetsMatching(t testing.TB, data []byte, re *regexp.Regexp) int {
	t.Helper()
	n := 0
	for _, name := range zipNames(t, data) {
		if strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml") &&
			re.MatchString(zipEntry(t, data, name)) {
			n++
		}
	}
	return n
}

// zipNames lists the parts of a workbook.
func zipNames(t testing.TB, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}
