package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const serviceFile = "../../deploy/tonghop.service"

// TestServiceUnit_Confined: the unit runs tonghop as its own user in its state directory,
// confined, restarted on failure, with its secrets out of the configuration file.
func TestServiceUnit_Confined(t *testing.T) {
	t.Parallel()
	unit := readUnit(t)
	for _, want := range []string{
		"User=tonghop", "StateDirectory=tonghop", "StateDirectoryMode=0750", "ProtectSystem=strict",
		"NoNewPrivileges=yes", "PrivateTmp=yes", "Restart=on-failure", "EnvironmentFile=-/etc/tonghop/tonghop.env",
	} {
		if !hasDirective(unit, want) {
			t.Errorf("deploy/tonghop.service: no line %q", want)
		}
	}
}

// TestServiceUnit_ExecStart: the command the unit starts is one of ours, with flags that
// command has.
func TestServiceUnit_ExecStart(t *testing.T) {
	t.Parallel()
	var line string
	for _, l := range strings.Split(readUnit(t), "\n") {
		if v, ok := strings.CutPrefix(l, "ExecStart="); ok {
			line = v
		}
	}
	args := strings.Fields(line)
	if len(args) < 2 || filepath.Base(args[0]) != "tonghop" {
		t.Fatalf("ExecStart=%s: want tonghop and a command", line)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{args[1], "--help"}, &stdout, &stderr); code != 0 {
		t.Fatalf("ExecStart=%s: tonghop %s --help: exit code %d (stderr %q)", line, args[1], code, stderr.String())
	}
	_, flags := splitHelp(stdout.String())
	for _, arg := range args[2:] {
		if !strings.HasPrefix(arg, "-") {
			continue
		}
		known := false
		for _, f := range flags {
			known = known || strings.HasPrefix(strings.TrimSpace(f)+" ", arg+" ")
		}
		if !known {
			t.Errorf("ExecStart=%s: tonghop %s has no flag %s", line, args[1], arg)
		}
	}
}

// TestServiceUnit_SystemdVerify runs systemd-analyze verify on the unit, where systemd is
// installed. The binary it names is not installed here: this test executable stands in for it
// (systemd checks only that the command is an executable file).
func TestServiceUnit_SystemdVerify(t *testing.T) {
	t.Parallel()
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	unit := strings.ReplaceAll(readUnit(t), "ExecStart=/usr/local/bin/tonghop ", "ExecStart="+self+" ")
	path := filepath.Join(t.TempDir(), "tonghop.service")
	if err := os.WriteFile(path, []byte(unit), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", path).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify deploy/tonghop.service: %v\n%s", err, out)
	}
}

func readUnit(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(serviceFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// hasDirective reports whether the unit sets a directive exactly so, on a line of its own
// (a commented-out line does not count).
func hasDirective(unit, directive string) bool {
	for _, l := range strings.Split(unit, "\n") {
		if strings.TrimSpace(l) == directive {
			return true
		}
	}
	return false
}
