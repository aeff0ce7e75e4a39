package daemon

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/report"
)

// lateFile delivers QLDT's second file after the issue and returns the clerks' notice asking
// for their decision, having checked the unit's receipt says one clear thing.
func (e *env) lateFile(t *testing.T) {
	t.Helper()
	e.append(t, mail(officetest.UnitAddr("QLDT"), "late-qldt@kcn.example", authPass, "bc.xlsx", e.workbook(t, "QLDT", false)))
	e.step(t)
	receipt := e.one(t, officetest.UnitAddr("QLDT"), "gửi sau khi báo cáo tổng hợp đã được duyệt")
	if !containsAll(receipt.Text, "lần gửi thứ 2. Tệp đã được kiểm tra và hợp lệ.",
		"Báo cáo tổng hợp kỳ này đã được duyệt và gửi ngày 16/11/2026, với số liệu lần gửi thứ 1 của đơn vị.",
		"sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh hay không và sẽ thông báo kết quả cho đơn vị") ||
		strings.Contains(receipt.Text, "được tiếp nhận") || strings.Contains(receipt.Text, "khóa sổ") {
		t.Errorf("the unit's receipt:\n%s", receipt.Text)
	}
	if got := e.counted(t)["QLDT"]; got != 1 {
		t.Errorf("QLDT counted before the decision: v%d, want v1", got)
	}
}

// counted is what the next report would count: unit → version.
func (e *env) counted(t *testing.T) map[string]int {
	t.Helper()
	latest, err := e.ledger.LatestValid(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for u, s := range latest {
		out[u] = s.Version
	}
	return out
}

// lateNotice is the clerks' notice about QLDT's v2.
func (e *env) lateNotice(t *testing.T) *intake.Message {
	t.Helper()
	n := e.one(t, clerk, "[TH BM.02.01/KH 2026-11 QLDT v2 k")
	if !containsAll(n.Text, "“Đồng ý đưa vào”", "“Không đưa vào”") || len(n.Spreadsheets()) != 1 {
		t.Errorf("notice (%d workbooks):\n%s", len(n.Spreadsheets()), n.Text)
	}
	return n
}

// TestLateFile_TakenIn: a file after the issue; the clerk answers "Đồng ý đưa vào"; the unit is
// told, a correction opens with the file counted, v2 goes up the whole chain and is issued as
// the replacement, saying whose late figures it takes in.
func TestLateFile_TakenIn(t *testing.T) {
	t.Parallel()
	e := issuedEnv(t)
	ctx := context.Background()
	e.lateFile(t)
	o := compiled(t, e.cfg)
	f, _ := e.cfg.Form("BM.02.01/KH")
	m, err := report.StatusMatrix(ctx, o, e.ledger, f, "2026-11", 1, e.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := m.Cell("QLDT", "2026-11"); c.Version != 1 || c.Issued != 1 || c.AfterIssue != 2 {
		t.Errorf("status of QLDT: counted v%d, issued v%d, after issue v%d; want 1, 1, 2", c.Version, c.Issued, c.AfterIssue)
	}

	e.later(time.Hour)
	e.answer(t, clerk, "take-in@kcn.example", e.lateNotice(t), "Đồng ý đưa vào", authPass)
	if got := e.counted(t)["QLDT"]; got != 2 {
		t.Errorf("QLDT counted after it was taken in: v%d, want v2", got)
	}
	told := e.one(t, officetest.UnitAddr("QLDT"), "được đưa vào báo cáo điều chỉnh")
	if !strings.Contains(told.Text, "quyết định đưa lần gửi này vào số liệu tổng hợp") || told.InReplyTo != "late-qldt@kcn.example" {
		t.Errorf("the unit's answer (in reply to %q):\n%s", told.InReplyTo, told.Text)
	}
	if rec := e.one(t, clerk, "Đã ghi nhận quyết định"); !strings.Contains(rec.Text, "quyết định ĐƯA VÀO lần gửi thứ 2") {
		t.Errorf("the clerks' confirmation:\n%s", rec.Text)
	}
	if c, err := e.ledger.OpenCorrection(ctx, "BM.02.01/KH", "2026-11"); err != nil || c.Cause != ledger.CauseLateFile || c.OpenedBy != "vanthu" {
		t.Fatalf("correction: %+v (%v), want one opened by the clerk for the late file", c, err)
	}
	req := e.request(t, ptb, 2) // built at once: what it counts differs from the issued report
	e.later(time.Hour)
	e.answer(t, ptb, "ok-ptb-v2@kcn.example", req, "Đồng ý", authPass)
	e.later(time.Hour)
	e.answer(t, tb, "ok-tb-v2@kcn.example", e.request(t, tb, 2), "Duyệt", authPass)
	if st := e.state(t); st.Status != approval.Issued || st.Version != 2 {
		t.Fatalf("state: %s v%d, want issued v2", st.Status, st.Version)
	}
	repl := e.one(t, officetest.StrangerAddr, "Báo cáo đã duyệt, thay thế")
	if !containsAll(repl.Text, "thay thế báo cáo đã gửi ngày 16/11/2026.",
		"để bổ sung số liệu của Phòng QLDT gửi sau khi báo cáo đã được duyệt") {
		t.Errorf("replacement letter:\n%s", repl.Text)
	}
	e.noDuplicates(t)
}

// TestLateFile_LeftOut: an unclear answer is asked again once; "Không đưa vào" then leaves the
// file out: recorded, the unit told, the issued report kept as it is.
func TestLateFile_LeftOut(t *testing.T) {
	t.Parallel()
	e := issuedEnv(t)
	ctx := context.Background()
	e.lateFile(t)
	notice := e.lateNotice(t)
	e.answer(t, clerk, "unclear@kcn.example", notice, "Để chị xem lại với phòng đã", authPass)
	again := e.one(t, clerk, "Đề nghị trả lời lại")
	if !strings.Contains(again.Text, "“Đồng ý đưa vào” hoặc “Không đưa vào”") || again.InReplyTo != "unclear@kcn.example" {
		t.Errorf("asked again (in reply to %q):\n%s", again.InReplyTo, again.Text)
	}
	e.answer(t, clerk, "left-out@kcn.example", again, "Không đưa vào", authPass)
	late, err := e.ledger.LateFiles(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || len(late) != 1 || late[0].Decision != ledger.DecisionLeftOut || late[0].DecidedBy != "vanthu" || late[0].Asked != 1 {
		t.Fatalf("late files: %+v (%v), want QLDT v2 left out by the clerk after one question", late, err)
	}
	told := e.one(t, officetest.UnitAddr("QLDT"), "không được đưa vào báo cáo")
	if !strings.Contains(told.Text, "Báo cáo đã gửi được giữ nguyên") {
		t.Errorf("the unit's answer:\n%s", told.Text)
	}
	if st := e.state(t); st.Status != approval.Issued || st.Version != 1 {
		t.Errorf("state: %s v%d, want still issued v1", st.Status, st.Version)
	}
	if got := e.counted(t)["QLDT"]; got != 1 {
		t.Errorf("QLDT counted: v%d, want v1", got)
	}
	// A second answer to the decided notice changes nothing and sends nothing.
	before := len(e.deliveries())
	e.answer(t, clerk, "late-take@kcn.example", notice, "Đồng ý đưa vào", authPass)
	if after := len(e.deliveries()); after != before {
		t.Errorf("an answer after the decision sent %d mails", after-before)
	}
	e.noDuplicates(t)
}
