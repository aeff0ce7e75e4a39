package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

func runCalendar(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("calendar", "calendar --year YYYY [--config FILE]",
		"Print the days off of a year, one line each: date, weekday, name. Without --config: the\n"+
			"Vietnamese public holidays of the Labour Code 2019 (lunar calendar at UTC+7) and their\n"+
			"compensatory days; with it, the office's calendar, with the days off and working days it lists.\n"+
			"Weekly days off are not listed, unless a holiday falls on one.", stdout)
	year := fs.Int("year", 0, "the `year` (required)")
	path := fs.String("config", "", "configuration `file` (optional)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *year < 1200 || *year > 2199 {
		return fmt.Errorf("%w: --year must be 1200–2199", errUsage)
	}
	cal, err := calendarOf(*path)
	if err != nil {
		return err
	}
	loc := cal.Loc
	for d := time.Date(*year, 1, 1, 12, 0, 0, 0, loc); d.Year() == *year; d = d.AddDate(0, 0, 1) {
		r, off := cal.DayOff(d)
		if off && r.Kind != period.OffWeekly {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", d.Format("2006-01-02"), period.WeekdayName(d.Weekday()), r.Name)
		}
	}
	return nil
}

// calendarOf builds the office's calendar, or the default one when path is empty.
func calendarOf(path string) (period.Calendar, error) {
	cfg := config.Defaults()
	cfg.Location = period.DefaultLocation()
	if path != "" {
		var err error
		if cfg, err = config.LoadListing(path); err != nil {
			return period.Calendar{}, err
		}
	}
	return office.Calendar(cfg)
}

func runDeadlines(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("deadlines", "deadlines --config FILE --form CODE --year YYYY",
		"Print the deadline of every period of a form in a year, one line each: the period, the\n"+
			"deadline (YYYY-MM-DD HH:MM, office time) and the rule or override that placed it. A deadline\n"+
			"counted from another form's issue is read from the ledger, if there is one.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	code := fs.String("form", "", "form `code`, such as BM.02.01/KH (required)")
	year := fs.Int("year", 0, "the `year` (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || *code == "" || *year < 1200 || *year > 2199 {
		return fmt.Errorf("%w: want --config FILE --form CODE --year YYYY (1200–2199)", errUsage)
	}
	cfg, err := config.LoadListing(*path)
	if err != nil {
		return err
	}
	f, ok := cfg.Form(*code)
	if !ok {
		return fmt.Errorf("%w: form %q is not in %s", errUsage, *code, *path)
	}
	l, err := existingLedger(ctx, cfg)
	if err != nil {
		return err
	}
	if l != nil {
		defer l.Close()
	}
	return printDeadlines(ctx, stdout, cfg, f, l, *year)
}

func printDeadlines(ctx context.Context, w io.Writer, cfg *config.Config, f *config.Form, l *ledger.Ledger, year int) error {
	of, err := office.Compile(cfg, nil)
	if err != nil {
		return err
	}
	lines, err := of.Deadlines(ctx, l, f, year, of.EventTimes(ctx, l, nil))
	if err != nil {
		return err
	}
	for _, line := range lines {
		fmt.Fprintln(w, line.Format(cfg.Location))
	}
	return nil
}

// collectedLedger opens the ledger of a listing that needs data collected: none is an error.
func collectedLedger(ctx context.Context, cfg *config.Config) (*ledger.Ledger, error) {
	l, err := existingLedger(ctx, cfg)
	if err == nil && l == nil {
		err = fmt.Errorf("no ledger in %s yet: nothing has been collected", cfg.DataDir)
	}
	return l, err
}

// existingLedger opens the ledger if the data directory holds one, and returns nil if not:
// the listings read it but never create it.
func existingLedger(ctx context.Context, cfg *config.Config) (*ledger.Ledger, error) {
	if _, err := os.Stat(filepath.Join(cfg.DataDir, "ledger.db")); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	l, err := ledger.Open(ctx, cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("open ledger: %w", err)
	}
	return l, nil
}
