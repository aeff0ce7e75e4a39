package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/templates"
)

// exampleConfig writes config.example.toml with its data in a temporary directory.
func exampleConfig(t *testing.T) string {
	t.Helper()
	// template and check need the template key, not the mail passwords.
	t.Setenv("TONGHOP_TEMPLATE_KEY", "khóa-thử")
	src, err := os.ReadFile("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "data_dir") {
			line = `data_dir = "` + filepath.ToSlash(filepath.Join(dir, "data")) + `"`
		}
		out = append(out, line)
	}
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

// filledTemplate writes the template of BM.04.01/KH for QLDN with the command, then fills it the
// way a unit would; mutate changes the tasks before filling.
func filledTemplate(t *testing.T, cfgPath string, mutate func(rows []form.Row)) string {
	t.Helper()
	return filledTemplateFor(t, cfgPath, "2026-W48", mutate)
}

// filledTemplateFor is filledTemplate for another week.
func filledTemplateFor(t *testing.T, cfgPath, week string, mutate func(rows []form.Row)) string {
	t.Helper()
	tpl := filepath.Join(filepath.Dir(cfgPath), "mau.xlsx")
	if code, _, stderr := runCLI(t, "template", "--config", cfgPath, "--form", "BM.04.01/KH", "--period", week, "--unit", "QLDN", "-o", tpl); code != 0 {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	cfg, err := config.LoadOffline(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := cfg.Form("BM.04.01/KH")
	rows := []form.Row{{Values: map[string]string{"content": "Rà soát hồ sơ dự án", "lead": "Phòng QLDN", "person": "Nguyễn Văn A", "deadline": "2026-11-27", "level": "Trưởng Ban"}}}
	if mutate != nil {
		mutate(rows)
	}
	data, err := os.ReadFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	out, err := templates.Fill(data, f.Form, form.Filled{Tables: map[string][]form.Row{"tasks": rows}})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(filepath.Dir(cfgPath), "BM.04.01-KH_"+week+"_QLDN.xlsx")
	if err := os.WriteFile(file, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestCheck(t *testing.T) {
	cfg := exampleConfig(t)
	valid := filepath.Join(filepath.Dir(cfg), "dung.xlsx")
	copyFile(t, filledTemplate(t, cfg, nil), valid)
	invalid := filledTemplate(t, cfg, func(rows []form.Row) { rows[0].Values["deadline"] = "31/02/2026" })
	invalidCopy := filepath.Join(filepath.Dir(cfg), "sai.xlsx")
	copyFile(t, invalid, invalidCopy)
	garbage := filepath.Join(filepath.Dir(cfg), "rac.xlsx")
	if err := os.WriteFile(garbage, []byte("PK\x03\x04 không phải bảng tính"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
	}{
		{"Valid", []string{"check", "--config", cfg, valid}, 0, "BM.04.01/KH v1, unit QLDN, period 2026-W48"},
		{"FlagsAfterFile", []string{"check", valid, "--config", cfg, "--unit", "QLDN"}, 0, "valid: 1 rows, 0 errors"},
		{"Invalid", []string{"check", "--config", cfg, invalidCopy}, 1, "[Chương trình!F5] Ô F5, cột “Thời gian hoàn thành”: “31/02/2026” không phải là ngày hợp lệ"},
		{"OtherUnit", []string{"check", "--config", cfg, "--unit", "QLDT", valid}, 1, "không phải của Phòng Quản lý đầu tư"},
		{"NotAWorkbook", []string{"check", "--config", cfg, garbage}, 2, "không phải tệp Excel định dạng .xlsx"},
		{"Encrypted", []string{"check", "--config", cfg, "../../templates/testdata/corpus/excelize__encryptAES.xlsx"}, 2, "mật khẩu"},
		{"NoFile", []string{"check", "--config", cfg}, 2, ""},
		{"MissingFile", []string{"check", "--config", cfg, "khong-co.xlsx"}, 2, ""},
		{"Directory", []string{"check", "--config", cfg, filepath.Dir(cfg)}, 2, ""},
		{"TwoFiles", []string{"check", "--config", cfg, valid, valid}, 2, ""},
		{"UnknownUnit", []string{"check", "--config", cfg, "--unit", "XYZ", valid}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.inStdout) {
				t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit %d and stdout containing %q", code, stdout, stderr, tc.code, tc.inStdout)
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestCheck_JSON(t *testing.T) {
	cfg := exampleConfig(t)
	file := filledTemplate(t, cfg, func(rows []form.Row) {
		rows[0].Values["deadline"] = "31/02/2026"
		rows[0].Values["level"] = "tong cuc"
	})
	code, stdout, _ := runCLI(t, "check", "--config", cfg, "--json", file)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var got struct {
		Form, Unit, Period string
		Valid              bool
		Errors, Warnings   []form.Problem
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, stdout)
	}
	if got.Form != "BM.04.01/KH" || got.Unit != "QLDN" || got.Period != "2026-W48" || got.Valid || got.Warnings == nil {
		t.Errorf("got %+v", got)
	}
	var cells []string
	for _, p := range got.Errors {
		cells = append(cells, p.Sheet+"!"+p.Cell+":"+p.Field+":"+p.Code)
	}
	if want := "Chương trình!F5:deadline:not_a_date,Chương trình!G5:level:bad_choice"; strings.Join(cells, ",") != want {
		t.Errorf("errors: got %v, want %s", cells, want)
	}
}

// TestCheck_GuessedFromFileName reads a workbook that lost every identification: the form is
// recognised by its layout, the period by the file name, the unit by --unit; all said to be guesses.
func TestCheck_GuessedFromFileName(t *testing.T) {
	cfg := exampleConfig(t)
	file := filledTemplate(t, cfg, nil)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, officetest.StripIdent(t, data), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCLI(t, "check", "--config", cfg, "--unit", "QLDN", file)
	if code != 0 || !strings.Contains(stdout, "unit QLDN, period 2026-W48 (identification guessed)") || !strings.Contains(stdout, "bố cục") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
}

func TestTemplate(t *testing.T) {
	cfg := exampleConfig(t)
	dir := filepath.Join(filepath.Dir(cfg), "mau")
	code, stdout, stderr := runCLI(t, "template", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2026-11", "--all-units", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 || strings.Count(stdout, "\n") != 3 {
		t.Fatalf("got %d files and output:\n%s\nwant one per unit of the example (3)", len(entries), stdout)
	}
	for _, e := range entries {
		code, stdout, _ := runCLI(t, "check", "--config", cfg, "--json", filepath.Join(dir, e.Name()))
		var got struct {
			Form, Unit, Period string
			TagOK              bool `json:"tag_ok"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 1 {
			t.Fatalf("check %s: exit %d, %v", e.Name(), code, err)
		}
		if want := "BM.02.01-KH_2026-11_" + got.Unit + ".xlsx"; e.Name() != want || !got.TagOK || got.Period != "2026-11" {
			t.Errorf("%s: got %+v, want %s signed for 2026-11", e.Name(), got, want)
		}
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"Missing", []string{"template", "--config", cfg}, "--config, --form and --period are required"},
		{"BothOutputs", []string{"template", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2026-11", "--unit", "QLDN", "--all-units", dir}, "either --unit"},
		{"KindMismatch", []string{"template", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2026-W47", "--unit", "QLDN", "-o", "x.xlsx"}, "period 2026-W47 is a week"},
		{"UnknownForm", []string{"template", "--config", cfg, "--form", "BM.99", "--period", "2026-11", "--all-units", dir}, `--form "BM.99"`},
		{"BadPeriod", []string{"template", "--config", cfg, "--form", "BM.02.01/KH", "--period", "11/2026", "--all-units", dir}, "--period"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.want)
			}
		})
	}
}
