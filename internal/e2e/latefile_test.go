package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/report"
)

// A unit's file received after the report was issued: kept, not counted, until a clerk decides
// by answering the notice about it; taken in, it makes the next replacement of the report.

// lateUnit is the index of the unit whose file arrives after the issue, and what it changes.
const (
	lateUnit  = 1
	lateCode  = "7"
	lateDelta = 4
)

// lateFile: the second unit sends a new file after the replacement was issued. Its receipt says
// one thing: valid, kept, the report issued without it, the Office will decide. The clerk is
// asked to decide, the file attached; status shows the report in force counted its first file.
func (c *cycle) lateFile(t testing.TB) {
	u := units[lateUnit]
	id, _ := c.submitFile(t, lateUnit, c.raised(t, lateUnit, lateCode, lateDelta))
	c.lateID = id
	r := c.units[lateUnit].waitFor(t, "receipt of the file sent after the issue", inReplyTo(id))
	c.expectKind(t, u.Addr(), r, ledger.KindReceipt)
	containsAll(t, "the receipt of the late file", r.msg.Subject+"\n"+r.msg.Text, "gửi sau khi báo cáo tổng hợp đã được duyệt",
		"lần gửi thứ 2. Tệp đã được kiểm tra và hợp lệ.",
		"Báo cáo tổng hợp kỳ này đã được duyệt và gửi "+sentOn()+", với số liệu lần gửi thứ 1 của đơn vị.",
		"sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh hay không")
	lacksAll(t, "the receipt of the late file", r.msg.Text, "được tiếp nhận", "khóa sổ", "dự thảo")
	c.shared[id] = "Processed"

	c.lateNotice = c.people[clerkAddr].waitFor(t, "notice of the late file",
		subjectHas(fmt.Sprintf("[TH %s %s %s v2 k", formCode, month, u.Code)))
	c.expectKind(t, clerkAddr, c.lateNotice, ledger.KindLateFile)
	containsAll(t, "the notice of the late file", c.lateNotice.msg.Text, "“Đồng ý đưa vào”", "“Không đưa vào”")
	if !withWorkbook(c.lateNotice.msg) {
		t.Errorf("the notice of the late file carries %d workbooks, want the unit's", len(c.lateNotice.msg.Spreadsheets()))
	}
	c.assertStatus(t, u.Code, 1, 1, 2)
}

// lateFileTakenIn: the clerk answers the notice "Đồng ý đưa vào" from her mailbox. The unit is
// told its file is taken in, the clerk that her decision is recorded; draft v3 counting the
// file goes up the chain at once, and its approval issues the second replacement, saying whose
// late figures it takes in.
func (c *cycle) lateFileTakenIn(t testing.TB) {
	u := units[lateUnit]
	clerk := c.people[clerkAddr]
	id := clerk.send(t, reply(clerk, t, c.lateNotice, "Đồng ý đưa vào"), true)
	c.shared[id] = "Processed"
	told := c.units[lateUnit].waitFor(t, "the decision on the late file", subjectHas("được đưa vào báo cáo điều chỉnh"))
	c.expectKind(t, u.Addr(), told, ledger.KindLateDecision)
	containsAll(t, "the unit's letter on its late file", told.msg.Text, "quyết định đưa lần gửi này vào số liệu tổng hợp")
	if told.msg.InReplyTo != c.lateID {
		t.Errorf("the unit's letter on its late file answers %q, want its mail %q", told.msg.InReplyTo, c.lateID)
	}
	rec := clerk.waitFor(t, "the decision recorded", inReplyTo(id))
	c.expectKind(t, clerkAddr, rec, ledger.KindLateFile)
	containsAll(t, "the clerk's confirmation", rec.msg.Subject+"\n"+rec.msg.Text, "Đã ghi nhận quyết định",
		"quyết định ĐƯA VÀO lần gửi thứ 2")

	before := summaryFigures(t, c.issued[tbAddr].msg.Spreadsheets()[0].Data).rows[lateCode][hdrPeriod]
	c.approveDraft(t, 3, 2)
	c.awaitIssue(t, 3)
	containsAll(t, "the second replacement", c.issued[tbAddr].msg.Text,
		"Báo cáo này thay thế báo cáo đã gửi "+sentOn()+".",
		"để bổ sung số liệu của "+u.Name+" gửi sau khi báo cáo đã được duyệt")
	after := summaryFigures(t, c.issued[tbAddr].msg.Spreadsheets()[0].Data).rows[lateCode][hdrPeriod]
	if b, err := parseFloat(before); err != nil || !near(after, b+lateDelta) {
		t.Errorf("indicator %s in the second replacement: %s, want the replaced issue's %s and %d", lateCode, after, before, lateDelta)
	}
	c.assertIssued(t, 3, 3, u.Code, 2)
	late, err := c.o.ledger.LateFiles(context.Background(), formCode, month)
	if err != nil || len(late) != 1 || late[0].Decision != ledger.DecisionTaken || late[0].DecidedBy != "chuyen_vien" {
		t.Errorf("late files: %+v (%v), want the unit's v2 taken in by the clerk", late, err)
	}
	c.assertStatus(t, u.Code, 2, 2, 0)
}

// assertStatus checks what `tonghop status` shows of unit in the month: the version counted,
// the version the report in force counted, and the version received after that issue (0: none).
func (c *cycle) assertStatus(t testing.TB, unit string, counted, issued, after int) {
	t.Helper()
	f, ok := c.o.cfg.Form(formCode)
	if !ok {
		t.Fatalf("no form %s", formCode)
	}
	m, err := report.StatusMatrix(context.Background(), c.o.office, c.o.ledger, f, month, 1, c.o.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	cell, ok := m.Cell(unit, month)
	if !ok || cell.Version != counted || cell.Issued != issued || cell.AfterIssue != after {
		t.Errorf("status of %s: counted v%d, issued v%d, after the issue v%d; want v%d, v%d, v%d",
			unit, cell.Version, cell.Issued, cell.AfterIssue, counted, issued, after)
	}
}
