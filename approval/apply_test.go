package approval

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// prefixes lead a two-step chain to each status.
var (
	waiting    []any
	reviewing0 = []any{Draft{Version: 1, At: at(16, 9, 0)}}
	reviewing1 = append(reviewing0[:1:1], approve("cvp", 1, at(16, 10, 0), "m1"))
	revising1  = append(reviewing1[:2:2], Reply{Person: "tb", Version: 1, Decision: Revise, Comment: "Sửa", At: at(16, 11, 0), MessageID: "m2"})
	issued     = append(reviewing1[:2:2], approve("tb", 1, at(16, 11, 0), "m2"))
	correcting = append(issued[:3:3], Reopen{At: at(17, 9, 0), Person: "tb"})
	recorrect  = append(correcting[:4:4], Draft{Version: 2, At: at(17, 10, 0)}, approve("cvp", 2, at(17, 11, 0), "m3"))
)

func withOnRevise(c Chain, onRevise string) Chain {
	c.OnRevise = onRevise
	return c
}

func TestApply_Transitions(t *testing.T) {
	reply := func(person string, version int, decision string, edited int) Reply {
		return Reply{Person: person, Version: version, Decision: decision, At: at(16, 14, 0), MessageID: "r", EditedVersion: edited}
	}
	draft2 := Draft{Version: 2, At: at(16, 15, 0)}
	tick := Tick{At: at(30, 9, 0)}
	sharedPerson := Chain{Steps: []Step{{Title: "Phó Chánh Văn phòng", People: []string{"x", "y"}}, {Title: "Chánh Văn phòng", People: []string{"x"}}}}
	tests := []struct {
		name    string
		chain   Chain
		prefix  []any
		event   any
		status  Status
		version int
		step    int
		kinds   []ActionKind
	}{
		{"WaitingDraft", twoSteps(), waiting, Draft{Version: 1, At: at(16, 9, 0)}, Reviewing, 1, 0, []ActionKind{Request}},
		{"WaitingDraftPointer", twoSteps(), waiting, &Draft{Version: 1, At: at(16, 9, 0)}, Reviewing, 1, 0, []ActionKind{Request}},
		{"WaitingReply", twoSteps(), waiting, reply("cvp", 1, Approve, 0), Waiting, 0, 0, []ActionKind{Ignored}},
		{"WaitingStranger", twoSteps(), waiting, reply("la", 1, Approve, 0), Waiting, 0, 0, []ActionKind{Refused}},
		{"WaitingTick", twoSteps(), waiting, tick, Waiting, 0, 0, nil},
		{"ReviewingDraftAtFirstStep", twoSteps(), reviewing0, draft2, Reviewing, 2, 0, []ActionKind{Request}},
		{"ReviewingDraftAtLaterStep", twoSteps(), reviewing1, draft2, Reviewing, 2, 0, []ActionKind{Withdraw, Request}},
		{"ReviewingDraftSamePeople", sharedPerson, []any{Draft{Version: 1}, approve("x", 1, time.Time{}, "m1")}, draft2, Reviewing, 2, 0, []ActionKind{Request}},
		{"ReviewingDraftStepMode", withOnRevise(twoSteps(), OnReviseStep), reviewing1, draft2, Reviewing, 2, 0, []ActionKind{Withdraw, Request}},
		{"ReviewingApprove", twoSteps(), reviewing0, reply("cvp", 1, Approve, 0), Reviewing, 1, 1, []ActionKind{Acknowledge, Request}},
		{"ReviewingApproveLast", twoSteps(), reviewing1, reply("tb", 1, Approve, 0), Issued, 1, 1, []ActionKind{Acknowledge, Issue}},
		{"ReviewingRevise", twoSteps(), reviewing0, reply("cvp", 1, Revise, 0), Revising, 1, 0, []ActionKind{Acknowledge, Revision}},
		{"ReviewingUnclear", twoSteps(), reviewing0, reply("cvp", 1, Unclear, 0), Reviewing, 1, 0, []ActionKind{AskAgain}},
		{"ReviewingEditedApprove", twoSteps(), reviewing0, reply("cvp", 1, Approve, 2), Reviewing, 2, 1, []ActionKind{Acknowledge, Request}},
		{"ReviewingEditedApproveLast", twoSteps(), reviewing1, reply("tb", 1, Approve, 2), Issued, 2, 1, []ActionKind{Acknowledge, Issue}},
		{"ReviewingEditedRevise", twoSteps(), reviewing1, reply("tb", 1, Revise, 2), Reviewing, 2, 0, []ActionKind{Acknowledge, Revision, Request}},
		{"ReviewingEditedReviseStepMode", withOnRevise(twoSteps(), OnReviseStep), reviewing1, reply("tb", 1, Revise, 2), Reviewing, 2, 1, []ActionKind{Acknowledge, Revision, Request}},
		{"ReviewingOldVersion", twoSteps(), append(reviewing0[:1:1], draft2), reply("cvp", 1, Approve, 0), Reviewing, 2, 0, []ActionKind{Stale}},
		{"ReviewingUnknownVersion", twoSteps(), reviewing0, reply("cvp", 0, Approve, 0), Reviewing, 1, 0, []ActionKind{Stale}},
		{"ReviewingNotYourTurn", twoSteps(), reviewing0, reply("tb", 1, Approve, 0), Reviewing, 1, 0, []ActionKind{NotYourTurn}},
		{"ReviewingStranger", twoSteps(), reviewing0, reply("la", 1, Approve, 0), Reviewing, 1, 0, []ActionKind{Refused}},
		{"ReviewingTickWithoutReminders", twoSteps(), reviewing0, tick, Reviewing, 1, 0, nil},
		{"ReviewingTickPointer", twoSteps(), reviewing0, &tick, Reviewing, 1, 0, nil},
		{"ReviewingReplyPointer", twoSteps(), reviewing0, &Reply{Person: "cvp", Version: 1, Decision: Approve}, Reviewing, 1, 1, []ActionKind{Acknowledge, Request}},
		{"RevisingDraftRestart", twoSteps(), revising1, draft2, Reviewing, 2, 0, []ActionKind{Request}},
		{"RevisingDraftStepMode", withOnRevise(twoSteps(), OnReviseStep), revising1, draft2, Reviewing, 2, 1, []ActionKind{Request}},
		{"RevisingApprove", twoSteps(), revising1, reply("tb", 1, Approve, 0), Revising, 1, 1, []ActionKind{Stale}},
		{"RevisingUnclear", twoSteps(), revising1, reply("tb", 1, Unclear, 0), Revising, 1, 1, []ActionKind{Stale}},
		{"RevisingEditedByAsker", twoSteps(), revising1, reply("tb", 1, Revise, 2), Reviewing, 2, 0, []ActionKind{Acknowledge, Revision, Request}},
		{"RevisingEditedByOther", twoSteps(), revising1, reply("cvp", 1, Approve, 2), Revising, 1, 1, []ActionKind{Stale}},
		{"RevisingTick", withOnRevise(twoSteps(), ""), revising1, tick, Revising, 1, 1, nil},
		{"IssuedDraft", twoSteps(), issued, draft2, Issued, 1, 1, []ActionKind{Ignored}},
		{"IssuedReply", twoSteps(), issued, reply("tb", 1, Revise, 0), Issued, 1, 1, []ActionKind{Ignored}},
		{"IssuedTick", twoSteps(), issued, tick, Issued, 1, 1, nil},
		{"IssuedReopen", twoSteps(), issued, Reopen{At: at(17, 9, 0), Person: "tb"}, Correcting, 1, 1, []ActionKind{Reopened}},
		{"IssuedReopenPointer", twoSteps(), issued, &Reopen{At: at(17, 9, 0), Person: "cvp"}, Correcting, 1, 1, []ActionKind{Reopened}},
		{"ReviewingReopen", twoSteps(), reviewing0, Reopen{At: at(17, 9, 0), Person: "tb"}, Reviewing, 1, 0, []ActionKind{Ignored}},
		{"CorrectingReopen", twoSteps(), correcting, Reopen{At: at(17, 9, 30), Person: "cvp"}, Correcting, 1, 1, []ActionKind{Ignored}},
		{"CorrectingReply", twoSteps(), correcting, reply("tb", 1, Revise, 0), Correcting, 1, 1, []ActionKind{Ignored}},
		{"CorrectingTick", twoSteps(), correcting, tick, Correcting, 1, 1, nil},
		// The corrected draft goes to the first step even when changes resume at the asking step.
		{"CorrectingDraft", twoSteps(), correcting, draft2, Reviewing, 2, 0, []ActionKind{Request}},
		{"CorrectingDraftStepMode", withOnRevise(twoSteps(), OnReviseStep), correcting, draft2, Reviewing, 2, 0, []ActionKind{Request}},
		{"CorrectedApproveLast", twoSteps(), recorrect, reply("tb", 2, Approve, 0), Issued, 2, 1, []ActionKind{Acknowledge, Issue}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.chain.RemindAfter = 0
			s := replay(t, tt.chain, tt.prefix)
			next, actions, err := s.Apply(tt.chain, officeCalendar(t), tt.event)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			wantState(t, next, tt.status, tt.version, tt.step)
			if got := kindsOf(actions); !reflect.DeepEqual(got, tt.kinds) {
				t.Fatalf("actions: got %v, want %v", got, tt.kinds)
			}
		})
	}
}

