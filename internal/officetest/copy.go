package officetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// CopyTree copies the tree under from into to, keeping the modes of files and directories (a
// ledger's data directory is 0750, its database 0600). Anything but a file or a directory fails
// the test: the trees copied are data directories and the demo's, which hold neither.
func CopyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			if err := os.MkdirAll(dst, info.Mode().Perm()); err != nil {
				return err
			}
			return os.Chmod(dst, info.Mode().Perm())
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, data, info.Mode().Perm())
		default:
			t.Fatalf("copy %s: not a file or a directory", path)
			return nil
		}
	})
	if err != nil {
		t.Fatalf("copy %s: %v", from, err)
	}
}
