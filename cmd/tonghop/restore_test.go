package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// smallOffice makes a data directory as a daemon leaves it: a ledger with one blob, the
// template key the office keeps itself and a file in the archive. It returns the configuration's
// path and the blob's sha256.
func smallOffice(t *testing.T) (cfgPath, blob string) {
	t.Helper()
	_, cfgPath = officetest.OfficeWith(t, testKey, officetest.Options{})
	cfg, err := config.LoadListing(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	if blob, err = l.PutBlob([]byte("a raw mail")); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	cfg.Office.TemplateKey = "" // the key in data_dir/template.key, which a plain backup used to forget
	if _, err := office.LoadTemplateKey(cfg); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(cfg.DataDir, "archive", "BM"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg.DataDir, "archive", "BM", "tong-hop.xlsx"), []byte("report"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg.DataDir, "tonghop.lock"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return cfgPath, blob
}

// runCmd runs one command line and returns its exit code, stdout and stderr.
func runCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBackup_Contents(t *testing.T) {
	t.Parallel()
	cfgPath, blob := smallOffice(t)
	dir := filepath.Join(t.TempDir(), "backup")
	if code, _, stderr := runCmd("backup", "--config", cfgPath, "--to", dir); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		t.Fatal(err)
	}
	m, err := parseManifest(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"data/ledger.db", "data/blobs/" + blob[:2] + "/" + blob[2:], "data/template.key",
		"data/archive/BM/tong-hop.xlsx", "config/tonghop.toml", backupInfo} {
		if _, ok := m[want]; !ok {
			t.Errorf("manifest lacks %s", want)
		}
	}
	for name := range m {
		if strings.Contains(name, "ledger.db-") || strings.HasSuffix(name, ".lock") {
			t.Errorf("manifest lists %s, which a backup leaves out", name)
		}
	}
	if sum, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sum, "--quiet", "-c", manifestFile)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c MANIFEST: %v\n%s", err, out)
		}
	}
	code, _, stderr := runCmd("backup", "--config", cfgPath, "--to", dir)
	if code != 1 || !strings.Contains(stderr, "not empty") {
		t.Errorf("backup into a used directory: exit %d, %q; want 1 and \"not empty\"", code, stderr)
	}
	cfg, err := config.LoadListing(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd("backup", "--config", cfgPath, "--to", filepath.Join(cfg.DataDir, "backup"))
	if code != 1 || !strings.Contains(stderr, "inside the data directory") {
		t.Errorf("backup into the data directory: exit %d, %q; want 1 and \"inside the data directory\"", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(cfg.DataDir, "backup")); err == nil {
		t.Error("a refused backup created its directory inside the data directory")
	}
}

func TestRestore(t *testing.T) {
	t.Parallel()
	cfgPath, blob := smallOffice(t)
	dir := filepath.Join(t.TempDir(), "backup")
	if code, _, stderr := runCmd("backup", "--config", cfgPath, "--to", dir); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	cfg := restoreInto(t, cfgPath, dir)
	orig, err := config.LoadListing(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		rel  string
		mode os.FileMode
	}{
		{"template.key", 0o600},
		{filepath.Join("blobs", blob[:2], blob[2:]), 0o440},
		{filepath.Join("archive", "BM", "tong-hop.xlsx"), 0o640},
		{"ledger.db", 0o600},
	} {
		got, err := os.ReadFile(filepath.Join(cfg.DataDir, f.rel))
		if err != nil {
			t.Errorf("restored %s: %v", f.rel, err)
			continue
		}
		if f.rel != "ledger.db" {
			want, _ := os.ReadFile(filepath.Join(orig.DataDir, f.rel))
			if !bytes.Equal(got, want) {
				t.Errorf("restored %s: got %q, want %q", f.rel, got, want)
			}
		}
		if info, _ := os.Stat(filepath.Join(cfg.DataDir, f.rel)); info.Mode().Perm() != f.mode {
			t.Errorf("restored %s: mode %v, want %v", f.rel, info.Mode().Perm(), f.mode)
		}
	}
	if _, err := os.Stat(filepath.Join(cfg.DataDir, "tonghop.lock")); err == nil {
		t.Error("the lock file was restored")
	}
}

// TestRestore_Refuses checks that a damaged or incomplete backup, or a data directory in use,
// stops the restore before it writes anything, naming what is wrong.
func TestRestore_Refuses(t *testing.T) {
	t.Parallel()
	cfgPath, blob := smallOffice(t)
	good := filepath.Join(t.TempDir(), "backup")
	if code, _, stderr := runCmd("backup", "--config", cfgPath, "--to", good); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	blobRel := filepath.Join("data", "blobs", blob[:2], blob[2:])
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   string
	}{
		{"ChangedBlob", func(t *testing.T, dir string) {
			p := filepath.Join(dir, blobRel)
			if err := os.Chmod(p, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("a raw mail, changed"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, filepath.ToSlash(blobRel) + ": content changed"},
		{"MissingKey", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "data", "template.key")); err != nil {
				t.Fatal(err)
			}
		}, "data/template.key: missing"},
		{"ExtraFile", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "data", "extra.db"), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "data/extra.db: not in the manifest"},
		{"NoManifest", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, manifestFile)); err != nil {
				t.Fatal(err)
			}
		}, "has no MANIFEST"},
		{"PathOutside", func(t *testing.T, dir string) {
			f, err := os.OpenFile(filepath.Join(dir, manifestFile), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString(strings.Repeat("0", 64) + "  ../etc/passwd\n"); err != nil {
				t.Fatal(err)
			}
		}, "is not inside the backup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "backup")
			if err := os.CopyFS(dir, os.DirFS(good)); err != nil {
				t.Fatal(err)
			}
			tt.damage(t, dir)
			target := filepath.Join(t.TempDir(), "tonghop.toml")
			text, _ := os.ReadFile(cfgPath)
			if err := os.WriteFile(target, text, 0o600); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runCmd("restore", "--config", target, "--from", dir)
			if code != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("restore: exit %d, %q; want 1 and %q", code, stderr, tt.want)
			}
			if entries, _ := os.ReadDir(filepath.Join(filepath.Dir(target), "data")); len(entries) > 0 {
				t.Errorf("a refused restore wrote %d entries into the data directory", len(entries))
			}
		})
	}
	t.Run("DataDirInUse", func(t *testing.T) {
		code, _, stderr := runCmd("restore", "--config", cfgPath, "--from", good)
		if code != 1 || !strings.Contains(stderr, "not empty") {
			t.Errorf("restore over a data directory in use: exit %d, %q; want 1 and \"not empty\"", code, stderr)
		}
	})
}

