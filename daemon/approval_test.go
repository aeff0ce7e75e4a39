package daemon

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

const (
	ptb = officetest.Supervisor // first step
	tb  = officetest.Approver   // last step
)

// TestApproval_TwoStepsWithRestarts drives a draft through both steps, restarting the daemon
// and the ledger between every step: the report is issued once, stamped with both approvals,
// the period closes, and no mail goes out twice.
func TestApproval_TwoStepsWithRestarts(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	req := e.request(t, ptb, 1)
	if len(req.Spreadsheets()) != 1 || !strings.Contains(req.Text, "4/4 đơn vị") {
		t.Fatalf("request: %d workbooks, text %q; want the draft and 4/4 units", len(req.Spreadsheets()), req.Text)
	}
	e.restart(t)
	e.answer(t, ptb, "r1@kcn.example", req, "Đồng ý", authPass)
	if st := e.state(t); st.Status != approval.Reviewing || st.Step != 1 {
		t.Fatalf("after the first step: %s step %d, want reviewing step 2", st.Status, st.Step+1)
	}
	if acks := e.received(t, ptb, "Đã nhận ý kiến:"); len(acks) != 1 || !strings.Contains(acks[0].Text, "DUYỆT") {
		t.Fatalf("acknowledgements to the first step: %d", len(acks))
	}
	e.restart(t)
	final := e.request(t, tb, 1)
	if !strings.Contains(final.Text, "Đồng chí Trần Thị Bình, Phó Trưởng Ban, đã duyệt") {
		t.Errorf("request to the head does not say who approved before:\n%s", final.Text)
	}
	e.restart(t)
	e.answer(t, tb, "r2@kcn.example", final, "Duyệt", authPass)
	e.restart(t)
	e.step(t) // nothing more to do
	checkIssued(t, e, 1, "r2@kcn.example")
	// The same reply read again (a crash before the mailbox moved it) changes nothing.
	e.answer(t, tb, "r2@kcn.example", final, "Duyệt", authPass)
	checkIssued(t, e, 1, "r2@kcn.example")
	e.noDuplicates(t)
}

