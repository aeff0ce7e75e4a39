package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/daemon"
	"github.com/tonghop/tonghop/demo"
	"github.com/tonghop/tonghop/office"
)

func runDaemon(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("run", "run --config FILE [--log-level LEVEL] [--start TIME [--speed FACTOR]] [--cpuprofile FILE]",
		"Run the daemon: read the shared mailbox, answer each file, send templates, reminders and nags,\n"+
			"and keep everything in the ledger. SIGINT or SIGTERM stops it cleanly within 10 seconds.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	level := fs.String("log-level", "info", "log `level`: debug, info, warn or error")
	start := fs.String("start", "", "testing: run a simulated clock from this office `time` (2006-01-02T15:04)")
	speed := fs.Float64("speed", 1, "testing: with --start, the `factor` by which the simulated clock runs faster than the wall clock")
	cpuProfile := fs.String("cpuprofile", "", "testing: write a CPU profile of the run to this `file` (bench/drain.sh)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("%w: --config FILE is required", errUsage)
	}
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(*level)); err != nil {
		return fmt.Errorf("%w: --log-level %q: want debug, info, warn or error", errUsage, *level)
	}
	cfg, err := config.Load(*path)
	if err != nil {
		return err
	}
	clk, err := daemonClock(cfg, *start, *speed)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lv}))
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	return serve(ctx, cfg, clk, logger)
}

// startCPUProfile profiles the run into path ("" profiles nothing), so that where a drain's time
// goes is measured on the binary itself, not only in process. The profile is complete only when
// the run stops cleanly (SIGTERM).
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); _ = f.Close() }, nil
}

func daemonClock(cfg *config.Config, start string, speed float64) (clock.Clock, error) {
	if start == "" {
		return clock.Real{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04", start, cfg.Location)
	if err != nil {
		return nil, fmt.Errorf("%w: --start %q: want an office time such as 2026-11-16T08:00", errUsage, start)
	}
	if speed <= 0 {
		return nil, fmt.Errorf("%w: --speed must be positive", errUsage)
	}
	return clock.NewScaled(t, speed), nil
}

// serve locks the data directory, opens the ledger and runs the daemon until ctx ends.
func serve(ctx context.Context, cfg *config.Config, clk clock.Clock, logger *slog.Logger) error {
	site, err := office.Open(ctx, cfg, true)
	if err != nil {
		return err
	}
	defer site.Close()
	// Fail closed: a form some of whose periods cannot be scheduled would get no mail at all.
	if err := site.Office.CheckSchedules(clk.Now()); err != nil {
		return err
	}
	conv, err := xlsConverter(cfg)
	if err != nil {
		return err
	}
	mon, stopHealth, err := startHealth(ctx, cfg, site.Ledger, clk, logger)
	if err != nil {
		return err
	}
	defer stopHealth()
	stopBoard, err := startConfiguredBoard(ctx, cfg, site.Office, site.Ledger, clk, logger)
	if err != nil {
		return err
	}
	defer stopBoard()
	d, err := daemon.New(daemon.Options{Office: site.Office, Ledger: site.Ledger, Clock: clk, Logger: logger, Converter: conv, Monitor: mon,
		PDF: pdfConverter()})
	if err != nil {
		return err
	}
	defer d.Close()
	logger.Info("tonghop started", "version", buildVersion(), "config", cfg.Path, "data_dir", cfg.DataDir,
		"units", len(cfg.Units), "forms", len(cfg.Forms), "xls_converter", converterName(conv), "mail_auth", mailAuthName(cfg.MailAuth))
	for _, e := range office.Exposures(cfg, office.FileModes(cfg)) {
		logger.Warn("configuration exposes the office", "key", e.Key, "warning", e.Message)
	}
	return d.Run(ctx)
}

func runDemo(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("demo", "demo [--dir DIR] [--units N]",
		"Run a whole reporting cycle of a sample Industrial Zones Authority on embedded IMAP and SMTP\n"+
			"servers, a fortnight of office time in seconds, and print its timeline. The office's config,\n"+
			"ledger and every workbook stay in DIR.", stdout)
	dir := fs.String("dir", "", "`directory` to write the sample office into (default: a new temporary directory)")
	units := fs.Int("units", 8, "number of units `N` in the sample office (4–60)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return demo.Run(ctx, demo.Options{Dir: *dir, Units: *units, Out: stdout})
}

// mailAuthName sums up how leaders' replies are authenticated, for the start log.
func mailAuthName(m config.MailAuth) string {
	var parts []string
	if len(m.TrustedServers) > 0 {
		parts = append(parts, "trusted_servers="+strings.Join(m.TrustedServers, ","))
	}
	if m.TrustUnnamed {
		parts = append(parts, "trust_unnamed")
	}
	if m.VerifyDKIM {
		parts = append(parts, "verify_dkim")
	}
	if m.Unauthenticated() {
		parts = append(parts, "INSECURE_UNAUTHENTICATED_APPROVALS")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " ")
}
