package approval

import (
	"testing"
	"time"
)

func TestScenario_ApproveTwoSteps(t *testing.T) {
	sc := newScenario(t, twoSteps())
	wantActions(t, sc.apply(Draft{Version: 1, At: at(16, 9, 0)}),
		Action{Kind: Request, Step: 0, Version: 1, To: []string{"cvp"}})
	wantState(t, sc.s, Reviewing, 1, 0)

	wantActions(t, sc.apply(approve("cvp", 1, at(16, 10, 0), "m1")),
		Action{Kind: Acknowledge, Step: 0, Version: 1, To: []string{"cvp"}, Person: "cvp", Answer: Approve},
		Action{Kind: Request, Step: 1, Version: 1, To: []string{"tb"}})
	wantState(t, sc.s, Reviewing, 1, 1)
	if !sc.s.Since.Equal(at(16, 10, 0)) {
		t.Fatalf("Since: got %v, want the time of the approval that sent the request", sc.s.Since)
	}

	wantActions(t, sc.apply(approve("tb", 1, at(17, 9, 0), "m2")),
		Action{Kind: Acknowledge, Step: 1, Version: 1, To: []string{"tb"}, Person: "tb", Answer: Approve},
		Action{Kind: Issue, Step: 1, Version: 1, Approvals: []Decision{
			decided(0, "cvp", 1, Approve, at(16, 10, 0), "m1"),
			decided(1, "tb", 1, Approve, at(17, 9, 0), "m2"),
		}})
	wantState(t, sc.s, Issued, 1, 1)

	wantActions(t, sc.apply(approve("tb", 1, at(17, 9, 5), "m2")),
		Action{Kind: Ignored, Step: 1, Version: 1, To: []string{"tb"}, Person: "tb", Reason: ReasonDuplicate, ReplyVersion: 1})
	wantActions(t, sc.apply(approve("tb", 1, at(17, 9, 5), "m3")),
		Action{Kind: Ignored, Step: 1, Version: 1, To: []string{"tb"}, Person: "tb", Reason: ReasonAlreadyIssued, ReplyVersion: 1})
	wantActions(t, sc.apply(Draft{Version: 2, At: at(17, 10, 0)}),
		Action{Kind: Ignored, Step: 0, Version: 1, Reason: ReasonAlreadyIssued})
	wantState(t, sc.s, Issued, 1, 1)
}

