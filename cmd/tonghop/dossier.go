package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/dossier"
	"github.com/tonghop/tonghop/period"
)

func runDossier(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("dossier", "dossier --config FILE --form CODE --period P -o FILE.zip | dossier --verify FILE.zip",
		"Write the whole record of a form's period as a zip for an inspector: every original mail (.eml),\n"+
			"each unit's versions, every draft, the leaders' replies, the mails sent about the period, the\n"+
			"issued report, a printable index.html and a MANIFEST of sha256 sums. With --verify, check a\n"+
			"dossier against its MANIFEST: exit 1 and name each file changed, missing or extra.", stdout)
	path := fs.String("config", "", "configuration `file` (required to write a dossier)")
	code := fs.String("form", "", "the form's `code`, such as BM.02.01/KH (required to write)")
	name := fs.String("period", "", "the `period`, such as 2026-11 or 2026-W47 (required to write)")
	out := fs.String("o", "", "write the dossier to this `file` (required to write)")
	check := fs.String("verify", "", "check this dossier `file` instead of writing one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *check != "" {
		if *path != "" || *code != "" || *name != "" || *out != "" {
			return fmt.Errorf("%w: --verify takes no other flag", errUsage)
		}
		return verifyDossier(*check, stdout)
	}
	if *path == "" || *code == "" || *name == "" || *out == "" {
		return fmt.Errorf("%w: want --config, --form, --period and -o, or --verify", errUsage)
	}
	cfg, err := config.LoadListing(*path)
	if err != nil {
		return err
	}
	f, p, err := formPeriod(cfg, *path, *code, *name)
	if err != nil {
		return err
	}
	l, err := collectedLedger(ctx, cfg)
	if err != nil {
		return err
	}
	defer l.Close()
	names := dossierNames(cfg, f, p)
	if err := writeAtomic(*out, func(w io.Writer) error {
		return dossier.Build(ctx, l, f.Code, p.String(), names, w)
	}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dossier of %s %s written to %s\n", f.Code, p, *out)
	return nil
}

func dossierNames(cfg *config.Config, f *config.Form, p period.Period) dossier.Names {
	n := dossier.Names{FormTitle: f.Title, PeriodLabel: p.Label(), Units: map[string]string{}, People: map[string]string{}, Location: cfg.Location, At: time.Now()}
	for _, u := range cfg.Units {
		n.Units[u.Code] = u.Name
	}
	for _, p := range cfg.People {
		n.People[p.ID] = p.Name
	}
	return n
}

// verifyDossier prints what differs from the manifest and exits 1 if anything does.
func verifyDossier(path string, stdout io.Writer) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return err
	}
	problems, err := dossier.Verify(fh, info.Size())
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stdout, "%s: %d file(s) differ from its manifest\n", path, len(problems))
		return exitCode(1)
	}
	fmt.Fprintf(stdout, "%s: every file matches its manifest\n", path)
	return nil
}

// writeAtomic writes path through a temporary file beside it, renamed into place once complete:
// an interrupted run never leaves half a dossier under the name asked for.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".dossier-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o640); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	return nil
}
