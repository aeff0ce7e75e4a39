package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
)

// A backup directory holds MANIFEST, one "sha256  path" line a file in the format of
// sha256sum, so that `sha256sum -c MANIFEST` checks it with no tonghop at hand. The manifest is
// written last: a directory without one is an interrupted backup, never restored.
const manifestFile = "MANIFEST"

// manifest maps a slash-separated path inside the backup to the sha256 of its content.
type manifest map[string]string

// marshal renders the manifest sorted by path.
func (m manifest) marshal() []byte {
	var b bytes.Buffer
	for _, p := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, "%s  %s\n", m[p], p)
	}
	return b.Bytes()
}

// parseManifest reads a manifest, refusing a line that is not "<64 hex>  <local path>" or a path
// listed twice: the paths come from a directory that may have been carried on a USB stick.
func parseManifest(data []byte) (manifest, error) {
	m := manifest{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		switch {
		case !ok || !validSum(sum):
			return nil, fmt.Errorf("%s line %d: want \"sha256  path\"", manifestFile, n)
		case !filepath.IsLocal(name) || path.Clean(name) != name || name == manifestFile:
			return nil, fmt.Errorf("%s line %d: path %q is not inside the backup", manifestFile, n, name)
		case m[name] != "":
			return nil, fmt.Errorf("%s line %d: %s listed twice", manifestFile, n, name)
		}
		m[name] = sum
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", manifestFile, err)
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s lists no file", manifestFile)
	}
	return m, nil
}

func validSum(s string) bool {
	if len(s) != sha256.Size*2 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// checkManifest compares the files under root with the manifest and names every one missing,
// changed or not listed.
func checkManifest(root *os.Root, m manifest) error {
	var problems []error
	for _, name := range slices.Sorted(maps.Keys(m)) {
		got, err := fileSum(root, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, fmt.Errorf("%s: missing", name))
		case err != nil:
			problems = append(problems, fmt.Errorf("%s: %w", name, err))
		case got != m[name]:
			problems = append(problems, fmt.Errorf("%s: content changed (sha256 %s, manifest %s)", name, got, m[name]))
		}
	}
	err := fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || name == manifestFile {
			return nil
		}
		if _, ok := m[name]; !ok {
			problems = append(problems, fmt.Errorf("%s: not in the manifest", name))
		}
		return nil
	})
	if err != nil {
		problems = append(problems, err)
	}
	return errors.Join(problems...)
}

// fileSum is the sha256 of a regular file inside root.
func fileSum(root *os.Root, name string) (string, error) {
	info, err := root.Lstat(filepath.FromSlash(name))
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() {
		return "", errors.New("not a regular file")
	}
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// copyInRoot copies src (inside from) to dst (inside to), creating dst's folders (dirPerm) and the
// file (perm, never over an existing one), synced, and returns the sha256 of what it copied.
func copyInRoot(from *os.Root, src string, to *os.Root, dst string, perm, dirPerm fs.FileMode) (string, int64, error) {
	in, err := from.Open(filepath.FromSlash(src))
	if err != nil {
		return "", 0, err
	}
	defer in.Close()
	return writeNew(to, dst, in, perm, dirPerm)
}

// writeNew writes r to a new file name inside root and returns its sha256 and size.
func writeNew(root *os.Root, name string, r io.Reader, perm, dirPerm fs.FileMode) (string, int64, error) {
	name = filepath.FromSlash(name)
	if err := root.MkdirAll(filepath.Dir(name), dirPerm); err != nil {
		return "", 0, err
	}
	out, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return "", 0, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), r)
	if err = errors.Join(err, out.Sync(), out.Close()); err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
