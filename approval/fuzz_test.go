package approval

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"
)

// fuzzPeople are the senders of fuzzed replies: the chain of threeSteps and a stranger.
var fuzzPeople = []string{"pcvp1", "pcvp2", "cvp", "tb", "van_thu"}

// fuzzEvent turns four bytes into an event near the current state: mostly plausible versions,
// sometimes invalid ones, with a clock that only moves forward.
func fuzzEvent(s State, b []byte, now *time.Time) any {
	*now = now.Add(time.Duration(b[1]) * 7 * time.Minute)
	version := s.Version + []int{0, 1, -1, 1, 0, 2}[int(b[2])%6]
	if b[0] == 255 { // now and then the issued report is reopened for a correction
		return Reopen{At: *now, Person: fuzzPeople[int(b[3])%len(fuzzPeople)]}
	}
	switch b[0] % 3 {
	case 0:
		return Draft{Version: s.Version + 1 + int(b[1]%2) - int(b[3]%7/6), At: *now, Author: fuzzPeople[int(b[3])%len(fuzzPeople)]}
	case 1:
		r := Reply{
			Person: fuzzPeople[int(b[3])%len(fuzzPeople)], Version: version,
			Decision: []string{Approve, Approve, Revise, Unclear}[int(b[0]/3)%4], At: *now,
			MessageID: string(rune('a' + b[1]%16)), Step: int(b[2]/8) % 4,
		}
		switch b[3] / 32 {
		case 1, 2:
			r.EditedVersion = s.Version + 1
		case 3:
			r.EditedVersion = s.Version
		}
		return r
	default:
		return Tick{At: *now}
	}
}

func FuzzApply(f *testing.F) {
	// Each event is four bytes: kind and decision, time step, version choice, person and edit.
	f.Add(byte(0), []byte{0, 10, 0, 0, 1, 10, 0, 0, 1, 11, 0, 2, 1, 12, 0, 3})                                           // approve through three steps
	f.Add(byte(1), []byte{0, 10, 0, 0, 1, 10, 0, 0, 7, 11, 0, 2, 0, 20, 0, 0, 2, 200, 0, 0, 2, 40, 0, 0})                // revise, new draft, ticks
	f.Add(byte(2), []byte{0, 10, 0, 0, 10, 1, 0, 0, 10, 2, 0, 0, 1, 3, 2, 0, 1, 4, 0, 41, 7, 5, 0, 37})                  // unclear twice, stale, edits
	f.Add(byte(3), []byte{0, 10, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0, 1, 1, 0, 4})                            // reminders, stranger
	f.Add(byte(0), []byte{0, 10, 0, 0, 1, 10, 0, 0, 1, 11, 0, 2, 1, 12, 0, 3, 255, 5, 0, 3, 0, 6, 0, 0, 1, 7, 0, 0})     // issue, reopen, corrected draft
	f.Add(byte(12), []byte{0, 10, 0, 0, 1, 10, 0, 0, 1, 11, 0, 1, 2, 255, 0, 0, 1, 12, 0, 2, 2, 255, 0, 0, 1, 13, 0, 3}) // comment, initial, approve
	f.Add(byte(14), []byte{0, 10, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0})           // round closes on its due date, escalations
	f.Fuzz(func(t *testing.T, mode byte, data []byte) {
		c := threeSteps([]string{"", OnReviseRestart, OnReviseStep}[int(mode)%3])
		if mode/12%2 == 1 {
			c = kindsChain(c.OnRevise)
		}
		c.RemindAfter, c.MaxReminders = time.Duration(mode%4)*time.Hour, int(mode/4%3)
		cal := officeCalendar(t)
		s, now := New("BM.02.01/KH", "2026-11"), at(16, 7, 0)
		issues := 0
		for len(data) >= 4 {
			ev := fuzzEvent(s, data[:4], &now)
			data = data[4:]
			before := mustJSON(t, s)
			next, actions, err := s.Apply(c, cal, ev)
			if mustJSON(t, s) != before {
				t.Fatalf("Apply(%+v) changed its receiver", ev)
			}
			if err != nil {
				if !reflect.DeepEqual(next, s) || actions != nil {
					t.Fatalf("Apply(%+v) failed with %v but changed the state or acted", ev, err)
				}
				continue
			}
			issues += checkStep(t, c, s, next, actions)
			if _, ok := ev.(Reopen); ok && next.Status == Correcting {
				issues = 0 // a correction is issued again, once
			}
			if issues > 1 {
				t.Fatalf("issued twice: %s", mustJSON(t, actions))
			}
			s = fuzzRoundTrip(t, next)
		}
	})
}

