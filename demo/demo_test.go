package demo

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/internal/demotest"
	"github.com/tonghop/tonghop/letters"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	// The README's first command as a newcomer runs it: the command built, without the race
	// detector, and run as a process. Under the detector the demo was the suite's costliest test
	// (16 s of CPU); the daemon's tests run the same stages on the same embedded mail servers
	// under it, and the demo adds no goroutine of its own.
	bin, err := demotest.Build()
	if err != nil {
		t.Fatal(err)
	}
	text, err := demotest.Output(bin, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"✔ QLDN  accepted  BM.02.01/KH 2026-11 v1",        // on time
		"✘ QLDT  rejected  BM.02.01/KH 2026-11 v1",        // mistakes…
		"✔ QLDT  accepted  BM.02.01/KH 2026-11 v2",        // …corrected
		"✔ QLMT  accepted  BM.02.01/KH 2026-11 v1 (late)", // late
		"→ TTPC  nag",                          // the silent one is nagged…
		"(cc pho.truong.ban.2@bqlkcn.example)", // …with its supervisor copied
		"TTPC  silent                     nothing received",
		"★ issued BM.02.01/KH", // the leaders' replies, authenticated by the MX, issue the report
		"⤓ history BM.02.01/KH imported: kind=opening file=\"so-lieu-dau-ky.xlsx\" figures=1584", // 8 units × 9 indicators × 22 months
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
	checkFiguresAreTheLedgers(t, dir)
	checkResultsArePrefilled(t, dir)
	checkIssuedDocuments(t, dir) // issue 20
	if t.Failed() {
		t.Log(text)
	}
}

// checkFiguresAreTheLedgers: with the opening figures imported, the November report's year
// to date and last year's figures are rebuilt from the ledger (imported history), agree with
// what every unit typed, and the clerks' draft mails list nothing to look at.
func checkFiguresAreTheLedgers(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	cfg, err := config.Load(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	of, err := office.Compile(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(ctx, cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	out, err := l.Outbox(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	drafts := 0
	for _, m := range out {
		// Every mail a person reads is held to the letters' rules (no English, codes, commands,
		// "hãy", straight quotes, nested parentheses, bare big numbers), as the catalogue is.
		for _, f := range letters.LintLetter(letters.Letter{Subject: m.Subject, Body: m.Body}) {
			t.Errorf("%s mail %q: %s", m.Kind, m.Subject, f)
		}
		if m.Kind == ledger.KindDraft {
			drafts++
			if strings.Contains(m.Body, "cần lưu ý") {
				t.Errorf("draft mail %q lists points to look at:\n%s", m.Subject, m.Body)
			}
		}
	}
	if drafts == 0 {
		t.Error("no draft mail to the clerks")
	}
	f, _ := of.Form("BM.02.01/KH")
	in, _, err := report.ConsolidationInput(ctx, of, l, f, period.Period{Kind: period.Month, Year: 2026, N: 11}, simEnd)
	if err != nil {
		t.Fatal(err)
	}
	book, err := consolidate.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Warnings) != 0 {
		t.Errorf("warnings: got %+v, want none", book.Warnings)
	}
	for _, r := range book.Summary[0].Rows {
		if !r.YTD.OK || !r.LastYear.OK || !r.YTDBasis.Only(consolidate.BasisImported) || !r.LastYearBasis.Only(consolidate.BasisImported) {
			t.Errorf("indicator %s: YTD %+v (%08b), last year %+v (%08b); want both from the ledger with imported history",
				r.Code, r.YTD, r.YTDBasis, r.LastYear, r.LastYearBasis)
		}
		for unit, uf := range r.PerUnit {
			if uf.YTD != uf.OwnYTD || uf.LastYear != uf.OwnLastYear {
				t.Errorf("%s indicator %s: ledger's YTD %v and last year %v, typed %v and %v", unit, r.Code, uf.YTD.V, uf.LastYear.V, uf.OwnYTD.V, uf.OwnLastYear.V)
			}
		}
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
