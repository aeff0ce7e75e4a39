package approval

import (
	"strings"
	"testing"
	"time"
)

func comment(person string, version int, decision, text string, when time.Time, id string) Reply {
	return Reply{Person: person, Version: version, Decision: decision, Comment: text, At: when, MessageID: id}
}

func TestScenario_CommentRoundAllAnswer(t *testing.T) {
	sc := newScenario(t, kindsChain(""))
	due := at(17, 9, 0).UTC()
	wantActions(t, sc.apply(Draft{Version: 1, At: at(16, 9, 0)}),
		Action{Kind: Request, Step: 0, Version: 1, To: []string{"pcvp1", "pcvp2"}, Due: due})

	// A request for changes is a comment: the round never refuses.
	wantActions(t, sc.apply(comment("pcvp1", 1, Revise, "Bổ sung số liệu xuất khẩu", at(16, 10, 0), "c1")),
		Action{Kind: Acknowledge, Step: 0, Version: 1, To: []string{"pcvp1"}, Person: "pcvp1", Comment: "Bổ sung số liệu xuất khẩu", Answer: Commented})
	wantState(t, sc.s, Reviewing, 1, 0)
	if got := sc.s.Awaited(sc.chain); len(got) != 1 || got[0] != "pcvp2" {
		t.Fatalf("Awaited: got %v, want [pcvp2]", got)
	}
	// The same mail again changes nothing; an unclear answer is asked again.
	wantActions(t, sc.apply(comment("pcvp1", 1, Revise, "Bổ sung số liệu xuất khẩu", at(16, 10, 5), "c1")),
		Action{Kind: Ignored, Step: 0, Version: 1, To: []string{"pcvp1"}, Person: "pcvp1", Comment: "Bổ sung số liệu xuất khẩu", Reason: ReasonDuplicate, ReplyVersion: 1})
	wantActions(t, sc.apply(comment("pcvp2", 1, Unclear, "Để tôi xem", at(16, 10, 30), "c2")),
		Action{Kind: AskAgain, Step: 0, Version: 1, To: []string{"pcvp2"}, Person: "pcvp2", Comment: "Để tôi xem"})
	// A person of a later step may not comment yet.
	if got := sc.apply(comment("cvp", 1, Approve, "", at(16, 10, 40), "c3")); got[0].Kind != NotYourTurn {
		t.Fatalf("cvp during the round: got %v, want not your turn", got)
	}

	answers := []Decision{
		{Step: 0, Person: "pcvp1", Version: 1, Kind: Commented, Comment: "Bổ sung số liệu xuất khẩu", At: at(16, 10, 0).UTC(), MessageID: "c1"},
		{Step: 0, Person: "pcvp2", Version: 1, Kind: Agreed, At: at(16, 11, 0).UTC(), MessageID: "c4"},
	}
	wantActions(t, sc.apply(comment("pcvp2", 1, Approve, "", at(16, 11, 0), "c4")),
		Action{Kind: Acknowledge, Step: 0, Version: 1, To: []string{"pcvp2"}, Person: "pcvp2", Answer: Agreed},
		Action{Kind: Gathered, Step: 0, Version: 1, Comments: answers, Reason: ReasonAllAnswered},
		Action{Kind: Request, Step: 1, Version: 1, To: []string{"cvp"}, Due: at(18, 17, 0).UTC(), Comments: answers})
	wantState(t, sc.s, Reviewing, 1, 1)

	// A comment after the round closed is not counted.
	if got := sc.apply(comment("pcvp1", 1, Revise, "Thêm nữa", at(16, 11, 30), "c5")); got[0].Kind != NotYourTurn || got[0].Reason != ReasonStepDecided {
		t.Fatalf("late comment: got %+v, want not your turn, step decided", got)
	}
}