func TestScenario_ReviseThenNewDraft(t *testing.T) {
	t.Run("Restart", func(t *testing.T) {
		sc := newScenario(t, twoSteps())
		sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
		sc.apply(approve("cvp", 1, at(16, 10, 0), "m1"))
		wantActions(t, sc.apply(Reply{Person: "tb", Version: 1, Decision: Revise, Comment: "Bổ sung số liệu quý III", At: at(16, 14, 0), MessageID: "m2"}),
			Action{Kind: Acknowledge, Step: 1, Version: 1, To: []string{"tb"}, Person: "tb", Comment: "Bổ sung số liệu quý III", Answer: Revise},
			Action{Kind: Revision, Step: 1, Version: 1, Person: "tb", Comment: "Bổ sung số liệu quý III"})
		wantState(t, sc.s, Revising, 1, 1)
		wantActions(t, sc.apply(Tick{At: at(20, 9, 0)})) // no reminder while the office revises

		wantActions(t, sc.apply(Draft{Version: 2, At: at(17, 8, 0)}),
			Action{Kind: Request, Step: 0, Version: 2, To: []string{"cvp"}})
		sc.apply(approve("cvp", 2, at(17, 9, 0), "m3"))
		got := sc.apply(approve("tb", 2, at(17, 10, 0), "m4"))
		wantActions(t, got[1:], Action{Kind: Issue, Step: 1, Version: 2, Approvals: []Decision{
			decided(0, "cvp", 2, Approve, at(17, 9, 0), "m3"),
			decided(1, "tb", 2, Approve, at(17, 10, 0), "m4"),
		}})
	})
	t.Run("Step", func(t *testing.T) {
		sc := newScenario(t, threeSteps(OnReviseStep))
		sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
		sc.apply(approve("pcvp2", 1, at(16, 10, 0), "m1"))
		sc.apply(approve("cvp", 1, at(16, 11, 0), "m2"))
		sc.apply(Reply{Person: "tb", Version: 1, Decision: Revise, Comment: "Sửa mục II", At: at(16, 14, 0), MessageID: "m3"})
		wantActions(t, sc.apply(Draft{Version: 2, At: at(17, 8, 0)}),
			Action{Kind: Request, Step: 2, Version: 2, To: []string{"tb"}})
		carried0 := decided(0, "pcvp2", 2, Approve, at(16, 10, 0), "m1")
		carried0.CarriedFrom = 1
		carried1 := decided(1, "cvp", 2, Approve, at(16, 11, 0), "m2")
		carried1.CarriedFrom = 1

		got := sc.apply(approve("tb", 2, at(17, 9, 0), "m4"))
		wantActions(t, got[1:], Action{Kind: Issue, Step: 2, Version: 2, Approvals: []Decision{
			carried0, carried1, decided(2, "tb", 2, Approve, at(17, 9, 0), "m4"),
		}})
	})
	t.Run("StepTwice", func(t *testing.T) {
		sc := newScenario(t, threeSteps(OnReviseStep))
		sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
		sc.apply(approve("pcvp1", 1, at(16, 10, 0), "m1"))
		sc.apply(Reply{Person: "cvp", Version: 1, Decision: Revise, At: at(16, 11, 0), MessageID: "m2"})
		sc.apply(Draft{Version: 2, At: at(16, 15, 0)})
		wantState(t, sc.s, Reviewing, 2, 1)
		sc.apply(Reply{Person: "cvp", Version: 2, Decision: Revise, At: at(16, 16, 0), MessageID: "m3"})
		wantActions(t, sc.apply(Draft{Version: 3, At: at(17, 8, 0)}),
			Action{Kind: Request, Step: 1, Version: 3, To: []string{"cvp"}})
		d, ok := sc.s.approval(0, 3)
		if !ok || d.CarriedFrom != 1 || d.Person != "pcvp1" || d.MessageID != "m1" {
			t.Fatalf("approval of step 0 for v3: got %+v (%v), want pcvp1's approval of v1 carried", d, ok)
		}
	})
}

func TestScenario_StaleVersion(t *testing.T) {
	sc := newScenario(t, twoSteps())
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	wantActions(t, sc.apply(Draft{Version: 2, At: at(16, 10, 0)}),
		Action{Kind: Request, Step: 0, Version: 2, To: []string{"cvp"}, Replaces: 1})
	wantActions(t, sc.apply(approve("cvp", 1, at(16, 11, 0), "m1")),
		Action{Kind: Stale, Step: 0, Version: 2, To: []string{"cvp"}, Person: "cvp", Reason: ReasonOldVersion, ReplyVersion: 1})
	for _, v := range []int{0, 3, -1} {
		wantActions(t, sc.apply(approve("cvp", v, at(16, 11, 0), "")),
			Action{Kind: Stale, Step: 0, Version: 2, To: []string{"cvp"}, Person: "cvp", Reason: ReasonUnknownVersion, ReplyVersion: v})
	}
	wantState(t, sc.s, Reviewing, 2, 0)
	if len(sc.s.Decisions) != 0 {
		t.Fatalf("decisions: got %+v, want none counted", sc.s.Decisions)
	}
}

func TestScenario_WrongPerson(t *testing.T) {
	sc := newScenario(t, twoSteps())
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	wantActions(t, sc.apply(Reply{Person: "ke_toan", Version: 1, Decision: Approve, Comment: "Đồng ý", At: at(16, 10, 0), MessageID: "m1"}),
		Action{Kind: Refused, Step: 0, Version: 1, Person: "ke_toan", Comment: "Đồng ý", ReplyVersion: 1})
	wantState(t, sc.s, Reviewing, 1, 0)
}

