package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

func runRestore(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("restore", "restore --config FILE --from DIR",
		"Put a backup made by 'tonghop backup' into the data directory FILE names, which must be new or\n"+
			"empty. Every file is checked against the backup's MANIFEST first; a missing, changed or extra\n"+
			"file stops the restore before anything is written. The ledger is then opened, which brings its\n"+
			"schema up to this binary's. The configuration and key files kept outside the data directory are\n"+
			"not put back: the command says where they are in the backup.", stdout)
	cfgPath := fs.String("config", "", "configuration `file` naming the data directory to fill (required)")
	from := fs.String("from", "", "backup `directory` written by tonghop backup (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgPath == "" || *from == "" {
		return fmt.Errorf("%w: --config FILE and --from DIR are required", errUsage)
	}
	cfg, err := config.LoadListing(*cfgPath)
	if err != nil {
		return err
	}
	n, err := restore(ctx, cfg, *from)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %d files from %s into %s\n", n, *from, cfg.DataDir)
	outside, err := outsideFiles(*from)
	if err != nil {
		return err
	}
	for _, f := range outside {
		fmt.Fprintf(stdout, "not restored (outside the data directory): %s\n", filepath.Join(*from, filepath.FromSlash(f)))
	}
	return nil
}

// restore checks the backup in dir against its manifest, copies its data/ into cfg's empty data
// directory and opens the ledger there (migrations run). It returns how many files it wrote.
func restore(ctx context.Context, cfg *config.Config, dir string) (int, error) {
	from, err := os.OpenRoot(dir)
	if err != nil {
		return 0, fmt.Errorf("open backup: %w", err)
	}
	defer from.Close()
	raw, err := from.ReadFile(manifestFile)
	if err != nil {
		return 0, fmt.Errorf("backup %s has no %s (an interrupted backup?): %w", dir, manifestFile, err)
	}
	m, err := parseManifest(raw)
	if err != nil {
		return 0, err
	}
	if err := checkManifest(from, m); err != nil {
		return 0, fmt.Errorf("backup %s does not match its manifest, nothing restored:\n%w", dir, err)
	}
	if _, ok := m[path.Join(backupData, "ledger.db")]; !ok {
		return 0, fmt.Errorf("backup %s holds no ledger", dir)
	}
	if err := emptyDir(cfg.DataDir, 0o750); err != nil {
		return 0, fmt.Errorf("restore: refusing to write into the data directory: %w", err)
	}
	to, err := office.OpenDataDir(cfg.DataDir)
	if err != nil {
		return 0, err
	}
	defer to.Close()
	n := 0
	// The ledger goes last: a data directory with a database in it looks complete.
	names := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(names, func(a, b string) int { return boolCmp(isLedgerDB(a), isLedgerDB(b)) })
	for _, name := range names {
		rel, ok := strings.CutPrefix(name, backupData+"/")
		if !ok {
			continue
		}
		if err := ctx.Err(); err != nil {
			return n, err
		}
		sum, _, err := copyInRoot(from, name, to, rel, restoredMode(rel), 0o750)
		if err != nil {
			return n, fmt.Errorf("restore %s: %w", rel, err)
		}
		// The manifest was checked above; a file changed since is caught here.
		if sum != m[name] {
			return n, fmt.Errorf("restore %s: changed while restoring (sha256 %s, manifest %s)", rel, sum, m[name])
		}
		n++
	}
	l, err := ledger.Open(ctx, cfg.DataDir)
	if errors.Is(err, ledger.ErrSchemaTooNew) {
		return n, fmt.Errorf("the backup was made by a newer tonghop: empty %s and restore it with that version: %w", cfg.DataDir, err)
	}
	if err != nil {
		return n, fmt.Errorf("restored files are in %s, but the ledger does not open: %w", cfg.DataDir, err)
	}
	return n, l.Close()
}

func isLedgerDB(name string) bool { return name == path.Join(backupData, "ledger.db") }

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// restoredMode is the mode a restored file gets, as tonghop writes it: blobs read-only, the
// database and the template key private, the archive readable by the clerks' group.
func restoredMode(rel string) fs.FileMode {
	switch {
	case strings.HasPrefix(rel, "blobs/"):
		return 0o440
	case rel == "ledger.db", rel == "template.key":
		return 0o600
	}
	return 0o640
}

// outsideFiles lists the backup's files that restore leaves for the operator to put back.
func outsideFiles(dir string) ([]string, error) {
	var out []string
	for _, sub := range []string{backupConfig, backupKeys} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			out = append(out, path.Join(sub, e.Name()))
		}
	}
	return out, nil
}
