package daemon

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestCorrection_LeaderCycle: the head answers the issued report asking for a change; the
// clerks get his words, he is acknowledged, the period reopens; the unit resubmits, v2 goes up
// the whole chain, both approve, and v2 is issued as the replacement of the report of that day,
// to the same recipients, the letter and the workbook saying so.
func TestCorrection_LeaderCycle(t *testing.T) {
	t.Parallel()
	e := issuedEnv(t)
	ctx := context.Background()
	issue := e.issueMail(t)
	first, err := e.ledger.OutMail(ctx, ledger.IssueKey("BM.02.01/KH", "2026-11"))
	if err != nil {
		t.Fatal(err)
	}

	e.answer(t, tb, "fix@kcn.example", issue, words, authPass)
	if st := e.state(t); st.Status != approval.Correcting {
		t.Fatalf("after the request: %s, want correcting", st.Status)
	}
	asked := e.one(t, clerk, "Đề nghị điều chỉnh báo cáo đã duyệt")
	if !containsAll(asked.Text, "Đồng chí Nguyễn Văn An, Trưởng Ban, đề nghị điều chỉnh", "đã được duyệt và gửi ngày 16/11/2026 (dự thảo lần 1)",
		"    "+words, "trình duyệt lại từ bước đầu, bắt đầu từ đồng chí Trần Thị Bình, Phó Trưởng Ban;") {
		t.Errorf("the clerks' letter:\n%s", asked.Text)
	}
	if ack := e.one(t, tb, "Đã nhận đề nghị điều chỉnh"); !strings.Contains(ack.Text, "    "+words) || ack.InReplyTo != "fix@kcn.example" {
		t.Errorf("the head's acknowledgement (in reply to %q):\n%s", ack.InReplyTo, ack.Text)
	}
	if p, _ := e.ledger.Period(ctx, "BM.02.01/KH", "2026-11"); p.Status != ledger.PeriodOpen {
		t.Errorf("period: %s, want open for counting", p.Status)
	}
	if c, err := e.ledger.OpenCorrection(ctx, "BM.02.01/KH", "2026-11"); err != nil || c.Words != words || c.OpenedBy != "tb" {
		t.Errorf("correction: %+v (%v)", c, err)
	}
	if n := e.deliveredWith(t, ptb, "v2 k"); n != 0 {
		t.Fatalf("a draft went up before anything changed: %d mails about v2", n)
	}

	e.later(time.Hour)
	e.append(t, mail(officetest.UnitAddr("QLDN"), "resend-qldn@kcn.example", authPass, "bc.xlsx", e.workbook(t, "QLDN", false)))
	e.step(t)
	req := e.request(t, ptb, 2)
	if !strings.Contains(req.Text, "Đây là dự thảo điều chỉnh") || !strings.Contains(req.Text, "báo cáo đã được duyệt và gửi ngày 16/11/2026") {
		t.Errorf("the corrected draft's request does not say what it corrects:\n%s", req.Text)
	}
	e.later(time.Hour)
	e.answer(t, ptb, "ok-ptb-v2@kcn.example", req, "Đồng ý", authPass)
	e.later(time.Hour)
	e.answer(t, tb, "ok-tb-v2@kcn.example", e.request(t, tb, 2), "Duyệt", authPass)

	if st := e.state(t); st.Status != approval.Issued || st.Version != 2 {
		t.Fatalf("after the approvals of v2: %s v%d, want issued v2", st.Status, st.Version)
	}
	again, err := e.ledger.OutMail(ctx, ledger.ReplacementIssueKey("BM.02.01/KH", "2026-11", 2))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again.To, first.To) || !slices.Equal(again.Cc, first.Cc) {
		t.Errorf("replacement to %v cc %v, want the first issue's %v cc %v", again.To, again.Cc, first.To, first.Cc)
	}
	for _, addr := range append(slices.Clone(first.To), first.Cc...) {
		got := e.one(t, addr, "Báo cáo đã duyệt, thay thế báo cáo đã gửi ngày 16/11/2026")
		// The recipients are the head and an address of nobody's: the leaders are greeted as a body.
		if !containsAll(got.Text, "Kính gửi: Lãnh đạo Ban\n", "Báo cáo này thay thế báo cáo đã gửi ngày 16/11/2026.",
			"theo ý kiến của đồng chí Nguyễn Văn An, Trưởng Ban") {
			t.Errorf("replacement letter to %s:\n%s", addr, got.Text)
		}
		checkStamp(t, got.Spreadsheets()[0].Data, "Thay thế báo cáo đã gửi ngày 16/11/2026 (dự thảo lần 1)")
	}
	is, err := e.ledger.LatestIssue(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || is.Number != 2 || is.Version != 2 || is.Basis["QLDN"] != 2 {
		t.Errorf("issue in force: %+v (%v), want number 2 of v2 counting QLDN v2", is, err)
	}
	if _, err := e.ledger.OpenCorrection(ctx, "BM.02.01/KH", "2026-11"); err == nil {
		t.Error("the correction is still open after the replacement")
	}
	if p, _ := e.ledger.Period(ctx, "BM.02.01/KH", "2026-11"); p.Status != ledger.PeriodClosed {
		t.Errorf("period after the replacement: %s, want closed", p.Status)
	}
	e.noDuplicates(t)
}

