// Package sofficetest finds LibreOffice for the tests that re-open workbooks with it.
package sofficetest

import (
	"os"
	"os/exec"
	"testing"
)

// RequireOffice names the environment variable that makes LibreOffice tests fail, instead of
// skipping, when LibreOffice is missing (CI sets it).
const RequireOffice = "TONGHOP_REQUIRE_OFFICE"

// Binary returns the LibreOffice binary. Without it, or with -short (conversions are slow),
// the test is skipped, unless TONGHOP_REQUIRE_OFFICE=1 demands it.
func Binary(t testing.TB) string {
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
