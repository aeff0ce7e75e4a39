package templates

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/zipflate"
)

// Fill writes values into a template's cells the way a person typing in Excel would (for the demo's simulated units
// and for tests): tables get rows from the first free row, indicators their values, narrative its text. It keeps everything else.
//
// Values are given as Read returns them (numbers in Go syntax, dates YYYY-MM-DD, percents in
// points). A value that parses for its column is stored typed, as Excel stores what it recognises
// (a date as a serial, 85 in a percent column as 0.85); anything else is stored as the text
// typed, so tests and the demo can send the mistakes real units make ("31/2/2026", "1.234,5").
// Header values go to the cover's fields (keys HeaderPreparer, HeaderPhone, HeaderEmail,
// HeaderDate, HeaderSigner).
func Fill(template []byte, f form.Form, data form.Filled) ([]byte, error) {
	x, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		return nil, fmt.Errorf("fill: open template: %w", err)
	}
	defer x.Close()
	if err := fillFile(x, &f, data); err != nil {
		return nil, fmt.Errorf("fill %s: %w", f.Code, err)
	}
	var buf bytes.Buffer
	x.SetZipWriter(zipflate.Excelize)
	if err := x.Write(&buf); err != nil {
		return nil, fmt.Errorf("fill %s: write: %w", f.Code, err)
	}
	return buf.Bytes(), nil
}

// filler writes data into an open workbook.
type filler struct {
	b *book
	x *excelize.File
}

func fillFile(x *excelize.File, f *form.Form, data form.Filled) error {
	fl := &filler{b: newBook(x, math.MaxInt), x: x}
	for _, p := range parts(f) {
		var err error
		switch p.kind {
		case kindTable:
			err = fl.table(&p, data.Tables[p.key])
		case kindIndicators:
			err = fl.indicators(&p, data.Indicators[p.key])
		default:
			err = fl.narrative(f, data.Narrative)
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", p.sheet, err)
		}
	}
	return checkFillKeys(f, data, fl.header(data.Header))
}

// checkFillKeys reports tables and indicator tables of data the form does not have, so a typo in
// demo data fails loudly instead of filling nothing.
func checkFillKeys(f *form.Form, data form.Filled, err error) error {
	if err != nil {
		return err
	}
	for key := range data.Tables {
		if _, ok := f.Table(key); !ok {
			return fmt.Errorf("no table %q in the form", key)
		}
	}
	known := map[string]bool{}
	for _, it := range f.Indicators {
		known[it.Key] = true
	}
	for key := range data.Indicators {
		if !known[key] {
			return fmt.Errorf("no indicator table %q in the form", key)
		}
	}
	return nil
}

// table appends rows after the last row that has content in the table's columns.
func (fl *filler) table(p *part, rows []form.Row) error {
	if len(rows) == 0 {
		return nil
	}
	loc, ok, err := fl.b.locate(p)
	if err != nil || !ok {
		return fmt.Errorf("table %q not found: %w", p.key, err)
	}
	g, err := fl.b.grid(loc.sheet)
	if err != nil {
		return err
	}
	next := loc.header + 1
	for _, gr := range g.rows {
		if gr.num > loc.header && !rowEmpty(g, gr.num, loc, p.table.Columns) {
			next = gr.num + 1
		}
	}
	for i, row := range rows {
		for _, c := range p.table.Columns {
			v, ok := row.Values[c.Key]
			col, found := loc.cols[c.Key]
			if !ok || !found {
				continue
			}
			if err := fl.put(loc.sheet, col, next+i, loc.header+1, c, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (fl *filler) indicators(p *part, values map[string]map[string]string) error {
	if len(values) == 0 {
		return nil
	}
	loc, ok, err := fl.b.locate(p)
	if err != nil || !ok {
		return fmt.Errorf("indicator table %q not found: %w", p.key, err)
	}
	g, err := fl.b.grid(loc.sheet)
	if err != nil {
		return err
	}
	rows := indicatorRows(g, loc, p.ind)
	for _, code := range sortedKeys(values) {
		row, ok := rows[code]
		if !ok {
			return fmt.Errorf("indicator %q not found", code)
		}
		for _, c := range p.ind.Columns {
			v, ok := values[code][c.Key]
			col, found := loc.cols[c.Key]
			if !ok || !found {
				continue
			}
			if err := fl.put(loc.sheet, col, row, row, c, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (fl *filler) narrative(f *form.Form, texts map[string]string) error {
	if len(texts) == 0 {
		return nil
	}
	sheet, rows, titleCol, err := fl.b.locateSections(f.Narrative)
	if err != nil {
		return err
	}
	for _, key := range sortedKeys(texts) {
		row, ok := rows[key]
		if !ok {
			return fmt.Errorf("section %q not found", key)
		}
		if err := fl.x.SetCellStr(sheet, cellName(titleCol+1, row), texts[key]); err != nil {
			return err
		}
	}
	return nil
}

func (fl *filler) header(values map[string]string) error {
	name, ok := fl.b.sheetNamed(CoverSheet)
	if !ok || len(values) == 0 {
		return nil
	}
	g, err := fl.b.head(name)
	if err != nil {
		return err
	}
	for _, in := range coverInputs {
		v, has := values[in.key]
		col, row, found := findLabel(g, in.label)
		if has && found {
			if err := fl.put(name, col+1, row, row, coverColumn(in.key, in.label, in.typ), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// put types one value into a cell. A cell without a style of its own (below the formatted rows)
// takes the style of the same column in styleRow, as Excel extends a table's formatting.
func (fl *filler) put(sheet string, col, row, styleRow int, c form.Column, value string) error {
	ref := cellName(col, row)
	if st, err := fl.x.GetCellStyle(sheet, ref); err == nil && st == 0 && row != styleRow {
		if from, err := fl.x.GetCellStyle(sheet, cellName(col, styleRow)); err == nil && from != 0 {
			if err := fl.x.SetCellStyle(sheet, ref, ref, from); err != nil {
				return err
			}
		}
	}
	if v, ok := typedValue(c, value); ok {
		return fl.x.SetCellFloat(sheet, ref, v, -1, 64)
	}
	return fl.x.SetCellStr(sheet, ref, value)
}

// typedValue is the number Excel would store for value typed in a column of type c, if any.
func typedValue(c form.Column, value string) (float64, bool) {
	switch c.Type {
	case form.Date:
		d, err := time.Parse(isoLayout, strings.TrimSpace(value))
		return dateSerial(d), err == nil
	case form.Integer, form.Decimal, form.Percent:
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || strings.ContainsAny(value, "eEnN") {
			return 0, false
		}
		if c.Type == form.Percent {
			v /= 100
		}
		return v, true
	}
	return 0, false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
