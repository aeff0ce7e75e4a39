package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// After the issue: what the leaders write reaches the clerks, and the Trưởng Ban's request for
// changes makes a corrected report, issued in place of the first.

// correctionWords is the Trưởng Ban's answer to the issued report in issue 17.
const correctionWords = "Số liệu chỉ tiêu 2 chưa đúng, đề nghị Văn phòng kiểm tra, sửa lại và trình lại tôi."

// sentOn is how the letters name the day an approved report was sent: every issue is on the day
// of officeStart.
func sentOn() string { return "ngày " + officeStart.Format("02/01/2006") }

// issuedOn is how the letters to the clerks name the approved report of draft v<version>.
func issuedOn(version int) string {
	return fmt.Sprintf("đã được duyệt và gửi %s (dự thảo lần %d)", sentOn(), version)
}

// correctionAsked: the Trưởng Ban answers the issue in his INBOX asking for a correction. The
// clerk gets his words with what they are about and his mail attached; he is told it was taken;
// the report is being corrected and the month reopens for counting; no draft is made yet, since
// nothing it counts has changed.
func (c *cycle) correctionAsked(t testing.TB) {
	head := c.people[tbAddr]
	id := head.send(t, reply(head, t, c.issued[tbAddr], correctionWords), true)
	c.shared[id] = "Processed"
	asked := c.people[clerkAddr].waitFor(t, "the request for a correction", subjectHas("Đề nghị điều chỉnh báo cáo đã duyệt"))
	c.expectKind(t, clerkAddr, asked, ledger.KindCorrection)
	containsAll(t, "the clerk's letter about the correction", asked.msg.Text,
		"Đồng chí Nguyễn Văn An, Trưởng Ban, đề nghị điều chỉnh", issuedOn(1), correctionWords,
		"Kỳ báo cáo đã được mở lại để điều chỉnh", "trình duyệt lại từ bước đầu, bắt đầu từ đồng chí Lê Văn Cường, Chánh Văn phòng;")
	assertCarriesOriginal(t, "the clerk's letter about the correction", asked.msg, id)
	ack := head.waitFor(t, "acknowledgement of the request", inReplyTo(id))
	c.expectKind(t, tbAddr, ack, ledger.KindApprovalNotice)
	containsAll(t, "the Trưởng Ban's acknowledgement", ack.msg.Subject+"\n"+ack.msg.Text, "Đã nhận đề nghị điều chỉnh", correctionWords)

	ctx := context.Background()
	if st := c.state(t); st.Status != approval.Correcting || st.Version != 1 {
		t.Errorf("after the request: %s v%d, want correcting v1", st.Status, st.Version)
	}
	if cr, err := c.o.ledger.OpenCorrection(ctx, formCode, month); err != nil || cr.Words != correctionWords || cr.OpenedBy != "truong_ban" {
		t.Errorf("correction: %+v (%v), want one opened by the Trưởng Ban with his words", cr, err)
	}
	if p, err := c.o.ledger.Period(ctx, formCode, month); err != nil || p.Status != ledger.PeriodOpen {
		t.Errorf("period after the request: %s (%v), want open for counting", p.Status, err)
	}
	if d, err := c.o.ledger.LatestDraft(ctx, formCode, month); err != nil || d.Version != 1 {
		t.Errorf("latest draft after the request: v%d (%v), want still v1", d.Version, err)
	}
}

// replacement: the first unit sends indicator 2 corrected; that makes draft v2, which goes up
// the whole chain, saying what it corrects, and its approval issues it in place of the first
// report, to the same people, with the corrected figure.
func (c *cycle) replacement(t testing.TB) {
	const i, code, delta = 0, "2", 7
	id, _ := c.submitFile(t, i, c.raised(t, i, code, delta))
	r := c.units[i].waitFor(t, "receipt of the corrected file", inReplyTo(id))
	c.expectKind(t, units[i].Addr(), r, ledger.KindReceipt)
	containsAll(t, "the receipt of the corrected file", r.msg.Text, "lần gửi thứ 2", "hợp lệ và được tiếp nhận")
	c.shared[id] = "Processed"

	before := summaryFigures(t, c.issued[tbAddr].msg.Spreadsheets()[0].Data).rows[code][hdrPeriod]
	c.approveDraft(t, 2, 1)
	c.awaitIssue(t, 2)
	containsAll(t, "the replacement", c.issued[tbAddr].msg.Text,
		"Báo cáo này thay thế báo cáo đã gửi "+sentOn()+".", "theo ý kiến của đồng chí Nguyễn Văn An, Trưởng Ban")
	after := summaryFigures(t, c.issued[tbAddr].msg.Spreadsheets()[0].Data).rows[code][hdrPeriod]
	if b, err := parseFloat(before); err != nil || !near(after, b+delta) {
		t.Errorf("indicator %s in the replacement: %s, want the first issue's %s and %d", code, after, before, delta)
	}
	c.assertIssued(t, 2, 2, units[i].Code, 2)
}

