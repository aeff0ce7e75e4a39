package report

import (
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
)

func TestDraftTrigger(t *testing.T) {
	units := []config.Unit{{Code: "A"}, {Code: "B"}}
	due := time.Date(2026, 4, 20, 17, 0, 0, 0, time.UTC)
	before, after := due.Add(-time.Hour), due.Add(time.Hour)
	head := &ledger.Draft{Version: 1, Basis: map[string]int{"A": 1}}
	tests := []struct {
		name     string
		expected []config.Unit
		basis    map[string]int
		head     *ledger.Draft
		now, due time.Time
		want     string
	}{
		{"NothingYet", units, map[string]int{"A": 1}, nil, before, due, ""},
		{"AllIn", units, map[string]int{"A": 1, "B": 2}, nil, before, due, ledger.TriggerAllIn},
		{"Deadline", units, map[string]int{"A": 1}, nil, after, due, ledger.TriggerDeadline},
		{"AtDue", units, nil, nil, due, due, ledger.TriggerDeadline},
		{"NoDue", units, nil, nil, after, time.Time{}, ""},
		{"NoUnits", nil, nil, nil, before, due, ""},
		{"Unchanged", units, map[string]int{"A": 1}, head, after, due, ""},
		{"Resubmission", units, map[string]int{"A": 2}, head, before, due, ledger.TriggerResubmission},
		{"LateUnit", units, map[string]int{"A": 1, "B": 1}, head, after, due, ledger.TriggerResubmission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := draftTrigger(tt.expected, tt.basis, tt.head, tt.now, tt.due); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
