// Command tonghop runs the periodic work-plan and reporting cycle of an office over email and
// Excel: see README.md. This file owns the command line: flags, signals and exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// errUsage marks a command-line mistake: one line on stderr and exit code 2.
var errUsage = errors.New("usage")

// exitInterrupted is the exit code of a command stopped by SIGINT or SIGTERM before it was done
// (the daemon's clean shutdown is a success, 0).
const exitInterrupted = 130

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"demo", "run a whole reporting cycle on embedded mail servers and print its timeline", runDemo},
		{"run", "run the daemon: read the mailbox, send templates, receipts and reminders", runDaemon},
		{"template", "write the workbook a unit fills for a form and period", runTemplate},
		{"check", "read and validate a filled workbook as the daemon does", runCheck},
		{"import", "record figures of past periods: units' past workbooks or an opening-figures workbook", runImport},
		{"ingest", "take in saved messages (.eml) exactly as the daemon takes in mail", runIngest},
		{"calendar", "print the days off of a year (public holidays, compensatory days)", runCalendar},
		{"request", "ask units for a one-off report by a date", runRequest},
		{"upstream", "list upper offices' templates and hold back or send the filled files", runUpstream},
		{"deadlines", "print every period's deadline of a form in a year, and what placed it", runDeadlines},
		{"status", "print who sent what, on time or late, and the reporting rates", runStatus},
		{"serve", "serve the Planning Office's board from the ledger, without mail", runServe},
		{"user", "add, list or remove the board's accounts (user add|list|remove)", runUser},
		{"consolidate", "build the consolidated workbook of a form and period from the ledger", runConsolidate},
		{"decide", "read a leader's reply (.eml) as an approval decision and print it as JSON", runDecide},
		{"verify", "prove the records intact: database, stored files, figures, issued reports", runVerify},
		{"config", "check a configuration file (config check --config FILE)", runConfig},
		{"dossier", "write a period's whole record as a zip for an inspector, or verify one", runDossier},
		{"purge", "remove the records of periods past their retention (--dry-run lists them)", runPurge},
		{"backup", "copy the ledger, blobs, archive, template key and config to a directory, with a manifest", runBackup},
		{"restore", "put a backup into an empty data directory, after checking its manifest", runRestore},
		{"version", "print the version, source revision and Go version of this binary (also --version)", runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// A second signal while draining forces the exit.
		<-ctx.Done()
		stop()
	}()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = append([]string{"version"}, args[1:]...)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var code exitCode
		switch {
		case ctx.Err() != nil && errors.Is(err, context.Canceled):
			fmt.Fprintf(stderr, "tonghop %s: interrupted\n", c.name)
			return exitInterrupted
		case errors.As(err, &code):
			return int(code)
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "tonghop %s: %s (see 'tonghop %s --help')\n", c.name, strings.TrimPrefix(err.Error(), "usage: "), c.name)
			return 2
		default:
			fmt.Fprintf(stderr, "tonghop %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "tonghop: unknown command %q (see 'tonghop --help')\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tonghop consolidates the periodic work plans and reports of an office's units over email and Excel.")
	fmt.Fprintln(w, "\nUsage: tonghop <command> [flags]\n\nCommands:")
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'tonghop <command> --help' for the flags of a command.")
}

// newFlags returns a flag set that reports mistakes as errUsage instead of printing usage.
func newFlags(name, synopsis, about string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(stdout, "Usage: tonghop %s\n\n%s\n", synopsis, about)
		printFlags(stdout, fs)
	}
	return fs
}

// parseFlags parses args, printing help on -h and wrapping mistakes in errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := quietParse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return err
	}
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return nil
}

// parseInterspersed parses flags placed before and after positional arguments
// ("check FILE --json"), returning the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		err := quietParse(fs, args)
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage()
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// quietParse parses without the flag package's own call to Usage, which it makes on every
// mistake: help goes to stdout only when asked for, and a mistyped flag is one line on stderr
// ("status --tsv > file" must not fill the file with help).
func quietParse(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	return fs.Parse(args)
}
