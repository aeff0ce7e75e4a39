package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Import is one file of past figures brought into the ledger (tonghop import): a unit's
// workbook of a past period, or the office's opening-figures workbook. The file itself is the
// blob FileSHA256.
type Import struct {
	ID         int64
	At         time.Time
	Kind       ImportKind
	FileName   string
	FileSHA256 string
	By         string // who or what imported it, e.g. "tonghop import (ha@may-van-phong)"
}

// ImportedFigure is one figure of a past period, at the coordinates of a submission's data
// (form.Filled.Indicators: table → indicator code → column) and with the value as the workbook
// reader normalised it ("1234.5").
type ImportedFigure struct {
	Form, Unit, Period  string
	Table, Code, Column string
	Value               string
	// Import is the import the figure comes from; ImportedFigures fills it in.
	Import Import
}

// ImportResult is what RecordImport stored.
type ImportResult struct {
	Import   Import
	Figures  int // figures recorded
	Replaced int // of those, figures an earlier import held already: this one is now in force
	Changed  int // of the replaced, those whose value differs from the earlier one
}

// RecordImport stores an imported file's figures in one transaction, with one audit event per
// form (ActionHistoryImported). A figure an earlier import also held is replaced: the latest
// import's value is the one in force, the earlier row stays on record. The file must already be
// stored with PutBlob.
func (l *Ledger) RecordImport(ctx context.Context, imp Import, figures []ImportedFigure) (ImportResult, error) {
	if err := l.checkImport(imp, figures); err != nil {
		return ImportResult{}, fmt.Errorf("record import %q: %w", imp.FileName, err)
	}
	res := ImportResult{Figures: len(figures)}
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `INSERT INTO history_imports (at, kind, file_name, file_sha256, imported_by)
			VALUES (?, ?, ?, ?, ?)`, encodeTime(imp.At), string(imp.Kind), imp.FileName, imp.FileSHA256, imp.By)
		if err != nil {
			return fmt.Errorf("insert import: %w", err)
		}
		if imp.ID, err = r.LastInsertId(); err != nil {
			return err
		}
		perForm, err := insertFigures(ctx, tx, imp.ID, figures, &res)
		if err != nil {
			return err
		}
		return insertEvents(ctx, tx, importEvents(imp, perForm))
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("record import %q: %w", imp.FileName, err)
	}
	res.Import = imp
	return res, nil
}

func (l *Ledger) checkImport(imp Import, figures []ImportedFigure) error {
	switch {
	case imp.At.IsZero():
		return errors.New("import time is required")
	case imp.Kind != ImportPastWorkbook && imp.Kind != ImportOpening:
		return fmt.Errorf("unknown import kind %q", imp.Kind)
	case !validSHA(imp.FileSHA256):
		return fmt.Errorf("bad file sha256 %q", imp.FileSHA256)
	case !l.hasBlob(imp.FileSHA256):
		return fmt.Errorf("file blob %s: %w (PutBlob it first)", imp.FileSHA256, ErrNotFound)
	case len(figures) == 0:
		return errors.New("no figures to import")
	}
	seen := make(map[string]bool, len(figures))
	for _, f := range figures {
		if f.Form == "" || f.Unit == "" || f.Period == "" || f.Table == "" || f.Code == "" || f.Column == "" {
			return fmt.Errorf("figure %+v: form, unit, period, table, code and column are required", f)
		}
		if strings.TrimSpace(f.Value) == "" {
			return fmt.Errorf("figure %s %s %s %s/%s/%s: a blank is no figure", f.Form, f.Unit, f.Period, f.Table, f.Code, f.Column)
		}
		k := f.key()
		if seen[k] {
			return fmt.Errorf("figure %s %s %s %s/%s/%s given twice", f.Form, f.Unit, f.Period, f.Table, f.Code, f.Column)
		}
		seen[k] = true
	}
	return nil
}

func (f ImportedFigure) key() string {
	return strings.Join([]string{f.Form, f.Period, f.Unit, f.Table, f.Code, f.Column}, "\x1f")
}

// formCounts are one form's figures in an import, for its audit event.
type formCounts struct {
	form                       string
	figures, replaced, changed int
}

