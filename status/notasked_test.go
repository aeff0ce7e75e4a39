package status

import (
	"strings"
	"testing"
	"time"
)

// A one-off request asks two of four units: the others are shown as not asked and left out
// of the rates, whatever they sent.
func TestBuild_NotAsked(t *testing.T) {
	units := []Unit{{Code: "PKH", Name: "Phòng Kế hoạch"}, {Code: "QLDN"}, {Code: "QLDT"}, {Code: "VP"}}
	request := Period{Form: "BM.02.01/KH", Period: "2026-R01", Label: "Yêu cầu đột xuất số 01/2026",
		Deadline: deadline, Units: []string{"QLDN", "QLDT"}}
	subs := []Submission{
		{Form: "BM.02.01/KH", Unit: "QLDN", Period: "2026-R01", Version: 1, Valid: true, ReceivedAt: at(-time.Hour)},
		{Form: "BM.02.01/KH", Unit: "VP", Period: "2026-R01", Version: 1, Valid: true, ReceivedAt: at(-time.Hour)},
	}
	m := Build(units, []Period{request}, subs, nil, at(2*time.Hour))
	want := map[string]State{"PKH": NotAsked, "QLDN": OnTime, "QLDT": Missing, "VP": NotAsked}
	for code, state := range want {
		if c, _ := m.Cell(code, "2026-R01"); c.State != state {
			t.Errorf("%s: %s, want %s", code, c.State, state)
		}
	}
	if r := m.Rates[0]; r != (Rate{Expected: 2, Reported: 1, OnTime: 1}) {
		t.Errorf("rate %+v, want 1 of 2 reported, not of 4", r)
	}
	var b strings.Builder
	if err := m.WriteText(&b, ict); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), legendNotAsked) {
		t.Errorf("the legend does not explain the dash:\n%s", b.String())
	}
	// Every unit asked: no dash, no legend line for it.
	request.Units = nil
	b.Reset()
	if err := Build(units, []Period{request}, subs, nil, at(2*time.Hour)).WriteText(&b, ict); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), legendNotAsked) {
		t.Errorf("legend of units not asked under a table without any:\n%s", b.String())
	}
}
