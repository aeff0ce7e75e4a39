package schedule

import (
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

// An extended unit is neither reminded nor nagged by the period's deadline: its steps count from
// the new one.
func TestPlan_Extended(t *testing.T) {
	cal, _ := period.NewCalendar(hanoi, nil, nil)
	pl := monthly(t)
	pl.Nags = mustOffsets(t, "+2h")
	w, err := pl.Window(period.Period{Kind: period.Month, Year: 2026, N: 11}, cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := pl.Extended(w, at(25, 17, 0), cal) // deadline Wed 18/11 moved to Wed 25/11
	if !e.Deadline.Equal(at(25, 17, 0)) || !e.TemplateAt.Equal(w.TemplateAt) {
		t.Fatalf("extended window: deadline %s template %s", e.Deadline, e.TemplateAt)
	}
	asked := map[string]time.Time{"QLDN": w.TemplateAt}
	tests := []struct {
		name string
		now  time.Time
		want string // "" nothing
	}{
		{"AfterTheOldDeadline", at(19, 9, 0), ""},
		{"AfterTheNewDeadline", at(26, 9, 0), "nag:BM.02.01/KH:2026-11:QLDN:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			only := pl
			only.Units = []string{"QLDN"}
			got := ""
			for _, a := range only.Due(e, tt.now, nil, asked) {
				if a.Kind != KindReminder {
					got = name(a)
				}
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.want == "" {
				if old := only.Due(w, tt.now, nil, asked); len(old) == 0 {
					t.Error("the period's own window asks nothing either: the test proves nothing")
				}
			}
		})
	}
}
