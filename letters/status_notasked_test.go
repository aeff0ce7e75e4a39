package letters

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/status"
)

// The status of a one-off request asked of some units (issue 18): the dash of the units not
// asked and its legend are held to the rules of every text a person reads.
func TestLint_StatusNotAsked(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	due := time.Date(2026, 7, 10, 17, 0, 0, 0, loc)
	units := []status.Unit{{Code: "QLDN", Name: "Phòng Quản lý doanh nghiệp"}, {Code: "VP", Name: "Văn phòng"}}
	p := status.Period{Form: "BM.02.01/KH", Period: "2026-R01", Label: "Yêu cầu đột xuất số 01/2026", Deadline: due, Units: []string{"QLDN"}}
	m := status.Build(units, []status.Period{p}, nil, nil, due.Add(-time.Hour))
	var b strings.Builder
	if err := m.WriteText(&b, loc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "không được yêu cầu") {
		t.Fatalf("no legend for the unit not asked:\n%s", b.String())
	}
	for _, s := range []string{status.NotAsked.Label(), legendLine(b.String(), "không được yêu cầu")} {
		if f := Lint(s); f != nil {
			t.Errorf("%q: %v", s, f)
		}
	}
}

// legendLine is the line of text that contains s.
func legendLine(text, s string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
