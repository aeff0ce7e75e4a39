package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
)

// stopWithin is how soon after SIGTERM a command must have exited.
const stopWithin = 2 * time.Second

// cliProcess is a running tonghop command other than the daemon.
type cliProcess struct {
	cmd            *exec.Cmd
	stdout, stderr lockedWriter
	done           chan error
}

func startCommand(t *testing.T, env []string, args ...string) *cliProcess {
	t.Helper()
	c := &cliProcess{cmd: exec.Command(binary(t), args...), done: make(chan error, 1)}
	c.stdout.w, c.stderr.w = &bytes.Buffer{}, &bytes.Buffer{}
	c.cmd.Stdout, c.cmd.Stderr = &c.stdout, &c.stderr
	c.cmd.Env = append(os.Environ(), env...)
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.done <- c.cmd.Wait() }()
	t.Cleanup(func() { _ = c.cmd.Process.Kill() })
	return c
}

func (c *cliProcess) output(w *lockedWriter) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.String()
}

// terminate sends SIGTERM and asserts the command exits within stopWithin as interrupted.
func (c *cliProcess) terminate(t *testing.T) {
	t.Helper()
	began := time.Now()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-c.done:
	case <-time.After(stopWithin):
		t.Fatalf("still running %v after SIGTERM; stderr:\n%s", stopWithin, c.output(&c.stderr))
	}
	t.Logf("stopped %v after SIGTERM", time.Since(began).Round(time.Millisecond))
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted || !strings.Contains(c.output(&c.stderr), "interrupted") {
		t.Errorf("exit: got %v, stderr %q; want status %d saying interrupted", err, c.output(&c.stderr), exitInterrupted)
	}
}

// running reports whether the command has not exited yet.
func (c *cliProcess) running() bool {
	select {
	case err := <-c.done:
		c.done <- err
		return false
	default:
		return true
	}
}

// TestCheck_SIGTERM: tonghop check stops within 2 seconds of SIGTERM while it waits for the
// rest of its workbook (a pipe whose writer stalls, as a network share can), and says it was
// interrupted. Reading itself is bounded well under a second (the character budget), so the
// wait for input is where check can take long.
func TestCheck_SIGTERM(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, cfgPath := testOffice(t)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "stalled.xlsx")
	if err := syscall.Mkfifo(book, 0o600); err != nil {
		t.Fatal(err)
	}
	c := startCommand(t, []string{"TONGHOP_TEMPLATE_KEY=" + testKey}, "check", "--config", cfgPath, book)
	w, err := os.OpenFile(book, os.O_WRONLY, 0) // waits for check to open its end
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	wb := officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)
	if _, err := w.Write(wb[:len(wb)/2]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // check is now waiting for the second half
	if !c.running() {
		t.Fatalf("check ended on half a workbook; stdout %q, stderr %q", c.output(&c.stdout), c.output(&c.stderr))
	}
	c.terminate(t)
}

// TestIngest_SIGTERM: tonghop ingest over many messages stops within 2 seconds of SIGTERM,
// leaving the messages it had not reached.
func TestIngest_SIGTERM(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, cfgPath := testOffice(t)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	const messages = 400
	dir := t.TempDir()
	wb := officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)
	args := []string{"ingest", "--config", cfgPath}
	for i := range messages {
		raw := officetest.Mail(officetest.UnitAddr("QLDN"), officetest.OfficeAddr, fmt.Sprintf("m%d@kcn.example", i), "",
			"BM.02.01-KH_2026-11_QLDN.xlsx", wb)
		file := filepath.Join(dir, fmt.Sprintf("%03d.eml", i))
		if err := os.WriteFile(file, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, file)
	}
	c := startCommand(t, nil, args...)
	officetest.WaitFor(t, 30*time.Second, "the first messages taken in", func() bool {
		return strings.Count(c.output(&c.stdout), "\n") >= 5 || !c.running()
	})
	if !c.running() {
		t.Fatalf("ingest of %d messages ended before the signal; stderr:\n%s", messages, c.output(&c.stderr))
	}
	c.terminate(t)
	if n := strings.Count(c.output(&c.stdout), "\n"); n >= messages {
		t.Errorf("messages taken in: got %d, want fewer than %d after the signal", n, messages)
	}
}
