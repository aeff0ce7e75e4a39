package document

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
)

// FromBook is the body of the document of a consolidated book: the units' narrative by section
// (in form order, under the form's own headings — they carry the form's numbering, "I.",
// "II.1." — each unit's text after its name), the summary tables of the consolidated figures
// (the figures the workbook shows, as it shows them), the units missing and where the figures
// come from. appendix names the workbook attached as the appendix; units names the units by
// code, for the list tables' rows (a code without a name is printed as it is).
func FromBook(b consolidate.Book, appendix string, units map[string]string) []Block {
	var out []Block
	for _, sec := range b.Narrative {
		out = append(out, narrativeBlock(sec.Title, sec))
	}
	for _, lt := range b.Lists {
		out = append(out, listBlock(lt, units))
	}
	if len(b.Summary) > 0 {
		out = append(out, Block{Heading: headFigures})
		for _, t := range b.Summary {
			out = append(out, summaryBlock(t))
		}
	}
	out = append(out, missingBlock(headMissing, b.Missing))
	out = append(out, sourceBlock(headSource, b, appendix))
	return out
}

func narrativeBlock(heading string, sec consolidate.NarrativeSection) Block {
	bl := Block{Heading: heading}
	for _, e := range sec.Entries {
		for i, p := range paragraphs(e.Text) {
			if i == 0 {
				p = fmt.Sprintf(entryLine, e.Name, p)
			}
			bl.Paragraphs = append(bl.Paragraphs, p)
		}
	}
	if len(bl.Paragraphs) == 0 {
		bl.Paragraphs = []string{noEntries}
	}
	return bl
}

// paragraphs splits a unit's text at its line breaks, blank lines dropped.
func paragraphs(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// summaryBlock is one indicator table: the columns the workbook's summary sheet fills, those
// without a single figure left out so a monthly table does not print empty columns.
func summaryBlock(t consolidate.SummaryTable) Block {
	type col struct {
		head string
		get  func(consolidate.SummaryRow) consolidate.Value
	}
	cols := []col{
		{colPlan, func(r consolidate.SummaryRow) consolidate.Value { return r.Plan }},
		{colPeriod, func(r consolidate.SummaryRow) consolidate.Value { return r.Period }},
		{colYTD, func(r consolidate.SummaryRow) consolidate.Value { return r.YTD }},
		{colLastYear, func(r consolidate.SummaryRow) consolidate.Value { return r.LastYear }},
		{colPctPlan, func(r consolidate.SummaryRow) consolidate.Value { return percent(r.PctPlan) }},
		{colPctLastYear, func(r consolidate.SummaryRow) consolidate.Value { return percent(r.PctLastYear) }},
	}
	var used []col
	for _, c := range cols {
		for _, r := range t.Rows {
			if c.get(r).OK {
				used = append(used, c)
				break
			}
		}
	}
	tb := &Table{Header: []string{colNo, colIndicator, colMeasure}, Numeric: []bool{false, false, false}}
	for _, c := range used {
		tb.Header = append(tb.Header, c.head)
		tb.Numeric = append(tb.Numeric, true)
	}
	counted, expected := 0, 0
	for i, r := range t.Rows {
		row := []string{fmt.Sprint(i + 1), r.Name, r.Measure}
		for _, c := range used {
			row = append(row, figure(c.get(r)))
		}
		tb.Rows = append(tb.Rows, row)
		counted, expected = max(counted, len(r.Counted)), max(expected, r.Expected)
	}
	bl := Block{Heading: t.Title, Table: tb}
	if expected > 0 {
		bl.Note = fmt.Sprintf(countedNote, counted, expected)
	}
	return bl
}

// listBlock is one list table (a work program's tasks): every counted unit's rows, in unit
// order, the unit named on each, a task carried over from the previous period marked as the
// workbook marks it; the values as the units typed them.
func listBlock(lt consolidate.ListTable, units map[string]string) Block {
	tb := &Table{Header: []string{colNo, colUnit}, Numeric: []bool{false, false}, List: true}
	for _, c := range lt.Columns {
		tb.Header = append(tb.Header, c.Title)
		tb.Numeric = append(tb.Numeric, c.Type == form.Integer || c.Type == form.Decimal || c.Type == form.Percent)
	}
	for i, r := range lt.Rows {
		name := units[r.Unit]
		if name == "" {
			name = r.Unit
		}
		if r.CarriedOver {
			name += " " + carriedOver
		}
		row := []string{fmt.Sprint(i + 1), name}
		for _, c := range lt.Columns {
			row = append(row, listValue(c, lt.Value(r, c.Key)))
		}
		tb.Rows = append(tb.Rows, row)
	}
	bl := Block{Heading: lt.Title, Table: tb}
	if len(lt.Rows) == 0 {
		bl.Table, bl.Paragraphs = nil, []string{noEntries}
	}
	return bl
}

// listValue is a value as the workbook shows it: a date, stored "2026-11-24", as "24/11/2026".
func listValue(c form.Column, v string) string {
	if c.Type == form.Date {
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return t.Format("02/01/2006")
		}
	}
	return v
}

// percent rounds a percentage to the tenth the workbook shows it with ("0.0%").
func percent(v consolidate.Value) consolidate.Value {
	v.V = math.Round(v.V*10) / 10
	return v
}

// figure prints a value as the workbook's text does; an absent one is left blank.
func figure(v consolidate.Value) string {
	if !v.OK {
		return ""
	}
	return consolidate.FormatNumber(v.V)
}

func missingBlock(heading string, missing []consolidate.Unit) Block {
	bl := Block{Heading: heading}
	for _, u := range missing {
		line := u.Name
		if u.Waiting != "" {
			line = fmt.Sprintf(missingWaiting, u.Name, u.Waiting)
		}
		bl.Paragraphs = append(bl.Paragraphs, "- "+line+";")
	}
	if len(bl.Paragraphs) == 0 {
		bl.Paragraphs = []string{noMissing}
	}
	return bl
}

func sourceBlock(heading string, b consolidate.Book, appendix string) Block {
	counted := len(b.Provenance)
	bl := Block{Heading: heading, Paragraphs: []string{fmt.Sprintf(sourceLine, counted, counted+len(b.Missing))}}
	if files := historyFiles(b.History); files > 0 {
		bl.Paragraphs = append(bl.Paragraphs, fmt.Sprintf(sourceHistory, files))
	}
	if appendix != "" {
		bl.Note = fmt.Sprintf(appendixLine, appendix)
	}
	return bl
}

func historyFiles(hs []consolidate.HistorySource) int {
	seen := map[string]bool{}
	for _, h := range hs {
		for _, im := range h.Imports {
			seen[im.SHA256] = true
		}
	}
	return len(seen)
}