func replay(t *testing.T, c Chain, events []any) State {
	t.Helper()
	s := New("BM.04.01/KH", "2026-W47")
	for _, ev := range events {
		var err error
		if s, _, err = s.Apply(c, officeCalendar(t), ev); err != nil {
			t.Fatalf("replay %+v: %v", ev, err)
		}
	}
	return s
}

func kindsOf(actions []Action) []ActionKind {
	var kinds []ActionKind
	for _, a := range actions {
		kinds = append(kinds, a.Kind)
	}
	return kinds
}

func TestApply_Errors(t *testing.T) {
	reviewing := State{Form: "BM.04.01/KH", Period: "2026-W47", Status: Reviewing, Version: 1, Since: at(16, 9, 0).UTC()}
	issuedState := State{Status: Issued, Version: 1, Step: 1}
	tests := []struct {
		name  string
		chain Chain
		s     State
		event any
		want  string
	}{
		{"UnknownEvent", twoSteps(), reviewing, "approve", "unknown event type string"},
		{"NilReply", twoSteps(), reviewing, (*Reply)(nil), "nil *approval.Reply event"},
		{"NilDraft", twoSteps(), reviewing, (*Draft)(nil), "nil *approval.Draft event"},
		{"NilTick", twoSteps(), reviewing, (*Tick)(nil), "nil *approval.Tick event"},
		{"NilReopen", twoSteps(), issuedState, (*Reopen)(nil), "nil *approval.Reopen event"},
		{"ReopenWithoutPerson", twoSteps(), issuedState, Reopen{}, "reopen: no person"},
		{"DraftNotAfter", twoSteps(), reviewing, Draft{Version: 1}, "draft v1: not after the current version v1"},
		{"DraftBackwards", twoSteps(), reviewing, Draft{Version: -3}, "not after the current version"},
		{"DraftZero", twoSteps(), New("f", "p"), Draft{}, "draft v0"},
		{"DraftBackwardsAfterIssue", twoSteps(), issuedState, Draft{Version: 1}, "not after"},
		{"ReplyWithoutPerson", twoSteps(), reviewing, Reply{Version: 1, Decision: Approve}, "no person"},
		{"ReplyBadDecision", twoSteps(), reviewing, Reply{Person: "cvp", Version: 1, Decision: "maybe"}, `decision "maybe"`},
		{"ReplyNegativeEdit", twoSteps(), reviewing, Reply{Person: "cvp", Version: 1, Decision: Approve, EditedVersion: -1}, "negative edited version"},
		{"ReplyEditNotAfter", twoSteps(), reviewing, Reply{Person: "cvp", Version: 1, Decision: Approve, EditedVersion: 1}, "edited version v1 not after"},
		{"InvalidChain", Chain{}, reviewing, Tick{}, "invalid chain: steps"},
		{"StepOutsideChain", twoSteps(), State{Status: Reviewing, Version: 1, Step: 2}, Tick{}, "reviewing at step 2, but the chain has 2 steps"},
		{"UnknownStatus", twoSteps(), State{Status: "lost"}, Tick{}, `unknown status "lost"`},
		{"EditApproveWithoutHistory", twoSteps(), State{Status: Reviewing, Version: 1, Step: 1},
			Reply{Person: "tb", Version: 1, Decision: Approve, EditedVersion: 2}, "history lacks the approvals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, actions, err := tt.s.Apply(tt.chain, officeCalendar(t), tt.event)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error: got %v, want one containing %q", err, tt.want)
			}
			if !reflect.DeepEqual(next, tt.s) || actions != nil {
				t.Fatalf("on error: got %+v and %v, want the receiver unchanged and no action", next, actions)
			}
		})
	}
}

