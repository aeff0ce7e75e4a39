package status

import (
	"testing"
	"time"
)

// A unit whose deadline was extended is on time, pending or late by its own deadline; the
// others by the period's.
func TestBuild_Extended(t *testing.T) {
	week := Period{Form: "BM.04.01/KH", Period: "2026-W47", Deadline: deadline,
		Extended: map[string]time.Time{"PKH": at(48 * time.Hour)}}
	units := []Unit{{Code: "PKH"}, {Code: "VP"}}
	tests := []struct {
		name  string
		subs  []Submission
		now   time.Time
		state [2]State
		late  [2]time.Duration
	}{
		{"NothingYet", nil, at(24 * time.Hour), [2]State{Pending, Missing}, [2]time.Duration{0, 24 * time.Hour}},
		{"AfterTheExtension", nil, at(50 * time.Hour), [2]State{Missing, Missing}, [2]time.Duration{2 * time.Hour, 50 * time.Hour}},
		{"SentWithinTheExtension", []Submission{sub("PKH", 1, true, at(30*time.Hour)), sub("VP", 1, true, at(30*time.Hour))},
			at(60 * time.Hour), [2]State{OnTime, Late}, [2]time.Duration{0, 30 * time.Hour}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(units, []Period{week}, tt.subs, nil, tt.now)
			for u := range units {
				c := m.Cells[u][0]
				if c.State != tt.state[u] || c.Late != tt.late[u] {
					t.Errorf("%s: got %s late %s, want %s late %s", units[u].Code, c.State, c.Late, tt.state[u], tt.late[u])
				}
			}
		})
	}
}
