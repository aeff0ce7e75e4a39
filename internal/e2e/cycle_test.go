package e2e

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// cycle is the state the steps of TestCycle share: the office, everyone's mail client, what
// each unit received, and what every mailbox should hold at the end.
type cycle struct {
	o       *testOffice
	units   []*client          // in the order of units
	people  map[string]*client // by address
	tmpl    map[string]intake.Attachment
	expect  map[string][]ledger.Kind // by mailbox: what tonghop sent it
	shared  map[string]string        // Message-ID of each mail to the shared mailbox → the folder it ends in
	latency []time.Duration
}

func newCycle(t testing.TB) *cycle {
	o := startOffice(t)
	c := &cycle{o: o, people: map[string]*client{}, tmpl: map[string]intake.Attachment{},
		expect: map[string][]ledger.Kind{}, shared: map[string]string{}}
	for _, u := range units {
		c.units = append(c.units, o.client(t, u.Addr(), u.Name))
	}
	for _, p := range people {
		c.people[p.addr] = o.client(t, p.addr, p.name)
	}
	return c
}

// TestCycle runs one month's report of an office on a real mail system, step by step; each
// step needs the ones before it. Office time runs at the wall clock's pace from officeStart:
// every answer is measured or awaited in real time, and nothing waits for a deadline.
func TestCycle(t *testing.T) {
	began := time.Now()
	c := newCycle(t)
	t.Logf("mail store, mail server and daemon started in %v", time.Since(began).Round(time.Millisecond))
	for _, step := range []struct {
		name string
		run  func(testing.TB)
	}{
		{"Templates", c.templates},
		{"ValidFiles", c.validFiles},
		{"InvalidFile", c.invalidFile},
		{"Consolidation", c.consolidation},
		{"Approvals", c.approvals},
		{"Issue", c.issue},
		{"Mailboxes", c.mailboxes},
	} {
		stepBegan := time.Now()
		if !t.Run(step.name, func(t *testing.T) { step.run(t) }) {
			t.Fatalf("step %s failed; the steps after it need it", step.name)
		}
		t.Logf("step %s took %v", step.name, time.Since(stepBegan).Round(time.Millisecond))
	}
}

// templates: the scheduler sends every unit its pre-filled template of the month at once.
func (c *cycle) templates(t testing.TB) {
	for i, u := range units {
		r := c.units[i].waitFor(t, "template", func(m *intake.Message) bool { return len(m.Spreadsheets()) == 1 })
		c.expectKind(t, u.Addr(), r, ledger.KindTemplate)
		c.tmpl[u.Code] = r.msg.Spreadsheets()[0]
	}
}

// validFiles: ten units fill their template and send it, one after the other; each receipt is
// timed from the unit's server accepting the file to the receipt being in the unit's INBOX.
func (c *cycle) validFiles(t testing.TB) {
	for i, u := range units[:10] {
		id, accepted := c.submit(t, i, false)
		r := c.units[i].waitFor(t, "receipt", inReplyTo(id))
		c.latency = append(c.latency, r.found.Sub(accepted))
		c.expectKind(t, u.Addr(), r, ledger.KindReceipt)
		c.shared[id] = "Processed"
	}
	s := summarize(c.latency)
	t.Logf("receipt latency over %d files: p50 %v, p95 %v, max %v", len(c.latency), s.p50, s.p95, s.max)
	// A guard against a lost wake-up, not a timing: bench/latency.sh measures.
	if s.max > 10*time.Second {
		t.Errorf("receipt latency: max %v, want at most 10s (all: %v)", s.max, c.latency)
	}
}

// invalidFile: the last unit sends a file with mistakes; its error mail lists exactly what
// `tonghop check` finds in the same file.
func (c *cycle) invalidFile(t testing.TB) {
	i := len(units) - 1
	u := units[i]
	id, _ := c.submit(t, i, true)
	r := c.units[i].waitFor(t, "error mail", inReplyTo(id))
	c.expectKind(t, u.Addr(), r, ledger.KindRejection)
	c.shared[id] = "Rejected"
	findings := c.checkFindings(t, u, c.filled(t, i, true))
	if len(findings) == 0 {
		t.Fatal("check finds nothing in the file with mistakes: the test's file is wrong")
	}
	assertListsFindings(t, r.msg.Text, findings)
}

// consolidation: the last unit's corrected file makes every unit in, which builds draft v1 at
// once and sends it to the clerk; the first step of the chain is asked.
func (c *cycle) consolidation(t testing.TB) {
	i := len(units) - 1
	id, _ := c.submit(t, i, false)
	r := c.units[i].waitFor(t, "receipt", inReplyTo(id))
	c.expectKind(t, units[i].Addr(), r, ledger.KindReceipt)
	c.shared[id] = "Processed"

	draft := c.people[clerkAddr].waitFor(t, "draft", func(m *intake.Message) bool { return len(m.Spreadsheets()) == 1 })
	c.expectKind(t, clerkAddr, draft, ledger.KindDraft)
	d, err := c.o.ledger.LatestDraft(context.Background(), formCode, month)
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != 1 || d.Trigger != ledger.TriggerAllIn || len(d.Basis) != len(units) {
		t.Errorf("draft: got v%d, trigger %q, %d units; want v1 built when all %d units were in", d.Version, d.Trigger, len(d.Basis), len(units))
	}
}

