package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun_Usage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("data_dir = \"d\"\n[office]\nname = \"X\"\n[[units]]\ncode = \"A\"\nname = \"A\"\nemails = [\"abc\"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
		inStdout string
	}{
		{"NoArgs", nil, 2, "", "Usage: tonghop <command>"},
		{"Help", []string{"--help"}, 0, "", "demo"},
		{"UnknownCommand", []string{"frobnicate"}, 2, `unknown command "frobnicate"`, ""},
		{"UnknownFlag", []string{"run", "--frob"}, 2, "flag provided but not defined: -frob", ""},
		{"MissingConfig", []string{"run"}, 2, "--config FILE is required", ""},
		{"ExtraArgument", []string{"version", "now"}, 2, `unexpected argument "now"`, ""},
		{"ConfigCheckMissingSub", []string{"config"}, 2, "missing subcommand", ""},
		{"ConfigCheckUnknownSub", []string{"config", "lint"}, 2, `unknown subcommand "lint"`, ""},
		{"ConfigCheckBad", []string{"config", "check", "--config", bad}, 1, `units[0].emails[0]: "abc" is not an email address`, ""},
		{"ConfigCheckExample", []string{"config", "check", "--config", "../../config.example.toml"}, 0, "", "OK"},
		{"RunHelp", []string{"run", "--help"}, 0, "", "SIGTERM"},
		{"DemoHelp", []string{"demo", "-h"}, 0, "", "--units"},
		{"DemoBadUnits", []string{"demo", "--units", "2"}, 1, "between 4 and 60", ""},
		{"Version", []string{"version"}, 0, "", "tonghop "},
	}
	t.Setenv("TONGHOP_TEMPLATE_KEY", "k")
	t.Setenv("TONGHOP_IMAP_PASSWORD", "p")
	t.Setenv("TONGHOP_SMTP_PASSWORD", "p")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("stderr: got %q, want it to contain %q", stderr.String(), tt.inStderr)
			}
			if !strings.Contains(stdout.String(), tt.inStdout) {
				t.Errorf("stdout: got %q, want it to contain %q", stdout.String(), tt.inStdout)
			}
			if tt.code == 2 && tt.inStderr != "" && strings.Count(strings.TrimSpace(stderr.String()), "\n") > 0 {
				t.Errorf("a usage error must be one line, got %q", stderr.String())
			}
		})
	}
}