func TestScenario_CommentRoundClosesOnDueDate(t *testing.T) {
	sc := newScenario(t, kindsChain(""))
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(comment("pcvp2", 1, Revise, "Sửa mục II", at(16, 9, 30), "c1"))
	// The reminder two hours before the due date (Tuesday 07:00, before office hours) goes out
	// at the first tick in working hours, to the one who has not answered.
	wantActions(t, sc.apply(Tick{At: at(17, 6, 30)}))
	wantActions(t, sc.apply(Tick{At: at(17, 7, 45)}),
		Action{Kind: Remind, Step: 0, Version: 1, To: []string{"pcvp1"}, N: 1, Due: at(17, 9, 0).UTC()})
	wantActions(t, sc.apply(Tick{At: at(17, 8, 0)}))

	answers := []Decision{{Step: 0, Person: "pcvp2", Version: 1, Kind: Commented, Comment: "Sửa mục II", At: at(16, 9, 30).UTC(), MessageID: "c1"}}
	wantActions(t, sc.apply(Tick{At: at(17, 9, 0)}),
		Action{Kind: Gathered, Step: 0, Version: 1, Comments: answers, Missing: []string{"pcvp1"}, Reason: ReasonDuePassed},
		Action{Kind: Request, Step: 1, Version: 1, To: []string{"cvp"}, Due: at(18, 17, 0).UTC(), Comments: answers, Missing: []string{"pcvp1"}})
	wantState(t, sc.s, Reviewing, 1, 1)
}

func TestScenario_InitialThenSign(t *testing.T) {
	c := kindsChain("")
	c.Steps = c.Steps[1:] // the head of the office initials, the head of the authority signs
	sc := newScenario(t, c)
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	wantActions(t, sc.apply(approve("cvp", 1, at(16, 10, 0), "m1")),
		Action{Kind: Acknowledge, Step: 0, Version: 1, To: []string{"cvp"}, Person: "cvp", Answer: Initialed},
		Action{Kind: Request, Step: 1, Version: 1, To: []string{"tb"}})
	got := sc.apply(approve("tb", 1, at(16, 11, 0), "m2"))
	wantActions(t, got[1:], Action{Kind: Issue, Step: 1, Version: 1, Approvals: []Decision{
		decided(0, "cvp", 1, Initialed, at(16, 10, 0), "m1"),
		decided(1, "tb", 1, Approve, at(16, 11, 0), "m2"),
	}})

	t.Run("ReviseAtInitial", func(t *testing.T) {
		sc := newScenario(t, c)
		sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
		sc.apply(comment("cvp", 1, Revise, "Sửa biểu 2", at(16, 10, 0), "m1"))
		wantState(t, sc.s, Revising, 1, 0)
	})
	t.Run("StepModeCarriesTheInitial", func(t *testing.T) {
		sc := newScenario(t, withOnRevise(c, OnReviseStep))
		sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
		sc.apply(approve("cvp", 1, at(16, 10, 0), "m1"))
		sc.apply(comment("tb", 1, Revise, "Sửa biểu 2", at(16, 11, 0), "m2"))
		wantActions(t, sc.apply(Draft{Version: 2, At: at(16, 14, 0)}),
			Action{Kind: Request, Step: 1, Version: 2, To: []string{"tb"}})
		got := sc.apply(approve("tb", 2, at(16, 15, 0), "m3"))
		carried := decided(0, "cvp", 2, Initialed, at(16, 10, 0), "m1")
		carried.CarriedFrom = 1
		wantActions(t, got[1:], Action{Kind: Issue, Step: 1, Version: 2, Approvals: []Decision{carried, decided(1, "tb", 2, Approve, at(16, 15, 0), "m3")}})
	})
}

func TestScenario_CommentThenStepModeSkipsTheRound(t *testing.T) {
	sc := newScenario(t, kindsChain(OnReviseStep))
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(comment("pcvp1", 1, Approve, "", at(16, 9, 10), "c1"))
	sc.apply(comment("pcvp2", 1, Approve, "", at(16, 9, 20), "c2"))
	sc.apply(approve("cvp", 1, at(16, 10, 0), "m1"))
	sc.apply(comment("tb", 1, Revise, "Sửa", at(16, 11, 0), "m2"))
	// The round is not held again for version 2; the initial is carried.
	wantActions(t, sc.apply(Draft{Version: 2, At: at(16, 14, 0)}), Action{Kind: Request, Step: 2, Version: 2, To: []string{"tb"}})
	got := sc.apply(approve("tb", 2, at(16, 15, 0), "m3"))
	if got[1].Kind != Issue || len(got[1].Approvals) != 2 || got[1].Approvals[0].Kind != Initialed {
		t.Fatalf("issue: got %+v, want the initial and the approval", got[1:])
	}
}

