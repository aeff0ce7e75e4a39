package demo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/history"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// The sample office goes live in November 2026. Before its first report it brings in the
// figures of last year and of January to October from its own records, the way an office
// does: it makes the opening-figures workbook, its clerk fills it (every unit's monthly
// figures, the ones the units' own reports hold: see monthlyFigures), and it imports it. So
// the November report's year to date and last year's figures are the ledger's, and agree with
// what the units type.

// openingFile is the filled opening-figures workbook, left in the demo directory to open.
const openingFile = "so-lieu-dau-ky.xlsx"

// importHistory imports the opening figures of every indicator form of the office.
func importHistory(ctx context.Context, w io.Writer, dir string, of *office.Office, l *ledger.Ledger) error {
	for i := range of.Forms {
		f := &of.Forms[i]
		if len(f.Indicators) == 0 {
			continue
		}
		b := history.Book{Office: of.Office.Name, Form: f.Form, Current: period.Of(period.Kind(f.Period[0]), simStart)}
		for _, u := range of.FormUnits(f) {
			b.Units = append(b.Units, history.Unit{Code: u.Code, Name: u.Name})
		}
		data, err := openingWorkbook(b, of.Key)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, openingFile), data, 0o600); err != nil {
			return err
		}
		n, err := recordOpening(ctx, of, l, data)
		if err != nil {
			return err
		}
		ps := b.Periods()
		fmt.Fprintf(w, "History: %d figures of %s, %s to %s, imported from %s\n", n, f.Code, ps[0], ps[len(ps)-1],
			filepath.Join(dir, openingFile))
	}
	return nil
}

// openingWorkbook makes the form's opening-figures workbook and fills it as the clerk does:
// each unit's monthly figure of every indicator, last year's and this year's.
func openingWorkbook(b history.Book, key []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := history.WriteOpening(&buf, b, key); err != nil {
		return nil, err
	}
	var entries []history.Entry
	for i, u := range b.Units {
		for _, it := range b.Form.Indicators {
			this, last := monthlyFigures(it, i)
			for _, p := range b.Periods() {
				figures := this
				if p.Year < b.Current.Year {
					figures = last
				}
				for _, row := range it.Rows {
					entries = append(entries, history.Entry{Table: it.Key, Unit: u.Code, Code: row.Code, Period: p, Value: figures[row.Code]})
				}
			}
		}
	}
	return history.FillOpening(buf.Bytes(), entries)
}

// recordOpening reads the filled workbook as the import command does and records its figures.
func recordOpening(ctx context.Context, of *office.Office, l *ledger.Ledger, data []byte) (int, error) {
	catalog := func(code string) (form.Form, []history.Unit, bool) {
		f, ok := of.Form(code)
		if !ok {
			return form.Form{}, nil, false
		}
		var units []history.Unit
		for _, u := range of.FormUnits(f) {
			units = append(units, history.Unit{Code: u.Code, Name: u.Name})
		}
		return f.Form, units, true
	}
	op, rep, err := history.ReadOpening(ctx, data, catalog, of.Key, templates.Limits{})
	if err != nil {
		return 0, fmt.Errorf("read the opening figures: %w", err)
	}
	if len(rep.Errors) > 0 {
		return 0, fmt.Errorf("the opening figures have errors: %+v", rep.Errors)
	}
	sha, err := l.PutBlob(data)
	if err != nil {
		return 0, err
	}
	_, err = l.RecordImport(ctx, ledger.Import{At: simStart, Kind: ledger.ImportOpening, FileName: openingFile,
		FileSHA256: sha, By: "demo: chuyên viên tổng hợp"}, op.Figures)
	return len(op.Figures), err
}
