// Package officeapps runs, in tests, the office programs units save their workbooks with:
// LibreOffice to re-open what tonghop writes, Gnumeric to save an old .xls.
package officeapps

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequireOffice names the environment variable that makes LibreOffice tests fail, instead of
// skipping, when LibreOffice is missing (CI sets it).
const RequireOffice = "TONGHOP_REQUIRE_OFFICE"

// Soffice returns the LibreOffice binary. Without it, or with -short (conversions are slow),
// the test is skipped, unless TONGHOP_REQUIRE_OFFICE=1 demands it.
func Soffice(t testing.TB) string {
	t.Helper()
	required := os.Getenv(RequireOffice) == "1"
	if testing.Short() && !required {
		t.Skip("LibreOffice conversion is slow; skipped with -short")
	}
	for _, name := range []string{"/usr/bin/soffice", "soffice", "libreoffice"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if required {
		t.Fatal(RequireOffice + "=1 but LibreOffice (soffice) is not installed")
	}
	t.Skip("LibreOffice is not installed")
	return ""
}

// Ssconvert returns Gnumeric's converter, or skips the test when it is not installed.
func Ssconvert(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("ssconvert")
	if err != nil {
		t.Skip("ssconvert (Debian package gnumeric) not installed")
	}
	return path
}

// SaveAsXLS saves a workbook as Excel 97–2003 with Gnumeric, as an old office computer would.
func SaveAsXLS(t testing.TB, ssconvert string, xlsx []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xls")
	if err := os.WriteFile(in, xlsx, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ssconvert, "--export-type=Gnumeric_Excel:excel_biff8", in, out)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ssconvert: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
