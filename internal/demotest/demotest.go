// Package demotest makes, for a test, the office the demo command leaves behind: a cycle's
// history in a ledger, with its configuration and mail. The command is built without the race
// detector and run as a process, as the README's first command runs it: the tests that use it
// check what it prints and leaves, and under the detector the demo cost eight times the CPU.
// The daemon's own tests run the same stages on the same embedded mail servers under the
// detector.
package demotest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Build builds the tonghop command into dir and returns the binary's path. It runs `go build`,
// which a test finds on its PATH (`go test` puts it there).
func Build(dir string) (string, error) {
	bin := filepath.Join(dir, "tonghop")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/tonghop/tonghop/cmd/tonghop").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// Run runs `bin demo --dir dir` with args after it; env, when not nil, is the command's whole
// environment.
func Run(bin, dir string, env []string, args ...string) error {
	_, err := Output(bin, dir, env, args...)
	return err
}

// Output is Run that returns what the demo printed (its timeline, and its warnings if any).
func Output(bin, dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command(bin, append([]string{"demo", "--dir", dir}, args...)...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("demo: %v\n%s", err, out)
	}
	return string(out), nil
}

// WithoutOffice is the test's environment with an empty PATH: the demo then runs as on a
// machine without LibreOffice and issues its reports without a PDF. The offices the tests read
// are the same on every machine, and no LibreOffice is started (about a second of CPU each) for
// files those tests do not read; package demo's own test checks the PDFs.
func WithoutOffice() []string { return append(os.Environ(), "PATH=") }

// Office builds the command into a temporary directory of t's and runs the demo into dir,
// without LibreOffice (WithoutOffice).
func Office(t testing.TB, dir string, args ...string) {
	t.Helper()
	bin, err := Build(t.TempDir())
	if err == nil {
		err = Run(bin, dir, WithoutOffice(), args...)
	}
	if err != nil {
		t.Fatal(err)
	}
}