func TestScenario_NotYourTurn(t *testing.T) {
	sc := newScenario(t, twoSteps())
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	wantActions(t, sc.apply(approve("tb", 1, at(16, 9, 30), "m1")),
		Action{Kind: NotYourTurn, Step: 0, Version: 1, To: []string{"tb"}, Person: "tb", Reason: ReasonStepNotReached, ReplyVersion: 1})
	wantState(t, sc.s, Reviewing, 1, 0)
	sc.apply(approve("cvp", 1, at(16, 10, 0), "m2"))
	wantActions(t, sc.apply(Reply{Person: "cvp", Version: 1, Decision: Revise, At: at(16, 10, 30), MessageID: "m3"}),
		Action{Kind: NotYourTurn, Step: 1, Version: 1, To: []string{"cvp"}, Person: "cvp", Reason: ReasonStepDecided, ReplyVersion: 1})
	wantState(t, sc.s, Reviewing, 1, 1)
}

func TestScenario_UnclearTwice(t *testing.T) {
	sc := newScenario(t, threeSteps(""))
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	unclear := func(person string, version int) Reply {
		return Reply{Person: person, Version: version, Decision: Unclear, Comment: "để tôi xem", At: at(16, 10, 0)}
	}
	wantActions(t, sc.apply(unclear("pcvp1", 1)),
		Action{Kind: AskAgain, Step: 0, Version: 1, To: []string{"pcvp1"}, Person: "pcvp1", Comment: "để tôi xem"})
	wantActions(t, sc.apply(unclear("pcvp2", 1)), // the other deputy is asked on their own account
		Action{Kind: AskAgain, Step: 0, Version: 1, To: []string{"pcvp2"}, Person: "pcvp2", Comment: "để tôi xem"})
	for range 2 {
		wantActions(t, sc.apply(unclear("pcvp1", 1)),
			Action{Kind: UnclearToOffice, Step: 0, Version: 1, Person: "pcvp1", Comment: "để tôi xem"})
	}
	wantState(t, sc.s, Reviewing, 1, 0)
	sc.apply(Draft{Version: 2, At: at(16, 11, 0)})
	if got := sc.apply(unclear("pcvp1", 2)); got[0].Kind != AskAgain {
		t.Fatalf("unclear about a new version: got %s, want %s", got[0].Kind, AskAgain)
	}
	if want := []string{"pcvp1/1/0", "pcvp2/1/0", "pcvp1/2/0"}; mustJSON(t, sc.s.Asked) != mustJSON(t, want) {
		t.Fatalf("Asked: got %q, want %q", sc.s.Asked, want)
	}
}

func TestScenario_EditedApprove(t *testing.T) {
	sc := newScenario(t, threeSteps(""))
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(approve("pcvp1", 1, at(16, 10, 0), "m1"))
	edit := Reply{Person: "cvp", Version: 1, Decision: Approve, Comment: "Đã sửa trực tiếp", At: at(16, 11, 0), MessageID: "m2", EditedVersion: 2}
	wantActions(t, sc.apply(edit),
		Action{Kind: Acknowledge, Step: 1, Version: 2, To: []string{"cvp"}, Person: "cvp", Comment: "Đã sửa trực tiếp", Answer: Approve, EditedVersion: 2},
		Action{Kind: Request, Step: 2, Version: 2, To: []string{"tb"}})
	wantState(t, sc.s, Reviewing, 2, 2)
	if sc.s.Author != "cvp" {
		t.Fatalf("Author: got %q, want cvp", sc.s.Author)
	}
	got := sc.apply(Reply{Person: "tb", Version: 2, Decision: Approve, At: at(16, 14, 0), MessageID: "m3", EditedVersion: 3})
	carried0 := decided(0, "pcvp1", 3, Approve, at(16, 10, 0), "m1")
	carried0.CarriedFrom = 1
	carried1 := decided(1, "cvp", 3, Approve, at(16, 11, 0), "m2")
	carried1.CarriedFrom, carried1.Comment = 2, "Đã sửa trực tiếp"
	last := decided(2, "tb", 3, Approve, at(16, 14, 0), "m3")
	last.EditedVersion = 3
	wantActions(t, got,
		Action{Kind: Acknowledge, Step: 2, Version: 3, To: []string{"tb"}, Person: "tb", Answer: Approve, EditedVersion: 3},
		Action{Kind: Issue, Step: 2, Version: 3, Approvals: []Decision{carried0, carried1, last}})
	wantState(t, sc.s, Issued, 3, 2)
}