// checkStep verifies the invariants of one transition from s to next and returns the number
// of Issue actions.
func checkStep(t *testing.T, c Chain, s, next State, actions []Action) int {
	t.Helper()
	switch {
	case next.Status == Reviewing && (next.Step < 0 || next.Step >= len(c.Steps)):
		t.Fatalf("reviewing at step %d of %d", next.Step, len(c.Steps))
	case next.Version < s.Version:
		t.Fatalf("version went back from %d to %d", s.Version, next.Version)
	case s.Status == Issued && next.Status != Issued && (next.Status != Correcting || next.Version != s.Version):
		t.Fatalf("issued state changed to %s v%d", next.Status, next.Version)
	case s.Status == Issued && next.Status == Issued && next.Version != s.Version:
		t.Fatalf("issued version changed to v%d", next.Version)
	case next.Reminders > reminderLimit(c, next):
		t.Fatalf("%d reminders, more than %d", next.Reminders, reminderLimit(c, next))
	case next.Status == Revising && c.Steps[next.Step].kind() == StepComment:
		t.Fatalf("a comment round asked for changes: %+v", next)
	case len(next.Decisions) < len(s.Decisions) || !slices.Equal(next.Decisions[:len(s.Decisions)], s.Decisions):
		t.Fatalf("history rewritten:\n got %+v\nwant a continuation of %+v", next.Decisions, s.Decisions)
	}
	issues := 0
	for _, a := range actions {
		switch a.Kind {
		case Issue:
			issues++
			checkIssue(t, c, next, a)
		case Request:
			if a.Version != next.Version || a.Step != next.Step || !reflect.DeepEqual(a.To, c.Steps[a.Step].People) {
				t.Fatalf("request %+v does not match the state %s v%d step %d", a, next.Status, next.Version, next.Step)
			}
		case Remind:
			if a.N <= s.Reminders || s.Step != next.Step || s.Version != next.Version {
				t.Fatalf("reminder %d repeats or follows a change (had %d)", a.N, s.Reminders)
			}
		case Overdue:
			if next.Reminders <= s.Reminders || s.Step != next.Step || a.Due.IsZero() || c.Steps[a.Step].kind() == StepComment {
				t.Fatalf("escalation %+v repeats, follows a change or closes no round (had %d)", a, s.Reminders)
			}
		case Gathered:
			checkGathered(t, c, s, a)
		}
	}
	return issues
}

// checkIssue verifies that every step but the comment rounds approved (or initialled) the
// issued version, in the history too.
func checkIssue(t *testing.T, c Chain, s State, a Action) {
	t.Helper()
	var deciding []int
	for j, st := range c.Steps {
		if st.kind() != StepComment {
			deciding = append(deciding, j)
		}
	}
	if s.Status != Issued || a.Version != s.Version || len(a.Approvals) != len(deciding) {
		t.Fatalf("issue %+v with state %s v%d", a, s.Status, s.Version)
	}
	for i, d := range a.Approvals {
		j := deciding[i]
		want := Approve
		if c.Steps[j].kind() == StepInitial {
			want = Initialed
		}
		if d.Step != j || d.Version != a.Version || d.Kind != want || !c.inStep(j, d.Person) || !slices.Contains(s.Decisions, d) {
			t.Fatalf("approval %d of issued v%d: %+v", j, a.Version, d)
		}
	}
}

// checkGathered verifies that a comment round closes at a comment step with the answers of
// its own people only, and that everyone is either an answer or missing.
func checkGathered(t *testing.T, c Chain, s State, a Action) {
	t.Helper()
	if c.Steps[a.Step].kind() != StepComment || s.Step != a.Step || s.Version != a.Version {
		t.Fatalf("round closed at step %d v%d, state at step %d v%d", a.Step, a.Version, s.Step, s.Version)
	}
	seen := map[string]bool{}
	for _, d := range a.Comments {
		if !c.inStep(a.Step, d.Person) || d.Version != a.Version || (d.Kind != Agreed && d.Kind != Commented) {
			t.Fatalf("answer %+v in the round of step %d v%d", d, a.Step, a.Version)
		}
		seen[d.Person] = true
	}
	for _, p := range a.Missing {
		if seen[p] {
			t.Fatalf("%s both answered and missing", p)
		}
		seen[p] = true
	}
	if len(seen) != len(c.Steps[a.Step].People) || a.Reason == ReasonAllAnswered && len(a.Missing) > 0 {
		t.Fatalf("round %+v does not account for %v", a, c.Steps[a.Step].People)
	}
}

// reminderLimit is the most reminders the waiting step of s may have had.
func reminderLimit(c Chain, s State) int {
	if s.Status == Reviewing && c.Steps[s.Step].dated() {
		return len(c.Steps[s.Step].Reminders) + len(c.Steps[s.Step].Escalate)
	}
	return max(c.maxReminders(), 0)
}

func fuzzRoundTrip(t *testing.T, s State) State {
	t.Helper()
	var back State
	if err := json.Unmarshal([]byte(mustJSON(t, s)), &back); err != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("JSON round trip: got %+v (%v), want %+v", back, err, s)
	}
	return back
}
