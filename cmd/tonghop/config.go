package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/office"
)

func runConfig(_ context.Context, args []string, stdout, _ io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stdout, "Usage: tonghop config check --config FILE\n\nCheck a configuration file: every problem is printed with its key path.")
		if len(args) == 0 {
			return fmt.Errorf("%w: missing subcommand: check", errUsage)
		}
		return nil
	}
	if args[0] != "check" {
		return fmt.Errorf("%w: unknown subcommand %q: want check", errUsage, args[0])
	}
	fs := newFlags("config check", "config check --config FILE",
		"Check a configuration file without starting anything: every problem is printed with its key path.\n"+
			"Warnings (a secret others can read, mail in clear text to another machine) do not fail the check.", stdout)
	path := fs.String("config", "", "configuration `file` to check (required)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("%w: --config FILE is required", errUsage)
	}
	c, err := config.Load(*path)
	if err != nil {
		return err
	}
	of, err := office.Compile(c, nil)
	if err != nil {
		return err
	}
	// Run the plans: a period whose deadline cannot be placed would stop its form's reminders.
	if err := of.CheckSchedules(time.Now()); err != nil {
		return err
	}
	for _, e := range office.Exposures(c, office.FileModes(c)) {
		fmt.Fprintf(stdout, "%s: warning: %s\n", *path, e)
	}
	fmt.Fprintf(stdout, "%s: OK — %s, %d units, %d people, %d forms, data in %s\n",
		*path, c.Office.Name, len(c.Units), len(c.People), len(c.Forms), c.DataDir)
	return nil
}
