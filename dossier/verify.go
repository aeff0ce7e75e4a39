package dossier

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Budgets of Verify, which reads a file from outside: a dossier of one period holds some
// hundreds of files of some MB each.
const (
	maxEntries       = 100_000
	maxTotalBytes    = 16 << 30
	maxManifestBytes = 16 << 20
)

// ErrNotDossier is returned (wrapped) when the file is not a zip with a MANIFEST.
var ErrNotDossier = errors.New("not a dossier")

// Problem is one way a dossier differs from its manifest.
type Problem struct {
	Name string
	What string // "changed", "missing" (listed, not in the zip), "extra" (in the zip, not listed), "listed twice"
}

func (p Problem) String() string { return p.What + ": " + p.Name }

// Verify checks every file of the dossier in r against its MANIFEST and returns what differs;
// none when the dossier is intact.
func Verify(r io.ReaderAt, size int64) ([]Problem, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDossier, err)
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("%w: %d files, more than %d", ErrNotDossier, len(zr.File), maxEntries)
	}
	files := map[string]*zip.File{}
	var problems []Problem
	var total uint64
	for _, f := range zr.File {
		if files[f.Name] != nil {
			problems = append(problems, Problem{f.Name, "listed twice"})
		}
		files[f.Name] = f
		total += f.UncompressedSize64
	}
	if total > maxTotalBytes {
		return nil, fmt.Errorf("%w: %d bytes uncompressed, more than %d", ErrNotDossier, total, uint64(maxTotalBytes))
	}
	mf := files[ManifestName]
	if mf == nil {
		return nil, fmt.Errorf("%w: no %s", ErrNotDossier, ManifestName)
	}
	want, err := readManifest(mf)
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == ManifestName {
			continue
		}
		sum, listed := want.sums[f.Name]
		if !listed {
			problems = append(problems, Problem{f.Name, "extra"})
			continue
		}
		got, err := fileSum(f)
		if err != nil || got != sum {
			problems = append(problems, Problem{f.Name, "changed"})
		}
	}
	for _, name := range want.order {
		if files[name] == nil {
			problems = append(problems, Problem{name, "missing"})
		}
	}
	return append(problems, want.twice...), nil
}

// manifest maps each listed name to its sum, in the order listed.
type manifest struct {
	sums  map[string]string
	order []string
	twice []Problem
}

func readManifest(f *zip.File) (*manifest, error) {
	if f.UncompressedSize64 > maxManifestBytes {
		return nil, fmt.Errorf("%w: %s too large", ErrNotDossier, ManifestName)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotDossier, ManifestName, err)
	}
	defer rc.Close()
	m := &manifest{sums: map[string]string{}}
	sc := bufio.NewScanner(io.LimitReader(rc, maxManifestBytes))
	for n := 1; sc.Scan(); n++ {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != sha256.Size*2 || name == "" {
			return nil, fmt.Errorf("%w: %s line %d is not \"sha256  name\"", ErrNotDossier, ManifestName, n)
		}
		if _, dup := m.sums[name]; dup {
			m.twice = append(m.twice, Problem{name, "listed twice"})
			continue
		}
		m.sums[name] = sum
		m.order = append(m.order, name)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotDossier, ManifestName, err)
	}
	return m, nil
}

func fileSum(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	h := sha256.New()
	// The zip reader fails a file that inflates past its declared size, which the total budget
	// bounded.
	if _, err := io.Copy(h, rc); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
