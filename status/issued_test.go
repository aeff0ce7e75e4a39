package status

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// issuedWeek is week 47, its report issued on Friday counting PKH v1, VP v1 and TTDV v1, and
// being corrected.
func issuedWeek() Period {
	return Period{Form: "BM.04.01/KH", Period: "2026-W47", Deadline: deadline, Correcting: true,
		Issued: &Issue{Number: 1, Version: 3, At: at(20 * time.Hour), Basis: map[string]int{"PKH": 1, "VP": 1, "TTDV": 1}}}
}

func late(s Submission, d Decision) Submission { s.Decision = d; return s }

// The status of an issued period shows the version its report counted, and sets aside a file
// received after the issue until the Planning Office takes it in.
func TestBuild_Issued(t *testing.T) {
	units := []Unit{{Code: "PKH"}, {Code: "VP"}, {Code: "TTDV"}, {Code: "PQLDN"}}
	subs := []Submission{
		sub("PKH", 1, true, at(-2*time.Hour)), late(sub("PKH", 2, true, at(30*time.Hour)), DecisionPending),
		sub("VP", 1, true, at(-time.Hour)), late(sub("VP", 2, true, at(30*time.Hour)), DecisionTaken),
		sub("TTDV", 1, true, at(-time.Hour)), sub("TTDV", 2, true, at(40*time.Hour)), // resent during the correction
		late(sub("PQLDN", 1, true, at(30*time.Hour)), DecisionLeftOut),
	}
	m := Build(units, []Period{issuedWeek()}, subs, nil, at(48*time.Hour))
	tests := []struct {
		unit               string
		state              State
		version, issued    int
		afterIssue         int
		decision           Decision
		label              string
		reported, onTimeOK bool
	}{
		{"PKH", OnTime, 1, 1, 2, DecisionPending, "đúng hạn; lần 2 sau khi duyệt: chờ quyết định", true, true},
		{"VP", OnTime, 2, 1, 0, "", "đúng hạn, lần 2; đã duyệt: lần 1", true, true},
		{"TTDV", OnTime, 2, 1, 0, "", "đúng hạn, lần 2; đã duyệt: lần 1", true, true},
		{"PQLDN", Missing, 0, 0, 1, DecisionLeftOut, "chưa gửi; lần 1 sau khi duyệt: không tính", false, false},
	}
	for _, tt := range tests {
		c, ok := m.Cell(tt.unit, "2026-W47")
		if !ok {
			t.Fatalf("no cell for %s", tt.unit)
		}
		if c.State != tt.state || c.Version != tt.version || c.Issued != tt.issued || c.AfterIssue != tt.afterIssue ||
			c.AfterIssueDecision != tt.decision {
			t.Errorf("%s: got %s v%d issued v%d, after issue v%d %q; want %s v%d issued v%d, after issue v%d %q", tt.unit,
				c.State, c.Version, c.Issued, c.AfterIssue, c.AfterIssueDecision, tt.state, tt.version, tt.issued, tt.afterIssue, tt.decision)
		}
		if got := c.labelIn(m.Periods[0]); got != tt.label {
			t.Errorf("%s: label %q, want %q", tt.unit, got, tt.label)
		}
	}
	if r := m.Rates[0]; r.Reported != 3 || r.OnTime != 3 {
		t.Errorf("rates: got %+v, want 3 reported on time (a file left out is not reported)", r)
	}
	var text, tsv bytes.Buffer
	if err := m.WriteText(&text, ict); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "2026-W47: thời hạn gửi 15:00 ngày 19/11/2026, thứ Năm; báo cáo đã duyệt ngày 20/11/2026, theo dự thảo lần 3; đang điều chỉnh báo cáo.") {
		t.Errorf("text: want the issue and the correction on the rate line:\n%s", text.String())
	}
	if err := m.WriteTSV(&tsv, ict); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"\t2026-W47\ton_time\t1\t2\t", "\t1\tv2:pending\n", "\t0\tv1:left_out\n"} {
		if !strings.Contains(tsv.String(), line) {
			t.Errorf("tsv: want %q in\n%s", line, tsv.String())
		}
	}
	rows := parseTSV(t, tsv.Bytes())
	if rows[0].cell.Issued != 1 || rows[0].cell.AfterIssue != 2 || rows[0].cell.AfterIssueDecision != DecisionPending {
		t.Errorf("tsv read back: got %+v", rows[0].cell)
	}
}

// A period never issued writes no issued version.
func TestMatrix_WriteTSV_NotIssued(t *testing.T) {
	m := Build([]Unit{{Code: "PKH"}}, []Period{{Form: "BM.04.01/KH", Period: "2026-W47", Deadline: deadline}},
		[]Submission{sub("PKH", 1, true, at(-time.Hour))}, nil, at(time.Hour))
	var tsv bytes.Buffer
	if err := m.WriteTSV(&tsv, ict); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(tsv.String(), "\t0\t\t\t\n") {
		t.Errorf("tsv: want empty issued_version and after_issue; got\n%s", tsv.String())
	}
}
