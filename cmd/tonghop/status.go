package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/status"
)

func runStatus(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("status", "status --config FILE [--form CODE] [--period P] [--last N] [--tsv]",
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
	now, err := statusTime(*asOf, cfg.Location)
	if err != nil {
		return err
	}
	if *code != "" {
		if _, ok := cfg.Form(*code); !ok {
			return fmt.Errorf("%w: form %q is not in %s", errUsage, *code, *path)
		}
	}
	l, err := existingLedger(ctx, cfg)
	if err != nil || l == nil {
		if err == nil {
			err = fmt.Errorf("no ledger in %s yet: nothing has been collected", cfg.DataDir)
		}
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
		m, err := statusMatrix(ctx, cfg, l, f, *only, *last, now)
		switch {
		case err != nil:
			return err
		case *tsv:
			err = m.WriteTSVRecords(stdout, cfg.Location)
		case len(m.Periods) == 0:
			_, err = fmt.Fprintln(stdout, status.NoPeriodsLine(f.Code))
		default:
			err = m.WriteText(stdout, cfg.Location)
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
	return only == "" || err != nil || string(p.Kind) == f.Period
}

// statusMatrix reads one form's periods, submissions and sent reminders from the ledger.
func statusMatrix(ctx context.Context, cfg *config.Config, l *ledger.Ledger, f *config.Form, only string, last int, now time.Time) (status.Matrix, error) {
	rows, err := l.Periods(ctx, f.Code)
	if err != nil {
		return status.Matrix{}, err
	}
	var periods []status.Period
	for _, r := range rows {
		if only == "" || r.Period == only {
			periods = append(periods, status.Period{Form: f.Code, Period: r.Period, Deadline: r.Deadline, Closed: r.Status == ledger.PeriodClosed})
		}
	}
	if only != "" && len(periods) == 0 {
		if _, err := period.Parse(only); err != nil {
			return status.Matrix{}, fmt.Errorf("%w: --period: %v", errUsage, err)
		}
		periods = []status.Period{{Form: f.Code, Period: only}} // not opened yet: no deadline known
	}
	periods = periods[max(0, len(periods)-last):]
	var subs []status.Submission
	for _, p := range periods {
		list, err := l.Submissions(ctx, f.Code, p.Period)
		if err != nil {
			return status.Matrix{}, err
		}
		for _, s := range list {
			if s.ReceivedAt.After(now) {
				continue
			}
			subs = append(subs, status.Submission{Form: s.Form, Unit: s.Unit, Period: s.Period, Version: s.Version, Valid: s.Valid, ReceivedAt: s.ReceivedAt})
		}
	}
	reminders, err := sentReminders(ctx, l, now)
	if err != nil {
		return status.Matrix{}, err
	}
	var units []status.Unit
	for _, u := range cfg.FormUnits(f) {
		units = append(units, status.Unit{Code: u.Code, Name: u.Name})
	}
	return status.Build(units, periods, subs, reminders, now), nil
}

// sentReminders reads the reminders and nags that went out, from the outbox.
func sentReminders(ctx context.Context, l *ledger.Ledger, now time.Time) ([]status.Reminder, error) {
	sent, err := l.Outbox(ctx, ledger.OutSent)
	if err != nil {
		return nil, err
	}
	var out []status.Reminder
	for _, m := range sent {
		a, ok := schedule.ParseKey(m.Key)
		if !ok || a.Kind == schedule.KindTemplate || m.SentAt.After(now) {
			continue
		}
		out = append(out, status.Reminder{Form: a.Form, Unit: a.Unit, Period: a.Period.String(), Kind: a.Kind, N: a.N, SentAt: m.SentAt, Cc: m.Cc})
	}
	return out, nil
}
