package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
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

// slowWorkbook is a work program whose few kilobytes take seconds to read: thousands of cells
// referring to one long shared string, each normalised on its own.
func slowWorkbook(t *testing.T, cfg *config.Config, key []byte) []byte {
	t.Helper()
	f, ok := cfg.Form("BM.04.01/KH")
	if !ok {
		t.Fatal("no BM.04.01/KH")
	}
	of, err := office.Compile(cfg, key)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := period.Parse("2026-W48")
	meta, err := of.TemplateMeta(f, cfg.FormUnits(f)[0], p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var tpl bytes.Buffer
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Nhiệm vụ rà soát ", 1900)
	data := form.Filled{Tables: map[string][]form.Row{}}
	for range 3000 {
		data.Tables["tasks"] = append(data.Tables["tasks"], form.Row{Values: map[string]string{"content": long, "lead": long}})
	}
	out, err := templates.Fill(tpl.Bytes(), f.Form, data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCheck_SIGTERM: tonghop check stops within 2 seconds of SIGTERM while it reads a workbook
// that takes far longer, and says it was interrupted.
func TestCheck_SIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	example, err := os.ReadFile("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "tonghop.toml")
	text := regexp.MustCompile(`(?m)^data_dir = .*$`).ReplaceAllString(string(example), fmt.Sprintf("data_dir = %q", filepath.Join(dir, "data")))
	if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	const key = "sigterm-test-key"
	t.Setenv("TONGHOP_TEMPLATE_KEY", key)
	cfg, err := config.LoadOffline(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "slow.xlsx")
	if err := os.WriteFile(book, slowWorkbook(t, cfg, []byte(key)), 0o600); err != nil {
		t.Fatal(err)
	}
	c := startCommand(t, []string{"TONGHOP_TEMPLATE_KEY=" + key}, "check", "--config", cfgPath, book)
	time.Sleep(time.Second) // well into the reading
	if !c.running() {
		t.Skipf("check read the workbook in under a second, before the signal: it is no longer a slow input (stdout %q)", c.output(&c.stdout))
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
