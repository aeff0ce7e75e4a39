package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/status"
)

func runStatus(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("status", "status --config FILE [--form CODE] [--period P] [--last N] [--tsv] [--at TIME]",
		"Print, for each form, the matrix of units × periods: on time, late (by how long), invalid,\n"+
			"missing, not yet due; and per period the reporting rate and the on-time rate.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	code := fs.String("form", "", "only the form with this `code`")
	only := fs.String("period", "", "only this `period`, such as 2026-11 or 2026-W47")
	last := fs.Int("last", 6, "the last `N` periods opened")
	tsv := fs.Bool("tsv", false, "print tab-separated lines, one per unit and period")
	asOf := fs.String("at", "", "as things stood at this office `time`, \"YYYY-MM-DD HH:MM\" (default: now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || *last < 1 {
		return fmt.Errorf("%w: want --config FILE (and --last of at least 1)", errUsage)
	}
	cfg, err := config.LoadListing(*path)
	if err != nil {
		return err
	}
	of, err := compileOffice(cfg, false)
	if err != nil {
		return err
	}
	now, err := statusTime(*asOf, cfg.Location)
	if err != nil {
		return err
	}
	if _, err := period.Parse(*only); *only != "" && err != nil {
		return fmt.Errorf("%w: --period: %v", errUsage, err)
	}
	if *code != "" {
		if _, ok := cfg.Form(*code); !ok {
			return fmt.Errorf("%w: form %q is not in %s", errUsage, *code, *path)
		}
	}
	l, err := collectedLedger(ctx, cfg)
	if err != nil {
		return err
	}
	defer l.Close()
	if *tsv {
		fmt.Fprintln(stdout, status.TSVHeader)
	}
	for i := range cfg.Forms {
		f := &cfg.Forms[i]
		if *code != "" && f.Code != *code || !periodOfForm(*only, f) {
			continue
		}
		m, err := report.StatusMatrix(ctx, of, l, f, *only, *last, now)
		if err == nil {
			err = markAwaitingNumber(ctx, l, &m) // issue 20
		}
		switch {
		case err != nil:
			return err
		case *tsv:
			err = m.WriteTSVRecords(stdout, cfg.Location)
		case len(m.Periods) == 0:
			_, err = fmt.Fprintln(stdout, status.NoPeriodsLine(f.Code))
		default:
			if err = m.WriteText(stdout, cfg.Location); err == nil {
				err = writeSteps(ctx, stdout, of, l, f, m)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// statusTime reads --at; "" is now. Files and reminders after it are not counted.
func statusTime(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --at %q: expected \"YYYY-MM-DD HH:MM\"", errUsage, s)
	}
	return t, nil
}

// periodOfForm reports whether the period asked for (if any) is of the form's kind: a week
// asked for says nothing about a monthly form.
func periodOfForm(only string, f *config.Form) bool {
	p, err := period.Parse(only)
	return only == "" || err != nil || f.Period.Has(string(p.Kind)) || p.Kind == period.Once
}
