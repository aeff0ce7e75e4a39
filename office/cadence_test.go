package office

import (
	"slices"
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

// A form collected quarterly and for the first half only (issue 18, items 1–2): one plan per
// kind, and over a year of days the periods opened are the four quarters and H1, never H2.
func TestPlans_OnePerKindOnlyThePeriodsListed(t *testing.T) {
	o := parse(t, minimal+`
[[forms]]
code = "BM.02.02/KH"
title = "Báo cáo kết quả thực hiện quý, 6 tháng"
period = ["quarter", "half"]
periods = ["H1"]
plans_next = ["quarter"]
deadline = { quarter = "day 15", half = "15/06" }
[[forms.narrative]]
key = "noi_dung"
title = "Nội dung báo cáo"
`)
	plans := o.Plans["BM.02.02/KH"]
	if got := plans.Kinds(); !slices.Equal(got, []period.Kind{period.Quarter, period.Half}) {
		t.Fatalf("plans of kinds %v, want quarter, half", got)
	}
	if q, _ := plans.For(period.Quarter); !q.PlansNext || q.Only != nil {
		t.Errorf("quarter plan: plans next %v, only %v; want true, all", q.PlansNext, q.Only)
	}
	if h, _ := plans.For(period.Half); h.PlansNext || !slices.Equal(h.Only, []int{1}) {
		t.Errorf("half plan: plans next %v, only %v; want false, [1]", h.PlansNext, h.Only)
	}
	loc := o.Location
	opened := map[string]bool{}
	for d := time.Date(2025, 12, 1, 10, 0, 0, 0, loc); d.Year() < 2027; d = d.AddDate(0, 0, 1) {
		ws, err := plans.Active(d, o.Calendar, nil)
		if err != nil {
			t.Fatalf("%s: %v", d.Format("2006-01-02"), err)
		}
		for _, w := range ws {
			if w.Period.Year == 2026 || w.Period == (period.Period{Kind: period.Quarter, Year: 2027, N: 1}) {
				opened[w.Period.String()] = true
			}
		}
	}
	// The quarter plans ahead: 2027-Q1 is due in 2026-Q4 (15/12/2026).
	want := []string{"2026-H1", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"}
	var got []string
	for p := range opened {
		got = append(got, p)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("opened %v, want %v", got, want)
	}
}
