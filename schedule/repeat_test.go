package schedule

import (
	"fmt"
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

func TestPlan_RepeatedNagsEscalateAndDigest(t *testing.T) {
	cal, _ := period.NewCalendar(hanoi, nil, nil)
	pl := monthly(t)
	pl.Nags = mustOffsets(t, "+2h")
	pl.NagEvery = mustOffsets(t, "1wd")[0]
	pl.MaxNags, pl.EscalateFrom, pl.DigestFrom = 4, 2, 3
	w, err := pl.Window(period.Period{Kind: period.Month, Year: 2026, N: 11}, cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Deadline Wed 18/11 17:00. +2h is 19:00, so the first nag leaves Thursday 07:30; then one
	// working day after each: Friday, Monday (over the weekend), Tuesday.
	var nags []string
	for _, s := range w.Steps {
		if s.Kind == KindNag {
			nags = append(nags, fmt.Sprintf("%d@%s", s.N, s.At.Format("Mon 02 15:04")))
		}
	}
	want := "[1@Thu 19 07:30 2@Fri 20 07:30 3@Mon 23 07:30 4@Tue 24 07:30]"
	if fmt.Sprint(nags) != want {
		t.Fatalf("nags: got %v, want %s", nags, want)
	}
	tests := []struct {
		now              time.Time
		key              string
		escalate, digest bool
	}{
		{at(19, 9, 0), "nag:BM.02.01/KH:2026-11:QLDN:1", false, false},
		{at(20, 9, 0), "nag:BM.02.01/KH:2026-11:QLDN:2", true, false},
		{at(23, 9, 0), "nag:BM.02.01/KH:2026-11:QLDN:3", true, true},
		{at(24, 9, 0), "nag:BM.02.01/KH:2026-11:QLDN:4", true, true},
	}
	asked := map[string]time.Time{"QLDN": w.TemplateAt} // the template went out on time
	for _, tt := range tests {
		actions := pl.Due(w, tt.now, map[string]bool{"QLDT": true}, asked)
		if len(actions) != 1 {
			t.Fatalf("%s: got %d actions, want one nag", tt.now, len(actions))
		}
		a := actions[0]
		if name(a) != tt.key || a.Escalate != tt.escalate || a.Digest != tt.digest {
			t.Errorf("%s: got %s escalate=%v digest=%v, want %s %v %v", tt.now, name(a), a.Escalate, a.Digest, tt.key, tt.escalate, tt.digest)
		}
	}
}

func TestPlan_RemindersInWorkingHours(t *testing.T) {
	cal, _ := period.NewCalendar(hanoi, nil, nil)
	rule, _ := period.ParseRule("thu 08:00")
	pl := Plan{Form: "BM.04.01/KH", Kind: period.Week, Policy: period.Policy{Rule: rule},
		Reminders: mustOffsets(t, "-1h", "-16h", "morning"), Units: []string{"QLDN"}}
	w, err := pl.Window(period.Period{Kind: period.Week, Year: 2026, N: 47}, cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Deadline Thursday 19/11 08:00. -1h is 07:00, before the office opens: it moves to 07:30,
	// still before the deadline. -16h is Wednesday 16:00, in hours. "morning" is 07:30.
	want := "[{reminder 1 2026-11-19 07:30:00 +0700 +07} {reminder 2 2026-11-18 16:00:00 +0700 +07} {reminder 3 2026-11-19 07:30:00 +0700 +07}]"
	if got := fmt.Sprint(w.Steps); got != want {
		t.Fatalf("steps:\n got %s\nwant %s", got, want)
	}
	early, _ := period.ParseRule("thu 07:30")
	pl.Policy.Rule = early
	w, _ = pl.Window(period.Period{Kind: period.Week, Year: 2026, N: 47}, cal, nil)
	// With the deadline at 07:30 the morning reminder would be the deadline itself: dropped;
	// -1h (06:30) moves back to the start of Wednesday afternoon; -16h is Wednesday 15:30.
	want = "[{reminder 1 2026-11-18 13:30:00 +0700 +07} {reminder 2 2026-11-18 15:30:00 +0700 +07}]"
	if got := fmt.Sprint(w.Steps); got != want {
		t.Fatalf("steps with a 07:30 deadline:\n got %s\nwant %s", got, want)
	}
}

func TestPlan_ActiveSkipsPendingEventsAndFindsOldNags(t *testing.T) {
	cal, _ := period.NewCalendar(hanoi, nil, nil)
	rule, _ := period.ParseRule("5 working days after issue of BM.04.01/KH")
	pl := Plan{Form: "BM.04.02/KH", Kind: period.Week, Policy: period.Policy{Rule: rule},
		SendTemplate: mustOffsets(t, "-5wd")[0], NagEvery: mustOffsets(t, "1wd")[0], MaxNags: 20, Units: []string{"QLDN"}}
	issued := map[string]time.Time{"2026-W44": at(2, 16, 0)} // Monday 2/11: due Monday 9/11
	events := func(ev period.Event, p period.Period) (time.Time, bool) {
		t, ok := issued[p.String()]
		return t, ok
	}
	ws, err := pl.Active(at(24, 9, 0), cal, events)
	if err != nil {
		t.Fatal(err)
	}
	// Weeks 45–50 wait for their programs' issue; week 44, due 9/11, is nagged until 7/12.
	if len(ws) != 1 || ws[0].Period.String() != "2026-W44" || !ws[0].Deadline.Equal(at(9, 17, 0)) {
		t.Fatalf("active windows: got %+v, want only 2026-W44 due 9/11 17:00", ws)
	}
}
