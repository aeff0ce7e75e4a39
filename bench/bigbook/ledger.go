package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	offices "github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
)

// fromLedger measures the whole path a draft takes: the units' submissions read from a real
// SQLite ledger (report.ConsolidationInput), consolidated and written. The ledger in dir is
// filled first, through the ledger's public API as the intake records mail, unless it already
// holds the submissions (filling 2,000 submissions takes longer than consolidating them, so
// repeated runs reuse it; bench/ledgerbook.sh fills once, then times each run).
func fromLedger(dir string, f form.Form, p period.Period, units, rows int, out string, fillOnly bool) error {
	ctx := context.Background()
	if err := fill(ctx, dir, f, p, units, rows); err != nil {
		return err
	}
	if fillOnly {
		return nil
	}
	in := input(f, p, units, 0) // the units and the status only: the figures come from the ledger
	l, err := ledger.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer l.Close()
	cfg := &config.Config{}
	for _, u := range in.Units {
		cfg.Units = append(cfg.Units, config.Unit{Code: u.Code, Name: u.Name})
	}
	o := &offices.Office{Config: cfg}
	cf := &config.Form{Form: f}
	st := matrix(in)
	in = consolidate.Input{} // only what the ledger holds is consolidated
	start := time.Now()
	got, _, err := report.ConsolidationInput(ctx, o, l, cf, p, p.End(office).Add(time.Hour))
	if err != nil {
		return err
	}
	read := time.Since(start)
	book, err := consolidate.Build(got)
	if err != nil {
		return err
	}
	built := time.Since(start)
	if err := write(out, book, st, p); err != nil {
		return err
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(os.Stderr, "from the ledger, %d units × %d rows: read %.2fs, consolidated (each unit's content read as it comes) %.2fs, written %.2fs, total %.2fs; CPU %.2fs, peak RSS %d MB\n",
		len(got.Current), rows, read.Seconds(), (built - read).Seconds(), (time.Since(start) - built).Seconds(),
		time.Since(start).Seconds(), cpuSeconds(ru), ru.Maxrss/1024)
	return nil
}

// fill records every unit's submission for the period and the one before, each in a mail of
// its own as the intake does, unless the ledger has them already.
func fill(ctx context.Context, dir string, f form.Form, p period.Period, units, rows int) error {
	marker := filepath.Join(dir, "bigbook-filled")
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
	l, err := ledger.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer l.Close()
	in := input(f, p, units, rows)
	at := in.Period.End(office).Add(-time.Hour)
	for _, u := range in.Units {
		for _, sub := range []struct {
			p   period.Period
			src consolidate.Source
		}{{in.Period.Prev(), in.Previous[u.Code]}, {in.Period, in.Current[u.Code]}} {
			if err := record(ctx, l, in.Form.Code, u.Code, sub.p, sub.src.Filled, at); err != nil {
				return err
			}
		}
	}
	return os.WriteFile(marker, nil, 0o644)
}

func record(ctx context.Context, l *ledger.Ledger, code, unit string, p period.Period, filled form.Filled, at time.Time) error {
	name := fmt.Sprintf("%s_%s_%s.xlsx", form.Slug(code), unit, p)
	file := []byte("workbook " + name)
	sum := sha256.Sum256(file)
	fileSHA, err := l.PutBlob(file)
	if err != nil {
		return err
	}
	if fileSHA != hex.EncodeToString(sum[:]) {
		return fmt.Errorf("blob of %s stored as %s", name, fileSHA)
	}
	msgID := "<" + unit + "." + p.String() + "@kcn.example.vn>"
	mailSHA, err := l.PutBlob([]byte("Message-ID: " + msgID + "\r\n\r\n" + name))
	if err != nil {
		return err
	}
	filled.Ident = form.Ident{Form: code, FormVersion: 1, Unit: unit, Period: p.String(), TagOK: true}
	data, err := json.Marshal(filled)
	if err != nil {
		return err
	}
	_, err = l.RecordIntake(ctx, ledger.Intake{
		Mail: ledger.Mail{SHA256: mailSHA, MessageID: msgID, From: unit + "@kcn.example.vn", ReceivedAt: at,
			Outcome: ledger.OutcomeAccepted},
		Submissions: []ledger.Submission{{Form: code, Unit: unit, Period: p.String(), FileName: name,
			FileSHA256: fileSHA, Valid: true, Data: data, ReceivedAt: at}},
	})
	return err
}