// approvals: a forged "Đồng ý" in the Chánh Văn phòng's name, without his domain's signature,
// counts for nothing; then he agrees and the Trưởng Ban approves, each answering the request in
// their INBOX from their own mailbox, and each is told their answer was taken.
func (c *cycle) approvals(t testing.TB) {
	req := c.people[cvpAddr].waitFor(t, "approval request", isRequest)
	c.expectKind(t, cvpAddr, req, ledger.KindApprovalRequest)
	c.forgedApproval(t, req)
	c.answer(t, cvpAddr, req, "Đồng ý, trình Trưởng Ban.")
	req = c.people[tbAddr].waitFor(t, "approval request", isRequest)
	c.expectKind(t, tbAddr, req, ledger.KindApprovalRequest)
	c.answer(t, tbAddr, req, "Duyệt")
}

func isRequest(m *intake.Message) bool { return strings.Contains(m.Subject, "[TH ") }

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
// kcn.example's signature, as a forger would: it is quarantined and the clerk told, and the
// chain does not move (the Trưởng Ban gets one request in all, after the genuine answer).
func (c *cycle) forgedApproval(t testing.TB, req received) {
	t.Helper()
	forger := c.people[cvpAddr]
	id := forger.send(t, reply(forger, t, req, "Đồng ý"), false)
	notice := c.people[clerkAddr].waitFor(t, "notice of the refused reply", func(m *intake.Message) bool {
		return strings.Contains(m.Text, cvpAddr)
	})
	c.expectKind(t, clerkAddr, notice, ledger.KindApprovalOffice)
	c.shared[id] = "Quarantine"
}

// issue: the last approval issues the report to its recipients, the clerk in copy.
func (c *cycle) issue(t testing.TB) {
	for _, addr := range []string{tbAddr, ptbAddr, clerkAddr} {
		r := c.people[addr].waitFor(t, "issued report", func(m *intake.Message) bool { return len(m.Spreadsheets()) == 1 })
		c.expectKind(t, addr, r, ledger.KindIssue)
	}
	p, err := c.o.ledger.Period(context.Background(), formCode, month)
	if err != nil {
		t.Fatal(err)
	}
	if p.Status == ledger.PeriodOpen {
		t.Errorf("period %s after the issue: still open", month)
	}
}

// submit has unit i fill its template (with mistakes, or not) and send it to the shared
// mailbox; it returns the mail's Message-ID and when the server accepted it.
func (c *cycle) submit(t testing.TB, i int, mistakes bool) (string, time.Time) {
	t.Helper()
	return c.submitFile(t, i, c.filled(t, i, mistakes))
}

// submitFile has unit i send the workbook data to the shared mailbox; it returns the mail's
// Message-ID and when the server accepted it.
func (c *cycle) submitFile(t testing.TB, i int, data []byte) (string, time.Time) {
	t.Helper()
	u, tmpl := units[i], c.tmpl[units[i].Code]
	body := "Kính gửi Văn phòng,\n\n" + u.Name + " gửi kèm báo cáo tháng 11/2026.\n\nTrân trọng."
	m, id := c.units[i].newMail(t, u.Name+" - Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026", body)
	if err := m.AttachReader(tmpl.Name, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	return id, c.units[i].sent(t, m)
}

// expectKind checks that r is a mail tonghop sent of kind want, and notes it in what mailbox
// addr must hold at the end.
func (c *cycle) expectKind(t testing.TB, addr string, r received, want ledger.Kind) {
	t.Helper()
	if got := c.kindOf(t, r.msg.MessageID); got != want {
		t.Errorf("%s received %q (%s), want a %s", addr, r.msg.Subject, got, want)
	}
	c.expect[addr] = append(c.expect[addr], want)
}

// kindOf is the kind of the outbox mail sent with this Message-ID. The mail may be in a
// mailbox a moment before the daemon has recorded it sent, so a missing one is awaited.
func (c *cycle) kindOf(t testing.TB, messageID string) ledger.Kind {
	t.Helper()
	m, err := c.outMail(messageID)
	if err != nil {
		return ledger.Kind(fmt.Sprintf("not sent by tonghop (%v)", err))
	}
	return m.Kind
}

// outMail is the outbox mail sent with this Message-ID. The mail may be in a mailbox a moment
// before the daemon has recorded it sent, so a missing one is awaited.
func (c *cycle) outMail(messageID string) (ledger.OutMail, error) {
	deadline := time.Now().Add(waitLimit)
	for {
		m, err := c.o.ledger.OutMailByMessageID(context.Background(), messageID)
		if err == nil || time.Now().After(deadline) {
			return m, err
		}
		time.Sleep(pollEvery)
	}
}

func quote(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// latencySummary is the median, 95th percentile and largest of a set of durations.
type latencySummary struct{ p50, p95, max time.Duration }

// summarize computes them by the nearest-rank method.
func summarize(ds []time.Duration) latencySummary {
	if len(ds) == 0 {
		return latencySummary{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.999999) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return latencySummary{p50: rank(0.50), p95: rank(0.95), max: s[len(s)-1]}
}
