package consolidate

import (
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// lastYearInput: 2026-03, units A and B counted, C missing (its last year's figures must not
// count). The ledger has every earlier month of A and B, this year's and last year's, some of
// them sent without figures.
func lastYearInput(t *testing.T) Input {
	p := func(s string) period.Period { return mustPeriod(t, s) }
	return Input{
		Form:   indicatorForm("month", form.Indicator{Code: "1"}, form.Indicator{Code: "2"}, form.Indicator{Code: "3"}),
		Period: p("2026-03"),
		Units:  abc,
		Current: map[string]Source{
			"A": submission(cells{"1": {"plan": "100", "period": "30"}, "2": {"plan": "0", "period": "5"}, "3": {"period": "1"}}),
			"B": submission(cells{"1": {"plan": "200", "period": "10"}, "2": {"plan": "0", "period": "5"}, "3": {"period": "2"}}),
		},
		Earlier: map[period.Period]map[string]Source{
			p("2026-01"): {"A": periodOnly("1", "20"), "B": periodOnly("1", "40")},
			p("2026-02"): {"A": periodOnly("1", ""), "B": periodOnly()},
		},
		LastYear: map[string]Source{
			"A": periodOnly("1", "20", "2", "0"),
			"B": periodOnly("1", "30", "2", "0"),
			"C": periodOnly("1", "1000", "2", "7"),
		},
		LastYearEarlier: map[period.Period]map[string]Source{
			p("2025-01"): {"A": periodOnly("1", "10"), "B": periodOnly()},
			p("2025-02"): {"A": periodOnly(), "B": periodOnly("1", "5")},
			p("2024-12"): {"A": periodOnly("1", "1000")},
		},
	}
}

func TestBuild_LastYearAndPercent(t *testing.T) {
	book := mustBuild(t, lastYearInput(t))
	tests := []struct {
		code                             string
		plan, ytd, lastYear, lastYearYTD Value
		pctPlan, pctLastYear             Value
	}{
		// YTD A 20+30, B 40+10; last year A 20, B 30; last year's YTD A 10+20, B 5+30.
		{"1", val(300), val(100), val(50), val(65), val(100.0 / 3), val(80)},
		// Plan and last year are zero: no ratio.
		{"2", val(0), val(10), val(0), val(0), none, none},
		// No plan typed, no last year's figure.
		{"3", none, val(3), none, none, none, none},
	}
	for _, tt := range tests {
		t.Run("Row"+tt.code, func(t *testing.T) {
			r := row(t, book, tt.code)
			checkValue(t, "Plan", r.Plan, tt.plan)
			checkValue(t, "YTD", r.YTD, tt.ytd)
			checkValue(t, "LastYear", r.LastYear, tt.lastYear)
			checkValue(t, "LastYearYTD", r.LastYearYTD, tt.lastYearYTD)
			checkValue(t, "PctPlan", r.PctPlan, tt.pctPlan)
			checkValue(t, "PctLastYear", r.PctLastYear, tt.pctLastYear)
		})
	}
	t.Run("PerUnit", func(t *testing.T) {
		a := row(t, book, "1").PerUnit["A"]
		checkValue(t, "A Plan", a.Plan, val(100))
		checkValue(t, "A LastYear", a.LastYear, val(20))
		checkValue(t, "A LastYearYTD", a.LastYearYTD, val(30))
	})
	t.Run("NoLastYearEarlier", func(t *testing.T) {
		in := lastYearInput(t)
		in.LastYearEarlier = nil
		r := row(t, mustBuild(t, in), "1")
		checkValue(t, "LastYearYTD", r.LastYearYTD, none)
		checkValue(t, "LastYear", r.LastYear, val(50))
	})
}

func TestBuild_Subtotal(t *testing.T) {
	rows := func(rule string) []form.Indicator {
		return []form.Indicator{
			{Code: "1", Name: "Tổng số dự án", Children: []string{"1.1", "1.2"}, Aggregate: rule},
			{Code: "1.1", Name: "Trong nước"},
			{Code: "1.2", Name: "Nước ngoài"},
		}
	}
	tests := []struct {
		name    string
		rule    string
		a, b    Source
		wantOK  bool
		wantMsg string
	}{
		{"Agrees", "", periodOnly("1", "3", "1.1", "1", "1.2", "2"), periodOnly("1", "5", "1.1", "5", "1.2", ""), true, ""},
		{"Differs", "", periodOnly("1", "3", "1.1", "1", "1.2", "2"), periodOnly("1", "6", "1.1", "5", "1.2", ""), false,
			"Chỉ tiêu 1 (Tổng số dự án): số tổng hợp kỳ báo cáo là 9, khác tổng các chỉ tiêu 1.1, 1.2 là 8."},
		{"ChildrenBlank", "", periodOnly("1", "3"), periodOnly("1", ""), false,
			"Chỉ tiêu 1 (Tổng số dự án): số tổng hợp kỳ báo cáo là 3, khác tổng các chỉ tiêu 1.1, 1.2 là 0."},
		{"AllBlank", "", periodOnly(), periodOnly(), true, ""},
		{"Decimals", "", periodOnly("1", "0.3", "1.1", "0.1", "1.2", "0.2"), periodOnly("1", "0.7", "1.1", "0.3", "1.2", "0.4"), true, ""},
		{"AvgNotChecked", "avg", periodOnly("1", "3", "1.1", "1", "1.2", "2"), periodOnly("1", "5", "1.1", "5"), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Form: indicatorForm("month", rows(tt.rule)...), Period: mustPeriod(t, "2026-03"),
				Units: abc[:2], Current: map[string]Source{"A": tt.a, "B": tt.b}}
			book := mustBuild(t, in)
			if got := row(t, book, "1").SubtotalOK; got != tt.wantOK {
				t.Errorf("SubtotalOK: got %v, want %v", got, tt.wantOK)
			}
			if !row(t, book, "1.1").SubtotalOK {
				t.Errorf("row without children: got SubtotalOK false, want true")
			}
			got := warningsWith(book, WarnSubtotal)
			switch {
			case tt.wantMsg == "" && len(got) != 0:
				t.Errorf("got %v, want no warning", got)
			case tt.wantMsg != "" && (len(got) != 1 || got[0].Message != tt.wantMsg):
				t.Errorf("got %v, want one warning %q", got, tt.wantMsg)
			}
		})
	}
}

