package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// TestTemplate_Prefilled: once QLDN's program for a week is in the ledger, `template` for the
// week after lists its task in the results sheet, as the daemon's template does.
func TestTemplate_Prefilled(t *testing.T) {
	cfg := exampleConfig(t)
	dir := filepath.Dir(cfg)
	week := period.Of(period.Week, time.Now()).Next() // ingest judges on the wall clock
	workbook, err := os.ReadFile(filledTemplateFor(t, cfg, week.String(), nil))
	if err != nil {
		t.Fatal(err)
	}
	const auth = "Authentication-Results: mx.bacninh.gov.vn; dkim=pass header.d=bqlkcn.bacninh.gov.vn; " +
		"spf=pass smtp.mailfrom=bqlkcn.bacninh.gov.vn; dmarc=pass header.from=bqlkcn.bacninh.gov.vn\r\n" +
		"Received: from mail.bqlkcn.bacninh.gov.vn (mail.bqlkcn.bacninh.gov.vn [192.0.2.25])\r\n" +
		"\tby mx.bacninh.gov.vn (Postfix) with ESMTPS id 4Yb2xQ1Lz9z1;\r\n\tMon, 16 Nov 2026 10:00:01 +0700\r\n"
	eml := filepath.Join(dir, "1.eml")
	raw := officetest.Mail("qldn@bqlkcn.bacninh.gov.vn", "tonghop@bqlkcn.bacninh.gov.vn", "m1@qldn", auth,
		"BM.04.01-KH_"+week.String()+"_QLDN.xlsx", workbook)
	if err := os.WriteFile(eml, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCLI(t, "ingest", "--config", cfg, eml); code != 0 {
		t.Fatalf("ingest: exit %d: %s %s", code, stdout, stderr)
	}
	out := filepath.Join(dir, "sau.xlsx")
	if code, _, stderr := runCLI(t, "template", "--config", cfg, "--form", "BM.04.01/KH", "--period", week.Next().String(), "--unit", "QLDN", "-o", out); code != 0 {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	c, err := config.LoadOffline(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := templates.Read(data, c.Layouts(), nil, templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rows := rep.Filled.Tables["results"]
	if len(rows) != 1 || rows[0].Values["content"] != "Rà soát hồ sơ dự án" || rows[0].Values["status"] != "" {
		t.Errorf("results of the template for the week after: got %+v, want the task sent, without a result", rows)
	}
}
