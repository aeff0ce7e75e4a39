package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/daemon"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/period"
)

func TestIngest(t *testing.T) {
	cfg := exampleConfig(t)
	dir := filepath.Dir(cfg)
	// Ingest runs on the wall clock: the work program is the one due this week, for next week.
	week := period.Of(period.Week, time.Now()).Next().String()
	workbook, err := os.ReadFile(filledTemplateFor(t, cfg, week, nil))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, raw []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const office = "tonghop@bqlkcn.bacninh.gov.vn"
	// What the example office's MX ([mail_auth] trusted_servers) writes above a unit's genuine mail.
	const auth = "Authentication-Results: mx.bacninh.gov.vn; dkim=pass header.d=bqlkcn.bacninh.gov.vn; " +
		"spf=pass smtp.mailfrom=bqlkcn.bacninh.gov.vn; dmarc=pass header.from=bqlkcn.bacninh.gov.vn\r\n" +
		"Received: from mail.bqlkcn.bacninh.gov.vn (mail.bqlkcn.bacninh.gov.vn [192.0.2.25])\r\n" +
		"\tby mx.bacninh.gov.vn (Postfix) with ESMTPS id 4Yb2xQ1Lz9z1;\r\n\tMon, 16 Nov 2026 10:00:01 +0700\r\n"
	first := write("1.eml", officetest.Mail("qldn@bqlkcn.bacninh.gov.vn", office, "m1@qldn", auth, "BM.04.01-KH_"+week+"_QLDN.xlsx", workbook))
	second := write("2.eml", officetest.Mail("QLDN@bqlkcn.bacninh.gov.vn", office, "m2@qldn", auth, "chuong-trinh.xlsx", workbook))
	bare := write("3.eml", officetest.Mail("qldn@bqlkcn.bacninh.gov.vn", office, "m3@qldn", auth, "", nil))
	auto := write("4.eml", officetest.Mail("qldn@bqlkcn.bacninh.gov.vn", office, "m4@qldn", "Auto-Submitted: auto-replied\r\n", "", nil))

	code, stdout, stderr := runCLI(t, "ingest", "--config", cfg, first, second, bare, auto, first, filepath.Join(dir, "khong-co.eml"))
	if code != 1 || !strings.Contains(stderr, "khong-co.eml") {
		t.Errorf("exit %d, stderr %q; want 1 for the missing file", code, stderr)
	}
	var got []daemon.Ingested
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r daemon.Ingested
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not a JSON line: %q: %v", line, err)
		}
		got = append(got, r)
	}
	if len(got) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(got), stdout)
	}
	want := []struct {
		id, outcome, reply string
		version            int
		duplicate          bool
	}{
		{"m1@qldn", "accepted", "receipt", 1, false},
		{"m2@qldn", "accepted", "receipt", 2, false},
		{"m3@qldn", "invalid", "errors", 0, false},
		{"m4@qldn", "ignored", "none", 0, false},
		{"m1@qldn", "accepted", "none", 0, true},
	}
	for i, w := range want {
		r := got[i]
		version := 0
		if len(r.Submissions) > 0 {
			version = r.Submissions[0].Version
			if r.Submissions[0].Form != "BM.04.01/KH" || r.Submissions[0].Period != week || !r.Submissions[0].Valid {
				t.Errorf("line %d: submission %+v", i+1, r.Submissions[0])
			}
		}
		if r.MessageID != w.id || r.Outcome != w.outcome || r.Reply != w.reply || version != w.version || r.Duplicate != w.duplicate || r.Unit != "QLDN" {
			t.Errorf("line %d: got %+v, want %+v", i+1, r, w)
		}
	}
}
