package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// cycle is the state the steps of TestCycle share: the office, everyone's mail client, what
// each unit and leader received, and what every mailbox should hold at the end.
type cycle struct {
	o       *testOffice
	units   []*client          // in the order of units
	people  map[string]*client // by address
	tmpl    map[string]intake.Attachment
	expect  map[string][]ledger.Kind // by mailbox: what tonghop sent it
	shared  map[string]string        // Message-ID of each mail to the shared mailbox → the folder it ends in
	latency []time.Duration
	draft   received            // the clerk's mail with draft v1
	issued  map[string]received // by address: the last issue of the report each recipient received
	// lateID is the Message-ID of the unit's file sent after the issue; lateNotice the clerk's
	// notice about it.
	lateID     string
	lateNotice received
}

func newCycle(t testing.TB) *cycle {
	o := startOffice(t)
	c := &cycle{o: o, people: map[string]*client{}, tmpl: map[string]intake.Attachment{},
		expect: map[string][]ledger.Kind{}, shared: map[string]string{}, issued: map[string]received{}}
	var who []person
	for _, u := range units {
		who = append(who, person{addr: u.Addr(), name: u.Name})
	}
	all := o.clients(t, append(who, people...))
	c.units = all[:len(units)]
	for i, p := range people {
		c.people[p.addr] = all[len(units)+i]
	}
	return c
}

// TestCycle runs one month's report of an office on a real mail system, step by step; each
// step needs the ones before it. Office time runs at the wall clock's pace from officeStart:
// every answer is measured or awaited in real time, and nothing waits for a deadline.
//
// The office went live on 1 November with no history, so November's report takes its year to
// date and last year's figures from what the units typed. Once it is issued, the Trưởng Ban
// asks for a correction, a unit's corrected file makes draft v2 and its approval issues the
// replacement; then a unit's file arrives after that issue, a clerk takes it in by answering
// the notice, and draft v3 is issued as the second replacement.
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
		{"TypedYTD", c.typedYTD},
		{"Approvals", c.approvals},
		{"Issue", c.issue},
		{"DeputyMail", c.deputyMail},
		{"CorrectionAsked", c.correctionAsked},
		{"Replacement", c.replacement},
		{"LateFile", c.lateFile},
		{"LateFileTakenIn", c.lateFileTakenIn},
		{"Mailboxes", c.mailboxes},
	} {
		stepBegan := time.Now()
		if !t.Run(step.name, func(t *testing.T) { step.run(t) }) {
			t.Fatalf("step %s failed; the steps after it need it", step.name)
		}
		t.Logf("step %s took %v", step.name, time.Since(stepBegan).Round(time.Millisecond))
	}
	t.Logf("the cycle took %v", time.Since(began).Round(time.Millisecond))
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

// kindOf is the kind of the outbox mail sent with this Message-ID.
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

// state is the approval of the month's report as the ledger holds it.
func (c *cycle) state(t testing.TB) approval.State {
	t.Helper()
	a, err := c.o.ledger.Approval(context.Background(), formCode, month)
	if err != nil {
		t.Fatal(err)
	}
	var st approval.State
	if err := json.Unmarshal(a.State, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// subjectHas matches a message whose subject contains s.
func subjectHas(s string) func(*intake.Message) bool {
	return func(m *intake.Message) bool { return strings.Contains(m.Subject, s) }
}

// withWorkbook matches a message with one workbook attached.
func withWorkbook(m *intake.Message) bool { return len(m.Spreadsheets()) == 1 }

// containsAll checks that text holds every one of parts, naming what lacks them.
func containsAll(t testing.TB, what, text string, parts ...string) {
	t.Helper()
	flat := oneLine(text)
	for _, p := range parts {
		if !strings.Contains(flat, oneLine(p)) {
			t.Errorf("%s lacks %q:\n%s", what, p, text)
		}
	}
}

// lacksAll checks that text holds none of parts.
func lacksAll(t testing.TB, what, text string, parts ...string) {
	t.Helper()
	flat := oneLine(text)
	for _, p := range parts {
		if strings.Contains(flat, oneLine(p)) {
			t.Errorf("%s says %q:\n%s", what, p, text)
		}
	}
}
