package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// The steps of the approval chain: the Chánh Văn phòng, then the Trưởng Ban; and the issue of
// the report to its recipients (the Trưởng Ban and the Phó Trưởng Ban), the clerk in copy.

// recipients are the addresses an issue of the report goes to, To then Cc.
var recipients = []string{tbAddr, ptbAddr, clerkAddr}

// approvals: a forged "Đồng ý" in the Chánh Văn phòng's name, without his domain's signature,
// counts for nothing; then he agrees and the Trưởng Ban approves, each answering the request in
// their INBOX from their own mailbox, and each is told their answer was taken.
func (c *cycle) approvals(t testing.TB) {
	req := c.people[cvpAddr].waitFor(t, "approval request", isRequest(1))
	c.expectKind(t, cvpAddr, req, ledger.KindApprovalRequest)
	c.forgedApproval(t, req)
	c.answer(t, cvpAddr, req, "Đồng ý, trình Trưởng Ban.")
	req = c.people[tbAddr].waitFor(t, "approval request", isRequest(1))
	c.expectKind(t, tbAddr, req, ledger.KindApprovalRequest)
	c.answer(t, tbAddr, req, "Duyệt")
}

// isRequest matches the request for approval of draft v<version>.
func isRequest(version int) func(*intake.Message) bool {
	return func(m *intake.Message) bool {
		return aboutVersion(m.Subject, version) && strings.Contains(m.Subject, "Xin ý kiến duyệt")
	}
}

// answer has the leader at addr answer the request req with words, and waits for the
// acknowledgement.
func (c *cycle) answer(t testing.TB, addr string, req received, words string) {
	t.Helper()
	leader := c.people[addr]
	id := leader.send(t, reply(leader, t, req, words), true)
	ack := leader.waitFor(t, "answer to the approval", inReplyTo(id))
	c.expectKind(t, addr, ack, ledger.KindApprovalNotice)
	c.shared[id] = "Processed"
}

// forgedApproval sends "Đồng ý" to the request req from the Chánh Văn phòng's address without
// kcn.example's signature, as a forger would: it is quarantined and reaches the clerk as his
// mail marked unverified, without the original, and the chain does not move (the Trưởng Ban
// gets one request in all, after the genuine answer).
func (c *cycle) forgedApproval(t testing.TB, req received) {
	t.Helper()
	forger := c.people[cvpAddr]
	id := forger.send(t, reply(forger, t, req, "Đồng ý"), false)
	p := personByAddr(cvpAddr)
	fwd := c.people[clerkAddr].waitFor(t, "forward of the forged reply", subjectHas("Thư của "+p.title+" "+p.name))
	c.expectKind(t, clerkAddr, fwd, ledger.KindForward)
	containsAll(t, "the forward of the forged reply", fwd.msg.Text,
		"LƯU Ý: Thư không qua được bước xác thực người gửi", cvpAddr, "> Đồng ý")
	if len(fwd.msg.Attachments) != 0 {
		t.Errorf("the forward of the forged reply carries %d attachments, want none", len(fwd.msg.Attachments))
	}
	c.shared[id] = "Quarantine"
	if st := c.state(t); st.Status != approval.Reviewing || st.Version != 1 || st.Step != 0 || len(st.Decisions) != 0 {
		t.Errorf("after the forged reply: %s v%d at step %d with %d decisions, want v1 still at the first step, undecided",
			st.Status, st.Version, st.Step+1, len(st.Decisions))
	}
}

// issue: the last approval issues the report to its recipients, the clerk in copy, each named
// in the header, dated in the office's zone.
func (c *cycle) issue(t testing.TB) {
	c.awaitIssue(t, 1)
	p, err := c.o.ledger.Period(context.Background(), formCode, month)
	if err != nil {
		t.Fatal(err)
	}
	if p.Status == ledger.PeriodOpen {
		t.Errorf("period %s after the issue: still open", month)
	}
	r := c.issued[tbAddr]
	assertNamed(t, "To", r.msg.To, tbAddr, ptbAddr)
	containsAll(t, "the issue's letter", r.msg.Text, "Kính gửi:\n- Đồng chí Nguyễn Văn An, Trưởng Ban;\n- Đồng chí Trần Thị Bình, Phó Trưởng Ban.",
		"Đồng chí Lê Văn Cường, Chánh Văn phòng, duyệt lúc", "Đồng chí Nguyễn Văn An, Trưởng Ban, duyệt lúc")
	lacksAll(t, "the issue's letter", r.msg.Text, "<", "@kcn.example>", "dự thảo lần")
	assertNamed(t, "Cc", r.msg.Cc, clerkAddr)
	if date := r.msg.Header["Date"]; len(date) != 1 || !strings.HasSuffix(strings.TrimSpace(date[0]), "+0700") {
		t.Errorf("the issue's Date: %q, want the office's zone, +0700", date)
	}
}

// awaitIssue waits for issue n of the report (1: the first, then its replacements) in every
// recipient's INBOX, and checks it went to the same people, To and Cc, as the first.
func (c *cycle) awaitIssue(t testing.TB, n int) {
	t.Helper()
	for _, addr := range recipients {
		r := c.people[addr].waitFor(t, fmt.Sprintf("issue %d of the report", n), isIssue(n))
		c.expectKind(t, addr, r, ledger.KindIssue)
		c.issued[addr] = r
	}
	key := ledger.IssueKey(formCode, month)
	first, err := c.o.ledger.OutMail(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	if n > 1 {
		key = ledger.ReplacementIssueKey(formCode, month, n)
	}
	m, err := c.o.ledger.OutMail(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	if got := append(slices.Clone(m.To), m.Cc...); !slices.Equal(got, recipients) || !slices.Equal(m.To, first.To) {
		t.Errorf("issue %d to %v cc %v, want to %v cc %v", n, m.To, m.Cc, first.To, first.Cc)
	}
}

// isIssue matches issue n of the report: the first ("Báo cáo đã duyệt:"), or a replacement
// ("Báo cáo đã duyệt, thay thế báo cáo đã gửi …", its workbook numbered n).
func isIssue(n int) func(*intake.Message) bool {
	return func(m *intake.Message) bool {
		if !withWorkbook(m) {
			return false
		}
		if n == 1 {
			return strings.HasPrefix(m.Subject, "Báo cáo đã duyệt: ")
		}
		return strings.HasPrefix(m.Subject, "Báo cáo đã duyệt, thay thế báo cáo đã gửi ") &&
			strings.HasSuffix(m.Spreadsheets()[0].Name, fmt.Sprintf("_gui-lan-%d.xlsx", n))
	}
}

// assertNamed checks that a header's addresses are addrs, each with its person's name.
func assertNamed(t testing.TB, field string, got []intake.Address, addrs ...string) {
	t.Helper()
	var want []intake.Address
	for _, a := range addrs {
		want = append(want, intake.Address{Name: personByAddr(a).name, Addr: a})
	}
	if !slices.Equal(got, want) {
		t.Errorf("the issue's %s: %v, want %v", field, got, want)
	}
}

// quote writes text as a quoted reply.
func quote(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}
