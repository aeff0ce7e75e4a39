package e2e

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// The office went live on 1 November with no history: the ledger has no earlier month of the
// year, nor last year's. The year to date and last year's figures of November's report are
// then what the units typed, and the report says so.

// typedYTD: draft v1's summary has, for every indicator, the year's plan, the month, the year to
// date and the same month last year summed from what the eleven units typed (computed here
// from the figures the test typed), both ratios computed from those, a note under the table
// saying the year to date and last year's figures are the units' own; and neither the workbook
// nor the clerk's mail has a warning.
func (c *cycle) typedYTD(t testing.TB) {
	f, ok := c.o.cfg.Form(formCode)
	if !ok {
		t.Fatalf("no form %s", formCode)
	}
	want := typedSums(f.Form)
	got := summaryFigures(t, c.draft.msg.Spreadsheets()[0].Data)
	for _, ind := range f.Form.Indicators[0].Rows {
		w, g := want[ind.Code], got.rows[ind.Code]
		for _, col := range []string{hdrPlan, hdrPeriod, hdrYTD, hdrLastYear} {
			if !near(g[col], w[col]) {
				t.Errorf("indicator %s, %q: got %q, want %v", ind.Code, col, g[col], w[col])
			}
		}
		if pct := w[hdrYTD] / w[hdrPlan]; !near(g[hdrPctPlan], pct) {
			t.Errorf("indicator %s, %q: got %q, want %v", ind.Code, hdrPctPlan, g[hdrPctPlan], pct)
		}
		if pct := w[hdrPeriod] / w[hdrLastYear]; !near(g[hdrPctLastYear], pct) {
			t.Errorf("indicator %s, %q: got %q, want %v", ind.Code, hdrPctLastYear, g[hdrPctLastYear], pct)
		}
	}
	for _, note := range []string{
		"Lũy kế từ đầu năm của tất cả các đơn vị theo số liệu đơn vị tự báo cáo",
		"Cùng kỳ năm trước của tất cả các đơn vị theo số liệu đơn vị tự báo cáo",
	} {
		if !slices.ContainsFunc(got.text, func(s string) bool { return strings.Contains(s, note) }) {
			t.Errorf("the summary sheet has no note %q:\n%s", note, strings.Join(got.text, "\n"))
		}
	}
	lacksAll(t, "the summary sheet", strings.Join(got.text, "\n"), "Lưu ý khi tổng hợp")
	lacksAll(t, "the clerk's mail with draft v1", c.draft.msg.Text, "cần lưu ý", "lưu ý khi tổng hợp")
}

// Headers of the summary table's columns.
const (
	hdrCode        = "Mã số"
	hdrPlan        = "Kế hoạch năm"
	hdrPeriod      = "Thực hiện kỳ báo cáo"
	hdrYTD         = "Lũy kế từ đầu năm"
	hdrLastYear    = "Cùng kỳ năm trước"
	hdrPctPlan     = "% so với kế hoạch"
	hdrPctLastYear = "% so với cùng kỳ"
)

// typedSums are, by indicator and column header, the sums of what every unit typed in its
// valid file: plan, month, year to date and last year.
func typedSums(f form.Form) map[string]map[string]float64 {
	cols := map[string]string{"plan": hdrPlan, "period": hdrPeriod, "ytd": hdrYTD, "last_year": hdrLastYear}
	out := map[string]map[string]float64{}
	for i := range units {
		values := figures(f, i, false).Indicators[f.Indicators[0].Key]
		for code, row := range values {
			if out[code] == nil {
				out[code] = map[string]float64{}
			}
			for key, hdr := range cols {
				v, err := parseFloat(row[key])
				if err != nil {
					panic(err)
				}
				out[code][hdr] += v
			}
		}
	}
	return out
}

// summary is what the test reads of a consolidated workbook's summary sheet: the indicator
// table's raw cells by code and header, and every text cell.
type summary struct {
	rows map[string]map[string]string
	text []string
}

// summaryFigures opens a consolidated workbook and reads its summary sheet ("Tổng hợp").
func summaryFigures(t testing.TB, data []byte) summary {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Tổng hợp", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	s := summary{rows: map[string]map[string]string{}}
	var header []string
	for _, r := range rows {
		for _, cell := range r {
			if strings.TrimSpace(cell) != "" {
				s.text = append(s.text, cell)
			}
		}
		switch {
		case len(r) > 0 && r[0] == hdrCode:
			header = r
		case header != nil && len(r) > 0 && r[0] != "":
			cells := map[string]string{}
			for i, h := range header {
				if i < len(r) {
					cells[h] = r[i]
				}
			}
			s.rows[r[0]] = cells
		}
	}
	if header == nil {
		t.Fatalf("the summary sheet has no table headed %q", hdrCode)
	}
	return s
}

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

// near reports whether the cell holds v, to a millionth (percentages are stored as fractions).
func near(cell string, v float64) bool {
	got, err := strconv.ParseFloat(cell, 64)
	return err == nil && math.Abs(got-v) <= 1e-6*math.Max(1, math.Abs(v))
}
