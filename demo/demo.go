// Package demo runs a whole reporting cycle of a sample office on embedded mail servers: the real
// daemon reads a real IMAP mailbox and sends through a real SMTP server, while simulated units
// read their own mailboxes, fill the workbooks they receive and answer — most on time, one late,
// one with mistakes that it corrects when told, one never. The office goes live in November: it
// first imports the figures of the earlier months from an opening-figures workbook, so that its
// first report's year to date and last year's figures are right. A manual clock walks through a
// fortnight of office hours in seconds. It is the first command a newcomer runs.
package demo

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/daemon"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/xlsconv"
)

// Options configure a demo run.
type Options struct {
	Dir   string    // where the office is written; "" makes a fresh temporary directory
	Units int       // number of units, at least 4 (default 8)
	Out   io.Writer // the timeline
}

// The simulated fortnight: the monthly report BM.02.01/KH for November is due on 18/11 and the
// work program BM.04.01/KH for week 48 on Thursday 19/11 at 15:00.
var (
	simStart = time.Date(2026, 11, 13, 7, 30, 0, 0, period.DefaultLocation())
	simEnd   = time.Date(2026, 11, 24, 12, 0, 0, 0, period.DefaultLocation())
)

// Run runs the demo and prints its timeline to o.Out.
func Run(ctx context.Context, o Options) error {
	if o.Units == 0 {
		o.Units = 8
	}
	if o.Units < 4 || o.Units > 60 {
		return fmt.Errorf("--units must be between 4 and 60, got %d", o.Units)
	}
	dir, err := prepareDir(o.Dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "tonghop demo: a sample office in %s\n", dir)
	// The embedded server plays the office's MX: it vouches for mail its users send under their
	// own address, as a real MX writes what it checked (Authentication-Results above its
	// Received field), and [mail_auth] trusts it.
	srv, err := localmail.Start(localmail.Options{Domain: mxHost, AuthServID: mxHost})
	if err != nil {
		return fmt.Errorf("start mail servers: %w", err)
	}
	defer srv.Close()
	units := unitsFor(o.Units)
	if err := addMailboxes(srv, units); err != nil {
		return err
	}
	cfgPath, err := writeConfig(dir, configData{MX: mxHost,
		Start: simStart.Format("2006-01-02"), IMAPPort: srv.IMAPPort(), SMTPPort: srv.SMTPPort(),
		Office: officeEmail, Password: password, People: samplePeople, Units: units,
	})
	if err != nil {
		return err
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "IMAP %s, SMTP %s; %d units; office time %s → %s\n", srv.IMAPAddr(), srv.SMTPAddr(),
		len(units), simStart.Format("02/01 15:04"), simEnd.Format("02/01 15:04"))
	return runOffice(ctx, o, cfg, srv, units)
}

// runOffice starts the daemon on the office's data directory and walks the clock.
func runOffice(ctx context.Context, o Options, cfg *config.Config, srv *localmail.Server, units []sampleUnit) error {
	site, err := office.Open(ctx, cfg, true)
	if err != nil {
		return err
	}
	defer site.Close()
	of, l := site.Office, site.Ledger
	logFile, err := os.Create(filepath.Join(filepath.Dir(cfg.DataDir), "tonghop.log"))
	if err != nil {
		return err
	}
	defer logFile.Close()
	if err := importHistory(ctx, o.Out, filepath.Dir(cfg.DataDir), of, l); err != nil {
		return fmt.Errorf("import history: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(logFile, &slog.HandlerOptions{Level: slog.LevelDebug}))
	clk := clock.NewManual(simStart)
	d, err := daemon.New(daemon.Options{Office: of, Ledger: l, Clock: clk, Logger: logger, PDF: pdfConverter()})
	if err != nil {
		return err
	}
	defer d.Close()
	cal := of.Calendar
	env := &environment{cfg: cfg, cal: cal, plans: of.Plans, key: of.Key, smtpHost: "127.0.0.1", smtpPort: srv.SMTPPort()}
	agents, err := startAgents(env, srv, units)
	if err != nil {
		return err
	}
	defer func() {
		for _, a := range agents {
			a.close()
		}
	}()
	leaders, err := startLeaders(env, srv.IMAPAddr())
	if err != nil {
		return err
	}
	defer func() {
		for _, l := range leaders {
			l.close()
		}
	}()
	tl := &timeline{out: o.Out, ledger: l, loc: cfg.Location, counts: map[ledger.Action]int{}}
	began := time.Now()
	for t := simStart; !t.After(simEnd); t = nextStep(t, cal) {
		clk.Set(t)
		for _, a := range agents {
			if err := a.step(ctx, t); err != nil {
				return err
			}
		}
		for _, l := range leaders {
			if err := l.step(ctx, t); err != nil {
				return err
			}
		}
		if err := d.Step(ctx); err != nil {
			return fmt.Errorf("daemon at %s: %w", t.Format("02/01 15:04"), err)
		}
		if err := tl.flush(ctx); err != nil {
			return err
		}
	}
	return summarize(ctx, o.Out, of, l, agents, time.Since(began))
}

// pdfConverter converts the issued documents to PDF where LibreOffice is installed.
func pdfConverter() func(ctx context.Context, docx []byte) ([]byte, error) {
	c, err := xlsconv.FindSoffice()
	if err != nil {
		return nil
	}
	return c.ToPDF
}

// nextStep advances office time by half an hour in office hours, by an hour outside them.
func nextStep(t time.Time, cal period.Calendar) time.Time {
	if cal.IsWorkingDay(t) && t.Hour() >= 7 && t.Hour() < 18 {
		return t.Add(30 * time.Minute)
	}
	return t.Add(time.Hour)
}

func prepareDir(dir string) (string, error) {
	if dir == "" {
		return os.MkdirTemp("", "tonghop-demo-")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("create demo directory: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	if len(entries) > 0 {
		return "", fmt.Errorf("demo directory %s is not empty: give a new or empty one", dir)
	}
	return filepath.Abs(dir)
}

func addMailboxes(srv *localmail.Server, units []sampleUnit) error {
	addrs := []string{officeEmail}
	for _, p := range samplePeople {
		addrs = append(addrs, p.Email())
	}
	for _, u := range units {
		addrs = append(addrs, u.Email())
	}
	for _, a := range addrs {
		if err := srv.AddUser(a, password); err != nil {
			return fmt.Errorf("add mailbox %s: %w", a, err)
		}
	}
	return nil
}

// startAgents gives the first units the interesting behaviours and the rest varied delays.
func startAgents(env *environment, srv *localmail.Server, units []sampleUnit) ([]*agent, error) {
	var out []*agent
	for i, u := range units {
		a := &agent{unit: u, index: i, env: env, behaviour: onTime, delay: time.Duration(2+i*5) * time.Hour,
			submitted: map[string]job{}, corrected: map[string]bool{}, answered: map[string]bool{}, answeredFiles: map[string]bool{}}
		switch i {
		case 1:
			a.behaviour = withErrors
		case 3:
			a.behaviour = late
		case 5:
			a.behaviour = silent
		}
		if err := a.connect(srv.IMAPAddr()); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