// TestBackup_KeyFiles: a template key kept in a file the configuration names, outside the data
// directory, is in the backup, and restore says where.
func TestBackup_KeyFiles(t *testing.T) {
	t.Parallel()
	cfgPath, _ := smallOffice(t)
	text, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	keyed := strings.Replace(string(text), "template_key = \""+testKey+"\"", "template_key_file = \"secret/template.key\"", 1)
	if keyed == string(text) {
		t.Fatal("the test configuration has no template_key line to replace")
	}
	base := filepath.Dir(cfgPath)
	if err := os.MkdirAll(filepath.Join(base, "secret"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(base, "secret", "template.key"), []byte("kept-outside\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfgPath, []byte(keyed), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "backup")
	if code, _, stderr := runCmd("backup", "--config", cfgPath, "--to", dir); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "keys", "template_key_file"))
	if err != nil || string(got) != "kept-outside\n" {
		t.Fatalf("backed-up key file: %q, %v; want the key", got, err)
	}
	target := filepath.Join(t.TempDir(), "tonghop.toml")
	if err := os.WriteFile(target, []byte(keyed), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd("restore", "--config", target, "--from", dir)
	if code != 0 {
		t.Fatalf("restore: exit %d: %s", code, stderr)
	}
	if want := filepath.Join(dir, "keys", "template_key_file"); !strings.Contains(stdout, want) {
		t.Errorf("restore does not name %s:\n%s", want, stdout)
	}
}
