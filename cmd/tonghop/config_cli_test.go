package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
)

// TestConfigCheck_Warnings: config check passes (exit 0) a configuration that exposes the
// office, with one warning line per exposure, and says nothing of a private one.
func TestConfigCheck_Warnings(t *testing.T) {
	t.Parallel()
	minimal, err := os.ReadFile("../../config/testdata/minimal.toml")
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.Replace(string(minimal), `host = "smtp.example.vn"`, "host = \"smtp.example.vn\"\ntls = \"none\"", 1)
	tests := []struct {
		name  string
		text  string
		mode  os.FileMode
		warns []string
	}{
		{"Private", string(minimal), 0o600, nil},
		{"ReadableWithPassword", string(minimal), 0o644, []string{"warning: mailbox.password: written in tonghop.toml"}},
		{"PlainSMTP", plain, 0o600, []string{`warning: smtp.tls: tls = "none" sends the password and every mail in clear text to smtp.example.vn`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tonghop.toml")
			if err := os.WriteFile(path, []byte(tt.text), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), []string{"config", "check", "--config", path}, &stdout, &stderr); code != 0 {
				t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr.String())
			}
			out := stdout.String()
			if got := strings.Count(out, "warning: "); got != len(tt.warns) {
				t.Errorf("warnings: got %d, want %d:\n%s", got, len(tt.warns), out)
			}
			for _, w := range tt.warns {
				if !strings.Contains(out, path+": "+w) {
					t.Errorf("stdout: got\n%s\nwant a line %q", out, path+": "+w)
				}
			}
			if !strings.Contains(out, ": OK — ") {
				t.Errorf("stdout: got\n%s\nwant the OK line", out)
			}
		})
	}
}

// TestRun_LogsExposures: the daemon logs at start what config check warns about: here the
// test office's passwords, written in a file others can read.
func TestRun_LogsExposures(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, cfgPath := testOffice(t)
	if err := os.Chmod(cfgPath, 0o644); err != nil {
		t.Fatal(err)
	}
	p := startDaemon(t, cfgPath)
	officetest.WaitFor(t, 30*time.Second, "daemon to start", func() bool { return strings.Contains(p.log(), "tonghop started") })
	for _, key := range []string{"mailbox.password", "smtp.password"} {
		if !strings.Contains(p.log(), `level=WARN msg="configuration exposes the office" key=`+key) {
			t.Errorf("log does not warn about %s:\n%s", key, p.log())
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.wait(t, 10*time.Second); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}

// halfForm is a half-year form due 15/06 without `periods`: its second half cannot be
// scheduled (15/06 is before 01/07), and the daemon would send nothing for the form.
const halfForm = `
[[forms]]
code = "BC.6T"
title = "Báo cáo 6 tháng"
period = "half"
deadline = "15/06"
  [[forms.narrative]]
  key = "noi_dung"
  title = "Nội dung báo cáo"
  required = true
`

// TestConfigCheck_Unschedulable: config check refuses (exit 1) a form some of whose periods
// cannot be scheduled, naming the form, the period and the rule; `run` refuses to start on the
// same file.
func TestConfigCheck_Unschedulable(t *testing.T) {
	t.Parallel()
	_, path := officetest.OfficeWith(t, testKey, officetest.Options{Forms: halfForm})
	want := `forms[0] (BC.6T): ` // then the next second half, whichever year it is now
	rule := `deadline "15/06" gives 15/06/`
	fix := `before the period starts on 01/07/`
	for _, args := range [][]string{{"config", "check", "--config", path}, {"run", "--config", path}} {
		t.Run(args[0], func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			var stdout, stderr bytes.Buffer
			if code := run(ctx, args, &stdout, &stderr); code != 1 {
				t.Fatalf("exit code: got %d, want 1 (stdout %q, stderr %q)", code, stdout.String(), stderr.String())
			}
			for _, s := range []string{want, "-H2: " + rule, fix, `periods = ["H1"]`} {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr: got %q, want it to contain %q", stderr.String(), s)
				}
			}
		})
	}
}
