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
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/upstream"
)

// runUpstream lists the upper offices' templates and what became of them, or holds a filled
// file back or lets it go, as a clerk's "Giữ lại"/"Gửi" answer to its copy does (issue 19,
// part 3). The running daemon sends a released file at its next step.
func runUpstream(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("upstream", `upstream --config FILE [--hold|--send --upstream NAME --form CODE --period P]`,
		"List the templates upper offices sent, each with its state: waiting (our report not issued),\n"+
			"ready (filled, goes at the time shown), held, sent or failed. --hold holds a ready file back;\n"+
			"--send lets a ready or held one go at the daemon's next step.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	hold := fs.Bool("hold", false, "hold the filled file back")
	send := fs.Bool("send", false, "send the filled file at the next step")
	name := fs.String("upstream", "", "the upper office's `name`, as [[upstream]] gives it")
	code := fs.String("form", "", "the upper office's form `code`")
	per := fs.String("period", "", "the `period`, such as 2026-11")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || *hold && *send || (*hold || *send) && (*name == "" || *code == "" || *per == "") {
		return fmt.Errorf("%w: want --config FILE, and with --hold or --send: --upstream NAME --form CODE --period P", errUsage)
	}
	cfg, err := config.LoadOffline(*path)
	if err != nil {
		return err
	}
	site, err := office.Open(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer site.Close()
	if !*hold && !*send {
		return listUpstream(ctx, site, stdout)
	}
	st := &upstream.Stage{Office: site.Office, Ledger: site.Ledger, Now: time.Now}
	move, what := st.Release, "will go at the daemon's next step"
	if *hold {
		move, what = st.Hold, "held"
	}
	by := strings.Replace(requestedBy(), "tonghop request", "tonghop upstream", 1)
	if err := move(ctx, *name, *code, *per, by); err != nil {
		if errors.Is(err, ledger.ErrNotFound) || errors.Is(err, upstream.ErrNotMovable) {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s %s %s: %s\n", *name, *code, *per, what)
	return err
}

// listUpstream prints one line per upper office's request.
func listUpstream(ctx context.Context, site *office.Site, stdout io.Writer) error {
	reqs, err := site.Ledger.UpstreamRequests(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "UPSTREAM\tFORM\tPERIOD\tUNIT\tSTATE\tISSUE\tSEND AT\tNOTE")
	loc := site.Office.Location
	for _, r := range reqs {
		at := "-"
		if r.State == ledger.UpstreamReady && !r.SendAfter.IsZero() {
			at = r.SendAfter.In(loc).Format("2006-01-02 15:04")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.Upstream, r.Form, r.Period, r.Unit, r.State, r.Issue, at, r.Note)
	}
	return w.Flush()
}