// approveDraft waits for draft v<version> in the clerk's INBOX and takes it through the chain:
// the Chánh Văn phòng agrees, the Trưởng Ban approves. Each request says the draft corrects the
// report in force, draft v<replaces> as approved and sent; the leaders are told the day it was
// sent, not the draft's number.
func (c *cycle) approveDraft(t testing.TB, version, replaces int) {
	t.Helper()
	draft := c.people[clerkAddr].waitFor(t, fmt.Sprintf("draft v%d", version), isDraft(version))
	c.expectKind(t, clerkAddr, draft, ledger.KindDraft)
	for _, step := range []struct{ addr, words string }{{cvpAddr, "Đồng ý"}, {tbAddr, "Duyệt"}} {
		req := c.people[step.addr].waitFor(t, fmt.Sprintf("request for v%d", version), isRequest(version))
		c.expectKind(t, step.addr, req, ledger.KindApprovalRequest)
		containsAll(t, fmt.Sprintf("the request for v%d to %s", version, step.addr), req.msg.Text,
			"Đây là dự thảo điều chỉnh báo cáo đã được duyệt và gửi "+sentOn())
		lacksAll(t, fmt.Sprintf("the request for v%d to %s", version, step.addr), req.msg.Text, fmt.Sprintf("dự thảo lần %d", replaces))
		c.answer(t, step.addr, req, step.words)
	}
}

// isDraft matches the clerk's mail with draft v<version>.
func isDraft(version int) func(*intake.Message) bool {
	return func(m *intake.Message) bool {
		return withWorkbook(m) && aboutVersion(m.Subject, version) && strings.HasPrefix(m.Subject, "Đã lập dự thảo:")
	}
}

// aboutVersion reports whether a subject's token names draft v<version> of the month's report:
// "[TH BM.02.01/KH 2026-11 v2]", or "[TH BM.02.01/KH 2026-11 v2 k…]" to a leader.
func aboutVersion(subject string, version int) bool {
	token := fmt.Sprintf("[TH %s %s v%d", formCode, month, version)
	return strings.Contains(subject, token+"]") || strings.Contains(subject, token+" k")
}

// assertIssued checks the issue in force: number n of draft v<version>, counting unit's file
// v<unitVersion>; the report closed and no correction open.
func (c *cycle) assertIssued(t testing.TB, n, version int, unit string, unitVersion int) {
	t.Helper()
	ctx := context.Background()
	is, err := c.o.ledger.LatestIssue(ctx, formCode, month)
	if err != nil || is.Number != n || is.Version != version || is.Basis[unit] != unitVersion {
		t.Errorf("issue in force: number %d of v%d counting %s v%d (%v), want number %d of v%d counting v%d",
			is.Number, is.Version, unit, is.Basis[unit], err, n, version, unitVersion)
	}
	if st := c.state(t); st.Status != approval.Issued || st.Version != version {
		t.Errorf("approval: %s v%d, want issued v%d", st.Status, st.Version, version)
	}
	if _, err := c.o.ledger.OpenCorrection(ctx, formCode, month); err == nil {
		t.Error("a correction is still open after the replacement")
	}
	if p, err := c.o.ledger.Period(ctx, formCode, month); err != nil || p.Status != ledger.PeriodClosed {
		t.Errorf("period after the replacement: %s (%v), want closed", p.Status, err)
	}
}

// raised is unit i's valid file with indicator code's month and year to date raised by delta.
func (c *cycle) raised(t testing.TB, i int, code string, delta float64) []byte {
	t.Helper()
	return c.fill(t, i, func(f form.Form) form.Filled {
		d := figures(f, i, false)
		row := d.Indicators[f.Indicators[0].Key][code]
		for _, col := range []string{"period", "ytd"} {
			v, err := parseFloat(row[col])
			if err != nil {
				t.Fatal(err)
			}
			row[col] = num(v + delta)
		}
		return d
	})
}
