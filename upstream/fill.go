package upstream

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/templates"
)

// The pure part of the stage: what our issued report counted (a consolidated book) becomes the
// upper form's filled data. No figure is made up: a cell of the upper form whose indicator code
// (and column) our report lacks stays blank and is listed, so the clerks can fill it by hand.

// Filling is the upper form's data made from our book, and what was left blank.
type Filling struct {
	Data form.Filled
	// Figures counts the indicator cells written, Rows the list rows, Sections the narrative
	// sections: what the clerks' copy says was taken from the issued report.
	Figures, Rows, Sections int
	Blank                   []Blank // in the upper form's order
}

// Blank is a part of the upper form our report has nothing for.
type Blank struct {
	Table   string   // the table's, or the narrative section's, title in the upper form
	Code    string   // the indicator's code; "" for a list or a section
	Name    string   // the indicator's name; the list's or section's title
	Columns []string // the columns' titles left blank; none for the whole row, list or section
	Why     string   // why, for the clerks, in Vietnamese ("" for: our report has no such figure)
}

// Column keys of indicator tables with a fixed meaning (see package consolidate).
const (
	colPlan, colYTD, colLastYear = "plan", "ytd", "last_year"
	colPctPlan, colPctLastYear   = "pct_plan", "pct_last_year"
	whyNotInteger                = "số liệu tổng hợp có phần thập phân, biểu yêu cầu số nguyên"
	whyTooManyRows               = "vượt số dòng tối đa của biểu"
	narrativeEntrySeparator      = "\n"
	defaultMaxListRows           = 10000 // templates' DefaultMaxRows: the upper office reads no more
	significantDecimals          = 9
)

// FillData fills upper (the upper office's form, as laid out in its template) from book, our
// consolidated report; issued is the day it was issued, written as the report's date.
func FillData(book consolidate.Book, upper form.Form, issued time.Time) Filling {
	var out Filling
	out.Data = form.Filled{Header: map[string]string{}, Tables: map[string][]form.Row{},
		Indicators: map[string]map[string]map[string]string{}, Narrative: map[string]string{}}
	if !issued.IsZero() {
		out.Data.Header[templates.HeaderDate] = issued.Format("2006-01-02")
	}
	rows := indexRows(book)
	for i := range upper.Indicators {
		out.indicators(&upper.Indicators[i], rows)
	}
	for i := range upper.Tables {
		out.list(&upper.Tables[i], book.Lists)
	}
	for _, s := range upper.Narrative {
		out.section(s, book.Narrative)
	}
	return out
}

// rowIndex finds our aggregated row of an indicator: in the table of the same key first, else
// the one row of that code in all our tables (a code found in two tables is ambiguous: none).
type rowIndex struct {
	byTable map[string]map[string]*consolidate.SummaryRow
	byCode  map[string][]*consolidate.SummaryRow
}

func indexRows(book consolidate.Book) rowIndex {
	x := rowIndex{byTable: map[string]map[string]*consolidate.SummaryRow{}, byCode: map[string][]*consolidate.SummaryRow{}}
	for i := range book.Summary {
		t := &book.Summary[i]
		x.byTable[t.Key] = map[string]*consolidate.SummaryRow{}
		for j := range t.Rows {
			r := &t.Rows[j]
			code := normCode(r.Code)
			x.byTable[t.Key][code] = r
			x.byCode[code] = append(x.byCode[code], r)
		}
	}
	return x
}

func (x rowIndex) find(table, code string) *consolidate.SummaryRow {
	code = normCode(code)
	if r, ok := x.byTable[table][code]; ok {
		return r
	}
	if rs := x.byCode[code]; len(rs) == 1 {
		return rs[0]
	}
	return nil
}

func normCode(s string) string { return strings.TrimSpace(s) }

