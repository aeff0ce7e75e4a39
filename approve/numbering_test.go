package approve

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/reportbook"
)

// registryAddr is the registry clerk's (văn thư) address in the numbered test office.
const registryAddr = "vt@kcn.example"

// numberedApprover is newApprover on the test office whose form has the symbol BC-BQL and is
// numbered as numbering says, with a registry clerk "vt". It returns the ledger's directory too,
// to open it again as a restarted daemon does.
func numberedApprover(t *testing.T, numbering string) (*Approver, string) {
	t.Helper()
	forms := officetest.FormsDefault + fmt.Sprintf("symbol = \"BC-BQL\"\nnumbering = %q\n", numbering) +
		"\n[[people]]\nid = \"vt\"\nname = \"Lê Thanh Hương\"\ntitle = \"Văn thư\"\nemails = [\"" + registryAddr + "\"]\nroles = [\"registry\"]\n"
	_, path := officetest.OfficeWith(t, testKey, officetest.Options{Forms: forms})
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	o, err := office.Compile(cfg, []byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	return &Approver{Office: o, Ledger: openLedger(t, cfg.DataDir), Now: func() time.Time { return testNow }}, cfg.DataDir
}

func openLedger(t *testing.T, dir string) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// mailFrom is a mail from addr answering the outbox mail key (its subject, Re:, and In-Reply-To
// unless unthreaded), authenticated by the office's MX when auth.
func mailFrom(t *testing.T, a *Approver, addr, key, id, body string, auth bool) []byte {
	t.Helper()
	out, err := a.Ledger.OutMail(context.Background(), key)
	if err != nil {
		t.Fatalf("mail %s: %v", key, err)
	}
	head := ""
	if auth {
		head = officetest.AuthPass(addr)
	}
	return fmt.Appendf(nil, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <%s@kcn.example>\r\n"+
		"Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", head, addr, officetest.OfficeAddr, id,
		base64.StdEncoding.EncodeToString([]byte("Re: "+out.Subject)), body)
}

// deliver reads raw as the daemon does (Thread, then Reply) and records it.
func deliver(t *testing.T, a *Approver, raw []byte) ledger.Intake {
	t.Helper()
	ctx := context.Background()
	msg, in := receivedIntake(t, a, raw)
	ref, ok := a.Thread(ctx, msg)
	if !ok {
		t.Fatalf("mail %q answers no draft", msg.Subject)
	}
	if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	return in
}

// stampedNumber reads the number stamped on the workbook of issue n.
func stampedNumber(t *testing.T, a *Approver, n int) string {
	t.Helper()
	issues, err := a.Ledger.Issues(context.Background(), form)
	if err != nil || len(issues) < n {
		t.Fatalf("issues: %v (%d)", err, len(issues))
	}
	data, err := a.Ledger.Blob(issues[n-1].FileSHA256)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range props {
		if p.Name == reportbook.PropNumber {
			s, _ := p.Value.(string)
			return s
		}
	}
	return ""
}

func issueMail(t *testing.T, a *Approver, key string) string {
	t.Helper()
	m, err := a.Ledger.OutMail(context.Background(), key)
	if err != nil {
		t.Fatalf("issue mail %s: %v", key, err)
	}
	return m.Body
}

// TestNumbering_AutoAcrossTwoIssues: the first issue takes 01/BC-BQL; the correction's
// replacement is a new document: 02/BC-BQL, naming the number it replaces.
func TestNumbering_AutoAcrossTwoIssues(t *testing.T) {
	ctx := context.Background()
	a, _ := numberedApprover(t, "auto")
	issueV1(t, a)
	n1, err := a.Ledger.IssueNumber(ctx, form, month, 1)
	if err != nil || n1.Number != "01/BC-BQL" || n1.How != ledger.NumberedAuto || n1.Dated != "2026-11-16" {
		t.Fatalf("first issue's number: got %+v, %v; want 01/BC-BQL, auto, dated 2026-11-16", n1, err)
	}
	if body := issueMail(t, a, ledger.IssueKey(form, month)); !strings.Contains(body, "Số văn bản: 01/BC-BQL, ngày 16/11/2026.") {
		t.Errorf("issue letter without its number:\n%s", body)
	}
	if got := stampedNumber(t, a, 1); got != "01/BC-BQL" {
		t.Errorf("issued workbook's number: got %q, want 01/BC-BQL", got)
	}
	// The head asks for a correction; v2 is built after it and approved.
	f, _ := a.Office.Form(form)
	p, _ := period.Parse(month)
	stored, err := a.load(ctx, form, month)
	if err != nil {
		t.Fatal(err)
	}
	u, _, err := a.reopenUpdate(ctx, Ref{Form: f, Period: p, Version: 1}, stored, opening{person: mustPerson(t, a, "tb"), cause: ledger.CauseLeader, words: "Sửa"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Ledger.SaveApproval(ctx, u); err != nil {
		t.Fatal(err)
	}
	storeDraft(t, a, testNow.Add(time.Minute))
	a.Now = func() time.Time { return testNow.Add(2 * time.Minute) }
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	deliver(t, a, mailFrom(t, a, officetest.Approver, ledger.ApprovalRequestKey(form, month, 2, 1, "tb"), "r2", "Duyệt", true))
	n2, err := a.Ledger.IssueNumber(ctx, form, month, 2)
	if err != nil || n2.Number != "02/BC-BQL" || n2.Replaces != "01/BC-BQL" || n2.Version != 2 {
		t.Fatalf("replacement's number: got %+v, %v; want 02/BC-BQL of v2 replacing 01/BC-BQL", n2, err)
	}
	body := issueMail(t, a, ledger.ReplacementIssueKey(form, month, 2))
	if !strings.Contains(body, "Số văn bản: 02/BC-BQL") || !strings.Contains(body, "thay thế văn bản số 01/BC-BQL") {
		t.Errorf("replacement letter without its number and the one it replaces:\n%s", body)
	}
	if got := stampedNumber(t, a, 2); got != "02/BC-BQL" {
		t.Errorf("replacement workbook's number: got %q, want 02/BC-BQL", got)
	}
}

// TestNumbering_Registry: the approved report waits for the registry clerk; a forged or
// unbound reply is refused, an unusable number asked again, the wait survives a restart and is
// reminded, and her number issues the report.
func TestNumbering_Registry(t *testing.T) {
	ctx := context.Background()
	a, dir := numberedApprover(t, "registry")
	addDraft(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	msg, raw, in := replyMail(t, a, "Duyệt")
	ref, _ := a.Thread(ctx, msg)
	if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.LatestIssue(ctx, form, month); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("issued before the registry's number: %v", err)
	}
	reqKey := ledger.RegistryRequestKey(form, month, 1, "vt")
	req, err := a.Ledger.OutMail(ctx, reqKey)
	if err != nil || req.To[0] != registryAddr || len(req.Attachments) != 1 || !strings.Contains(req.Body, "ví dụ “125/BC-BQL”") {
		t.Fatalf("request to the registry: %+v, %v", req, err)
	}
	if st := state(t, a); st.Status != approval.Issued {
		t.Fatalf("approval: got %s, want issued (the chain decided)", st.Status)
	}

	t.Run("ForgedRefused", func(t *testing.T) {
		in := deliver(t, a, mailFrom(t, a, registryAddr, reqKey, "forged", "Số 125/BC-BQL", false))
		if in.Mail.Outcome != ledger.OutcomeQuarantined {
			t.Errorf("unauthenticated reply: got %s, want quarantined", in.Mail.Outcome)
		}
	})
	t.Run("UnboundRefused", func(t *testing.T) {
		// Authenticated, but its subject's token is a leader's, not the one sent to her.
		raw := mailFrom(t, a, registryAddr, ledger.ApprovalRequestKey(form, month, 1, 1, "tb"), "unbound", "Số 125/BC-BQL", true)
		in := deliver(t, a, raw)
		if in.Mail.Outcome != ledger.OutcomeQuarantined {
			t.Errorf("unbound reply: got %s, want quarantined", in.Mail.Outcome)
		}
	})
	if _, err := a.Ledger.LatestIssue(ctx, form, month); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("a refused reply issued the report: %v", err)
	}
	t.Run("LeaderChangeForwarded", func(t *testing.T) {
		// Nothing is issued yet: the head's request for changes opens no correction.
		in := deliver(t, a, mailFrom(t, a, officetest.Approver, ledger.ApprovalRequestKey(form, month, 1, 1, "tb"), "fix",
			"Đề nghị sửa lại số liệu chỉ tiêu 2.", true))
		if _, err := a.Ledger.OpenCorrection(ctx, form, month); !errors.Is(err, ledger.ErrNotFound) {
			t.Errorf("correction while waiting for the number: %v, want none", err)
		}
		m, err := a.Ledger.OutMail(ctx, ledger.ForwardKey(in.Mail.SHA256))
		if err != nil || !strings.Contains(m.Body, "đang chờ văn thư cấp số văn bản") {
			t.Errorf("forward to the clerks (%v):\n%s", err, m.Body)
		}
	})

	// Restart while waiting: the wait is in the ledger; nothing is sent again, the reminder
	// comes after four working hours (lunch excepted).
	if err := a.Ledger.Close(); err != nil {
		t.Fatal(err)
	}
	a.Ledger = openLedger(t, dir)
	a.Now = func() time.Time { return testNow.Add(7 * time.Hour) } // 16:00: over four working hours since 09:00
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.OutMail(ctx, ledger.RegistryReminderKey(form, month, 1, 1, "vt")); err != nil {
		t.Errorf("reminder to the registry after a restart: %v", err)
	}
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.OutMail(ctx, ledger.RegistryReminderKey(form, month, 1, 2, "vt")); !errors.Is(err, ledger.ErrNotFound) {
		t.Errorf("second reminder at once: %v, want none yet", err)
	}

	// 05/BC-BQL is already in the register (another document of the year).
	other := ledger.ApprovalUpdate{Form: "KHAC", Period: month, State: []byte(`{}`), At: testNow,
		Issue: &ledger.Issue{Number: 1, Version: 1, At: testNow, Numbered: &ledger.Numbered{Year: 2026, Sequence: 5,
			Number: "05/BC-BQL", Symbol: "BC-BQL", Dated: "2026-11-16", How: ledger.NumberedRegistry, Person: "vt", At: testNow}}}
	if err := a.Ledger.SaveApproval(ctx, other); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ id, body, want string }{
		{"symbol", "Số 7/TB-VP", "không phải ký hiệu của biểu mẫu này"},
		{"taken", "Số 05/BC-BQL", "đã có trong sổ văn bản đi năm 2026"},
		{"unread", "Chiều chị cấp số nhé.", "không tìm thấy số văn bản"},
	} {
		in := deliver(t, a, mailFrom(t, a, registryAddr, reqKey, tc.id, tc.body, true))
		m, err := a.Ledger.OutMail(ctx, ledger.RegistryReplyKey(in.Mail.SHA256, "ask-again"))
		if err != nil || !strings.Contains(m.Body, tc.want) || m.To[0] != registryAddr {
			t.Errorf("%s: asked again: %v\n%s", tc.id, err, m.Body)
		}
	}
	if w, err := a.Ledger.RegisterWaitOf(ctx, form, month); err != nil || w.Asked != 4 {
		t.Errorf("wait after three unusable answers: %+v, %v; want asked 4 times", w, err)
	}

	// Her number, answering the letter that asked again (bound by its token too).
	in = deliver(t, a, mailFrom(t, a, registryAddr, reqKey, "given", "Số 125/BC-BQL ngày 16/11/2026\n\nHương", true))
	n, err := a.Ledger.IssueNumber(ctx, form, month, 1)
	if err != nil || n.Number != "125/BC-BQL" || n.How != ledger.NumberedRegistry || n.Person != "vt" || n.MailSHA256 != in.Mail.SHA256 {
		t.Fatalf("registry number: got %+v, %v", n, err)
	}
	if body := issueMail(t, a, ledger.IssueKey(form, month)); !strings.Contains(body, "Số văn bản: 125/BC-BQL, ngày 16/11/2026.") {
		t.Errorf("issue letter without her number:\n%s", body)
	}
	if _, err := a.Ledger.RegisterWaitOf(ctx, form, month); !errors.Is(err, ledger.ErrNotFound) {
		t.Errorf("wait after the number: %v, want none", err)
	}
	if _, err := a.Ledger.OutMail(ctx, ledger.RegistryReplyKey(in.Mail.SHA256, "recorded")); err != nil {
		t.Errorf("acknowledgement to the registry: %v", err)
	}
}
