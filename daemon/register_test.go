package daemon

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// registry is the registry clerk (văn thư) of the numbered test office.
const registry = "vt@kcn.example"

// numberedForms gives the monthly report the head's approval, the symbol BC-BQL and the
// numbering named, with a registry clerk.
func numberedForms(numbering string) string {
	return `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
approval = ["tb"]
symbol = "BC-BQL"
numbering = "` + numbering + `"

[[people]]
id = "vt"
name = "Lê Thanh Hương"
title = "Văn thư"
emails = ["` + registry + `"]
roles = ["registry"]

[mail_auth]
trusted_servers = ["mx.kcn.example"]
`
}

func newNumberedEnv(t *testing.T, numbering string) *env {
	e := newOfficeEnv(t, officetest.Options{Forms: numberedForms(numbering)}, nil)
	if err := e.srv.AddUser(registry, "pw"); err != nil {
		t.Fatal(err)
	}
	return e
}

// submittedNumberedEnv is newNumberedEnv once every unit's file is in and the draft gone to
// the head (submitAll), built once a test process (startFrom).
func submittedNumberedEnv(t *testing.T, numbering string) *env {
	t.Helper()
	o := officetest.Options{Forms: numberedForms(numbering)}
	e := startFrom(t, o, "submitted, registry clerk's mailbox", func(t *testing.T) *env {
		e := newNumberedEnv(t, numbering)
		e.submitAll(t)
		return e
	})
	if err := e.srv.AddUser(registry, "pw"); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestRegister_AutoNumber: the head's approval issues the report numbered 01/BC-BQL, in the
// letter and in the register.
func TestRegister_AutoNumber(t *testing.T) {
	t.Parallel()
	e := submittedNumberedEnv(t, "auto")
	e.answer(t, tb, "r1@kcn.example", e.request(t, tb, 1), "Duyệt", authPass)
	issued := e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")
	if len(issued) != 1 || !strings.Contains(issued[0].Text, "Số văn bản: 01/BC-BQL, ngày 16/11/2026.") {
		t.Fatalf("issue letters: %d, want one numbered 01/BC-BQL", len(issued))
	}
	reg, err := e.ledger.Register(context.Background(), 2026)
	if err != nil || len(reg) != 1 || reg[0].Number != "01/BC-BQL" || reg[0].How != ledger.NumberedAuto {
		t.Errorf("register: %+v, %v", reg, err)
	}
}

// TestRegister_RegistryNumbersByReply: the approved report waits for the registry clerk; a
// forged reply is refused, a restart keeps the wait, a number of another symbol is asked again,
// and her number issues the report with it.
func TestRegister_RegistryNumbersByReply(t *testing.T) {
	t.Parallel()
	e := submittedNumberedEnv(t, "registry")
	e.answer(t, tb, "r1@kcn.example", e.request(t, tb, 1), "Duyệt", authPass)
	asked := e.received(t, registry, "Đề nghị cấp số văn bản:")
	if len(asked) != 1 || len(asked[0].Spreadsheets()) != 1 {
		t.Fatalf("requests to the registry: %d, want one with the approved workbook", len(asked))
	}
	if n := len(e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")); n != 0 {
		t.Fatalf("issued before the registry's number: %d letters", n)
	}
	vtPass := officetest.AuthPass(registry)
	// Forged: the MX found it failing DKIM, SPF and DMARC.
	forged := "Authentication-Results: mx.kcn.example; dkim=fail header.d=kcn.example; " +
		"spf=fail smtp.mailfrom=kcn.example; dmarc=fail header.from=kcn.example\r\n"
	e.answer(t, registry, "f1@kcn.example", asked[0], "Số 125/BC-BQL", forged)
	if _, err := e.ledger.LatestIssue(context.Background(), "BM.02.01/KH", "2026-11"); err == nil {
		t.Fatal("a forged reply issued the report")
	}
	if n := e.count(t, "Quarantine"); n != 1 {
		t.Errorf("quarantined: %d, want the forged reply", n)
	}
	e.restart(t)
	e.answer(t, registry, "a1@kcn.example", asked[0], "Số 125/TB-VP", vtPass)
	again := e.received(t, registry, "Đề nghị cấp lại số văn bản:")
	if len(again) != 1 || !strings.Contains(again[0].Text, "không phải ký hiệu của biểu mẫu này") {
		t.Fatalf("asked again: %d letters", len(again))
	}
	e.answer(t, registry, "g1@kcn.example", again[0], "Số 125/BC-BQL", vtPass)
	issued := e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")
	if len(issued) != 1 || !strings.Contains(issued[0].Text, "Số văn bản: 125/BC-BQL") {
		t.Fatalf("issue letters: %d, want one numbered 125/BC-BQL", len(issued))
	}
	if n := len(e.received(t, registry, "Đã ghi số văn bản 125/BC-BQL")); n != 1 {
		t.Errorf("acknowledgements to the registry: %d, want 1", n)
	}
	n, err := e.ledger.IssueNumber(context.Background(), "BM.02.01/KH", "2026-11", 1)
	if err != nil || n.How != ledger.NumberedRegistry || n.Person != "vt" {
		t.Errorf("register: %+v, %v", n, err)
	}
	e.noDuplicates(t)
}

// TestRegister_RestartBetweenNumberingAndSending: the relay refuses the issue mail; the daemon
// restarts; the mail goes out later with the number taken at the issue, which is neither taken
// again nor skipped.
func TestRegister_RestartBetweenNumberingAndSending(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := submittedNumberedEnv(t, "auto")
	req := e.request(t, tb, 1)
	e.srv.FailNext(100, 451, "4.3.0 busy")
	e.answer(t, tb, "r1@kcn.example", req, "Duyệt", authPass)
	if m, err := e.ledger.OutMail(ctx, ledger.IssueKey("BM.02.01/KH", "2026-11")); err != nil || m.Status == "sent" {
		t.Fatalf("issue mail while the relay refuses: %q, %v; want not sent", m.Status, err)
	}
	if n, err := e.ledger.IssueNumber(ctx, "BM.02.01/KH", "2026-11", 1); err != nil || n.Number != "01/BC-BQL" {
		t.Fatalf("number recorded with the issue: %+v, %v", n, err)
	}
	e.srv.FailNext(0, 0, "")
	e.restart(t)
	e.clock.Advance(30 * time.Minute)
	e.step(t)
	issued := e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")
	if len(issued) != 1 || !strings.Contains(issued[0].Text, "Số văn bản: 01/BC-BQL") {
		t.Fatalf("issue letters after the restart: %d, want one numbered 01/BC-BQL", len(issued))
	}
	if next, err := e.ledger.NextSequence(ctx, 2026); err != nil || next != 2 {
		t.Errorf("next number: %d, %v; want 2", next, err)
	}
	e.noDuplicates(t)
}