// checkIssued asserts the report was issued once with version v, the period closed, and the
// workbook stamped with the last approval's reply.
func checkIssued(t *testing.T, e *env, v int, replyID string) {
	t.Helper()
	ctx := context.Background()
	if st := e.state(t); st.Status != approval.Issued || st.Version != v {
		t.Fatalf("state: %s v%d, want issued v%d", st.Status, st.Version, v)
	}
	p, err := e.ledger.Period(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || p.Status != ledger.PeriodClosed {
		t.Fatalf("period: %q, %v; want closed", p.Status, err)
	}
	nov, _ := period.Parse("2026-11")
	if _, err := e.ledger.FirstEvent(ctx, ledger.ActionReportIssued, ledger.PeriodObject("BM.02.01/KH", nov.String())); err != nil {
		t.Fatalf("issue event: %v", err)
	}
	issued := e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")
	if len(issued) != 1 || len(issued[0].Spreadsheets()) != 1 {
		t.Fatalf("issued mails to the office: %d", len(issued))
	}
	// The letter says who approved when, nothing technical: the approving reply is cited on the
	// workbook (below), not in the letter.
	// No recipients are configured: the report goes to the clerk, and the letter greets her.
	if !strings.HasPrefix(issued[0].Text, "Kính gửi: Đồng chí Lê Thị Thu, Chuyên viên Văn phòng") {
		t.Errorf("issue letter greets otherwise than the clerk it goes to:\n%s", issued[0].Text)
	}
	if strings.Contains(issued[0].Text, replyID) || !strings.Contains(issued[0].Text, "Đồng chí Nguyễn Văn An, Trưởng Ban, duyệt lúc") {
		t.Errorf("issue letter: want who approved when and no Message-ID %s:\n%s", replyID, issued[0].Text)
	}
	f, err := excelize.OpenReader(bytes.NewReader(issued[0].Spreadsheets()[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, p := range props {
		got[p.Name] = p.Value
	}
	if got["tonghop.approved_by"] != "Trưởng Ban Nguyễn Văn An" || got["tonghop.approval_message_id"] != replyID {
		t.Errorf("issued workbook properties: %v", got)
	}
}

// TestApproval_ReviseThenApprove: changes asked at the first step reach the office verbatim;
// a unit's corrected file makes the next version, which goes through both steps.
func TestApproval_ReviseThenApprove(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	e.answer(t, ptb, "r1@kcn.example", e.request(t, ptb, 1), "Không duyệt, sửa lại mục 2 cho khớp số liệu", authPass)
	if st := e.state(t); st.Status != approval.Revising {
		t.Fatalf("state after a refusal: %s, want revising", st.Status)
	}
	rev := e.received(t, officetest.Clerk, "Đề nghị chỉnh sửa:")
	if len(rev) != 1 || !strings.Contains(rev[0].Text, "Không duyệt, sửa lại mục 2 cho khớp số liệu") {
		t.Fatalf("revision to the office: %d mails", len(rev))
	}
	e.restart(t)
	e.append(t, mail(officetest.UnitAddr("QLDN"), "sub-QLDN-2@kcn.example", authPass, "bc.xlsx", e.workbook(t, "QLDN", false)))
	e.step(t)
	req := e.request(t, ptb, 2)
	if !strings.Contains(req.Text, "gửi lại, dùng lần gửi thứ 2 thay lần gửi thứ 1") {
		t.Errorf("request v2 does not say what changed:\n%s", req.Text)
	}
	e.answer(t, ptb, "r2@kcn.example", req, "Đồng ý", authPass)
	e.answer(t, tb, "r3@kcn.example", e.request(t, tb, 2), "Duyệt", authPass)
	checkIssued(t, e, 2, "r3@kcn.example")
	e.noDuplicates(t)
}

// TestApproval_RepliesNotCounted: the head answering before the deputy, a stranger, an answer
// about an old version and an out-of-office are never counted.
func TestApproval_RepliesNotCounted(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	v1 := e.request(t, ptb, 1)
	e.answer(t, tb, "early@kcn.example", v1, "Duyệt", authPass)
	if n := len(e.received(t, tb, "Dự thảo đang chờ ý kiến bước trước:")); n != 1 {
		t.Errorf("not-your-turn notices to the head: %d, want 1", n)
	}
	e.answer(t, officetest.StrangerAddr, "x@other.example", v1, "Duyệt", "")
	if n := len(e.received(t, officetest.Clerk, "Thư trả lời không được tính")); n != 1 {
		t.Errorf("refusal notices to the office: %d, want 1", n)
	}
	e.answer(t, ptb, "ooo@kcn.example", v1, "Tôi đang đi công tác, sẽ trả lời sau.",
		authPass+"Auto-Submitted: auto-replied\r\n")
	e.append(t, mail(officetest.UnitAddr("QLDN"), "sub-QLDN-2@kcn.example", authPass, "bc.xlsx", e.workbook(t, "QLDN", false)))
	e.step(t)
	e.answer(t, ptb, "late@kcn.example", v1, "Đồng ý", authPass)
	if n := len(e.received(t, ptb, "Kính trình dự thảo mới:")); n != 1 {
		t.Errorf("stale notices to the deputy: %d, want 1", n)
	}
	st := e.state(t)
	if st.Status != approval.Reviewing || st.Step != 0 || st.Version != 2 || len(st.Decisions) != 0 {
		t.Fatalf("state: %s step %d v%d, %d decisions; want reviewing step 1 v2 without decisions", st.Status, st.Step+1, st.Version, len(st.Decisions))
	}
	if n := e.count(t, "Quarantine"); n != 1 {
		t.Errorf("quarantined: %d, want the stranger's reply", n)
	}
}

// TestApproval_SpoofedReply: a "Duyệt" from the right address that the MX found failing DKIM
// is quarantined, reaches the clerks marked as unverified, and changes nothing; the genuine one
// then counts.
func TestApproval_SpoofedReply(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	req := e.request(t, ptb, 1)
	forged := "Authentication-Results: mx.kcn.example; dkim=fail header.d=kcn.example; " +
		"spf=fail smtp.mailfrom=kcn.example; dmarc=fail header.from=kcn.example\r\n"
	e.answer(t, ptb, "forged@kcn.example", req, "Đồng ý", forged)
	if st := e.state(t); st.Step != 0 || len(st.Decisions) != 0 {
		t.Fatalf("a forged reply moved the chain: step %d, %d decisions", st.Step+1, len(st.Decisions))
	}
	notices := e.received(t, officetest.Clerk, "Thư của Phó Trưởng Ban Trần Thị Bình")
	if len(notices) != 1 || !strings.Contains(notices[0].Text, "LƯU Ý: Thư không qua được bước xác thực người gửi") ||
		len(notices[0].Attachments) != 0 {
		t.Fatalf("forwards of the forged reply to the office: %d, want one marked unverified, nothing attached", len(notices))
	}
	if got := e.received(t, ptb, "Đã ghi nhận"); len(got) != 0 {
		t.Errorf("acknowledgements to the deputy's address: %d, want none", len(got))
	}
	if n := e.count(t, "Quarantine"); n != 1 {
		t.Errorf("quarantined: %d, want 1", n)
	}
	e.answer(t, ptb, "genuine@kcn.example", req, "Đồng ý", authPass)
	if st := e.state(t); st.Step != 1 {
		t.Fatalf("the genuine reply did not count: step %d", st.Step+1)
	}
}

// TestApproval_UnclearTwice: an unreadable answer is asked again once; a second one goes to
// the office for a person to read.
func TestApproval_UnclearTwice(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	req := e.request(t, ptb, 1)
	e.answer(t, ptb, "u1@kcn.example", req, "Đã xem", authPass)
	if n := len(e.received(t, ptb, "Kính đề nghị trả lời lại:")); n != 1 {
		t.Fatalf("ask-again mails: %d, want 1", n)
	}
	e.answer(t, ptb, "u2@kcn.example", req, "Để mai tôi xem lại", authPass)
	if n := len(e.received(t, ptb, "Kính đề nghị trả lời lại:")); n != 1 {
		t.Errorf("asked again twice: %d mails", n)
	}
	if n := len(e.received(t, officetest.Clerk, "Cần xác nhận ý kiến của lãnh đạo:")); n != 1 {
		t.Errorf("unclear notices to the office: %d, want 1", n)
	}
	if st := e.state(t); st.Step != 0 || st.Status != approval.Reviewing {
		t.Fatalf("state: %s step %d, want still reviewing step 1", st.Status, st.Step+1)
	}
}

// TestApproval_EditedWorkbook: the head approves with an edited workbook attached; it becomes
// the next draft, authored by the head, and is what is issued.
func TestApproval_EditedWorkbook(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	e.answer(t, ptb, "r1@kcn.example", e.request(t, ptb, 1), "Đồng ý", authPass)
	final := e.request(t, tb, 1)
	edited := editWorkbook(t, final.Spreadsheets()[0].Data, "Lãnh đạo đã sửa")
	e.restart(t)
	e.answer(t, tb, "r2@kcn.example", final, "Duyệt", authPass, officetest.File{Name: "sua.xlsx", Data: edited})
	head, err := e.ledger.LatestDraft(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil || head.Version != 2 || head.Author != "tb" || head.Trigger != ledger.TriggerEdited {
		t.Fatalf("latest draft: v%d by %q (%s), %v; want v2 edited by tb", head.Version, head.Author, head.Trigger, err)
	}
	checkIssued(t, e, 2, "r2@kcn.example")
	issued := e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")[0].Spreadsheets()[0].Data
	f, err := excelize.OpenReader(bytes.NewReader(issued))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(f.GetSheetName(0), "Z1"); v != "Lãnh đạo đã sửa" {
		t.Errorf("the issued workbook is not the edited one: Z1 = %q", v)
	}
}

// editWorkbook writes a mark into the first sheet, as a leader editing the draft would.
func editWorkbook(t *testing.T, data []byte, mark string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellStr(f.GetSheetName(0), "Z1", mark); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
