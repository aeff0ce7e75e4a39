package approve

import (
	"testing"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ledger"
)

func TestReplyOutcome(t *testing.T) {
	tests := []struct {
		name    string
		actions []approval.Action
		want    ledger.Outcome
	}{
		{name: "Acknowledged", actions: []approval.Action{{Kind: approval.Acknowledge}, {Kind: approval.Issue}}, want: ledger.OutcomeAccepted},
		{name: "AskedAgain", actions: []approval.Action{{Kind: approval.AskAgain}}, want: ledger.OutcomeAccepted},
		{name: "Unclear", actions: []approval.Action{{Kind: approval.UnclearToOffice}}, want: ledger.OutcomeAccepted},
		{name: "Refused", actions: []approval.Action{{Kind: approval.Refused}}, want: ledger.OutcomeQuarantined},
		{name: "Stale", actions: []approval.Action{{Kind: approval.Stale}}, want: ledger.OutcomeIgnored},
		{name: "None", want: ledger.OutcomeIgnored},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := replyOutcome(tt.actions); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := approval.Chain{Steps: []approval.Step{{People: []string{"ptb"}}, {People: []string{"tb"}}}}
	st := approval.State{Status: approval.Reviewing, Version: 2, Step: 1}
	tests := []struct {
		name    string
		st      approval.State
		person  string
		version int
		want    bool
	}{
		{name: "PendingPerson", st: st, person: "tb", version: 2, want: true},
		{name: "EarlierStep", st: st, person: "ptb", version: 2},
		{name: "OldVersion", st: st, person: "tb", version: 1},
		{name: "Revising", st: approval.State{Status: approval.Revising, Version: 2, Step: 1}, person: "tb", version: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := counts(tt.st, c, tt.person, tt.version); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestActionDetail(t *testing.T) {
	a := approval.Action{Kind: approval.Acknowledge, Version: 2, Step: 0, To: []string{"ptb", "tb"}, Person: "tb",
		Answer: approval.Approve, Reason: "why"}
	if got, want := actionDetail(a), "v2 step 1 to ptb,tb person tb answer approve (why)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestApprovalList(t *testing.T) {
	at := time.Date(2026, 11, 16, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	got := approvalList([]approval.Decision{{Person: "ptb", At: at, MessageID: "a@x"}, {Person: "tb", At: at, MessageID: "b@x"}})
	if want := "ptb@2026-11-16T10:00+07:00<a@x>,tb@2026-11-16T10:00+07:00<b@x>"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
