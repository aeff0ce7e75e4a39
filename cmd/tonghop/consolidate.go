package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/status"
)

func runConsolidate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("consolidate", "consolidate --config FILE --form CODE --period P -o FILE.xlsx [--force] [--at TIME]",
		"Build the consolidated workbook of a form and period from the ledger: summary, units' detail,\n"+
			"narrative by heading, submission status and provenance. A build is stored as the next draft\n"+
			"version (which the daemon then sends up the approval chain) unless nothing it counts has\n"+
			"changed since the last draft: that draft is written out instead, unless --force. For a period\n"+
			"whose report was issued, the issued report is written and --force is refused, unless a\n"+
			"correction of it is open (a leader asked for changes, or a late file was taken in).", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	code := fs.String("form", "", "the form's `code`, such as BM.02.01/KH (required)")
	name := fs.String("period", "", "the `period`, such as 2026-11 or 2026-W47 (required)")
	out := fs.String("o", "", "write the workbook to this `file` (required)")
	force := fs.Bool("force", false, "build a new draft version even when nothing changed")
	asOf := fs.String("at", "", "build as at this office `time`, \"YYYY-MM-DD HH:MM\" (default: now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || *code == "" || *name == "" || *out == "" {
		return fmt.Errorf("%w: want --config, --form, --period and -o", errUsage)
	}
	cfg, err := config.LoadListing(*path)
	if err != nil {
		return err
	}
	f, p, err := formPeriod(cfg, *path, *code, *name)
	if err != nil {
		return err
	}
	now, err := statusTime(*asOf, cfg.Location)
	if err != nil {
		return err
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
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	issued, ok, err := issuedPeriod(ctx, l, f, p)
	switch {
	case err != nil:
		return err
	case ok && !issued.correcting && *force:
		return errIssuedForce(cfg, f, issued.issue)
	case ok && !issued.correcting:
		if err := writeIssued(ctx, l, issued.issue, *out); err != nil {
			return err
		}
		fmt.Fprintln(stdout, issuedLine(cfg, f, issued.issue, *out))
		return nil
	}
	draft, built, err := consolidateOnDemand(ctx, of, l, f, p, now, *force, log)
	if err != nil {
		return err
	}
	data, err := l.Blob(draft.FileSHA256)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return err
	}
	line := consolidatedLine(cfg, f, draft, built, *out)
	if ok {
		line = issuedWhat(cfg, f, issued.issue) + ", đang điều chỉnh. " + line
	}
	fmt.Fprintln(stdout, line)
	return nil
}

// formPeriod checks the form and period named on the command line.
func formPeriod(cfg *config.Config, path, code, name string) (*config.Form, period.Period, error) {
	f, ok := cfg.Form(code)
	if !ok {
		return nil, period.Period{}, fmt.Errorf("%w: form %q is not in %s", errUsage, code, path)
	}
	p, err := period.Parse(name)
	if err != nil {
		return nil, period.Period{}, fmt.Errorf("%w: --period: %v", errUsage, err)
	}
	if !f.Period.Has(string(p.Kind)) && p.Kind != period.Once {
		return nil, period.Period{}, fmt.Errorf("%w: --period %s is a %s; form %s is reported by %s", errUsage, p, p.Kind, f.Code, f.Period)
	}
	return f, p, nil
}

// consolidateOnDemand returns the latest draft when it still counts what the ledger holds, and
// builds the next one otherwise (or always, with force): report.DraftNow, the board's "build a
// draft now", with the command line as the actor.
func consolidateOnDemand(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, now time.Time, force bool, log *slog.Logger) (ledger.Draft, bool, error) {
	draft, built, err := report.DraftNow(ctx, cfg, l, f, p, now, "consolidate", force)
	if errors.Is(err, report.ErrNotArchived) {
		log.Warn("draft recorded without its archive copy", "err", err) // the ledger holds it
		err = nil
	}
	return draft, built, err
}

// consolidatedLine tells the clerk what was written, in Vietnamese: "Đã lập dự thảo lần 2:
// BM.02.01/KH tháng 11/2026, 7/8 đơn vị; chưa có số liệu: …. Tệp: …".
func consolidatedLine(cfg *config.Config, f *config.Form, d ledger.Draft, built bool, out string) string {
	counted, missing := office.UnitsByBasis(cfg.FormUnits(f), d.Basis)
	verb := fmt.Sprintf("Đã lập dự thảo lần %d", d.Version)
	if !built {
		verb = fmt.Sprintf("Số liệu không đổi từ dự thảo lần %d, lập lúc %s", d.Version,
			status.FormatDateTime(d.BuiltAt.In(cfg.Location)))
	}
	line := fmt.Sprintf("%s: %s %s, %d/%d đơn vị", verb, f.Code, periodName(d.Period), len(counted), len(counted)+len(missing))
	if len(missing) > 0 {
		line += "; chưa có số liệu: " + strings.Join(office.UnitNames(missing), ", ")
	}
	return line + ". Tệp: " + out
}
