package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/history"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/templates"
)

// importLines runs import and decodes its JSON lines.
func importLines(t *testing.T, args ...string) (int, []importResult, string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, append([]string{"import"}, args...)...)
	var out []importResult
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line == "" {
			continue
		}
		var r importResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out = append(out, r)
	}
	return code, out, stderr
}

// importedFigures reads what the office's ledger holds in force for BM.02.01/KH.
func importedFigures(t *testing.T, cfgPath string, periods ...string) []string {
	t.Helper()
	cfg, err := config.LoadOffline(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	figs, err := l.ImportedFigures(context.Background(), "BM.02.01/KH", periods, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range figs {
		out = append(out, f.Unit+" "+f.Period+" "+f.Code+"/"+f.Column+"="+f.Value+" "+string(f.Import.Kind))
	}
	return out
}

// TestImport_Opening writes the opening-figures workbook with the command, fills it as the
// office would, and imports it: dry run first, then for real, then again.
func TestImport_Opening(t *testing.T) {
	cfg := exampleConfig(t)
	dir := filepath.Dir(cfg)
	blank := filepath.Join(dir, "dau-ky.xlsx")
	code, stdout, stderr := runCLI(t, "template", "--config", cfg, "--form", "BM.02.01/KH", "--opening", "--period", "2026-12", "-o", blank)
	if code != 0 || !strings.Contains(stdout, "2025-01 to 2026-11; the ledger takes over at 2026-12") {
		t.Fatalf("template --opening: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	nov, lastDec := mustPeriod(t, "2026-11"), mustPeriod(t, "2025-12")
	filled, err := history.FillOpening(data, []history.Entry{
		{Table: "kcn", Unit: "QLDN", Code: "2", Period: nov, Value: 4.5},
		{Table: "kcn", Unit: "QLDT", Code: "3", Period: lastDec, Value: "1.234,5"},
	})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "dau-ky-da-dien.xlsx")
	if err := os.WriteFile(file, filled, 0o600); err != nil {
		t.Fatal(err)
	}

	code, lines, stderr := importLines(t, "--config", cfg, "--dry-run", file)
	if code != 0 || len(lines) != 1 || lines[0].Kind != "opening" || lines[0].Figures != 2 || lines[0].Recorded || !lines[0].DryRun {
		t.Fatalf("dry run: exit %d, %+v, stderr %q", code, lines, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "ledger.db")); err == nil {
		t.Errorf("the dry run made a ledger")
	}

	code, lines, stderr = importLines(t, "--config", cfg, file)
	want := importResult{File: file, Kind: "opening", Form: "BM.02.01/KH", Units: []string{"QLDN", "QLDT"},
		Periods: []string{"2025-12", "2026-11"}, Figures: 2, Recorded: true}
	if code != 0 || len(lines) != 1 || !sameResult(lines[0], want) || len(lines[0].Warnings) != 1 {
		t.Fatalf("import: exit %d, %+v, stderr %q; want %+v with the warning about 1.234,5", code, lines, stderr, want)
	}
	if got := importedFigures(t, cfg, "2025-12", "2026-11"); strings.Join(got, ";") != "QLDT 2025-12 3/period=1234.5 opening;QLDN 2026-11 2/period=4.5 opening" {
		t.Errorf("ledger: got %q", got)
	}
	code, lines, _ = importLines(t, "--config", cfg, file)
	if code != 0 || lines[0].Replaced != 2 {
		t.Errorf("again: exit %d, %+v; want the 2 figures replaced", code, lines)
	}

	t.Run("ErrorsRecordNothing", func(t *testing.T) {
		bad, err := history.FillOpening(data, []history.Entry{
			{Table: "kcn", Unit: "QLDN", Code: "2", Period: nov, Value: 99},
			{Table: "kcn", Unit: "QLDN", Code: "4", Period: nov, Value: "mười"},
		})
		if err != nil {
			t.Fatal(err)
		}
		badFile := filepath.Join(dir, "dau-ky-sai.xlsx")
		if err := os.WriteFile(badFile, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		code, lines, _ := importLines(t, "--config", cfg, badFile)
		if code != 1 || lines[0].Recorded || len(lines[0].Errors) != 1 || lines[0].Errors[0].Sheet != "Chỉ tiêu" || lines[0].Errors[0].Cell == "" {
			t.Errorf("exit %d, %+v; want 1 and the error at its cell, nothing recorded", code, lines)
		}
		if got := importedFigures(t, cfg, "2026-11"); len(got) != 1 || !strings.Contains(got[0], "=4.5") {
			t.Errorf("ledger after a file with errors: got %q, want QLDN's 4.5 still", got)
		}
	})
}

func sameResult(got, want importResult) bool {
	return got.File == want.File && got.Kind == want.Kind && got.Form == want.Form &&
		strings.Join(got.Units, ",") == strings.Join(want.Units, ",") &&
		strings.Join(got.Periods, ",") == strings.Join(want.Periods, ",") &&
		got.Figures == want.Figures && got.Recorded == want.Recorded && len(got.Errors) == 0
}

// pastWorkbook writes QLDT's template of BM.02.01/KH for a past month with the command and
// fills its figures as the unit did.
func pastWorkbook(t *testing.T, cfgPath, month string) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	tpl := filepath.Join(dir, "mau.xlsx")
	if code, _, stderr := runCLI(t, "template", "--config", cfgPath, "--form", "BM.02.01/KH", "--period", month, "--unit", "QLDT", "-o", tpl); code != 0 {
		t.Fatalf("template: %s", stderr)
	}
	data, err := os.ReadFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := config.LoadOffline(cfgPath)
	f, _ := cfg.Form("BM.02.01/KH")
	cells := map[string]map[string]string{}
	for _, ind := range f.Indicators[0].Rows {
		cells[ind.Code] = map[string]string{"period": "0"}
	}
	cells["1"]["period"], cells["1.1"]["period"], cells["2"]["period"], cells["2"]["ytd"] = "2", "2", "7.5", "20"
	out, err := templates.Fill(data, f.Form, form.Filled{Indicators: map[string]map[string]map[string]string{f.Indicators[0].Key: cells},
		Narrative: map[string]string{"results": "Kết quả.", "direction": "Phương hướng."}})
	if err != nil {
		t.Fatal(err)
	}
	return dir, out
}

// TestImport_PastWorkbook imports a unit's workbook of a past month, judged as the daemon
// judges mail; then one that lost its identification, which needs --unit and --period.
func TestImport_PastWorkbook(t *testing.T) {
	cfg := exampleConfig(t)
	dir, data := pastWorkbook(t, cfg, "2026-03")
	file := filepath.Join(dir, "bao-cao-thang-3.xlsx")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, lines, stderr := importLines(t, "--config", cfg, file)
	// 9 indicators' figures of the month, and the year to date typed for indicator 2.
	want := importResult{File: file, Kind: "past_workbook", Form: "BM.02.01/KH", Units: []string{"QLDT"},
		Periods: []string{"2026-03"}, Figures: 10, Recorded: true}
	if code != 0 || len(lines) != 1 || !sameResult(lines[0], want) {
		t.Fatalf("import: exit %d, %+v, stderr %q; want %+v", code, lines, stderr, want)
	}
	got := importedFigures(t, cfg, "2026-03")
	if len(got) != 10 || !strings.Contains(strings.Join(got, ";"), "QLDT 2026-03 2/period=7.5 past_workbook;QLDT 2026-03 2/ytd=20 past_workbook") {
		t.Errorf("ledger: got %q", got)
	}

	lost := filepath.Join(dir, "bao-cao-cu.xlsx")
	if err := os.WriteFile(lost, officetest.StripIdent(t, data), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("LostIdentification", func(t *testing.T) {
		code, lines, _ := importLines(t, "--config", cfg, lost)
		if code != 1 || lines[0].Recorded || !hasCode(lines[0].Errors, "import_unit_unknown") {
			t.Errorf("without --unit: exit %d, %+v; want the unit unknown", code, lines)
		}
		code, lines, _ = importLines(t, "--config", cfg, "--unit", "QLDT", lost)
		if code != 1 || lines[0].Recorded || !hasCode(lines[0].Errors, "import_period_unknown") {
			t.Errorf("without --period: exit %d, %+v; want the period unknown (not the month under way)", code, lines)
		}
		code, lines, _ = importLines(t, "--config", cfg, "--unit", "QLDT", "--period", "2026-04", file)
		if code != 1 || !hasCode(lines[0].Errors, "import_period_differs") {
			t.Errorf("--period other than the file's: exit %d, %+v", code, lines)
		}
		code, lines, _ = importLines(t, "--config", cfg, "--unit", "QLDT", "--period", "2026-03", lost)
		if code != 0 || !lines[0].Recorded || lines[0].Figures != 10 || lines[0].Replaced != 10 {
			t.Errorf("with --unit and --period: exit %d, %+v; want the 10 figures recorded again", code, lines)
		}
	})
	t.Run("NotAWorkbook", func(t *testing.T) {
		junk := filepath.Join(dir, "ghi-chu.xlsx")
		if err := os.WriteFile(junk, []byte("không phải tệp Excel"), 0o600); err != nil {
			t.Fatal(err)
		}
		code, lines, _ := importLines(t, "--config", cfg, junk, file)
		if code != 1 || len(lines) != 2 || lines[0].Recorded || len(lines[0].Errors) != 1 || !lines[1].Recorded {
			t.Errorf("exit %d, %+v; want the junk refused and the next file recorded", code, lines)
		}
	})
}

func TestImport_Usage(t *testing.T) {
	cfg := exampleConfig(t)
	for name, args := range map[string][]string{
		"no file":      {"import", "--config", cfg},
		"unknown unit": {"import", "--config", cfg, "--unit", "XYZ", "a.xlsx"},
		"bad period":   {"import", "--config", cfg, "--period", "tháng 3", "a.xlsx"},
		"opening and unit": {"template", "--config", cfg, "--form", "BM.02.01/KH", "--opening", "--unit", "QLDN",
			"-o", "x.xlsx"},
		"opening past year": {"template", "--config", cfg, "--form", "BM.02.01/KH", "--opening", "--year", "2020",
			"-o", filepath.Join(t.TempDir(), "x.xlsx")},
	} {
		code, _, stderr := runCLI(t, args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want 2 and one line", name, code, stderr)
		}
	}
}

func hasCode(ps []form.Problem, code string) bool {
	for _, p := range ps {
		if p.Code == code {
			return true
		}
	}
	return false
}
