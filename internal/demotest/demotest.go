// Package demotest makes, for a test, the office the demo command leaves behind: a cycle's
// history in a ledger, with its configuration and mail. The command is built without the race
// detector and run as a process, as the README's first command runs it: the tests that use it
// check what it prints and leaves, and under the detector the demo cost eight times the CPU.
// The daemon's own tests run the same stages on the same embedded mail servers under the
// detector.
package demotest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Build returns the path of the tonghop command, built without the race detector. It asks
// `go run -exec echo` for it (a test finds go on its PATH: `go test` puts it there): go run
// keeps the executables it links in Go's build cache, so the command is linked once for every
// package's tests and every run after, where `go build -o` into each test's directory linked it
// again each time (3 s of CPU). The first run after a change links into a temporary directory,
// removed when go run ends, and caches the command then: the second finds it in the cache.
func Build() (string, error) {
	for range 2 {
		bin, err := goRunPath()
		if err != nil {
			return "", err
		}
		if _, err := os.Stat(bin); err == nil {
			return bin, nil
		}
	}
	return "", errors.New("go run kept no executable of the command in the build cache")
}

// goRunPath is the path `go run -exec echo` gives the command.
func goRunPath() (string, error) {
	cmd := exec.Command("go", "run", "-exec", "echo", "github.com/tonghop/tonghop/cmd/tonghop")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go run: %v\n%s", err, stderr.Bytes())
	}
	bin := strings.TrimSpace(string(out))
	if !filepath.IsAbs(bin) {
		return "", fmt.Errorf("go run -exec echo printed %q, not the command's path", bin)
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

// Office runs the demo into dir with the command Build returns, without LibreOffice
// (WithoutOffice).
func Office(t testing.TB, dir string, args ...string) {
	t.Helper()
	bin, err := Build()
	if err == nil {
		err = Run(bin, dir, WithoutOffice(), args...)
	}
	if err != nil {
		t.Fatal(err)
	}
}
