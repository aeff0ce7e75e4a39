package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestConsolidate_BuildsThenReusesDraft(t *testing.T) {
	t.Parallel()
	cfg, _ := statusOffice(t)
	out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	args := []string{"consolidate", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2025-10", "-o", out, "--at", "2025-10-20 09:00"}
	code, stdout, stderr := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "Đã lập dự thảo lần 1: BM.02.01/KH tháng 10/2025, 2/") || !strings.Contains(stdout, "chưa có số liệu: ") {
		t.Errorf("stdout: %q", stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	if idx, _ := f.GetSheetIndex("Tổng hợp"); idx < 0 {
		t.Errorf("no summary sheet in %v", f.GetSheetList())
	}
	f.Close()
	first, _ := os.ReadFile(out)

	code, stdout, _ = runCLI(t, args...)
	if code != 0 || !strings.HasPrefix(stdout, "Số liệu không đổi từ dự thảo lần 1, lập lúc ") {
		t.Errorf("second run: exit %d, stdout %q; want the same draft", code, stdout)
	}
	if again, _ := os.ReadFile(out); string(again) != string(first) {
		t.Error("the unchanged draft was written differently")
	}
	code, stdout, _ = runCLI(t, append(args, "--force")...)
	if code != 0 || !strings.HasPrefix(stdout, "Đã lập dự thảo lần 2") {
		t.Errorf("--force: exit %d, stdout %q; want a second draft", code, stdout)
	}
}

func TestConsolidate_Usage(t *testing.T) {
	t.Parallel()
	cfg, _ := statusOffice(t)
	for name, args := range map[string][]string{
		"week for a monthly form": {"--form", "BM.02.01/KH", "--period", "2025-W40"},
		"unknown form":            {"--form", "BM.99/KH", "--period", "2025-10"},
		"bad period":              {"--form", "BM.02.01/KH", "--period", "tháng 10"},
	} {
		code, _, stderr := runCLI(t, append([]string{"consolidate", "--config", cfg, "-o", filepath.Join(t.TempDir(), "x.xlsx")}, args...)...)
		if code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want 2 and one line", name, code, stderr)
		}
	}
}
