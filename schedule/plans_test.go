package schedule

import (
	"errors"
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

func TestPlans_Window(t *testing.T) {
	rule := func(s string) period.Policy {
		r, err := period.ParseRule(s)
		if err != nil {
			t.Fatal(err)
		}
		return period.Policy{Rule: r}
	}
	ps := Plans{
		{Form: "F", Kind: period.Month, Policy: rule("day 20")},
		{Form: "F", Kind: period.Half, Policy: rule("15/06"), Only: []int{1}},
	}
	cal := period.Calendar{}
	w, err := ps.Window(period.Period{Kind: period.Month, Year: 2026, N: 11}, cal, nil)
	if want := time.Date(2026, 11, 20, 17, 0, 0, 0, period.DefaultLocation()); err != nil || !w.Deadline.Equal(want) {
		t.Errorf("2026-11: got %v, %v; want %v", w.Deadline, err, want)
	}
	w, err = ps.Window(period.Period{Kind: period.Half, Year: 2026, N: 1}, cal, nil)
	if want := time.Date(2026, 6, 15, 17, 0, 0, 0, period.DefaultLocation()); err != nil || !w.Deadline.Equal(want) {
		t.Errorf("2026-H1: got %v, %v; want %v", w.Deadline, err, want)
	}
	for _, p := range []period.Period{{Kind: period.Half, Year: 2026, N: 2}, {Kind: period.Quarter, Year: 2026, N: 1}} {
		if _, err := ps.Window(p, cal, nil); !errors.Is(err, ErrNotCollected) {
			t.Errorf("%s: got %v, want ErrNotCollected", p, err)
		}
	}
}

func TestPlan_WeekWithoutWorkingDay(t *testing.T) {
	r, _ := period.ParseRule("thu 15:00")
	pl := Plan{Form: "F", Kind: period.Week, Policy: period.Policy{Rule: r}, PlansNext: true}
	tet := period.Calendar{Loc: period.DefaultLocation(), Holidays: map[string]bool{"2026-02-16": true, "2026-02-17": true, "2026-02-18": true,
		"2026-02-19": true, "2026-02-20": true}}
	if _, err := pl.Window(period.Period{Kind: period.Week, Year: 2026, N: 8}, tet, nil); !errors.Is(err, ErrNotCollected) {
		t.Errorf("2026-W08: got %v, want ErrNotCollected", err)
	}
	// Thursday 12/2 of week 7, 16:00: the program for week 8 is not asked for; week 9's is.
	now := time.Date(2026, 2, 12, 16, 0, 0, 0, period.DefaultLocation())
	ws, err := pl.Active(now, tet, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if w.Period.N == 8 {
			t.Errorf("active windows include 2026-W08")
		}
	}
}
