package demo

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out strings.Builder
	if err := Run(context.Background(), Options{Dir: dir, Out: &out}); err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"✔ QLDN  accepted  BM.02.01/KH 2026-11 v1",        // on time
		"✘ QLDT  rejected  BM.02.01/KH 2026-11 v1",        // mistakes…
		"✔ QLDT  accepted  BM.02.01/KH 2026-11 v2",        // …corrected
		"✔ QLMT  accepted  BM.02.01/KH 2026-11 v1 (late)", // late
		"→ TTPC  nag",                          // the silent one is nagged…
		"(cc pho.truong.ban.2@bqlkcn.example)", // …with its supervisor copied
		"TTPC  silent                     nothing received",
		"★ issued BM.02.01/KH", // the leaders' replies, authenticated by the MX, issue the report
	} {
		if !strings.Contains(text, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "ledger.db")); err != nil {
		t.Errorf("ledger: %v", err)
	}
	received, _ := filepath.Glob(filepath.Join(dir, "data", "archive", "BM.02.01-KH", "2026-11", "QLDT", "v*.xlsx"))
	if len(received) != 2 {
		t.Errorf("archived workbooks of QLDT: got %d, want 2", len(received))
	}
	templates, _ := filepath.Glob(filepath.Join(dir, "data", "archive", "BM.02.01-KH", "2026-11", "mau", "*.xlsx"))
	if len(templates) != 8 {
		t.Errorf("archived templates: got %d, want 8", len(templates))
	}
	if t.Failed() {
		t.Log(text)
	}
}

func TestRun_RefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err := Run(context.Background(), Options{Dir: dir, Out: &strings.Builder{}})
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("got %v, want a refusal of the non-empty directory", err)
	}
}
