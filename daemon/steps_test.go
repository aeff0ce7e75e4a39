package daemon

// Issue 19, part S: comment rounds, initials (ký nháy) and dated steps through the daemon, on
// the loopback servers, with a restart in the middle of each.

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/approve"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// stepsForms gives the monthly report every kind of step: the deputy and the head comment
// within a working day, the deputy initials, the head signs within four working hours, reminded
// two hours before and escalated at the due time.
const stepsForms = `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
approval_remind_after = "4h"

[[forms.steps]]
people = ["ptb", "tb"]
kind = "comment"
due = "+1wd"

[[forms.steps]]
people = ["ptb"]
kind = "initial"

[[forms.steps]]
people = ["tb"]
due = "+4h"
reminders = ["-2h"]
escalate = ["+0h", "+1wd"]

[mail_auth]
trusted_servers = ["mx.kcn.example"]
`

func newStepsEnv(t *testing.T) *env {
	return newOfficeEnv(t, officetest.Options{Forms: stepsForms}, nil)
}

// stepMail returns the one message to addr whose subject starts with prefix.
func (e *env) stepMail(t *testing.T, addr, prefix string) *intake.Message {
	t.Helper()
	var msgs []*intake.Message
	for _, m := range e.received(t, addr, "[TH BM.02.01/KH 2026-11 v1") {
		if strings.HasPrefix(m.Subject, prefix) {
			msgs = append(msgs, m)
		}
	}
	if len(msgs) != 1 {
		t.Fatalf("mails %q to %s: got %d, want 1", prefix, addr, len(msgs))
	}
	return msgs[0]
}

// TestSteps_CommentInitialSign takes a draft through a comment round (restarted when half of it
// has answered), an initial (restarted before the signature) and the signature: the comments
// reach the clerk and the next steps, and the issued report says who initialled.
func TestSteps_CommentInitialSign(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, stepsForms)
	toPTB, toTB := e.stepMail(t, ptb, "Xin ý kiến góp ý: "), e.stepMail(t, tb, "Xin ý kiến góp ý: ")
	if !strings.Contains(toPTB.Text, "kính đề nghị đồng chí cho ý kiến đối với dự thảo lần 1") ||
		!strings.Contains(toPTB.Text, "trước 09:00 ngày 17/11/2026") || len(toTB.Spreadsheets()) != 1 {
		t.Fatalf("comment request:\n%s", toPTB.Text)
	}

	e.answer(t, ptb, "c1@kcn.example", toPTB, "Đề nghị bổ sung số liệu lao động của Phòng QLDN.", authPass)
	st := e.state(t)
	if st.Status != approval.Reviewing || st.Step != 0 || len(st.Answers(0, 1)) != 1 || st.Answers(0, 1)[0].Kind != approval.Commented {
		t.Fatalf("after one comment: %s step %d answers %+v", st.Status, st.Step+1, st.Answers(0, 1))
	}
	if acks := e.received(t, ptb, "Đã nhận ý kiến góp ý:"); len(acks) != 1 || !strings.Contains(acks[0].Text, "bổ sung số liệu lao động") {
		t.Fatalf("acknowledgement of the comment: %d", len(acks))
	}
	e.restart(t) // the round half answered
	e.step(t)
	if st := e.state(t); st.Step != 0 || len(st.Answers(0, 1)) != 1 {
		t.Fatalf("after the restart: step %d, %d answers", st.Step+1, len(st.Answers(0, 1)))
	}
	if line := e.standing(t); !strings.Contains(line, "đã có ý kiến: đồng chí Trần Thị Bình") ||
		!strings.Contains(line, "chưa có ý kiến: đồng chí Nguyễn Văn An") || !strings.Contains(line, "trước 09:00 ngày 17/11/2026") {
		t.Fatalf("status of the round: %q", line)
	}

	e.answer(t, tb, "c2@kcn.example", toTB, "Đồng ý", authPass)
	gathered := e.stepMail(t, officetest.Clerk, "Tổng hợp ý kiến góp ý: ")
	if !strings.Contains(gathered.Text, "bổ sung số liệu lao động") || !strings.Contains(gathered.Text, "nhất trí, không có ý kiến khác") {
		t.Fatalf("comments to the clerk:\n%s", gathered.Text)
	}
	initial := e.stepMail(t, ptb, "Kính trình ký nháy: ")
	if !strings.Contains(initial.Text, "kính trình đồng chí ký nháy") || !strings.Contains(initial.Text, "bổ sung số liệu lao động") {
		t.Fatalf("initial request without the comments:\n%s", initial.Text)
	}

	e.answer(t, ptb, "i1@kcn.example", initial, "Đồng ý", authPass)
	if st := e.state(t); st.Step != 2 || st.Decisions[len(st.Decisions)-1].Kind != approval.Initialed {
		t.Fatalf("after the initial: step %d, %+v", st.Step+1, st.Decisions)
	}
	e.restart(t) // initialled, the signature pending
	e.step(t)
	sign := e.request(t, tb, 1)
	if !strings.Contains(sign.Text, "Phó Trưởng Ban, đã ký nháy lúc") {
		t.Fatalf("signature request does not say who initialled:\n%s", sign.Text)
	}
	e.answer(t, tb, "s1@kcn.example", sign, "Duyệt", authPass)
	if st := e.state(t); st.Status != approval.Issued {
		t.Fatalf("state: %s, want issued", st.Status)
	}
	issued := e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")
	if len(issued) != 1 || !strings.Contains(issued[0].Text, "Phó Trưởng Ban, ký nháy lúc") ||
		!strings.Contains(issued[0].Text, "Trưởng Ban, duyệt lúc") {
		t.Fatalf("issue letter:\n%v", issued)
	}
	checkStamped(t, issued[0])
	e.noDuplicates(t)
}

