package consolidate

import (
	"slices"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// TestBuild_Groups: two wards and the district police. The ward rows add up the wards only and
// say so; the police, which does not fill them, is neither a figure nor a hole in their year to
// date; a row without groups counts every unit.
func TestBuild_Groups(t *testing.T) {
	month := func(s string) period.Period { return mustPeriod(t, s) }
	units := []Unit{{Code: "CAQ", Name: "Công an quận", Group: "phong"},
		{Code: "P_NT", Name: "UBND phường Nhật Tân", Group: "phuong"},
		{Code: "P_QA", Name: "UBND phường Quảng An", Group: "phuong"}}
	f := indicatorForm("month",
		form.Indicator{Code: "1", Name: "Thu ngân sách trên địa bàn", Groups: []string{"phuong"}},
		form.Indicator{Code: "2", Name: "Số hộ kinh doanh cấp mới"},
		form.Indicator{Code: "3", Name: "Số vụ phạm pháp hình sự"})
	// Row 2 takes its table's groups; row 3 names both groups, so every unit fills it.
	f.Indicators[0].Groups = []string{"phuong"}
	f.Indicators[0].Rows[2].Groups = []string{"phuong", "phong"}
	in := Input{
		Form: f, Period: month("2026-03"), Units: units,
		Current: map[string]Source{
			"CAQ":  periodOnly("3", "4"), // the police types nothing in the ward rows
			"P_NT": periodOnly("1", "100", "2", "3", "3", "1"),
			"P_QA": periodOnly("1", "50", "2", "2", "3", "0"),
		},
		Earlier: map[period.Period]map[string]Source{
			// The police sent nothing for January: a hole in what it fills, and only there.
			month("2026-01"): {"P_NT": periodOnly("1", "10", "2", "1", "3", "1"), "P_QA": periodOnly("1", "5", "2", "1", "3", "1")},
			month("2026-02"): {"CAQ": periodOnly("3", "3"), "P_NT": periodOnly("1", "20", "2", "1", "3", "0"), "P_QA": periodOnly("1", "5", "2", "0", "3", "0")},
		},
	}
	book := mustBuild(t, in)
	wards := []string{"P_NT", "P_QA"}
	tests := []struct {
		code            string
		period, ytd     Value
		counted         []string
		groups          []string
		expected, count int
	}{
		// 100+50; year to date 10+20+100 + 5+5+50
		{"1", val(150), val(190), wards, []string{"phuong"}, 2, 2},
		{"2", val(5), val(8), wards, []string{"phuong"}, 2, 2}, // the table's group
		// every unit: 4+1+0; the year to date is unknown, the police's January missing
		{"3", val(5), none, []string{"CAQ", "P_NT", "P_QA"}, []string{"phuong", "phong"}, 3, 3},
	}
	for _, tt := range tests {
		t.Run("Row"+tt.code, func(t *testing.T) {
			r := row(t, book, tt.code)
			checkValue(t, "Period", r.Period, tt.period)
			checkValue(t, "YTD", r.YTD, tt.ytd)
			if !slices.Equal(r.Counted, tt.counted) || !slices.Equal(r.Groups, tt.groups) {
				t.Errorf("Counted %v, Groups %v; want %v, %v", r.Counted, r.Groups, tt.counted, tt.groups)
			}
			if r.Expected != tt.expected || r.Reported != tt.count {
				t.Errorf("Expected %d, Reported %d; want %d, %d", r.Expected, r.Reported, tt.expected, tt.count)
			}
			if _, ok := r.PerUnit["CAQ"]; ok != slices.Contains(tt.counted, "CAQ") {
				t.Errorf("PerUnit has the police: %v", ok)
			}
		})
	}
	// The police's missing January is told for row 3 only: it fills no ward row.
	var police []string
	for _, w := range book.Warnings {
		if w.Unit == "CAQ" {
			police = append(police, w.Message)
		}
	}
	if len(police) != 1 || !strings.Contains(police[0], "chỉ tiêu 3:") {
		t.Errorf("warnings about the police: got %q, want one, of row 3", police)
	}
}

// TestBuild_NoGroups: a form without groups counts every unit in every row, Groups nil.
func TestBuild_NoGroups(t *testing.T) {
	in := Input{Form: indicatorForm("month", form.Indicator{Code: "1"}), Period: mustPeriod(t, "2026-01"), Units: abc,
		Current: map[string]Source{"A": periodOnly("1", "1"), "C": periodOnly("1", "2")}}
	r := row(t, mustBuild(t, in), "1")
	if r.Groups != nil || !slices.Equal(r.Counted, []string{"A", "C"}) || r.Expected != 3 {
		t.Errorf("Groups %v, Counted %v, Expected %d; want nil, [A C], 3", r.Groups, r.Counted, r.Expected)
	}
	checkValue(t, "Period", r.Period, val(3))
}
