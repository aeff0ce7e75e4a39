package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// withPassword makes `user add` read password from a pipe, as `echo … | tonghop user add` does.
func withPassword(t *testing.T, password string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString(password + "\n")
	w.Close()
	old := passwordInput
	passwordInput = r
	t.Cleanup(func() { passwordInput = old; r.Close() })
}

func TestUser_AddListRemove(t *testing.T) {
	_, cfgPath := testOffice(t)
	// The account that is added goes through the binary, its password piped in as an operator
	// does: the hash at the product's cost (bcrypt 12) takes a quarter of a second there and
	// three seconds under the race detector. The refusals, which hash nothing, run in process.
	add := exec.Command(binary(t), "user", "add", "--config", cfgPath, "--name", "vanthu", "--role", "clerk")
	add.Stdin = strings.NewReader("mật khẩu của văn thư\n")
	if out, err := add.CombinedOutput(); err != nil || !strings.Contains(string(out), "added") {
		t.Fatalf("user add: %v: %s", err, out)
	}
	withPassword(t, "another long password")
	if code, _, stderr := runCmd("user", "add", "--config", cfgPath, "--name", "vanthu", "--role", "viewer"); code != 2 || !strings.Contains(stderr, "exists") {
		t.Errorf("a second vanthu: exit %d (%s), want 2 saying it exists", code, stderr)
	}
	withPassword(t, "short")
	if code, _, _ := runCmd("user", "add", "--config", cfgPath, "--name", "ngan", "--role", "viewer"); code != 1 {
		t.Errorf("a short password: exit %d, want 1", code)
	}
	if code, _, _ := runCmd("user", "add", "--config", cfgPath, "--name", "x", "--role", "admin"); code != 2 {
		t.Errorf("role admin: exit %d, want 2", code)
	}
	code, out, _ := runCmd("user", "list", "--config", cfgPath)
	if code != 0 || !strings.Contains(out, "vanthu") || !strings.Contains(out, "clerk") || strings.Contains(out, "ngan") {
		t.Errorf("user list: exit %d:\n%s", code, out)
	}
	if code, _, stderr := runCmd("user", "remove", "--config", cfgPath, "--name", "vanthu"); code != 0 {
		t.Fatalf("user remove: exit %d: %s", code, stderr)
	}
	if _, out, _ := runCmd("user", "list", "--config", cfgPath); strings.Contains(out, "vanthu") {
		t.Errorf("after remove:\n%s", out)
	}
	if code, _, _ := runCmd("user", "remove", "--config", cfgPath, "--name", "vanthu"); code != 2 {
		t.Errorf("removing an unknown account: exit %d, want 2", code)
	}
}

func TestServe_AnswersAndStops(t *testing.T) {
	t.Parallel()
	_, cfgPath := testOffice(t)
	// The ledger serve reads, as the first `user add` makes it: the account itself, its bcrypt
	// hash at the production cost (seconds under the race detector), is TestUser_AddListRemove's.
	cfg, err := config.LoadListing(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	var errOut bytes.Buffer
	go func() {
		done <- run(ctx, []string{"serve", "--config", cfgPath, "--listen", addr}, &bytes.Buffer{}, &errOut)
	}()
	var resp *http.Response
	for range 100 { // until it listens
		if resp, err = http.Get("http://" + addr + "/login"); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		cancel()
		t.Fatalf("board never answered: %v\n%s", err, errOut.String())
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("GET /login: %d %v, want 200 with the security headers", resp.StatusCode, resp.Header)
	}
	cancel()
	if code := <-done; code != 0 && code != exitInterrupted {
		t.Errorf("serve stopped with %d:\n%s", code, errOut.String())
	}
}

// TestRun_ServesBoard: `tonghop run` with a [web] table serves the board beside the daemon,
// and stops it with the daemon on SIGTERM.
func TestRun_ServesBoard(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, cfgPath := testOffice(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	f, err := os.OpenFile(cfgPath, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "\n[web]\nlisten = %q\n", addr)
	f.Close()
	p := startDaemon(t, cfgPath, "--start", "2026-11-11T16:00", "--speed", "60")
	officetest.WaitFor(t, 30*time.Second, "board to listen", func() bool { return strings.Contains(p.log(), "board listening") })
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatalf("board: %v\n%s", err, p.log())
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/login" || resp.StatusCode != http.StatusOK {
		t.Errorf("GET /: ended at %s with %d, want the log-in page", resp.Request.URL.Path, resp.StatusCode)
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.wait(t, 10*time.Second); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, p.log())
	}
	if _, err := http.Get("http://" + addr + "/login"); err == nil {
		t.Errorf("the board still answers after the daemon stopped")
	}
}
