package schedule

import (
	"fmt"
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

var hanoi = period.DefaultLocation()

func at(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, hanoi)
}

func mustOffsets(t *testing.T, list ...string) []period.Offset {
	t.Helper()
	var out []period.Offset
	for _, s := range list {
		o, err := period.ParseOffset(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, o)
	}
	return out
}

// monthly is the demo's monthly result report: due on the 18th at 17:00.
func monthly(t *testing.T) Plan {
	rule, err := period.ParseRule("day 18")
	if err != nil {
		t.Fatal(err)
	}
	return Plan{
		Form: "BM.02.01/KH", Kind: period.Month, Policy: period.Policy{Rule: rule},
		SendTemplate: mustOffsets(t, "-5wd")[0],
		Reminders:    mustOffsets(t, "-2d", "-4h"),
		Nags:         mustOffsets(t, "+1d", "+2d", "+4d"),
		EscalateFrom: 2,
		Units:        []string{"QLDN", "QLDT"},
	}
}

func TestPlan_Window(t *testing.T) {
	cal, _ := period.NewCalendar(hanoi, nil, nil)
	w, err := monthly(t).Window(period.Period{Kind: period.Month, Year: 2026, N: 11}, cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := at(18, 17, 0); !w.Deadline.Equal(want) {
		t.Errorf("deadline: got %v, want %v", w.Deadline, want)
	}
	if want := at(11, 17, 0); !w.TemplateAt.Equal(want) {
		t.Errorf("template: got %v, want %v", w.TemplateAt, want)
	}
	// 17:00 is the end of the working day, so steps there move to the next morning; -4h from
	// 17:00 is 13:00, lunch time, moved to 13:30; +2d (Fri 20/11 17:00) and +4d (Sun 22/11)
	// both come to Monday 23/11 07:30, so the third nag goes a working day later.
	wantSteps := []Step{
		{KindReminder, 1, at(17, 7, 30)}, {KindReminder, 2, at(18, 13, 30)},
		{KindNag, 1, at(20, 7, 30)}, {KindNag, 2, at(23, 7, 30)}, {KindNag, 3, at(24, 7, 30)},
	}
	if fmt.Sprint(w.Steps) != fmt.Sprint(wantSteps) {
		t.Errorf("steps:\n got %v\nwant %v", w.Steps, wantSteps)
	}
}

func TestPlan_Due(t *testing.T) {
	cal, _ := period.NewCalendar(hanoi, nil, nil)
	pl := monthly(t)
	w, err := pl.Window(period.Period{Kind: period.Month, Year: 2026, N: 11}, cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	onTime := map[string]time.Time{"QLDN": w.TemplateAt, "QLDT": w.TemplateAt} // both templates went out on 11/11
	tests := []struct {
		name  string
		now   time.Time
		done  map[string]bool
		asked map[string]time.Time
		want  []string
	}{
		{"BeforeTemplate", at(11, 16, 0), nil, nil, nil},
		{"Template", at(11, 17, 0), nil, nil, []string{
			"template:BM.02.01/KH:2026-11:QLDN", "template:BM.02.01/KH:2026-11:QLDT"}},
		{"TemplateQueued", at(11, 17, 5), nil, onTime, nil},
		{"FirstReminder", at(17, 9, 0), nil, onTime, []string{
			"reminder:BM.02.01/KH:2026-11:QLDN:1", "reminder:BM.02.01/KH:2026-11:QLDT:1"}},
		{"DoneUnitLeftAlone", at(17, 9, 0), map[string]bool{"QLDN": true}, onTime, []string{
			"reminder:BM.02.01/KH:2026-11:QLDT:1"}},
		// Down from Monday to Monday: only the latest step is sent, not the four missed.
		{"CatchUpSendsLatestOnly", at(23, 9, 0), map[string]bool{"QLDN": true}, onTime, []string{
			"nag:BM.02.01/KH:2026-11:QLDT:2!"}},
		// Started on the deadline's day: the template alone, worded for the close deadline (~),
		// standing for the reminder already due; never a template and a reminder at once.
		{"LateStartTemplateAlone", at(18, 9, 0), nil, nil, []string{
			"template:BM.02.01/KH:2026-11:QLDN~", "template:BM.02.01/KH:2026-11:QLDT~"}},
		{"LateTemplateCoversStepDueBefore", at(18, 9, 5), nil, map[string]time.Time{"QLDN": at(18, 9, 0), "QLDT": at(18, 9, 0)}, nil},
		{"StepAfterLateTemplate", at(18, 14, 0), nil, map[string]time.Time{"QLDN": at(18, 9, 0)}, []string{
			"reminder:BM.02.01/KH:2026-11:QLDN:2", "template:BM.02.01/KH:2026-11:QLDT~"}},
		// Started after the deadline, past the escalation: the template alone, no nag, nobody copied.
		{"LateStartAfterDeadline", at(23, 9, 0), map[string]bool{"QLDN": true}, nil, []string{
			"template:BM.02.01/KH:2026-11:QLDT~"}},
		// A template queued at night leaves at 07:30 with the first reminder due: the reminder is
		// covered (QLDT); a unit whose template left the day before gets it (QLDN).
		{"TemplateLeavingWithStep", at(17, 7, 45), nil, map[string]time.Time{"QLDN": at(16, 10, 0), "QLDT": at(17, 7, 30)}, []string{
			"reminder:BM.02.01/KH:2026-11:QLDN:1"}},
		{"AfterLastStepAndGrace", at(25, 7, 31), nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range pl.Due(w, tt.now, tt.done, tt.asked) {
				k := name(a)
				if a.Escalate {
					k += "!"
				}
				if a.Late {
					k += "~"
				}
				got = append(got, k)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestPlan_ActivePlansNext(t *testing.T) {
	cal, _ := period.NewCalendar(hanoi, nil, nil)
	rule, err := period.ParseRule("thu 15:00")
	if err != nil {
		t.Fatal(err)
	}
	pl := Plan{Form: "BM.04.01/KH", Kind: period.Week, Policy: period.Policy{Rule: rule}, PlansNext: true,
		SendTemplate: mustOffsets(t, "-3wd")[0], Nags: mustOffsets(t, "+2h"), Units: []string{"QLDN"},
		Since: at(13, 0, 0)}
	ws, err := pl.Active(at(17, 10, 0), cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The program for week 48 is due Thursday 19/11 of week 47; week 47's own program, due 12/11,
	// is before Since and left alone.
	if len(ws) != 1 || ws[0].Period.String() != "2026-W48" || !ws[0].Deadline.Equal(at(19, 15, 0)) {
		t.Fatalf("got %+v, want one window 2026-W48 due 19/11 15:00", ws)
	}
}

// name writes an action compactly for the tests: its kind, form, period, unit and, for a
// reminder or nag, its number, colon-separated (the shape of its outbox key).
func name(a Action) string {
	if a.Kind == KindTemplate {
		return fmt.Sprintf("%s:%s:%s:%s", a.Kind, a.Form, a.Period, a.Unit)
	}
	return fmt.Sprintf("%s:%s:%s:%s:%d", a.Kind, a.Form, a.Period, a.Unit, a.N)
}