func TestApply_DoesNotShareSlices(t *testing.T) {
	c := twoSteps()
	s := replay(t, c, reviewing1)
	s.Decisions = append(make([]Decision, 0, 16), s.Decisions...) // spare capacity invites aliasing
	s.Asked = append(make([]string, 0, 16), "cvp/1/0")
	cal := officeCalendar(t)
	first, _, err := s.Apply(c, cal, approve("tb", 1, at(16, 12, 0), "a"))
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	snapshot := mustJSON(t, first)
	if _, _, err := s.Apply(c, cal, Reply{Person: "tb", Version: 1, Decision: Revise, At: at(16, 12, 0), MessageID: "b"}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if _, _, err := s.Apply(c, cal, Reply{Person: "tb", Version: 1, Decision: Unclear, At: at(16, 12, 0)}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if got := mustJSON(t, first); got != snapshot {
		t.Fatalf("a later Apply on the same state changed an earlier result:\n got %s\nwant %s", got, snapshot)
	}
	if len(s.Decisions) != 1 || len(s.Asked) != 1 {
		t.Fatalf("receiver: got %d decisions and %d asked, want 1 and 1", len(s.Decisions), len(s.Asked))
	}
}

func TestApply_ZeroState(t *testing.T) {
	next, actions, err := State{}.Apply(twoSteps(), officeCalendar(t), Draft{Version: 1, At: at(16, 9, 0)})
	if err != nil || next.Status != Reviewing || len(actions) != 1 {
		t.Fatalf("zero State + Draft: got %s, %v, %v; want reviewing with one request", next.Status, actions, err)
	}
}

func TestChain_Validate(t *testing.T) {
	tests := []struct {
		name  string
		chain Chain
		want  string // "" for valid
	}{
		{"TwoSteps", twoSteps(), ""},
		{"StepMode", threeSteps(OnReviseStep), ""},
		{"Reminders", Chain{Steps: twoSteps().Steps, RemindAfter: time.Hour, MaxReminders: 3}, ""},
		{"NoSteps", Chain{}, "steps: the chain needs at least one step"},
		{"NobodyInStep", Chain{Steps: []Step{{Title: "Trưởng Ban"}}}, `steps[0] "Trưởng Ban": nobody can decide`},
		{"EmptyPerson", Chain{Steps: []Step{{People: []string{"tb", ""}}}}, "steps[0].people[1]: empty person id"},
		{"RepeatedPerson", Chain{Steps: []Step{{People: []string{"tb", "tb"}}}}, `steps[0].people[1] "tb": listed twice`},
		{"BadOnRevise", Chain{Steps: twoSteps().Steps, OnRevise: "first"}, `on_revise "first"`},
		{"NegativeRemindAfter", Chain{Steps: twoSteps().Steps, RemindAfter: -time.Hour}, "remind_after -1h0m0s"},
		{"NegativeMaxReminders", Chain{Steps: twoSteps().Steps, MaxReminders: -1}, "max_reminders -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.chain.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate: got %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate: got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestState_PendingPeopleAndApprovals(t *testing.T) {
	c := threeSteps("")
	s := replay(t, c, []any{Draft{Version: 1, At: at(16, 9, 0)}})
	if got := s.PendingPeople(c); !reflect.DeepEqual(got, []string{"pcvp1", "pcvp2"}) {
		t.Fatalf("PendingPeople: got %v, want [pcvp1 pcvp2]", got)
	}
	s = replay(t, c, []any{Draft{Version: 1, At: at(16, 9, 0)}, approve("pcvp2", 1, at(16, 10, 0), "m1")})
	if got := s.Approvals(1, len(c.Steps)); len(got) != 1 || got[0].Person != "pcvp2" {
		t.Fatalf("Approvals(1): got %+v, want pcvp2's only", got)
	}
	if got := New("f", "p").PendingPeople(c); got != nil {
		t.Fatalf("PendingPeople while waiting: got %v, want nil", got)
	}
}