// checkStamp opens an issued workbook and looks for text in its summary sheet's title block.
func checkStamp(t *testing.T, data []byte, text string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Tổng hợp")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[:min(12, len(rows))] {
		if strings.Contains(strings.Join(row, "|"), text) {
			return
		}
	}
	t.Errorf("the workbook's title block lacks %q: %v", text, rows[:min(12, len(rows))])
}

// TestCorrection_Refusals: a request for changes from a forged head's address opens nothing and
// reaches the clerks marked unverified, unattached; the head's thanks opens nothing either.
func TestCorrection_Refusals(t *testing.T) {
	t.Parallel()
	e := issuedEnv(t)
	ctx := context.Background()
	issue := e.issueMail(t)
	e.answer(t, tb, "forged-fix@kcn.example", issue, words, failAuth)
	if st := e.state(t); st.Status != approval.Issued {
		t.Fatalf("a forged request moved the report: %s", st.Status)
	}
	fwd := e.one(t, clerk, "Thư của Trưởng Ban Nguyễn Văn An")
	if !strings.Contains(fwd.Text, "LƯU Ý: Thư không qua được bước xác thực người gửi") || len(fwd.Attachments) != 0 ||
		!strings.Contains(fwd.Text, "> "+words) {
		t.Errorf("forward of the forged request (%d attachments):\n%s", len(fwd.Attachments), fwd.Text)
	}
	if n := e.deliveredWith(t, tb, "Đã nhận đề nghị điều chỉnh"); n != 0 {
		t.Errorf("the forged request was acknowledged to the head's address: %d", n)
	}
	if m := e.mailNamed(t, "forged-fix@kcn.example", tb); m.Outcome != ledger.OutcomeQuarantined {
		t.Errorf("forged request: %s, want quarantined", m.Outcome)
	}
	// The head's thanks asks for nothing: the clerks get it, nothing opens.
	e.answer(t, tb, "thanks@kcn.example", issue, "Cảm ơn các đồng chí.", authPass)
	if st := e.state(t); st.Status != approval.Issued {
		t.Fatalf("thanks moved the report: %s", st.Status)
	}
	if got := e.received(t, clerk, "Thư của Trưởng Ban Nguyễn Văn An"); len(got) != 2 ||
		!strings.Contains(got[1].Text, "Thư không đề nghị điều chỉnh báo cáo đã duyệt") {
		t.Errorf("forwards to the clerk: %d", len(got))
	}
	if _, err := e.ledger.OpenCorrection(ctx, "BM.02.01/KH", "2026-11"); err == nil {
		t.Error("a correction was opened")
	}
}

// TestCorrection_EditedWorkbook: the head answers the issued report with his own edit of it;
// the edit is the corrected draft at once, and goes up the whole chain from the first step.
func TestCorrection_EditedWorkbook(t *testing.T) {
	t.Parallel()
	e := issuedEnv(t)
	ctx := context.Background()
	issue := e.issueMail(t)
	edit := issue.Spreadsheets()[0].Data
	e.answer(t, tb, "edit@kcn.example", issue, "Tôi đã sửa chỉ tiêu 2 trong tệp gửi kèm, đề nghị trình lại.", authPass,
		officetest.File{Name: "sua.xlsx", Data: edit})
	d, err := e.ledger.LatestDraft(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || d.Version != 2 || d.Author != "tb" || d.Trigger != ledger.TriggerEdited {
		t.Fatalf("latest draft: %+v (%v), want v2 edited by the head", d, err)
	}
	if st := e.state(t); st.Status != approval.Reviewing || st.Version != 2 || st.Step != 0 {
		t.Fatalf("state: %s v%d step %d, want reviewing v2 at the first step", st.Status, st.Version, st.Step+1)
	}
	if asked := e.one(t, clerk, "Đề nghị điều chỉnh"); !strings.Contains(asked.Text, "“sua.xlsx”; tệp này được lưu làm dự thảo mới") {
		t.Errorf("the clerks' letter:\n%s", asked.Text)
	}
	e.request(t, ptb, 2)
}