// checkStamped asserts the issued workbook's title block shows the initial and the approval.
func checkStamped(t *testing.T, msg *intake.Message) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(msg.Spreadsheets()[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var text strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, r := range rows {
			text.WriteString(strings.Join(r, " ") + "\n")
		}
	}
	if !strings.Contains(text.String(), "Đã ký nháy: Phó Trưởng Ban Trần Thị Bình") || !strings.Contains(text.String(), "Đã duyệt: Trưởng Ban Nguyễn Văn An") {
		t.Errorf("issued workbook does not show the initial and the approval")
	}
}

// TestSteps_PastDueDates lets the comment round's due date pass with nobody answering, across a
// restart, then the signature's: the round closes with everyone missing, the head is reminded
// before the due time and escalated once after a pause, the clerk copied.
func TestSteps_PastDueDates(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, stepsForms)
	e.clock.Set(time.Date(2026, 11, 17, 10, 0, 0, 0, e.cfg.Location))
	e.restart(t) // the round's due date passed while the daemon was down
	e.step(t)
	gathered := e.stepMail(t, officetest.Clerk, "Tổng hợp ý kiến góp ý: ")
	if !strings.Contains(gathered.Text, "Đã hết thời hạn xin ý kiến") || !strings.Contains(gathered.Text, "Không nhận được ý kiến nào") {
		t.Fatalf("comments of a silent round:\n%s", gathered.Text)
	}
	// A comment after the round closed is not counted, nor the workbook it carries, although
	// its author holds the step now waiting: it reaches the clerk.
	e.answer(t, ptb, "late@kcn.example", e.stepMail(t, ptb, "Xin ý kiến góp ý: "), "Đề nghị sửa mục 3.", authPass,
		officetest.File{Name: "TongHop_sua.xlsx", Data: e.workbook(t, "QLDN", false)})
	if st := e.state(t); st.Step != 1 || st.Status != approval.Reviewing || len(st.Answers(0, 1)) != 0 || len(st.Decisions) != 0 {
		t.Fatalf("a late comment was counted: %s step %d, %+v", st.Status, st.Step+1, st.Decisions)
	}
	if dr, err := e.ledger.LatestDraft(context.Background(), "BM.02.01/KH", "2026-11"); err != nil || dr.Version != 1 {
		t.Fatalf("latest draft: v%d (%v), want the late comment's workbook not taken", dr.Version, err)
	}
	if r := e.received(t, ptb, "Ý kiến góp ý nhận sau thời hạn:"); len(r) != 1 {
		t.Fatalf("letters about the late comment to its author: %d, want 1", len(r))
	}
	if fw := e.received(t, officetest.Clerk, "Thư của Phó Trưởng Ban Trần Thị Bình"); len(fw) != 1 || !strings.Contains(fw[0].Text, "Đề nghị sửa mục 3.") {
		t.Fatalf("the late comment forwarded to the clerk: %d", len(fw))
	}

	e.answer(t, ptb, "i1@kcn.example", e.stepMail(t, ptb, "Kính trình ký nháy: "), "Đồng ý", authPass)
	sign := e.request(t, tb, 1) // sent Tuesday 10:00, due four working hours later, 16:00 (the office works 07:30–11:30 and 13:30–17:00)
	if !strings.Contains(sign.Text, "trước 16:00 ngày 17/11/2026") {
		t.Fatalf("signature request without its due time:\n%s", sign.Text)
	}
	e.clock.Set(time.Date(2026, 11, 17, 14, 0, 0, 0, e.cfg.Location))
	e.step(t)
	if r := e.received(t, tb, "Nhắc lần 1 – xin ý kiến duyệt:"); len(r) != 1 {
		t.Fatalf("reminders before the due time: %d, want 1", len(r))
	}
	e.restart(t) // past its due date and the next working day, the daemon down
	e.clock.Set(time.Date(2026, 11, 19, 9, 0, 0, 0, e.cfg.Location))
	e.step(t)
	e.step(t)
	late := e.received(t, tb, "Quá thời hạn cho ý kiến")
	if len(late) != 1 || !strings.Contains(late[0].Subject, "(lần 2)") {
		t.Fatalf("escalations after a pause: %d, want one, the second", len(late))
	}
	if cc := e.received(t, officetest.Clerk, "Quá thời hạn cho ý kiến"); len(cc) != 1 {
		t.Fatalf("escalation copies to the clerk: %d, want 1", len(cc))
	}
	e.answer(t, tb, "s1@kcn.example", sign, "Duyệt", authPass)
	if st := e.state(t); st.Status != approval.Issued {
		t.Fatalf("state: %s, want issued after the late signature", st.Status)
	}
	e.noDuplicates(t)
}

