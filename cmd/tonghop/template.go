package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

func runTemplate(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("template", "template --config FILE --form CODE --period P (--unit U -o FILE.xlsx | --all-units DIR)\n"+
		"       tonghop template --config FILE --form CODE --opening [--year Y | --period P] -o FILE.xlsx",
		"Write the workbook a unit fills for a form and period, signed with the office's template key,\n"+
			"exactly as the daemon mails it. Periods: 2026-W47, 2026-11, 2026-Q4, 2026-H1, 2026-9M, 2026.\n"+
			"With --opening, write instead the opening-figures workbook the office fills with its units'\n"+
			"figures of last year and of this year before the period the ledger takes over from (--period,\n"+
			"else the one under way in --year, this year by default), for 'tonghop import'.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	code := fs.String("form", "", "form `code`, e.g. BM.04.01/KH (required)")
	name := fs.String("period", "", "`period`, e.g. 2026-W47 or 2026-11 (required)")
	unitCode := fs.String("unit", "", "`code` of the unit the template is for")
	out := fs.String("o", "", "output `file` (.xlsx) for --unit")
	dir := fs.String("all-units", "", "write one template per reporting unit into `directory`, named as mailed")
	opening := fs.Bool("opening", false, "write the opening-figures workbook of the form (with -o)")
	year := fs.Int("year", 0, "with --opening: the `year` the ledger takes over in (default: this year)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *opening {
		if *path == "" || *code == "" || *out == "" || *unitCode != "" || *dir != "" {
			return fmt.Errorf("%w: --opening wants --config, --form and -o FILE.xlsx, and no --unit or --all-units", errUsage)
		}
		return writeOpeningTemplate(stdout, openingRequest{path: *path, code: *code, periodName: *name, out: *out, year: *year}, time.Now())
	}
	switch {
	case *path == "" || *code == "" || *name == "":
		return fmt.Errorf("%w: --config, --form and --period are required", errUsage)
	case (*unitCode == "") == (*dir == ""):
		return fmt.Errorf("%w: give either --unit U -o FILE.xlsx or --all-units DIR", errUsage)
	case *unitCode != "" && *out == "":
		return fmt.Errorf("%w: --unit needs -o FILE.xlsx", errUsage)
	}
	cfg, err := config.LoadOffline(*path)
	if err != nil {
		return err
	}
	f, ok := cfg.Form(*code)
	if !ok {
		return fmt.Errorf("%w: --form %q is not a form of %s", errUsage, *code, *path)
	}
	p, err := period.Parse(*name)
	if err != nil {
		return fmt.Errorf("%w: --period: %v", errUsage, err)
	}
	of, err := compileOffice(cfg, true)
	if err != nil {
		return err
	}
	// The template starts with what the unit sent before (last period's tasks, its plan
	// figures), as the daemon's does; without a ledger, nothing.
	l, err := existingLedger(ctx, cfg)
	if err != nil {
		return err
	}
	if l != nil {
		defer l.Close()
	}
	w := templateWriter{of: of, l: l, f: f, p: p}
	units := cfg.FormUnits(f)
	if *unitCode != "" {
		u, ok := cfg.Unit(*unitCode)
		if !ok {
			return fmt.Errorf("%w: --unit %q is not a unit of %s", errUsage, *unitCode, *path)
		}
		return w.write(ctx, stdout, u, *out)
	}
	if err := os.MkdirAll(*dir, 0o750); err != nil {
		return err
	}
	for _, u := range units {
		file := filepath.Join(*dir, templates.FileName(f.Form, u.Code, p.String()))
		if err := w.write(ctx, stdout, u, file); err != nil {
			return err
		}
	}
	return nil
}

// templateWriter writes the templates of one form and period.
type templateWriter struct {
	of *office.Office
	l  *ledger.Ledger // nil: no ledger yet, nothing to pre-fill
	f  *config.Form
	p  period.Period
}

func (w templateWriter) write(ctx context.Context, stdout io.Writer, u config.Unit, file string) error {
	meta, err := w.of.TemplateMeta(w.f, u, w.p, nil)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	filled, err := w.of.Prefill(ctx, w.l, w.f, u, w.p)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := templates.Generate(&buf, w.of.Workbook(w.f, u), meta, filled); err != nil {
		return err
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %s %s for %s, due %s\n", file, w.f.Code, w.p, u.Code, meta.Deadline.Format("02/01/2006 15:04"))
	return nil
}