func TestScenario_DatedStepRemindsAndEscalates(t *testing.T) {
	c := kindsChain("")
	c.Steps = c.Steps[1:]
	c.RemindAfter = time.Hour // a dated step ignores it
	sc := newScenario(t, c)
	due := at(18, 17, 0).UTC()
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	wantActions(t, sc.apply(Tick{At: at(16, 15, 0)}))
	// The working day before the due date, at the same time.
	wantActions(t, sc.apply(Tick{At: at(17, 16, 59)}))
	wantActions(t, sc.apply(Tick{At: at(17, 17, 0)})) // after office hours: waits
	wantActions(t, sc.apply(Tick{At: at(18, 7, 30)}),
		Action{Kind: Remind, Step: 0, Version: 1, To: []string{"cvp"}, N: 1, Due: due})
	// A pause of the daemon over the due date and the next working day (Thursday 19, then
	// Friday 20): one escalation, numbered after the last one due.
	wantActions(t, sc.apply(Tick{At: at(20, 9, 0)}),
		Action{Kind: Overdue, Step: 0, Version: 1, To: []string{"cvp"}, N: 2, Due: due})
	wantActions(t, sc.apply(Tick{At: at(23, 9, 0)}))
	if sc.s.Reminders != 3 {
		t.Fatalf("Reminders: got %d, want 3", sc.s.Reminders)
	}
	// The answer still counts after the due date.
	if got := sc.apply(approve("cvp", 1, at(23, 10, 0), "m1")); got[0].Answer != Initialed {
		t.Fatalf("late initial: got %+v", got)
	}
}

func TestScenario_CommentDueAlreadyPassed(t *testing.T) {
	c := kindsChain("")
	c.Steps[0].DueAfter, c.Steps[0].Due = Span{}, at(16, 8, 0) // absolute, before the request
	sc := newScenario(t, c)
	got := sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	if want := at(17, 9, 0).UTC(); len(got) != 1 || !got[0].Due.Equal(want) {
		t.Fatalf("request: got %+v, want a working day to answer (due %v)", got, want)
	}
	wantActions(t, sc.apply(Tick{At: at(16, 10, 0)})) // the round stays open
}

func TestChain_ValidateSteps(t *testing.T) {
	valid := kindsChain("")
	tests := []struct {
		name string
		edit func(c *Chain)
		want string
	}{
		{"Valid", func(*Chain) {}, ""},
		{"CommentLast", func(c *Chain) { c.Steps = c.Steps[:1] }, "cannot end the chain"},
		{"InitialLast", func(c *Chain) { c.Steps = c.Steps[1:2] }, "cannot end the chain"},
		{"CommentWithoutDue", func(c *Chain) { c.Steps[0].DueAfter = Span{} }, "needs a due date"},
		{"BothDues", func(c *Chain) { c.Steps[1].DueAfter = Span{Days: 1} }, "both an absolute and a relative"},
		{"UnknownKind", func(c *Chain) { c.Steps[2].Kind = "sign" }, `kind "sign"`},
		{"ReminderAfterDue", func(c *Chain) { c.Steps[1].Reminders = []Span{{Days: 1}} }, "use escalate"},
		{"EscalationBeforeDue", func(c *Chain) { c.Steps[1].Escalate = []Span{{Hours: -time.Hour}} }, "use reminders"},
		{"RemindersWithoutDue", func(c *Chain) { c.Steps[2].Reminders = []Span{{Days: -1}} }, "without a due date"},
		{"NegativeDueAfter", func(c *Chain) { c.Steps[0].DueAfter = Span{Days: -1} }, "before the request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid
			c.Steps = append([]Step(nil), valid.Steps...)
			tt.edit(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate: %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate: got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestScenario_LateCommentIsNotTheNextStepsDecision(t *testing.T) {
	c := kindsChain("")
	c.Steps[1].People = []string{"pcvp1"} // the deputy comments, then initials
	sc := newScenario(t, c)
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(Tick{At: at(17, 9, 0)}) // the round closes unanswered
	wantState(t, sc.s, Reviewing, 1, 1)
	late := comment("pcvp1", 1, Revise, "Sửa mục 3", at(17, 10, 0), "late")
	late.Step = 1
	wantActions(t, sc.apply(late), Action{Kind: NotYourTurn, Step: 1, Version: 1, To: []string{"pcvp1"}, Person: "pcvp1",
		Comment: "Sửa mục 3", Reason: ReasonRoundClosed, ReplyVersion: 1})
	wantState(t, sc.s, Reviewing, 1, 1)
	// Answering the initial request itself counts.
	ok := approve("pcvp1", 1, at(17, 10, 30), "i1")
	ok.Step = 2
	if got := sc.apply(ok); got[0].Answer != Initialed {
		t.Fatalf("initial: got %+v", got)
	}
}
