package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

const registerForms = `[[forms]]
code = "BM.02.01/KH"
symbol = "BC-BQL"
numbering = "registry"
[[people]]
id = "van_thu"
name = "Lê Thanh Hương"
title = "Văn thư"
emails = ["vanthu@kcn.example"]
roles = ["registry"]
`

// recordRegister issues November's report (01, auto), its replacement (125, by the registry
// clerk), January's report of the next year (01 of 2027), and leaves December waiting.
func recordRegister(t *testing.T, dataDir string) {
	t.Helper()
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04 -0700", s+" +0700")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	issue := func(p string, issue, version int, n ledger.Numbered, rev int) {
		n.Symbol, n.At = "BC-BQL", at(n.Dated+" 10:00")
		err := l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: "BM.02.01/KH", Period: p, State: json.RawMessage(`{}`), Revision: rev,
			At: n.At, Issue: &ledger.Issue{Number: issue, Version: version, At: n.At, Numbered: &n}})
		if err != nil {
			t.Fatal(err)
		}
	}
	issue("2026-11", 1, 3, ledger.Numbered{Year: 2026, Sequence: 1, Number: "01/BC-BQL", Dated: "2026-11-20", How: ledger.NumberedAuto}, 0)
	issue("2026-11", 2, 4, ledger.Numbered{Year: 2026, Sequence: 125, Number: "125/BC-BQL", Dated: "2026-11-26",
		How: ledger.NumberedRegistry, Person: "van_thu", Replaces: "01/BC-BQL"}, 1)
	issue("2027-01", 1, 1, ledger.Numbered{Year: 2027, Sequence: 1, Number: "01/BC-BQL", Dated: "2027-02-05", How: ledger.NumberedAuto}, 0)
	w := ledger.RegisterWait{Version: 2, Action: json.RawMessage(`{}`), Since: at("2026-12-21 09:00")}
	if err := l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: "BM.02.01/KH", Period: "2026-12", State: json.RawMessage(`{}`),
		At: w.Since, Wait: &w}); err != nil {
		t.Fatal(err)
	}
}

func TestRegister(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", registerForms)
	if code, _, errs := runCLI(t, "register", "--config", cfg, "--year", "2026"); code != 1 || !strings.Contains(errs, "no ledger") {
		t.Errorf("without a ledger: code %d, %q; want 1 and no ledger", code, errs)
	}
	recordRegister(t, dataDir)

	code, out, errs := runCLI(t, "register", "--config", cfg, "--year", "2026")
	if code != 0 {
		t.Fatalf("register: code %d: %s", code, errs)
	}
	for _, want := range []string{
		"Sổ văn bản đi năm 2026",
		"\n01/BC-BQL    20/11/2026  BM.02.01/KH  2026-11  lần 3             tự động\n",
		"\n125/BC-BQL   26/11/2026  BM.02.01/KH  2026-11  lần 4, gửi lần 2  văn thư Lê Thanh Hương  01/BC-BQL\n",
		"Chờ văn thư cấp số: biểu mẫu BM.02.01/KH, Tháng 12/2026, dự thảo lần 2 đã được duyệt.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("register of 2026 lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "2027-01") {
		t.Errorf("register of 2026 lists 2027's document:\n%s", out)
	}

	code, out, _ = runCLI(t, "register", "--config", cfg, "--year", "2026", "--tsv")
	want := lines(registerTSVHeader,
		"01/BC-BQL\t2026-11-20\tBM.02.01/KH\t2026-11\t1\t3\tauto\t\t",
		"125/BC-BQL\t2026-11-26\tBM.02.01/KH\t2026-11\t2\t4\tregistry\tvan_thu\t01/BC-BQL")
	if code != 0 || out != want {
		t.Errorf("register --tsv: code %d\n got %q\nwant %q", code, out, want)
	}
	code, out, _ = runCLI(t, "register", "--config", cfg, "--year", "2027", "--tsv")
	if code != 0 || out != lines(registerTSVHeader, "01/BC-BQL\t2027-02-05\tBM.02.01/KH\t2027-01\t1\t1\tauto\t\t") {
		t.Errorf("register of 2027 (numbered from 01 again): code %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "register", "--config", cfg, "--year", "2025")
	if code != 0 || !strings.Contains(out, "Chưa có văn bản nào được cấp số trong năm.") {
		t.Errorf("register of an empty year: code %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "register", "--config", cfg, "--year", "26"); code != 2 {
		t.Errorf("--year 26: code %d, want 2", code)
	}
}

// TestStatus_AwaitingNumber: a period whose approved report waits for the registry clerk's
// number says so in `status`.
func TestStatus_AwaitingNumber(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", registerForms)
	recordRegister(t, dataDir)
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	dec := time.Date(2026, 12, 18, 10, 0, 0, 0, time.UTC)
	_, err = l.EnsurePeriod(context.Background(), ledger.Period{Form: "BM.02.01/KH", Period: "2026-12", Start: dec.AddDate(0, 0, -17),
		End: dec.AddDate(0, 0, 13), Deadline: dec, Status: ledger.PeriodClosed, OpenedAt: dec.AddDate(0, 0, -17)})
	l.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "status", "--config", cfg, "--period", "2026-12", "--at", "2026-12-22 09:00")
	if code != 0 || !strings.Contains(out, "báo cáo đã duyệt, chờ cấp số văn bản") {
		t.Errorf("status of a period waiting for its number: code %d %s\n%s", code, errs, out)
	}
}