// insertFigures stores the figures of import id, counting those that replace an earlier
// import's; it returns the counts per form, in the order forms first appear.
func insertFigures(ctx context.Context, tx *sql.Tx, id int64, figures []ImportedFigure, res *ImportResult) ([]*formCounts, error) {
	prev, err := tx.PrepareContext(ctx, `SELECT value FROM history_figures WHERE form = ? AND period = ?
		AND unit = ? AND tbl = ? AND code = ? AND col = ? ORDER BY import_id DESC LIMIT 1`)
	if err != nil {
		return nil, err
	}
	defer prev.Close()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO history_figures (import_id, form, unit, period, tbl, code, col, value)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer ins.Close()
	var order []*formCounts
	byForm := map[string]*formCounts{}
	for _, f := range figures {
		c := byForm[f.Form]
		if c == nil {
			c = &formCounts{form: f.Form}
			byForm[f.Form] = c
			order = append(order, c)
		}
		c.figures++
		var old string
		switch err := prev.QueryRowContext(ctx, f.Form, f.Period, f.Unit, f.Table, f.Code, f.Column).Scan(&old); {
		case err == nil:
			c.replaced++
			res.Replaced++
			if old != f.Value {
				c.changed++
				res.Changed++
			}
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("look up earlier figure: %w", err)
		}
		if _, err := ins.ExecContext(ctx, id, f.Form, f.Unit, f.Period, f.Table, f.Code, f.Column, f.Value); err != nil {
			return nil, fmt.Errorf("insert figure: %w", err)
		}
	}
	return order, nil
}

// importEvents says, per form, what an import recorded.
func importEvents(imp Import, perForm []*formCounts) []Event {
	out := make([]Event, 0, len(perForm))
	for _, c := range perForm {
		out = append(out, Event{At: imp.At, Actor: imp.By, Action: ActionHistoryImported, Object: HistoryObject(c.form),
			Detail: fmt.Sprintf("import=%d kind=%s file=%q sha256=%s figures=%d replaced=%d changed=%d",
				imp.ID, imp.Kind, imp.FileName, imp.FileSHA256, c.figures, c.replaced, c.changed)})
	}
	return out
}

// ImportedFigures returns the imported figures in force of form for the given periods, as the
// ledger stood at asOf (imports made later are left out; the zero time leaves none out): for
// each unit, period, table, indicator and column, the value of the latest import holding it,
// with that import. They come ordered by period, unit, table, indicator and column.
func (l *Ledger) ImportedFigures(ctx context.Context, form string, periods []string, asOf time.Time) ([]ImportedFigure, error) {
	if len(periods) == 0 {
		return nil, nil
	}
	bound := "9999"
	if !asOf.IsZero() {
		bound = encodeTime(asOf)
	}
	args := []any{bound, form}
	marks := make([]string, len(periods))
	for i, p := range periods {
		marks[i] = "?"
		args = append(args, p)
	}
	rows, err := l.db.QueryContext(ctx, `WITH ranked AS (
			SELECT f.form, f.unit, f.period, f.tbl, f.code, f.col, f.value, i.id, i.at, i.kind, i.file_name,
				i.file_sha256, i.imported_by, row_number() OVER (PARTITION BY f.form, f.period, f.unit, f.tbl,
				f.code, f.col ORDER BY f.import_id DESC) AS rank
			FROM history_figures f JOIN history_imports i ON i.id = f.import_id
			WHERE i.at <= ? AND f.form = ? AND f.period IN (`+strings.Join(marks, ", ")+`))
		SELECT form, unit, period, tbl, code, col, value, id, at, kind, file_name, file_sha256, imported_by
		FROM ranked WHERE rank = 1 ORDER BY period, unit, tbl, code, col`, args...)
	if err != nil {
		return nil, fmt.Errorf("imported figures of %s: %w", form, err)
	}
	defer rows.Close()
	var out []ImportedFigure
	var d timeDecoder
	for rows.Next() {
		var f ImportedFigure
		var at string
		err := rows.Scan(&f.Form, &f.Unit, &f.Period, &f.Table, &f.Code, &f.Column, &f.Value, &f.Import.ID, &at,
			&f.Import.Kind, &f.Import.FileName, &f.Import.FileSHA256, &f.Import.By)
		if err != nil {
			return nil, fmt.Errorf("imported figures of %s: %w", form, err)
		}
		f.Import.At = d.time(at)
		out = append(out, f)
	}
	if err := errors.Join(rows.Err(), d.err); err != nil {
		return nil, fmt.Errorf("imported figures of %s: %w", form, err)
	}
	return out, nil
}

// Imports returns every import, oldest first.
func (l *Ledger) Imports(ctx context.Context) ([]Import, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT id, at, kind, file_name, file_sha256, imported_by
		FROM history_imports ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	defer rows.Close()
	var out []Import
	var d timeDecoder
	for rows.Next() {
		var imp Import
		var at string
		if err := rows.Scan(&imp.ID, &at, &imp.Kind, &imp.FileName, &imp.FileSHA256, &imp.By); err != nil {
			return nil, fmt.Errorf("list imports: %w", err)
		}
		imp.At = d.time(at)
		out = append(out, imp)
	}
	if err := errors.Join(rows.Err(), d.err); err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	return out, nil
}
