package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/history"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/receive"
	"github.com/tonghop/tonghop/templates"
)

// importResult is the JSON line import prints for each file.
type importResult struct {
	File     string         `json:"file"`
	Kind     string         `json:"kind"` // past_workbook, opening, or "" when the file was not read
	Form     string         `json:"form"`
	Units    []string       `json:"units"`
	Periods  []string       `json:"periods"`
	Figures  int            `json:"figures"`  // figures read (and recorded, unless dry_run)
	Replaced int            `json:"replaced"` // of those, figures an earlier import held
	Recorded bool           `json:"recorded"`
	DryRun   bool           `json:"dry_run,omitempty"`
	Errors   []form.Problem `json:"errors"`
	Warnings []form.Problem `json:"warnings"`
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", "import --config FILE [--dry-run] [--unit U] [--period P] WORKBOOK.xlsx...",
		"Record figures of past periods, so that year to date and the same period last year are right\n"+
			"from the first report: units' own workbooks of past periods (judged as the daemon judges mail;\n"+
			"--unit and --period name the unit and period of a file that lost its identification), or an\n"+
			"opening-figures workbook made by 'tonghop template --opening' and filled in. Only a file without\n"+
			"errors is recorded; a figure imported again replaces the earlier one. A unit's own file for a\n"+
			"period, received by mail, always wins over imported figures. Prints one JSON line per file;\n"+
			"exit status 1 when a file was not recorded.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	dryRun := fs.Bool("dry-run", false, "read and judge the files, record nothing")
	unitCode := fs.String("unit", "", "the `unit` a past workbook is of, when it no longer says")
	periodName := fs.String("period", "", "the `period` a past workbook is of, when it no longer says")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *path == "" || len(files) == 0 {
		return fmt.Errorf("%w: want --config FILE and at least one workbook", errUsage)
	}
	cfg, err := config.LoadOffline(*path)
	if err != nil {
		return err
	}
	im, closeAll, err := newImporter(ctx, cfg, *dryRun, *unitCode, *periodName)
	if err != nil {
		return err
	}
	defer closeAll()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, file := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := im.importFile(ctx, file)
		if err != nil {
			fmt.Fprintf(stderr, "tonghop import: %s: %v\n", file, err)
			failed++
			continue
		}
		if !res.Recorded && !res.DryRun || len(res.Errors) > 0 {
			failed++
		}
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
	if failed > 0 {
		return exitCode(1)
	}
	return nil
}

// importer imports files into one office's ledger (nil for a dry run).
type importer struct {
	office *office.Office
	ledger *ledger.Ledger
	judge  receive.Judge
	unit   *config.Unit
	period *period.Period
	by     string
	now    func() time.Time
}

func newImporter(ctx context.Context, cfg *config.Config, dryRun bool, unitCode, periodName string) (*importer, func(), error) {
	im := &importer{by: importedBy(), now: time.Now}
	if unitCode != "" {
		u, ok := cfg.Unit(unitCode)
		if !ok {
			return nil, nil, fmt.Errorf("%w: --unit %q is not a unit of %s", errUsage, unitCode, cfg.Path)
		}
		im.unit = &u
	}
	if periodName != "" {
		p, err := period.Parse(periodName)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: --period: %v", errUsage, err)
		}
		im.period = &p
	}
	closeAll := func() {}
	if dryRun {
		of, err := compileOffice(cfg, true)
		if err != nil {
			return nil, nil, err
		}
		im.office = of
	} else {
		site, err := office.Open(ctx, cfg, false)
		if err != nil {
			return nil, nil, err
		}
		im.office, im.ledger, closeAll = site.Office, site.Ledger, func() { site.Close() }
	}
	conv, err := xlsConverter(cfg)
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	im.judge = receive.Judge{Office: im.office, Ledger: receive.NoLedger{}, Events: im.office.EventTimes(ctx, nil, nil),
		Converter: conv, Now: im.now}
	return im, closeAll, nil
}

// importedBy names who imports in the record: the program and the account it runs under.
func importedBy() string {
	who := "tonghop import"
	u, err := user.Current()
	host, herr := os.Hostname()
	if err == nil && herr == nil {
		who += " (" + u.Username + "@" + host + ")"
	}
	return who
}

// importFile reads one file as an opening-figures workbook, else as a unit's past workbook,
// and records its figures when it has no error (and this is no dry run).
func (im *importer) importFile(ctx context.Context, file string) (importResult, error) {
	data, err := readLimited(ctx, file, templates.DefaultMaxFileBytes)
	if err != nil {
		return importResult{}, err
	}
	res := importResult{File: file, DryRun: im.ledger == nil}
	var p pending
	op, rep, err := history.ReadOpening(ctx, data, im.catalog, im.office.Key, templates.Limits{})
	switch {
	case ctx.Err() != nil:
		return importResult{}, ctx.Err()
	case err == nil:
		p = im.opening(op, rep, data, &res)
	default: // not an opening workbook, or unreadable as one: judge it as a unit's
		if p, err = im.past(ctx, file, data, &res); err != nil {
			return importResult{}, err
		}
	}
	res.Errors, res.Warnings = nonNil(res.Errors), nonNil(res.Warnings)
	if len(res.Errors) > 0 || res.DryRun {
		return res, nil
	}
	return res, im.record(ctx, p, &res)
}

// pending is what a file gives to record.
type pending struct {
	kind    ledger.ImportKind
	name    string
	stored  []byte
	figures []ledger.ImportedFigure
}

// catalog gives ReadOpening the office's forms and their units.
func (im *importer) catalog(code string) (form.Form, []history.Unit, bool) {
	f, ok := im.office.Form(code)
	if !ok {
		return form.Form{}, nil, false
	}
	return f.Form, historyUnits(im.office.FormUnits(f)), true
}

func historyUnits(units []config.Unit) []history.Unit {
	out := make([]history.Unit, len(units))
	for i, u := range units {
		out[i] = history.Unit{Code: u.Code, Name: u.Name}
	}
	return out
}

// opening takes what an opening-figures workbook holds.
func (im *importer) opening(op *history.Opening, rep *form.Report, data []byte, res *importResult) pending {
	res.Kind, res.Form, res.Units = string(ledger.ImportOpening), op.Form, op.Units
	res.Errors, res.Warnings = rep.Errors, rep.Warnings
	res.Periods = figurePeriods(op.Figures)
	res.Figures = len(op.Figures)
	return pending{kind: ledger.ImportOpening, name: filepath.Base(res.File), stored: data, figures: op.Figures}
}

// record stores the file and its figures in one import.
func (im *importer) record(ctx context.Context, p pending, res *importResult) error {
	sha, err := im.ledger.PutBlob(p.stored)
	if err != nil {
		return err
	}
	out, err := im.ledger.RecordImport(ctx, ledger.Import{At: im.now(), Kind: p.kind, FileName: p.name, FileSHA256: sha,
		By: im.by}, p.figures)
	if err != nil {
		return err
	}
	res.Recorded, res.Replaced = true, out.Replaced
	return nil
}

// figurePeriods lists the periods figures are of, in order, once each.
func figurePeriods(figs []ledger.ImportedFigure) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range figs {
		if !seen[f.Period] {
			seen[f.Period] = true
			out = append(out, f.Period)
		}
	}
	slices.Sort(out) // one form's periods, all of one kind: text order is time order
	return out
}
