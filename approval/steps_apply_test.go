package approval

import (
	"reflect"
	"testing"
)

// TestApply_StepKinds is the transition table of the kinds of steps and of due dates, on
// kindsChain: a comment round of two (due a working day after its request), an initial due on
// Wednesday 18/11 17:00 (reminded the day before, escalated at the due time and a day after),
// the signature.
func TestApply_StepKinds(t *testing.T) {
	reply := func(person, decision string, edited, step int) Reply {
		return Reply{Person: person, Version: 1, Decision: decision, Comment: "Ý kiến", At: at(16, 10, 0), MessageID: "r", EditedVersion: edited, Step: step}
	}
	round := []any{Draft{Version: 1, At: at(16, 9, 0)}}
	halfAnswered := append(round[:1:1], Reply{Person: "pcvp1", Version: 1, Decision: Revise, Comment: "Sửa", At: at(16, 9, 30), MessageID: "r1"})
	initialling := append(halfAnswered[:2:2], Reply{Person: "pcvp2", Version: 1, Decision: Approve, At: at(16, 11, 0), MessageID: "r2"})
	signing := append(initialling[:3:3], Reply{Person: "cvp", Version: 1, Decision: Approve, At: at(16, 14, 0), MessageID: "r3"})
	shared := kindsChain("")
	shared.Steps[1].People = []string{"pcvp1"}
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
		{"CommentAgrees", kindsChain(""), round, reply("pcvp1", Approve, 0, 0), Reviewing, 1, 0, []ActionKind{Acknowledge}},
		{"CommentRevises", kindsChain(""), round, reply("pcvp1", Revise, 0, 0), Reviewing, 1, 0, []ActionKind{Acknowledge}},
		{"CommentUnclear", kindsChain(""), round, reply("pcvp1", Unclear, 0, 0), Reviewing, 1, 0, []ActionKind{AskAgain}},
		{"CommentEditedNotAdopted", kindsChain(""), round, reply("pcvp1", Revise, 2, 0), Reviewing, 1, 0, []ActionKind{Acknowledge}},
		{"CommentAgainSamePerson", kindsChain(""), halfAnswered, Reply{Person: "pcvp1", Version: 1, Decision: Revise, At: at(16, 10, 30), MessageID: "r9"}, Reviewing, 1, 0, []ActionKind{Acknowledge}},
		{"CommentLastAnswerCloses", kindsChain(""), halfAnswered, reply("pcvp2", Approve, 0, 1), Reviewing, 1, 1, []ActionKind{Acknowledge, Gathered, Request}},
		{"CommentNotYourTurn", kindsChain(""), round, reply("tb", Approve, 0, 0), Reviewing, 1, 0, []ActionKind{NotYourTurn}},
		{"CommentTickBeforeReminder", kindsChain(""), round, Tick{At: at(16, 15, 0)}, Reviewing, 1, 0, nil},
		{"CommentTickReminder", kindsChain(""), halfAnswered, Tick{At: at(17, 7, 45)}, Reviewing, 1, 0, []ActionKind{Remind}},
		{"CommentTickDue", kindsChain(""), halfAnswered, Tick{At: at(17, 9, 0)}, Reviewing, 1, 1, []ActionKind{Gathered, Request}},
		{"CommentTickDueAtNight", kindsChain(""), halfAnswered, Tick{At: at(17, 22, 0)}, Reviewing, 1, 1, []ActionKind{Gathered, Request}},
		{"CommentNewDraft", kindsChain(""), halfAnswered, Draft{Version: 2, At: at(16, 10, 30)}, Reviewing, 2, 0, []ActionKind{Request}},
		{"InitialApproves", kindsChain(""), initialling, reply("cvp", Approve, 0, 2), Reviewing, 1, 2, []ActionKind{Acknowledge, Request}},
		{"InitialRevises", kindsChain(""), initialling, reply("cvp", Revise, 0, 2), Revising, 1, 1, []ActionKind{Acknowledge, Revision}},
		{"InitialEditedApproves", kindsChain(""), initialling, reply("cvp", Approve, 2, 2), Reviewing, 2, 2, []ActionKind{Acknowledge, Request}},
		{"InitialTickBeforeReminder", kindsChain(""), initialling, Tick{At: at(17, 16, 59)}, Reviewing, 1, 1, nil},
		{"InitialTickReminder", kindsChain(""), initialling, Tick{At: at(18, 8, 0)}, Reviewing, 1, 1, []ActionKind{Remind}},
		{"InitialTickOverdue", kindsChain(""), initialling, Tick{At: at(19, 8, 0)}, Reviewing, 1, 1, []ActionKind{Overdue}},
		{"InitialTickAfterPause", kindsChain(""), initialling, Tick{At: at(20, 9, 0)}, Reviewing, 1, 1, []ActionKind{Overdue}},
		{"InitialTickOutsideHours", kindsChain(""), initialling, Tick{At: at(21, 9, 0)}, Reviewing, 1, 1, nil},
		{"SignIssues", kindsChain(""), signing, reply("tb", Approve, 0, 3), Issued, 1, 2, []ActionKind{Acknowledge, Issue}},
		{"LateCommentFromInitialler", shared, initialling, reply("pcvp1", Revise, 0, 1), Reviewing, 1, 1, []ActionKind{NotYourTurn}},
		{"InitialFromInitialler", shared, initialling, reply("pcvp1", Approve, 0, 2), Reviewing, 1, 2, []ActionKind{Acknowledge, Request}},
		{"UnknownThreadCountsForWaitingStep", shared, initialling, reply("pcvp1", Approve, 0, 0), Reviewing, 1, 2, []ActionKind{Acknowledge, Request}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := replay(t, tt.chain, tt.prefix)
			next, actions, err := s.Apply(tt.chain, officeCalendar(t), tt.event)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			wantState(t, next, tt.status, tt.version, tt.step)
			if got := kindsOf(actions); !reflect.DeepEqual(got, tt.kinds) {
				t.Fatalf("actions: got %v, want %v", got, tt.kinds)
			}
			roundTrip(t, next)
		})
	}
}
