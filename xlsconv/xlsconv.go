// Package xlsconv converts legacy Excel 97-2003 workbooks (.xls, BIFF) to .xlsx by running an
// external converter: Gnumeric's ssconvert (fast, small) or LibreOffice in headless mode.
//
// Pure-Go .xls readers proved unreliable (numbers read as dates, lost text encoding, lost cached
// formula results), so the work is left to a mature program. The input comes from e-mail and is
// hostile, so every conversion
//   - runs in its own private temporary directory, removed afterwards whatever happens;
//   - runs the program directly, never through a shell, with fixed file names (in.xls) so no
//     name chosen by a sender reaches a command line;
//   - gets a minimal environment whose HOME is that directory, so no user configuration or
//     LibreOffice profile (macros, trusted locations) is read; LibreOffice gets a fresh profile;
//   - forces the Excel import filter, so a file that is really HTML, CSV or a Word document is
//     refused instead of being imported by content sniffing;
//   - is bounded: wall-clock Timeout, and through prlimit(1) when installed an address-space
//     limit (MaxMemory), a CPU-time limit, a file-size limit and no core dumps. Without prlimit
//     only the Timeout bounds it. The whole process group is killed at the end, because
//     LibreOffice forks.
//
// Conversions are independent and may run concurrently. Measured on Debian 12 (2 cores) for a
// small workbook: ssconvert 0.15-0.2 s and 29 MB peak RSS (0.55 s, 34 MB for an 822 KB file);
// LibreOffice 4-5 s and 212 MB whatever the file, since every conversion starts a fresh
// instance with a fresh profile. Prefer ssconvert; Find does.
package xlsconv

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ErrNotFound means no converter program is installed (or the given one does not exist).
var ErrNotFound = errors.New("no xls converter installed (install gnumeric or libreoffice-calc)")

// ErrFailed wraps every conversion failure: timeout, crash, error exit, missing or invalid
// output, input or output too large, input that is not an .xls workbook. The caller tells the
// sender the file could not be read; a cancelled ctx is not a failure and does not wrap it.
var ErrFailed = errors.New("xls conversion failed")

// ErrTooLarge comes wrapped together with ErrFailed when the input exceeds MaxInput or the
// output exceeds MaxOutput, so the caller can ask for a smaller file.
var ErrTooLarge = errors.New("workbook too large")

// ErrNotXLS comes wrapped together with ErrFailed when the input does not start like an Excel
// 97-2003 (OLE2 compound file) or older BIFF workbook; no program is run for it.
var ErrNotXLS = errors.New("not an Excel 97-2003 workbook")

// Kinds of converter, as found in Converter.Kind.
const (
	KindSsconvert = "ssconvert"
	KindSoffice   = "soffice"
)

// Defaults applied to zero fields of a Converter.
const (
	DefaultTimeoutSsconvert = 20 * time.Second
	DefaultTimeoutSoffice   = 60 * time.Second
	DefaultMemorySsconvert  = 1 << 30
	DefaultMemorySoffice    = 2 << 30
	DefaultMaxInput         = 20 << 20
	DefaultMaxOutput        = 50 << 20
)

// Converter turns .xls bytes into .xlsx bytes with an external program. Zero limit fields take
// the defaults above; the zero TempDir means os.TempDir().
type Converter struct {
	Path      string        // program, e.g. /usr/bin/ssconvert
	Kind      string        // KindSsconvert or KindSoffice
	Timeout   time.Duration // default 20s for ssconvert, 60s for soffice
	MaxMemory int64         // address-space limit in bytes for the child, default 1 GiB (ssconvert), 2 GiB (soffice)
	MaxInput  int64         // refuse larger input, default 20 MiB
	MaxOutput int64         // refuse larger output, default 50 MiB

	// TempDir is where the per-conversion private directories are made; default os.TempDir().
	TempDir string
	// Log receives one debug record per conversion (duration, peak RSS); nil discards.
	Log *slog.Logger
}

// Find looks for ssconvert, then soffice, then libreoffice in PATH and returns a converter
// with default limits for the first found, or ErrNotFound.
func Find() (*Converter, error) {
	for _, name := range []string{"ssconvert", "soffice", "libreoffice"} {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		if c, err := New(path); err == nil {
			return c, nil
		}
	}
	return nil, ErrNotFound
}

// New returns a converter with default limits for the program at path. The kind comes from the
// program's base name (ssconvert; soffice or libreoffice). It checks that the program exists
// and is executable, and runs nothing.
func New(path string) (*Converter, error) {
	kind, err := kindOf(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("xls converter %q: %w", path, err)
	}
	info, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("xls converter %q: %w", path, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("xls converter %q: %w", path, err)
	}
	if !info.Mode().IsRegular() || info.Mode().Perm()&0o111 == 0 {
		return nil, fmt.Errorf("xls converter %q: not an executable file: %w", path, ErrNotFound)
	}
	return &Converter{Path: abs, Kind: kind}, nil
}

// kindOf names the converter kind from the program's base name.
func kindOf(path string) (string, error) {
	base := filepath.Base(path)
	switch {
	case base == "ssconvert":
		return KindSsconvert, nil
	case base == "soffice", base == "soffice.bin", strings.HasPrefix(base, "libreoffice"):
		return KindSoffice, nil
	}
	return "", fmt.Errorf("xls converter %q: unknown program, want ssconvert, soffice or libreoffice", path)
}

// String names the converter for logs, e.g. "ssconvert (/usr/bin/ssconvert)".
func (c *Converter) String() string {
	return fmt.Sprintf("%s (%s)", c.Kind, c.Path)
}

// limits are the effective bounds of one conversion.
type limits struct {
	timeout   time.Duration
	maxMemory int64
	maxInput  int64
	maxOutput int64
}

// limits fills zero fields with the defaults of the converter's kind.
func (c *Converter) limits() limits {
	l := limits{timeout: c.Timeout, maxMemory: c.MaxMemory, maxInput: c.MaxInput, maxOutput: c.MaxOutput}
	timeout, memory := DefaultTimeoutSsconvert, int64(DefaultMemorySsconvert)
	if c.Kind == KindSoffice {
		timeout, memory = DefaultTimeoutSoffice, DefaultMemorySoffice
	}
	if l.timeout <= 0 {
		l.timeout = timeout
	}
	if l.maxMemory <= 0 {
		l.maxMemory = memory
	}
	if l.maxInput <= 0 {
		l.maxInput = DefaultMaxInput
	}
	if l.maxOutput <= 0 {
		l.maxOutput = DefaultMaxOutput
	}
	return l
}
