package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/mail"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/demotest"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
)

// These tests run the real binary as a separate process, so that it can be stopped by a signal
// or killed outright, as an operator or the OOM killer would.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary is the tonghop command without the race detector (demotest.Build), asked for once.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() { binPath, buildErr = demotest.Build() })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

const testKey = "process-test-key"

// testOffice starts mail servers and writes a configuration for them into a temporary directory.
func testOffice(t *testing.T) (*localmail.Server, string) {
	t.Helper()
	return officetest.Office(t, testKey)
}

// daemonProcess is a running `tonghop run`.
type daemonProcess struct {
	cmd    *exec.Cmd
	stderr *bytes.Buffer
	done   chan error
}

func startDaemon(t *testing.T, cfgPath string, args ...string) *daemonProcess {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"run", "--config", cfgPath, "--log-level", "debug"}, args...)...)
	p := &daemonProcess{cmd: cmd, stderr: &bytes.Buffer{}, done: make(chan error, 1)}
	cmd.Stderr = &lockedWriter{w: p.stderr}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return p
}

type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

func (p *daemonProcess) wait(t *testing.T, within time.Duration) error {
	t.Helper()
	select {
	case err := <-p.done:
		return err
	case <-time.After(within):
		t.Fatalf("daemon still running after %v; log:\n%s", within, p.stderr)
		return nil
	}
}

func TestRun_CleanShutdownAndLock(t *testing.T) {
	t.Parallel()
	_, cfgPath := testOffice(t)
	p := startDaemon(t, cfgPath, "--start", "2026-11-11T16:00", "--speed", "600")
	officetest.WaitFor(t, 30*time.Second, "daemon to start", func() bool { return strings.Contains(p.log(), "tonghop started") })

	second := exec.Command(binary(t), "run", "--config", cfgPath)
	out, err := second.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), "already running") {
		t.Errorf("second instance: got %v %q, want exit 1 saying another tonghop is already running", err, out)
	}

	time.Sleep(500 * time.Millisecond) // let the workers get busy
	began := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.wait(t, 10*time.Second); err != nil {
		t.Errorf("exit after SIGTERM: got %v, want status 0; log:\n%s", err, p.log())
	}
	t.Logf("stopped %v after SIGTERM", time.Since(began).Round(time.Millisecond))
	if !strings.Contains(p.log(), "stopped") {
		t.Errorf("log does not say the daemon stopped:\n%s", p.log())
	}
}

func (p *daemonProcess) log() string {
	w := p.cmd.Stderr.(*lockedWriter)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.String()
}

// submission is the unit's mail number n for November 2026, carrying its filled workbook data.
func submission(unit string, n int, data []byte) []byte {
	return officetest.Mail(officetest.UnitAddr(unit), officetest.OfficeAddr, fmt.Sprintf("sub-%s-%d@kcn.example", unit, n),
		"", "BM.02.01-KH_2026-11_"+unit+".xlsx", data)
}

// messageIDs returns the Message-ID of each delivery.
func messageIDs(t *testing.T, ds []localmail.Delivery) []string {
	t.Helper()
	var out []string
	for _, d := range ds {
		m, err := mail.ReadMessage(bytes.NewReader(d.Data))
		if err != nil {
			t.Fatalf("delivered mail unreadable: %v", err)
		}
		out = append(out, m.Header.Get("Message-Id"))
	}
	return out
}

func ledgerState(t *testing.T, dataDir string) (mails int, sentIDs map[string]bool, unsent int) {
	t.Helper()
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ms, err := l.Mails(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out, err := l.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	sentIDs = map[string]bool{}
	for _, m := range out {
		if m.Status == "sent" {
			sentIDs[m.MessageID] = true
		} else {
			unsent++
		}
	}
	return len(ms), sentIDs, unsent
}