// TestSteps_CommentRepliesAuthenticatedAndBound: a comment counts only as an approval would —
// authenticated by the office's mail server, and answering a request sent to its sender.
func TestSteps_CommentRepliesAuthenticatedAndBound(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, stepsForms)
	req := e.stepMail(t, ptb, "Xin ý kiến góp ý: ")
	forged := "Authentication-Results: mx.kcn.example; dkim=fail header.d=kcn.example; " +
		"spf=fail smtp.mailfrom=kcn.example; dmarc=fail header.from=kcn.example\r\n"
	e.answer(t, ptb, "forged@kcn.example", req, "Đề nghị bỏ mục 3.", forged) // the MX found it failing
	unbound := &intake.Message{MessageID: "elsewhere@other.example", Subject: "Xin ý kiến góp ý: [TH BM.02.01/KH 2026-11 v1]"}
	e.answer(t, ptb, "unbound@kcn.example", unbound, "Đề nghị bỏ mục 3.", authPass)
	if st := e.state(t); len(st.Answers(0, 1)) != 0 {
		t.Fatalf("a forged or unbound comment was counted: %+v", st.Answers(0, 1))
	}
	if acks := e.received(t, ptb, "Đã nhận ý kiến góp ý:"); len(acks) != 0 {
		t.Fatalf("acknowledged %d comments that did not count", len(acks))
	}
	e.answer(t, ptb, "c1@kcn.example", req, "Đề nghị bỏ mục 3.", authPass)
	if st := e.state(t); len(st.Answers(0, 1)) != 1 || st.Answers(0, 1)[0].MessageID != "c1@kcn.example" {
		t.Fatalf("the genuine comment: %+v", st.Answers(0, 1))
	}
}

// standing is the status line of November's approval, as the status command prints it.
func (e *env) standing(t *testing.T) string {
	t.Helper()
	o, err := office.Compile(e.cfg, []byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := e.cfg.Form("BM.02.01/KH")
	nov, _ := period.Parse("2026-11")
	s, err := (&approve.Approver{Office: o, Ledger: e.ledger}).Standing(context.Background(), f, nov)
	if err != nil || s == nil {
		t.Fatalf("Standing: %+v, %v", s, err)
	}
	return letters.StepStandingLine(*s)
}