// indicators fills one indicator table: each numeric column by its role (this period, plan,
// year to date, last year); ratio columns are left to the upper office, which recomputes them
// from the figures (and ignores typed ones), as it does for any unit.
func (f *Filling) indicators(t *form.IndicatorTable, rows rowIndex) {
	period := consolidate.PeriodColumn(t)
	values := map[string]map[string]string{}
	for _, ind := range t.Rows {
		src := rows.find(t.Key, ind.Code)
		if src == nil {
			f.Blank = append(f.Blank, Blank{Table: t.Title, Code: ind.Code, Name: ind.Name})
			continue
		}
		missing := Blank{Table: t.Title, Code: ind.Code, Name: ind.Name}
		fractional := missing
		fractional.Why = whyNotInteger
		for _, c := range t.Columns {
			v, ok := figure(src, c.Key, period)
			if !ok {
				continue // not a figure of ours: a ratio or a note
			}
			if !v.OK {
				missing.Columns = append(missing.Columns, c.Title)
				continue
			}
			if c.Type == form.Integer && v.V != math.Trunc(v.V) {
				fractional.Columns = append(fractional.Columns, c.Title)
				continue
			}
			if values[ind.Code] == nil {
				values[ind.Code] = map[string]string{}
			}
			values[ind.Code][c.Key] = number(v.V)
			f.Figures++
		}
		for _, b := range []Blank{missing, fractional} {
			if len(b.Columns) > 0 {
				f.Blank = append(f.Blank, b)
			}
		}
	}
	if len(values) > 0 {
		f.Data.Indicators[t.Key] = values
	}
}

// figure is our figure for the upper column key: ok is false for a column that holds none of
// our figures.
func figure(r *consolidate.SummaryRow, col, period string) (consolidate.Value, bool) {
	switch col {
	case period:
		return r.Period, true
	case colPlan:
		return r.Plan, true
	case colYTD:
		return r.YTD, true
	case colLastYear:
		return r.LastYear, true
	}
	return consolidate.Value{}, false
}

// number writes a figure as Read returns numbers (Go syntax), without the last bits of
// floating-point noise a sum can carry (0.1 + 0.2).
func number(v float64) string {
	s := strconv.FormatFloat(v, 'f', significantDecimals, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// list fills a list table from ours of the same key: the counted units' rows in unit order,
// keeping the columns the upper table has.
func (f *Filling) list(t *form.Table, ours []consolidate.ListTable) {
	var src *consolidate.ListTable
	for i := range ours {
		if ours[i].Key == t.Key {
			src = &ours[i]
		}
	}
	if src == nil || len(src.Rows) == 0 {
		f.Blank = append(f.Blank, Blank{Table: t.Title, Name: t.Title})
		return
	}
	max := t.MaxRows
	if max <= 0 {
		max = defaultMaxListRows
	}
	var rows []form.Row
	for _, r := range src.Rows {
		if len(rows) == max {
			f.Blank = append(f.Blank, Blank{Table: t.Title, Name: t.Title, Why: whyTooManyRows})
			break
		}
		values := map[string]string{}
		for _, c := range t.Columns {
			if v := strings.TrimSpace(src.Value(r, c.Key)); v != "" {
				values[c.Key] = v
			}
		}
		if len(values) > 0 {
			rows = append(rows, form.Row{Line: len(rows) + 1, Values: values})
		}
	}
	f.Data.Tables[t.Key] = rows
	f.Rows += len(rows)
}

// section fills a narrative section from ours of the same key: each unit's text after its name,
// as our report gathered them.
func (f *Filling) section(s form.Section, ours []consolidate.NarrativeSection) {
	var parts []string
	for _, n := range ours {
		if n.Key != s.Key {
			continue
		}
		for _, e := range n.Entries {
			if text := strings.TrimSpace(e.Text); text != "" {
				parts = append(parts, "- "+e.Name+": "+text)
			}
		}
	}
	if len(parts) == 0 {
		f.Blank = append(f.Blank, Blank{Table: templates.NarrativeSheet, Name: s.Title})
		return
	}
	f.Data.Narrative[s.Key] = strings.Join(parts, narrativeEntrySeparator)
	f.Sections++
}

// FillTemplate writes the filling into the upper office's template itself: its identification
// (the hidden sheet, the names, the cover line, signed with the upper office's key) is kept as
// it came, so the upper office reads the file as our submission.
// The template came from outside (the upper office's mail, read within templates' limits before
// it was recorded); a panic of the workbook library on it is an error, never a crash.
func FillTemplate(template []byte, upper form.Form, f Filling) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("fill the upper template: panic: %v", p)
		}
	}()
	return templates.Fill(template, upper, f.Data)
}
