package ask

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// TestAsker_EscalatedNagNamesWhoIsCopied: an escalated nag is copied to the unit's supervisor and
// names them; a nag not escalated, or to a unit without a supervisor, is copied to nobody and
// says nothing of a copy (issue 24, item 11).
func TestAsker_EscalatedNagNamesWhoIsCopied(t *testing.T) {
	a := newAsker(t)
	nov, _ := period.Parse("2026-11")
	nag := func(unit string, escalate bool) ledger.OutMail {
		t.Helper()
		act := schedule.Action{Kind: "nag", Form: "BM.02.01/KH", Period: nov, Unit: unit, N: 2, Escalate: escalate,
			Deadline: time.Date(2026, 11, 18, 17, 0, 0, 0, period.DefaultLocation())}
		m := ledger.OutMail{Kind: ledger.KindNag}
		if _, err := a.writeMail(context.Background(), act, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	sup, ok := a.Office.Person("ptb")
	if !ok {
		t.Fatal("the test office has no supervisor ptb")
	}
	copied := nag(officetest.Units[0], true)
	if !slices.Equal(copied.Cc, sup.Emails) || !strings.Contains(copied.Body, "đồng gửi đồng chí "+sup.Name) {
		t.Errorf("escalated: cc %v, body\n%s\nwant the supervisor copied and named", copied.Cc, copied.Body)
	}
	if m := nag(officetest.Units[0], false); len(m.Cc) != 0 || strings.Contains(m.Body, "đồng gửi") {
		t.Errorf("not escalated: cc %v, body\n%s\nwant nobody copied, nothing said", m.Cc, m.Body)
	}
	for i := range a.Office.Config.Units {
		if a.Office.Config.Units[i].Code == officetest.Units[1] {
			a.Office.Config.Units[i].Supervisor = ""
		}
	}
	if m := nag(officetest.Units[1], true); len(m.Cc) != 0 || strings.Contains(m.Body, "đồng gửi") || strings.Contains(m.Body, "Phó Trưởng Ban") {
		t.Errorf("escalated without a supervisor: cc %v, body\n%s\nwant nobody copied, nothing said", m.Cc, m.Body)
	}
}
