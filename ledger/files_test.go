package ledger

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func assertMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("mode of %s: got %o, want %o", filepath.Base(path), got, want)
	}
}

// TestOpen_Modes: whatever the umask, the database and its -wal and -shm files are 0600 and the
// directory and the blob folders 0750 at most; a database left readable by an older tonghop
// is made private, and a data directory open to others is closed.
func TestOpen_Modes(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	for _, tt := range []struct {
		name    string
		prepare func(t *testing.T, dir string)
	}{
		{"Fresh", func(*testing.T, string) {}},
		{"OpenToOthers", func(t *testing.T, dir string) {
			if err := os.MkdirAll(dir, 0o777); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "ledger.db"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			// Not empty: SQLite itself matches only an empty -shm to the database's mode.
			if err := os.WriteFile(filepath.Join(dir, "ledger.db-shm"), make([]byte, 32<<10), 0o666); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			tt.prepare(t, dir)
			l, err := Open(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			sha, err := l.PutBlob([]byte("mail"))
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"ledger.db", "ledger.db-wal", "ledger.db-shm", "ledger.open.lock"} {
				assertMode(t, filepath.Join(dir, name), 0o600)
			}
			assertMode(t, dir, 0o750)
			assertMode(t, filepath.Join(dir, "blobs"), 0o750)
			assertMode(t, filepath.Dir(l.BlobPath(sha)), 0o750)
			assertMode(t, l.BlobPath(sha), 0o440)
		})
	}
}

// TestBlob_StaysInside: a blob folder replaced by a link out of the ledger directory is
// neither written through nor read from.
func TestBlob_StaysInside(t *testing.T) {
	l := openTest(t)
	outside := t.TempDir()
	sha := sha256Hex("planted")
	if err := os.WriteFile(filepath.Join(outside, sha[2:]), []byte("planted"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(l.Dir(), "blobs", sha[:2])); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Blob(sha); err == nil {
		t.Error("Blob through a link out of the ledger: got no error")
	}
	if l.hasBlob(sha) {
		t.Error("hasBlob through a link out of the ledger: got true")
	}
	if err := os.Remove(filepath.Join(outside, sha[2:])); err != nil {
		t.Fatal(err)
	}
	if _, err := l.PutBlob([]byte("planted")); err == nil {
		t.Error("PutBlob through a link out of the ledger: got no error")
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("written outside the ledger: %v", entries)
	}
}

// TestOpen_DatabaseLinkRefused: a ledger.db that is a link out of the directory is not opened.
func TestOpen_DatabaseLinkRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(t.TempDir(), "elsewhere.db"), filepath.Join(dir, "ledger.db")); err != nil {
		t.Fatal(err)
	}
	if l, err := Open(context.Background(), dir); err == nil {
		l.Close()
		t.Error("Open: got no error, want the link refused")
	}
}
