package approval

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

var hanoi = period.DefaultLocation()

// at returns a time in November 2026 in Hanoi: Monday 16 to Friday 20, weekend 21–22, and so on.
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, hanoi)
}

// officeCalendar works Monday to Friday, 07:30–11:30 and 13:30–17:00, with a day off on
// Wednesday 25/11/2026 to test reminders over a holiday.
func officeCalendar(t testing.TB) period.Calendar {
	t.Helper()
	c, err := period.NewCalendar(hanoi, []string{"2026-11-25"}, nil)
	if err != nil {
		t.Fatalf("NewCalendar: %v", err)
	}
	c.MorningStart, c.MorningEnd = period.Clock{Hour: 7, Minute: 30}, period.Clock{Hour: 11, Minute: 30}
	c.AfternoonStart, c.AfternoonEnd = period.Clock{Hour: 13, Minute: 30}, period.Clock{Hour: 17}
	return c
}

// twoSteps is the usual chain: the head of the office reviews, the head of the authority approves.
func twoSteps() Chain {
	return Chain{Steps: []Step{
		{Title: "Chánh Văn phòng", People: []string{"cvp"}},
		{Title: "Trưởng Ban", People: []string{"tb"}},
	}}
}

// threeSteps starts with either of two deputies.
func threeSteps(onRevise string) Chain {
	return Chain{OnRevise: onRevise, Steps: []Step{
		{Title: "Phó Chánh Văn phòng", People: []string{"pcvp1", "pcvp2"}},
		{Title: "Chánh Văn phòng", People: []string{"cvp"}},
		{Title: "Trưởng Ban", People: []string{"tb"}},
	}}
}

// scenario applies events one after the other. After each one it checks that the previous
// state was not changed, stores the new state as JSON and continues from the decoded copy,
// as the daemon does after a restart.
type scenario struct {
	t     *testing.T
	chain Chain
	cal   period.Calendar
	s     State
}

func newScenario(t *testing.T, c Chain) *scenario {
	return &scenario{t: t, chain: c, cal: officeCalendar(t), s: New("BM.02.01/KH", "2026-11")}
}

func (sc *scenario) apply(ev any) []Action {
	sc.t.Helper()
	before := mustJSON(sc.t, sc.s)
	next, actions, err := sc.s.Apply(sc.chain, sc.cal, ev)
	if err != nil {
		sc.t.Fatalf("Apply(%+v): %v", ev, err)
	}
	if after := mustJSON(sc.t, sc.s); after != before {
		sc.t.Fatalf("Apply changed its receiver:\n got %s\nwant %s", after, before)
	}
	sc.s = roundTrip(sc.t, next)
	return actions
}

// roundTrip encodes s as JSON and decodes it, failing unless the copy is identical.
func roundTrip(t testing.TB, s State) State {
	t.Helper()
	var back State
	if err := json.Unmarshal([]byte(mustJSON(t, s)), &back); err != nil {
		t.Fatalf("decode state: %v", err)
	}
	if !reflect.DeepEqual(back, s) {
		t.Fatalf("state after JSON round trip:\n got %#v\nwant %#v", back, s)
	}
	return back
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return string(b)
}

// wantActions compares actions field by field and prints both lists on a mismatch.
func wantActions(t *testing.T, got []Action, want ...Action) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("actions:\n got %s\nwant %s", mustJSON(t, got), mustJSON(t, want))
	}
}

// wantState checks the position of the state in the chain.
func wantState(t *testing.T, s State, status Status, version, step int) {
	t.Helper()
	if s.Status != status || s.Version != version || s.Step != step {
		t.Fatalf("state: got %s v%d step %d, want %s v%d step %d", s.Status, s.Version, s.Step, status, version, step)
	}
}

func approve(person string, version int, when time.Time, id string) Reply {
	return Reply{Person: person, Version: version, Decision: Approve, At: when, MessageID: id}
}

func decided(step int, person string, version int, kind string, when time.Time, id string) Decision {
	return Decision{Step: step, Person: person, Version: version, Kind: kind, At: when.UTC(), MessageID: id}
}

// kindsChain holds every kind of step: the deputies comment within a working day, the head of
// the office initials by Wednesday 18/11 17:00 (reminded the working day before, escalated at
// the due time and a working day after), the head of the authority signs.
func kindsChain(onRevise string) Chain {
	return Chain{OnRevise: onRevise, Steps: []Step{
		{Title: "Phó Chánh Văn phòng", People: []string{"pcvp1", "pcvp2"}, Kind: StepComment, DueAfter: Span{Days: 1},
			Reminders: []Span{{Hours: -2 * time.Hour}}},
		{Title: "Chánh Văn phòng", People: []string{"cvp"}, Kind: StepInitial, Due: at(18, 17, 0),
			Reminders: []Span{{Days: -1}}, Escalate: []Span{{}, {Days: 1}}},
		{Title: "Trưởng Ban", People: []string{"tb"}},
	}}
}
