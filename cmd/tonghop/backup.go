package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
)

// Layout of a backup directory.
const (
	backupData   = "data"        // the data directory: ledger.db (a snapshot), blobs/, archive/, template.key
	backupConfig = "config"      // the configuration file, under its own name
	backupKeys   = "keys"        // template key files the configuration names outside the data directory
	backupInfo   = "backup.json" // what was backed up, when, by which tonghop
)

// backupInfoDoc is backup.json.
type backupInfoDoc struct {
	Created time.Time `json:"created"`
	Version string    `json:"tonghop_version"`
	Schema  int       `json:"ledger_schema"`
	Config  string    `json:"config"`
	DataDir string    `json:"data_dir"`
	Files   int       `json:"files"`
	Bytes   int64     `json:"bytes"`
}

func runBackup(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("backup", "backup --config FILE --to DIR",
		"Copy the office's records to DIR while the daemon runs: a consistent snapshot of the ledger\n"+
			"(SQLite's VACUUM INTO), the blobs, the archive, the template key and the configuration, with a\n"+
			"MANIFEST of sha256 sums (sha256sum -c MANIFEST checks it). DIR must be new or empty.\n"+
			"Passwords kept outside the configuration (environment, credential files) are not copied.", stdout)
	cfgPath := fs.String("config", "", "configuration `file` (required)")
	to := fs.String("to", "", "new or empty `directory` to write the backup to (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgPath == "" || *to == "" {
		return fmt.Errorf("%w: --config FILE and --to DIR are required", errUsage)
	}
	cfg, err := config.LoadListing(*cfgPath)
	if err != nil {
		return err
	}
	info, err := backup(ctx, cfg, *cfgPath, *to)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup of %s in %s: ledger schema %d, %d files, %.1f MB\n",
		cfg.DataDir, *to, info.Schema, info.Files, float64(info.Bytes)/1e6)
	return nil
}

// backup writes the backup of cfg's data directory to dir. The ledger is copied first and the
// files after it: blobs are written before the rows that name them, so every blob the snapshot
// refers to is already there when the tree is walked.
func backup(ctx context.Context, cfg *config.Config, cfgPath, dir string) (*backupInfoDoc, error) {
	inside, err := within(cfg.DataDir, dir)
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	if inside {
		// A backup inside the tree it copies would copy itself as it grows.
		return nil, fmt.Errorf("backup: %s is inside the data directory %s", dir, cfg.DataDir)
	}
	if err := emptyDir(dir, 0o700); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	to, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer to.Close()
	if err := to.Mkdir(backupData, 0o700); err != nil {
		return nil, err
	}
	info := &backupInfoDoc{Created: time.Now().UTC(), Version: buildVersion(), DataDir: cfg.DataDir, Config: cfgPath}
	if abs, err := filepath.Abs(cfgPath); err == nil {
		info.Config = abs
	}
	dbRel := path.Join(backupData, "ledger.db")
	if info.Schema, err = ledger.Snapshot(ctx, cfg.DataDir, filepath.Join(dir, filepath.FromSlash(dbRel))); err != nil {
		return nil, err
	}
	m := manifest{}
	if m[dbRel], err = fileSum(to, dbRel); err != nil {
		return nil, err
	}
	if err := copyDataDir(ctx, cfg.DataDir, to, m, info); err != nil {
		return nil, err
	}
	if err := copyOutside(cfg, cfgPath, to, m, info); err != nil {
		return nil, err
	}
	doc, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return nil, err
	}
	if m[backupInfo], _, err = writeNew(to, backupInfo, strings.NewReader(string(doc)+"\n"), 0o600, 0o700); err != nil {
		return nil, err
	}
	info.Files = len(m)
	if _, _, err := writeNew(to, manifestFile, strings.NewReader(string(m.marshal())), 0o600, 0o700); err != nil {
		return nil, err
	}
	return info, nil
}

// skipInBackup is what of the data directory a backup leaves out: the live database (the
// snapshot stands for it), lock files and temporary files of writes under way.
func skipInBackup(name string) bool {
	base := path.Base(name)
	switch {
	case name == "ledger.db", strings.HasPrefix(name, "ledger.db-"),
		strings.HasSuffix(base, ".lock"), strings.HasPrefix(base, ".tmp-"):
		return true
	}
	return false
}

// copyDataDir copies every regular file of the data directory but what skipInBackup names into
// data/, checking each blob against the sha256 in its name.
func copyDataDir(ctx context.Context, dataDir string, to *os.Root, m manifest, info *backupInfoDoc) error {
	from, err := os.OpenRoot(dataDir)
	if err != nil {
		return fmt.Errorf("open data directory: %w", err)
	}
	defer from.Close()
	var bad []error
	err = fs.WalkDir(from.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() || skipInBackup(name) {
			return nil
		}
		if !d.Type().IsRegular() {
			bad = append(bad, fmt.Errorf("%s: not a regular file, not copied", name))
			return nil
		}
		dst := path.Join(backupData, name)
		sum, n, err := copyInRoot(from, name, to, dst, 0o600, 0o700)
		if err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
		if strings.HasPrefix(name, "blobs/") && strings.ReplaceAll(strings.TrimPrefix(name, "blobs/"), "/", "") != sum {
			bad = append(bad, fmt.Errorf("blob %s: content hashes to %s", name, sum))
		}
		m[dst] = sum
		info.Bytes += n
		return nil
	})
	if err != nil {
		return err
	}
	// A damaged blob is copied as it is, and named: the backup is still the best copy there is.
	if len(bad) > 0 {
		return fmt.Errorf("data directory: %w", errors.Join(bad...))
	}
	return nil
}

// copyOutside copies the configuration file and the template key files it names outside the
// data directory: without the key, every template in the units' hands is unreadable.
func copyOutside(cfg *config.Config, cfgPath string, to *os.Root, m manifest, info *backupInfoDoc) error {
	files := []struct{ src, dst string }{{cfgPath, path.Join(backupConfig, filepath.Base(cfgPath))}}
	if f := cfg.Office.TemplateKeyFile; f != "" {
		files = append(files, struct{ src, dst string }{f, path.Join(backupKeys, "template_key_file")})
	}
	if f := cfg.Office.PreviousTemplateKeysFile; f != "" {
		files = append(files, struct{ src, dst string }{f, path.Join(backupKeys, "previous_template_keys_file")})
	}
	for _, f := range files {
		in, err := os.Open(f.src)
		if err != nil {
			return fmt.Errorf("back up %s: %w", f.src, err)
		}
		sum, n, err := writeNew(to, f.dst, in, 0o600, 0o700)
		in.Close()
		if err != nil {
			return fmt.Errorf("back up %s: %w", f.src, err)
		}
		m[f.dst] = sum
		info.Bytes += n
	}
	return nil
}

// emptyDir makes sure dir exists (created with perm) and holds nothing.
func emptyDir(dir string, perm fs.FileMode) error {
	if err := os.MkdirAll(dir, perm); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}

// within reports whether path is dir or lies under it, comparing absolute, cleaned paths.
func within(dir, path string) (bool, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return false, err
	}
	p, err := filepath.Abs(path)
	if err != nil {
		return false, err
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && filepath.IsLocal(rel), nil
}