func TestBuild_PeriodColumn(t *testing.T) {
	tests := []struct {
		name    string
		columns []form.Column
		want    string
		figure  Value
	}{
		{"Period", []form.Column{{Key: "plan", Type: form.Decimal}, {Key: "period", Type: form.Decimal}}, "period", val(2)},
		{"FirstNumeric", []form.Column{{Key: "plan", Type: form.Decimal}, {Key: "note", Type: form.Text},
			{Key: "actual", Type: form.Integer}, {Key: "rate", Type: form.Percent}}, "actual", val(3)},
		{"NoNumeric", []form.Column{{Key: "note", Type: form.Text}, {Key: "plan", Type: form.Decimal}}, "", none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := form.Form{Code: "X", Indicators: []form.IndicatorTable{{Key: "t", Columns: tt.columns, Rows: []form.Indicator{{Code: "1"}}}}}
			in := Input{Form: f, Period: mustPeriod(t, "2026-05"), Units: abc[:1], Current: map[string]Source{
				"A": submission(cells{"1": {"plan": "1", "period": "2", "actual": "3", "rate": "4", "note": "5"}}),
			}}
			book := mustBuild(t, in)
			if got := book.Summary[0].PeriodColumn; got != tt.want {
				t.Errorf("PeriodColumn: got %q, want %q", got, tt.want)
			}
			checkValue(t, "Period", row(t, book, "1").Period, tt.figure)
		})
	}
}

func TestBuild_BadNumber(t *testing.T) {
	in := Input{Form: indicatorForm("month", form.Indicator{Code: "1"}), Period: mustPeriod(t, "2026-11"),
		Units: abc[:2], Current: map[string]Source{"A": periodOnly("1", "abc"), "B": periodOnly("1", "4")}}
	book := mustBuild(t, in)
	checkValue(t, "Period", row(t, book, "1").Period, val(4))
	want := "Đơn vị A, tháng 11/2026: chỉ tiêu 1, cột “Thực hiện kỳ báo cáo” có giá trị “abc” không phải là số; giá trị này không được tổng hợp."
	if got := warningsWith(book, WarnBadNumber); len(got) != 1 || got[0].Message != want {
		t.Errorf("got %v, want one warning %q", got, want)
	}
}
