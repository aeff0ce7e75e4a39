package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/status"
)

func runRegister(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("register", "register --config FILE [--year Y] [--tsv]",
		"Print the register of outgoing documents (sổ văn bản đi) of a year: each issued report's number,\n"+
			"date, form, period, version, how it was numbered (automatically or by the registry clerk) and\n"+
			"the number it replaces; then the approved reports waiting for the registry clerk's number.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	year := fs.Int("year", 0, "the register's `year` (default: this year where the office is)")
	tsv := fs.Bool("tsv", false, "print tab-separated lines, one per document, for a spreadsheet")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("%w: want --config FILE", errUsage)
	}
	cfg, err := config.LoadListing(*path)
	if err != nil {
		return err
	}
	if *year == 0 {
		*year = time.Now().In(cfg.Location).Year()
	}
	if *year < 2000 || *year > 9999 {
		return fmt.Errorf("%w: --year %d is not a year", errUsage, *year)
	}
	of, err := compileOffice(cfg, false)
	if err != nil {
		return err
	}
	l, err := collectedLedger(ctx, cfg)
	if err != nil {
		return err
	}
	defer l.Close()
	docs, err := l.Register(ctx, *year)
	if err != nil {
		return err
	}
	if *tsv {
		return writeRegisterTSV(stdout, docs)
	}
	waits, err := l.RegisterWaits(ctx)
	if err != nil {
		return err
	}
	return writeRegister(stdout, of, *year, docs, waits)
}

// registerTSVHeader names the columns of register --tsv.
const registerTSVHeader = "number\tdate\tform\tperiod\tissue\tversion\thow\tperson\treplaces"

// writeRegisterTSV writes the register for programs: a header line, one line per document.
func writeRegisterTSV(w io.Writer, docs []ledger.Numbered) error {
	if _, err := fmt.Fprintln(w, registerTSVHeader); err != nil {
		return err
	}
	for _, n := range docs {
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", n.Number, n.Dated, n.Form, n.Period, n.Issue,
			n.Version, n.How, n.Person, n.Replaces); err != nil {
			return err
		}
	}
	return nil
}

// writeRegister writes the register as people read it.
func writeRegister(w io.Writer, of *office.Office, year int, docs []ledger.Numbered, waits []ledger.RegisterWait) error {
	fmt.Fprintln(w, letters.RegisterTitle(year))
	if len(docs) == 0 {
		fmt.Fprintln(w, letters.RegisterEmpty)
	} else {
		var b strings.Builder
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, letters.RegisterHeader)
		for _, n := range docs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n.Number, registerDate(n.Dated), n.Form, n.Period,
				letters.RegisterVersion(n.Version, n.Issue), letters.RegisterHow(string(n.How), personName(of, n.Person)), n.Replaces)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if _, err := fmt.Fprintln(w, strings.TrimRight(line, " ")); err != nil { // no padding after a row's last cell
				return err
			}
		}
	}
	for _, wt := range waits {
		label := wt.Period
		if f, ok := of.Form(wt.Form); ok {
			if p, err := period.Parse(wt.Period); err == nil {
				label = of.PeriodLabel(f, p)
			}
		}
		if _, err := fmt.Fprintln(w, letters.RegisterWaiting(wt.Form, label, wt.Version)); err != nil {
			return err
		}
	}
	return nil
}

// personName is the name of the person id, or the id of someone no longer configured.
func personName(of *office.Office, id string) string {
	if p, ok := of.Person(id); ok {
		return p.Name
	}
	return id
}

// registerDate writes "2026-12-08" as "08/12/2026".
func registerDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return t.Format("02/01/2006")
}

// markAwaitingNumber marks the periods of m whose approved report waits for the registry
// clerk's number, for `status` to say "chờ cấp số".
func markAwaitingNumber(ctx context.Context, l *ledger.Ledger, m *status.Matrix) error {
	for i := range m.Periods {
		p := &m.Periods[i]
		switch _, err := l.RegisterWaitOf(ctx, p.Form, p.Period); {
		case err == nil:
			p.AwaitingNumber = true
		case !errors.Is(err, ledger.ErrNotFound):
			return err
		}
	}
	return nil
}