func TestScenario_EditedWithoutApprove(t *testing.T) {
	tests := []struct {
		name     string
		onRevise string
		decision string
		want     Action
	}{
		{"ReviseRestart", OnReviseRestart, Revise, Action{Kind: Request, Step: 0, Version: 2, To: []string{"pcvp1", "pcvp2"}}},
		{"UnclearRestart", "", Unclear, Action{Kind: Request, Step: 0, Version: 2, To: []string{"pcvp1", "pcvp2"}}},
		{"ReviseStep", OnReviseStep, Revise, Action{Kind: Request, Step: 1, Version: 2, To: []string{"cvp"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScenario(t, threeSteps(tt.onRevise))
			sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
			sc.apply(approve("pcvp1", 1, at(16, 10, 0), "m1"))
			edit := Reply{Person: "cvp", Version: 1, Decision: tt.decision, Comment: "Xem bản đã sửa", At: at(16, 11, 0), MessageID: "m2", EditedVersion: 2}
			wantActions(t, sc.apply(edit),
				Action{Kind: Acknowledge, Step: 1, Version: 1, To: []string{"cvp"}, Person: "cvp", Comment: "Xem bản đã sửa", Answer: Revise, EditedVersion: 2},
				Action{Kind: Revision, Step: 1, Version: 1, Person: "cvp", Comment: "Xem bản đã sửa", Reason: ReasonEdited, EditedVersion: 2},
				tt.want)
			wantState(t, sc.s, Reviewing, 2, tt.want.Step)
			if _, carried := sc.s.approval(0, 2); carried != (tt.onRevise == OnReviseStep) {
				t.Fatalf("step 0 approval carried to v2: got %v, want %v", carried, !carried)
			}
		})
	}
}

func TestScenario_EditedWhileRevising(t *testing.T) {
	sc := newScenario(t, twoSteps())
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(approve("cvp", 1, at(16, 10, 0), "m1"))
	sc.apply(Reply{Person: "tb", Version: 1, Decision: Revise, Comment: "Sửa lại", At: at(16, 14, 0), MessageID: "m2"})
	wantActions(t, sc.apply(approve("tb", 1, at(16, 15, 0), "m3")),
		Action{Kind: Stale, Step: 1, Version: 1, To: []string{"tb"}, Person: "tb", Reason: ReasonUnderRevision, ReplyVersion: 1})
	other := Reply{Person: "cvp", Version: 1, Decision: Approve, At: at(16, 15, 0), MessageID: "m4", EditedVersion: 2}
	wantActions(t, sc.apply(other),
		Action{Kind: Stale, Step: 1, Version: 1, To: []string{"cvp"}, Person: "cvp", Reason: ReasonUnderRevision, ReplyVersion: 1, EditedVersion: 2})
	wantState(t, sc.s, Revising, 1, 1)

	own := Reply{Person: "tb", Version: 1, Decision: Approve, At: at(16, 16, 0), MessageID: "m5", EditedVersion: 3}
	got := sc.apply(own)
	if len(got) != 2 || got[1].Kind != Issue || got[1].Version != 3 || len(got[1].Approvals) != 2 {
		t.Fatalf("edited approval while revising: got %s, want acknowledge then issue of v3 with 2 approvals", mustJSON(t, got))
	}
	wantState(t, sc.s, Issued, 3, 1)
}

func TestScenario_ResubmissionDuringReview(t *testing.T) {
	sc := newScenario(t, threeSteps(OnReviseStep))
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(approve("pcvp1", 1, at(16, 10, 0), "m1"))
	sc.apply(approve("cvp", 1, at(16, 11, 0), "m2"))
	wantState(t, sc.s, Reviewing, 1, 2)
	wantActions(t, sc.apply(Draft{Version: 2, At: at(16, 14, 0)}),
		Action{Kind: Withdraw, Step: 2, Version: 1, To: []string{"tb"}, Reason: ReasonNewerDraft},
		Action{Kind: Request, Step: 0, Version: 2, To: []string{"pcvp1", "pcvp2"}})
	wantState(t, sc.s, Reviewing, 2, 0)
	if _, ok := sc.s.approval(0, 2); ok {
		t.Fatalf("approvals of v1 carried to a resubmitted v2, want none even with OnRevise %q", OnReviseStep)
	}
	wantActions(t, sc.apply(approve("tb", 1, at(16, 15, 0), "m3")),
		Action{Kind: Stale, Step: 0, Version: 2, To: []string{"tb"}, Person: "tb", Reason: ReasonOldVersion, ReplyVersion: 1})
	wantActions(t, sc.apply(Draft{Version: 3, Author: "cvp", At: at(16, 16, 0)}),
		Action{Kind: Request, Step: 0, Version: 3, To: []string{"pcvp1", "pcvp2"}, Replaces: 2})
	if sc.s.Author != "cvp" {
		t.Fatalf("Author: got %q, want cvp", sc.s.Author)
	}
}

func TestScenario_RemindersOverWeekend(t *testing.T) {
	c := twoSteps()
	c.RemindAfter = 4 * time.Hour
	sc := newScenario(t, c)
	sc.apply(Draft{Version: 1, At: at(20, 16, 0)}) // Friday 16:00: one working hour left
	remind := func(n int) Action {
		return Action{Kind: Remind, Step: 0, Version: 1, To: []string{"cvp"}, N: n}
	}
	ticks := []struct {
		at   time.Time
		want []Action
	}{
		{at(20, 16, 59), nil},
		{at(21, 10, 0), nil}, // Saturday
		{at(22, 23, 0), nil}, // Sunday
		{at(23, 7, 30), nil}, // Monday: 1h so far
		{at(23, 10, 29), nil},
		{at(23, 10, 30), []Action{remind(1)}}, // 1h Friday + 3h Monday
		{at(23, 10, 31), nil},
		{at(23, 10, 30), nil}, // the same tick again
		{at(23, 16, 29), nil},
		{at(23, 16, 30), []Action{remind(2)}},
		{at(24, 16, 30), nil}, // at most 2 reminders by default
	}
	for _, tk := range ticks {
		wantActions(t, sc.apply(Tick{At: tk.at}), tk.want...)
	}
	if sc.s.Reminders != 2 {
		t.Fatalf("Reminders: got %d, want 2", sc.s.Reminders)
	}
	// The next step's reminders count from its own request.
	sc.apply(approve("cvp", 1, at(24, 16, 0), "m1"))
	wantActions(t, sc.apply(Tick{At: at(25, 10, 0)})) // Wednesday 25 is a holiday
	wantActions(t, sc.apply(Tick{At: at(26, 10, 29)}))
	wantActions(t, sc.apply(Tick{At: at(26, 10, 30)}), // 1h Tuesday + 3h Thursday
		Action{Kind: Remind, Step: 1, Version: 1, To: []string{"tb"}, N: 1})
}

func TestScenario_RemindersCatchUp(t *testing.T) {
	c := twoSteps()
	c.RemindAfter, c.MaxReminders = 2*time.Hour, 5
	sc := newScenario(t, c)
	sc.apply(Draft{Version: 1, At: at(16, 7, 30)})
	// The daemon was stopped all Monday: three reminders are due, one is sent.
	wantActions(t, sc.apply(Tick{At: at(17, 7, 30)}),
		Action{Kind: Remind, Step: 0, Version: 1, To: []string{"cvp"}, N: 3})
	wantActions(t, sc.apply(Tick{At: at(17, 7, 31)}))
	// Due at 17:00, the reminder waits for the next working session instead of leaving at night.
	sc = newScenario(t, Chain{Steps: c.Steps, RemindAfter: 7*time.Hour + 30*time.Minute})
	sc.apply(Draft{Version: 1, At: at(16, 7, 30)})
	wantActions(t, sc.apply(Tick{At: at(16, 17, 0)}))
	wantActions(t, sc.apply(Tick{At: at(16, 21, 0)}))
	wantActions(t, sc.apply(Tick{At: at(17, 7, 30)}),
		Action{Kind: Remind, Step: 0, Version: 1, To: []string{"cvp"}, N: 1})
	// A draft without a time is never reminded.
	sc = newScenario(t, Chain{Steps: c.Steps, RemindAfter: time.Minute})
	sc.apply(Draft{Version: 1})
	wantActions(t, sc.apply(Tick{At: at(17, 9, 0)}))
}
