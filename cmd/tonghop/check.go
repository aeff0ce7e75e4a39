package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/receive"
	"github.com/tonghop/tonghop/templates"
)

// exitCode ends the program with a code and nothing more on stderr: the command has printed
// its answer already.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// Exit codes of check.
const (
	checkValid    = 0
	checkInvalid  = 1
	checkUnusable = 2
)

// checkResult is what check prints with --json.
type checkResult struct {
	File        string         `json:"file"`
	Form        string         `json:"form"`
	FormVersion int            `json:"form_version"`
	Unit        string         `json:"unit"`
	Period      string         `json:"period"`
	Guessed     bool           `json:"guessed"`
	TagOK       bool           `json:"tag_ok"`
	Valid       bool           `json:"valid"`
	Rows        int            `json:"rows"`
	Errors      []form.Problem `json:"errors"`
	Warnings    []form.Problem `json:"warnings"`
	usable      bool
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "check --config FILE [--json] [--unit U] [--at TIME] WORKBOOK.xlsx",
		"Read a filled workbook as the daemon does and print what it is (form, version, unit, period)\n"+
			"and every problem. Exit status: 0 valid, 1 invalid, 2 not a usable workbook.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	unitCode := fs.String("unit", "", "check as if unit `U` had sent the file: its own unit, form and period")
	asOf := fs.String("at", "", "check as if the file arrived at this office `time`, \"YYYY-MM-DD HH:MM\" (default: now)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *path == "" || len(files) != 1 {
		return fmt.Errorf("%w: want --config FILE and one workbook", errUsage)
	}
	cfg, err := config.LoadOffline(*path)
	if err != nil {
		return err
	}
	now, err := statusTime(*asOf, cfg.Location)
	if err != nil {
		return err
	}
	var unit *config.Unit
	if *unitCode != "" {
		u, ok := cfg.Unit(*unitCode)
		if !ok {
			return fmt.Errorf("%w: --unit %q is not a unit of %s", errUsage, *unitCode, *path)
		}
		unit = &u
	}
	res, err := checkWorkbook(ctx, cfg, files[0], unit, now)
	var fileErr *os.PathError
	if errors.As(err, &fileErr) {
		// No file to judge is "not a usable workbook", not "invalid".
		fmt.Fprintf(stderr, "tonghop check: %v\n", err)
		return exitCode(checkUnusable)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		printCheck(stdout, res)
	}
	switch {
	case !res.usable:
		return exitCode(checkUnusable)
	case !res.Valid:
		return exitCode(checkInvalid)
	}
	return nil
}

// checkWorkbook judges file as the daemon judges a workbook mailed without a subject: with
// unit, as if that unit had sent it at now; without, on its own. Nothing is recorded.
func checkWorkbook(ctx context.Context, cfg *config.Config, file string, unit *config.Unit, now time.Time) (*checkResult, error) {
	data, err := readLimited(ctx, file, templates.DefaultMaxFileBytes)
	if err != nil {
		return nil, err
	}
	of, err := compileOffice(cfg, true)
	if err != nil {
		return nil, err
	}
	conv, err := xlsConverter(cfg)
	if err != nil {
		return nil, err
	}
	j := receive.Judge{Office: of, Ledger: receive.NoLedger{}, Events: of.EventTimes(ctx, nil, nil), Converter: conv, Now: func() time.Time { return now }}
	att := intake.Attachment{Name: filepath.Base(file), Data: data, Size: int64(len(data))}
	if receive.IsWordFile(att.Name) && unit == nil {
		return nil, fmt.Errorf("%s: a Word report is read for the unit that sends it: give --unit", file)
	}
	v, err := j.File(ctx, office.Sender{Unit: unit}, att, "")
	if err != nil {
		return nil, err
	}
	id := v.Filled.Ident
	if id.Unit == "" {
		id.Unit = v.Submission.Unit
	}
	return &checkResult{
		File: file, Form: id.Form, FormVersion: id.FormVersion, Unit: id.Unit, Period: id.Period,
		Guessed: id.Guessed, TagOK: id.TagOK, Valid: v.Usable && len(v.Errors) == 0, Rows: v.Filled.RowCount(),
		Errors: nonNil(v.Errors), Warnings: nonNil(v.Warnings), usable: v.Usable,
	}, nil
}

// readLimited reads a file, at most limit+1 bytes: enough for Read to refuse a file too large
// without holding all of it. A file whose data is slow to come (a pipe, a network share) stops
// being read when ctx ends: closing it ends a read that waits.
func readLimited(ctx context.Context, file string, limit int64) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	defer context.AfterFunc(ctx, func() { f.Close() })()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, &os.PathError{Op: "read", Path: file, Err: err} // a directory, an I/O error
	}
	return data, nil
}

func nonNil(ps []form.Problem) []form.Problem {
	if ps == nil {
		return []form.Problem{}
	}
	return ps
}

func printCheck(w io.Writer, r *checkResult) {
	what := "not a usable workbook"
	if r.usable {
		what = fmt.Sprintf("%s v%d, unit %s, period %s", r.Form, r.FormVersion, orUnknown(r.Unit), orUnknown(r.Period))
		if r.Guessed {
			what += " (identification guessed)"
		}
	}
	fmt.Fprintf(w, "%s: %s\n", r.File, what)
	for _, p := range r.Errors {
		fmt.Fprintf(w, "  error    %s%s\n", where(p), p.Message)
	}
	for _, p := range r.Warnings {
		fmt.Fprintf(w, "  warning  %s%s\n", where(p), p.Message)
	}
	verdict := "valid"
	switch {
	case !r.usable:
		verdict = "unusable"
	case !r.Valid:
		verdict = "invalid"
	}
	fmt.Fprintf(w, "%s: %d rows, %d errors, %d warnings\n", verdict, r.Rows, len(r.Errors), len(r.Warnings))
}

func where(p form.Problem) string {
	switch {
	case p.Sheet != "" && p.Cell != "":
		return fmt.Sprintf("[%s!%s] ", p.Sheet, p.Cell)
	case p.Sheet != "":
		return fmt.Sprintf("[%s] ", p.Sheet)
	}
	return ""
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}
