package main

import (
	"context"
	"fmt"
	"io"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/daemon"
	"github.com/tonghop/tonghop/office"
)

// exitFindings is verify's exit code when it found something wrong (1, as any failure: a
// script's `tonghop verify || alert` needs no more).
const exitFindings = 1

func runVerify(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("verify", "verify --config FILE",
		"Prove the records intact: the ledger database's integrity; every stored file (mails,\n"+
			"workbooks, drafts, issued reports) present and matching its sha256; every submission's\n"+
			"recorded figures read again from its file and compared; every issued report in the\n"+
			"archive matching the hash its issue recorded. Prints each problem, naming the record,\n"+
			"and exits 1 if there is any. Safe while the daemon runs.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("%w: --config FILE is required", errUsage)
	}
	cfg, err := config.LoadOffline(*path)
	if err != nil {
		return err
	}
	// The listings' check: verify never creates a ledger where there is none.
	if l, err := collectedLedger(ctx, cfg); err != nil {
		return err
	} else if err := l.Close(); err != nil {
		return err
	}
	site, err := office.Open(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer site.Close()
	conv, err := xlsConverter(cfg)
	if err != nil {
		return err
	}
	v, err := daemon.VerifyRecords(ctx, site.Office, site.Ledger, conv)
	if err != nil {
		return err
	}
	return printVerification(stdout, v)
}

// printVerification prints one line per problem, then a summary; findings make exit code 1.
func printVerification(w io.Writer, v daemon.Verification) error {
	for _, f := range v.Findings {
		fmt.Fprintln(w, "WRONG", f)
	}
	for _, s := range v.Skipped {
		fmt.Fprintln(w, "skipped", s)
	}
	fmt.Fprintf(w, "%d submissions and %d issued reports checked: %d problems\n", v.Submissions, v.Issues, len(v.Findings))
	if len(v.Findings) > 0 {
		return exitCode(exitFindings)
	}
	return nil
}
