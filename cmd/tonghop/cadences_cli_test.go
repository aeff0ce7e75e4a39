package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// Issue 18, item 2 (WP-B): one form, several cadences. The example office's work program is
// asked weekly, monthly, quarterly and yearly with one layout; its template, status and
// deadlines work for every kind.

// cadencesConfig is config.example.toml with BM.04.01/KH collected at four cadences.
func cadencesConfig(t *testing.T) string {
	t.Helper()
	path := exampleConfig(t)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "period = \"week\"\n", "period = [\"week\", \"month\", \"quarter\", \"year\"]\n", 1)
	text = strings.Replace(text, "deadline = \"thu 15:00\"\n",
		"deadline = { week = \"thu 15:00\", month = \"day 20\", quarter = \"day 15\", year = \"31/12\" }\n", 1)
	if text == string(src) {
		t.Fatal("the example's work program was not found")
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// cellTexts returns the text of every cell of every sheet of the workbook.
func cellTexts(t *testing.T, file string) string {
	t.Helper()
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

func TestTemplate_QuarterOfAFormOfFourKinds(t *testing.T) {
	cfg := cadencesConfig(t)
	out := filepath.Join(t.TempDir(), "q1.xlsx")
	if code, _, stderr := runCLI(t, "template", "--config", cfg, "--form", "BM.04.01/KH", "--period", "2027-Q1", "--unit", "QLDN", "-o", out); code != 0 {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	text := cellTexts(t, out)
	q1, _ := period.Parse("2027-Q1")
	// The quarter's program plans 2027-Q1 and is due on the 15th of the last month of the
	// quarter before: Tuesday 15/12/2026, 17:00.
	for _, want := range []string{q1.Label(), "15/12/2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("the template does not show %q:\n%s", want, text)
		}
	}
	// A kind the form is not collected by is refused.
	if code, _, stderr := runCLI(t, "template", "--config", cfg, "--form", "BM.04.01/KH", "--period", "2027-H1", "--unit", "QLDN", "-o", out); code == 0 || !strings.Contains(stderr, "2027-H1") {
		t.Errorf("template of a half: exit %d, stderr %q; want it refused", code, stderr)
	}
}

// cadencesOffice is cadencesConfig with two periods of the work program opened in its ledger:
// the program for week 48 and the one for December 2026.
func cadencesOffice(t *testing.T) string {
	t.Helper()
	cfg := cadencesConfig(t)
	dataDir := filepath.Join(filepath.Dir(cfg), "data")
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	at := func(s string) time.Time { return officeTime(t, s) }
	for _, p := range []ledger.Period{
		{Form: "BM.04.01/KH", Period: "2026-W48", Start: at("2026-11-23 00:00"), End: at("2026-11-30 00:00"),
			Deadline: at("2026-11-19 15:00"), OpenedAt: at("2026-11-16 08:00")},
		{Form: "BM.04.01/KH", Period: "2026-12", Start: at("2026-12-01 00:00"), End: at("2027-01-01 00:00"),
			Deadline: at("2026-11-20 17:00"), OpenedAt: at("2026-11-16 08:00")},
	} {
		if _, err := l.EnsurePeriod(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

func TestStatus_WeekAndMonthOfOneForm(t *testing.T) {
	cfg := cadencesOffice(t)
	code, stdout, stderr := runCLI(t, "status", "--config", cfg, "--form", "BM.04.01/KH", "--at", "2026-11-25 09:00")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Tuần 48", "Tháng 12/2026"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("status does not list %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runCLI(t, "status", "--config", cfg, "--form", "BM.04.01/KH", "--period", "2026-12", "--at", "2026-11-25 09:00")
	if code != 0 || !strings.Contains(stdout, "Tháng 12/2026") || strings.Contains(stdout, "Tuần 48") {
		t.Errorf("status --period 2026-12: exit %d\n%s", code, stdout)
	}
}

func TestConsolidate_EachKindOfOneForm(t *testing.T) {
	cfg := cadencesOffice(t)
	for _, tt := range []struct{ period, name string }{{"2026-12", "tháng 12/2026"}, {"2026-W48", "tuần 48"}} {
		out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
		code, stdout, stderr := runCLI(t, "consolidate", "--config", cfg, "--form", "BM.04.01/KH", "--period", tt.period, "-o", out, "--at", "2026-11-25 09:00")
		if code != 0 || !strings.HasPrefix(stdout, "Đã lập dự thảo lần 1: BM.04.01/KH "+tt.name) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", tt.period, code, stdout, stderr)
		}
	}
}
