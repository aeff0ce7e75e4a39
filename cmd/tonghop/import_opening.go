package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/history"
	"github.com/tonghop/tonghop/period"
)

// openingRequest is what template --opening was asked for.
type openingRequest struct {
	path, code, periodName, out string
	year                        int
}

// writeOpeningTemplate writes the opening-figures workbook of a form: its units' figures of
// last year and of this year before the period the ledger takes over from (--period, else the
// one under way now in --year, this year by default), signed with the office's template key.
func writeOpeningTemplate(stdout io.Writer, req openingRequest, now time.Time) error {
	cfg, err := config.LoadOffline(req.path)
	if err != nil {
		return err
	}
	f, ok := cfg.Form(req.code)
	if !ok {
		return fmt.Errorf("%w: --form %q is not a form of %s", errUsage, req.code, req.path)
	}
	current, err := openingPeriod(f, req, now.In(cfg.Location), cfg.Location)
	if err != nil {
		return err
	}
	of, err := compileOffice(cfg, true)
	if err != nil {
		return err
	}
	b := history.Book{Office: cfg.Office.Name, Form: f.Form, Units: historyUnits(cfg.FormUnits(f)), Current: current}
	var buf bytes.Buffer
	if err := history.WriteOpening(&buf, b, of.Key); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := os.WriteFile(req.out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	ps := b.Periods()
	fmt.Fprintf(stdout, "%s: opening figures of %s for %d units, %s to %s; the ledger takes over at %s\n",
		req.out, f.Code, len(b.Units), ps[0], ps[len(ps)-1], current)
	return nil
}

// openingPeriod is the period the ledger takes over from.
func openingPeriod(f *config.Form, req openingRequest, now time.Time, loc *time.Location) (period.Period, error) {
	kind := period.Kind(f.Period[0]) // without --period: the form's first kind
	if req.periodName != "" {
		p, err := period.Parse(req.periodName)
		if err != nil {
			return period.Period{}, fmt.Errorf("%w: --period: %v", errUsage, err)
		}
		if !f.Period.Has(string(p.Kind)) {
			return period.Period{}, fmt.Errorf("%w: --period %s is a %s; form %s is reported by %s", errUsage, p, p.Kind, f.Code, f.Period)
		}
		return p, nil
	}
	year := req.year
	if year == 0 {
		year = period.Of(kind, now).Year
	}
	p, ok := history.CurrentPeriod(kind, year, now, loc)
	if !ok {
		return period.Period{}, fmt.Errorf("%w: --year %d has passed: give the period the ledger takes over from with --period", errUsage, year)
	}
	return p, nil
}
