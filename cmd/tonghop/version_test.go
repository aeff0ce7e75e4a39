package main

import (
	"bytes"
	"context"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	t.Parallel()
	setting := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"NoBuildInfo", nil, "tonghop (no build information)\n"},
		{"Installed", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "v1.2.0"}},
			"tonghop v1.2.0\nbuilt with go1.26.1\n"},
		{"Clone", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "v0.0.0-20261207080000-f1f091edda8f"},
			Settings: setting("vcs", "git", "vcs.revision", "f1f091edda8fbde23f86564d4413200bb9e431d7", "vcs.time", "2026-12-07T08:00:00Z", "vcs.modified", "false")},
			"tonghop v0.0.0-20261207080000-f1f091edda8f\nrevision f1f091edda8fbde23f86564d4413200bb9e431d7 (2026-12-07T08:00:00Z)\nbuilt with go1.26.1\n"},
		{"Modified", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "(devel)"},
			Settings: setting("vcs.revision", "abc", "vcs.modified", "true")},
			"tonghop (devel)\nrevision abc, with uncommitted changes\nbuilt with go1.26.1\n"},
		{"NoVersion", &debug.BuildInfo{GoVersion: "go1.26.1"}, "tonghop (devel)\nbuilt with go1.26.1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionText(tt.info); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRun_Version: 'tonghop --version' and 'tonghop version' print the same, with the Go
// version of this very build, not a placeholder.
func TestRun_Version(t *testing.T) {
	t.Parallel()
	var outs []string
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit code %d, want 0 (stderr %q)", args, code, stderr.String())
		}
		outs = append(outs, stdout.String())
	}
	info, _ := debug.ReadBuildInfo()
	if !strings.HasPrefix(outs[0], "tonghop ") || !strings.Contains(outs[0], "built with "+info.GoVersion) {
		t.Errorf("tonghop version: got %q, want the module and Go version", outs[0])
	}
	for _, out := range outs[1:] {
		if out != outs[0] {
			t.Errorf("--version: got %q, want %q as 'tonghop version' prints", out, outs[0])
		}
	}
}
