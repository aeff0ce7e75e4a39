package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/dossier"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

func runPurge(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("purge", "purge --config FILE [--dry-run] [--at TIME]",
		"Remove the records of the periods the records schedule no longer asks to keep: a form's\n"+
			"periods retention_years (default 5) after they ended; yearly reports are kept for ever, and\n"+
			"retention_years = 0 keeps a form's periods for ever. Their mails, workbooks, drafts, issued\n"+
			"reports and archive folder go; the ledger records the purge. Hand over a period's dossier\n"+
			"first if it is wanted. The daemon must be stopped (the data directory is locked).", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	dry := fs.Bool("dry-run", false, "list what has passed its retention and remove nothing")
	asOf := fs.String("at", "", "judge as at this office `time`, \"YYYY-MM-DD HH:MM\" (default: now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("%w: want --config", errUsage)
	}
	cfg, err := config.LoadListing(*path)
	if err != nil {
		return err
	}
	now, err := statusTime(*asOf, cfg.Location)
	if err != nil {
		return err
	}
	if !*dry {
		unlock, err := office.Lock(cfg.DataDir)
		if err != nil {
			return fmt.Errorf("the daemon must be stopped to purge: %w", err)
		}
		defer unlock()
	}
	l, err := collectedLedger(ctx, cfg)
	if err != nil {
		return err
	}
	defer l.Close()
	expired, err := expiredPeriods(ctx, cfg, l, now)
	if err != nil {
		return err
	}
	if len(expired) == 0 {
		fmt.Fprintln(stdout, "nothing has passed its retention")
		return nil
	}
	of, err := compileOffice(cfg, false)
	if err != nil {
		return err
	}
	for _, e := range expired {
		if err := purgeOne(ctx, of, l, e, now, *dry, stdout); err != nil {
			return err
		}
	}
	return nil
}

// expiredPeriod is a period of the ledger past its retention.
type expiredPeriod struct {
	ledger.Period
	keptUntil time.Time
}

// expiredPeriods lists the configured forms' periods whose retention ended by now.
func expiredPeriods(ctx context.Context, cfg *config.Config, l *ledger.Ledger, now time.Time) ([]expiredPeriod, error) {
	var out []expiredPeriod
	for i := range cfg.Forms {
		f := &cfg.Forms[i]
		periods, err := l.Periods(ctx, f.Code)
		if err != nil {
			return nil, err
		}
		for _, lp := range periods {
			until, ok := keptUntil(f, lp)
			if !ok || now.Before(until) {
				continue
			}
			switch _, err := l.FirstEvent(ctx, ledger.ActionPeriodPurged, ledger.PeriodObject(f.Code, lp.Period)); {
			case err == nil:
				continue // purged already: its row stays so that nothing opens it again
			case !errors.Is(err, ledger.ErrNotFound):
				return nil, err
			}
			out = append(out, expiredPeriod{lp, until})
		}
	}
	return out, nil
}

// keptUntil is when a period's retention ends; ok is false when it is kept for ever, or its
// name does not read as a period (kept: nothing is removed on a guess).
func keptUntil(f *config.Form, lp ledger.Period) (time.Time, bool) {
	p, err := period.Parse(lp.Period)
	if err != nil || lp.End.IsZero() {
		return time.Time{}, false
	}
	years, forever := f.Retention(p.Kind)
	if forever {
		return time.Time{}, false
	}
	return lp.End.AddDate(years, 0, 0), true
}

func purgeOne(ctx context.Context, of *office.Office, l *ledger.Ledger, e expiredPeriod, now time.Time, dry bool, stdout io.Writer) error {
	mails, err := dossier.ReceivedMails(ctx, l, e.Form, e.Period.Period)
	if err != nil {
		return err
	}
	head := fmt.Sprintf("%s %s (ended %s, kept until %s)", e.Form, e.Period.Period,
		e.End.In(of.Location).Format(time.DateOnly), e.keptUntil.In(of.Location).Format(time.DateOnly))
	if dry {
		subs, err := l.Submissions(ctx, e.Form, e.Period.Period)
		if err != nil {
			return err
		}
		drafts, err := l.Drafts(ctx, e.Form, e.Period.Period)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "would purge %s: %d submissions, %d drafts, %d received mails\n", head, len(subs), len(drafts), len(mails))
		return nil
	}
	ids := make([]int64, len(mails))
	for i, m := range mails {
		ids[i] = m.ID
	}
	res, err := l.PurgePeriod(ctx, ledger.Purge{Form: e.Form, Period: e.Period.Period, MailIDs: ids,
		UpstreamForms: of.UpstreamFormsFrom(e.Form), At: now, Actor: "purge"})
	if err != nil {
		return err
	}
	if err := of.RemoveArchivedPeriod(e.Form, e.Period.Period); err != nil {
		return fmt.Errorf("purged %s from the ledger, but its archive folder: %w", head, err)
	}
	fmt.Fprintf(stdout, "purged %s: %s\n", head, res)
	return nil
}
