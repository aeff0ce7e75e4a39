package consolidate

import (
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

func TestBuild_Aggregate(t *testing.T) {
	tests := []struct {
		name     string
		rule     string
		figures  map[string]string // unit → period figure; a unit absent did not submit
		want     Value
		reported int
		warnings int
	}{
		{"SumAll", "sum", map[string]string{"A": "1", "B": "2.5", "C": "3"}, val(6.5), 3, 0},
		{"DefaultIsSum", "", map[string]string{"A": "1", "B": "2", "C": "3"}, val(6), 3, 0},
		{"SumBlankIsZero", "sum", map[string]string{"A": "1", "B": "", "C": "3"}, val(4), 2, 0},
		{"SumAllBlank", "sum", map[string]string{"A": "", "B": "", "C": ""}, none, 0, 0},
		{"SumUnitMissing", "sum", map[string]string{"A": "1", "B": "2"}, val(3), 2, 0},
		{"SumDecimals", "sum", map[string]string{"A": "0.1", "B": "0.2", "C": "0.3"}, val(0.6), 3, 0},
		{"AvgSkipsBlank", "avg", map[string]string{"A": "1", "B": "", "C": "4"}, val(2.5), 2, 0},
		{"AvgAll", "avg", map[string]string{"A": "1", "B": "2", "C": "4"}, val(7.0 / 3), 3, 0},
		{"MinSkipsBlank", "min", map[string]string{"A": "5", "B": "", "C": "2"}, val(2), 2, 0},
		{"MinNegative", "min", map[string]string{"A": "5", "B": "-1", "C": "2"}, val(-1), 3, 0},
		{"MaxSkipsBlank", "max", map[string]string{"A": "5", "B": "", "C": "2"}, val(5), 2, 0},
		{"MaxAllBlank", "max", map[string]string{"A": "", "B": ""}, none, 0, 0},
		{"None", "none", map[string]string{"A": "5", "B": "2", "C": "1"}, none, 3, 0},
		{"RuleCaseAndSpaces", " AVG ", map[string]string{"A": "2", "B": "4"}, val(3), 2, 0},
		{"UnknownRule", "median", map[string]string{"A": "5", "B": "2"}, none, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{
				Form:    indicatorForm("month", form.Indicator{Code: "1", Name: "X", Unit: "hộ", Aggregate: tt.rule}),
				Period:  mustPeriod(t, "2026-01"),
				Units:   abc,
				Current: map[string]Source{},
			}
			for unit, v := range tt.figures {
				in.Current[unit] = periodOnly("1", v)
			}
			book := mustBuild(t, in)
			r := row(t, book, "1")
			checkValue(t, "Period", r.Period, tt.want)
			checkValue(t, "YTD", r.YTD, tt.want) // the first figures of the year are the year to date
			if r.Reported != tt.reported {
				t.Errorf("Reported: got %d, want %d", r.Reported, tt.reported)
			}
			if len(r.PerUnit) != len(tt.figures) {
				t.Errorf("PerUnit: got %d units, want %d", len(r.PerUnit), len(tt.figures))
			}
			if got := len(warningsWith(book, WarnUnknownAggregate)); got != tt.warnings {
				t.Errorf("unknown_aggregate warnings: got %d, want %d", got, tt.warnings)
			}
			if r.Measure != "hộ" {
				t.Errorf("Measure: got %q, want %q", r.Measure, "hộ")
			}
		})
	}
}

func TestBuild_NoneKeepsPerUnit(t *testing.T) {
	in := Input{
		Form:    indicatorForm("month", form.Indicator{Code: "1", Aggregate: "none"}),
		Period:  mustPeriod(t, "2026-03"),
		Units:   abc,
		Current: map[string]Source{"A": periodOnly("1", "5"), "B": periodOnly("1", "")},
	}
	r := row(t, mustBuild(t, in), "1")
	checkValue(t, "A Period", r.PerUnit["A"].Period, val(5))
	checkValue(t, "B Period", r.PerUnit["B"].Period, none)
	checkValue(t, "A YTD", r.PerUnit["A"].YTD, none)
	if r.Aggregate != "none" {
		t.Errorf("Aggregate: got %q, want none", r.Aggregate)
	}
}

func TestBuild_YTDMonths(t *testing.T) {
	rows := []form.Indicator{{Code: "1"}, {Code: "2", Aggregate: "avg"}, {Code: "3", Aggregate: "min"}, {Code: "4", Aggregate: "max"}}
	month := func(s string) period.Period { return mustPeriod(t, s) }
	in := Input{
		Form:   indicatorForm("month", rows...),
		Period: month("2026-03"),
		Units:  abc,
		Current: map[string]Source{
			"A": periodOnly("1", "30", "2", "70", "3", "9", "4", "9"),
			"B": periodOnly("1", "1", "2", "100", "3", "8", "4", "8"),
		},
		Earlier: map[period.Period]map[string]Source{
			month("2026-01"): {
				"A": periodOnly("1", "10", "2", "50", "3", "7", "4", "7"),
				"B": periodOnly("1", "5", "2", "80", "3", "4", "4", "4"),
				"C": periodOnly("1", "500"), // C is missing this month: not counted
			},
			// B sent February without figures: the ledger has its month, with nothing in it.
			month("2026-02"): {"A": periodOnly("1", "20", "2", "60", "3", "3", "4", "3"), "B": periodOnly()},
			// None of these lie before 2026-03 in 2026:
			month("2025-12"):         {"A": periodOnly("1", "1000")},
			month("2026-03"):         {"A": periodOnly("1", "1000")},
			month("2026-04"):         {"A": periodOnly("1", "1000")},
			mustPeriod(t, "2026-Q1"): {"A": periodOnly("1", "1000")},
		},
	}
	book := mustBuild(t, in)
	tests := []struct {
		code         string
		unitA, unitB Value
		total        Value
	}{
		{"1", val(60), val(6), val(66)},  // 10+20+30, 5+1
		{"2", val(60), val(90), val(75)}, // (50+60+70)/3, (80+100)/2, (60+90)/2
		{"3", val(3), val(4), val(3)},
		{"4", val(9), val(8), val(9)},
	}
	for _, tt := range tests {
		t.Run("Row"+tt.code, func(t *testing.T) {
			r := row(t, book, tt.code)
			checkValue(t, "A YTD", r.PerUnit["A"].YTD, tt.unitA)
			checkValue(t, "B YTD", r.PerUnit["B"].YTD, tt.unitB)
			checkValue(t, "YTD", r.YTD, tt.total)
		})
	}
}

func TestBuild_YTDWeeks(t *testing.T) {
	// Every week of the year before the consolidated one that a case does not list was sent
	// with a blank figure: the ledger is complete, so the year to date is rebuilt.
	tests := []struct {
		name    string
		period  string
		earlier map[string]string // period → A's figure
		current string
		want    Value
	}{
		// 2026 has 53 ISO weeks; 2026-W53 ends on Sunday 3 January 2027 but is in ISO year 2026.
		{"AcrossISOYear", "2027-W02", map[string]string{"2026-W52": "100", "2026-W53": "100", "2027-W01": "4"}, "6", val(10)},
		{"FirstWeek", "2026-W01", map[string]string{"2025-W52": "100"}, "7", val(7)},
		{"Week53", "2026-W53", map[string]string{"2026-W01": "1", "2026-W52": "2", "2027-W01": "100"}, "3", val(6)},
		{"CurrentBlank", "2026-W10", map[string]string{"2026-W09": "4"}, "", val(4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{
				Form:    indicatorForm("week", form.Indicator{Code: "1"}),
				Period:  mustPeriod(t, tt.period),
				Units:   abc[:1],
				Current: map[string]Source{"A": periodOnly("1", tt.current)},
				Earlier: map[period.Period]map[string]Source{},
			}
			p := mustPeriod(t, tt.period)
			for _, q := range period.InYear(period.Week, p.Year)[:p.N-1] {
				in.Earlier[q] = map[string]Source{"A": periodOnly("1", "")}
			}
			for p, v := range tt.earlier {
				in.Earlier[mustPeriod(t, p)] = map[string]Source{"A": periodOnly("1", v)}
			}
			r := row(t, mustBuild(t, in), "1")
			checkValue(t, "YTD", r.YTD, tt.want)
			if got := r.PerUnit["A"].YTDBasis; got != BasisLedger {
				t.Errorf("YTDBasis: got %v, want ledger", got)
			}
		})
	}
}

func TestBuild_YTDMismatch(t *testing.T) {
	tests := []struct {
		name     string
		rule     string
		jan, feb string
		typed    string
		wantMsg  string // "" for no warning
	}{
		{"Sum", "", "50", "60", "120", "Đơn vị A ghi lũy kế chỉ tiêu 2 là 120, số liệu các kỳ đã gửi cộng lại là 110."},
		{"Agrees", "", "50", "60", "110", ""},
		{"WithinHalfPercent", "", "50", "60", "110.5", ""},
		{"JustOverHalfPercent", "", "50", "60", "110.6", "Đơn vị A ghi lũy kế chỉ tiêu 2 là 110,6, số liệu các kỳ đã gửi cộng lại là 110."},
		{"Thousands", "", "50", "60", "1234.5", "Đơn vị A ghi lũy kế chỉ tiêu 2 là 1.234,5, số liệu các kỳ đã gửi cộng lại là 110."},
		{"LedgerZeroAgrees", "", "0", "0", "0", ""},
		{"LedgerZero", "", "0", "0", "0.001", "Đơn vị A ghi lũy kế chỉ tiêu 2 là 0,001, số liệu các kỳ đã gửi cộng lại là 0."},
		{"NotTyped", "", "50", "60", "", ""},
		{"Avg", "avg", "10", "20", "30", "Đơn vị A ghi lũy kế chỉ tiêu 2 là 30, bình quân số liệu các kỳ đã gửi là 15."},
		{"Max", "max", "10", "20", "30", "Đơn vị A ghi lũy kế chỉ tiêu 2 là 30, số lớn nhất trong các kỳ đã gửi là 20."},
		{"NoneNotChecked", "none", "10", "20", "30", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{
				Form:    indicatorForm("month", form.Indicator{Code: "2", Aggregate: tt.rule}),
				Period:  mustPeriod(t, "2026-02"),
				Units:   abc[:1],
				Current: map[string]Source{"A": submission(cells{"2": {"period": tt.feb, "ytd": tt.typed}})},
				Earlier: map[period.Period]map[string]Source{mustPeriod(t, "2026-01"): {"A": periodOnly("2", tt.jan)}},
			}
			book := mustBuild(t, in)
			got := warningsWith(book, WarnYTDMismatch)
			switch {
			case tt.wantMsg == "" && len(got) != 0:
				t.Errorf("got %v, want no warning", got)
			case tt.wantMsg != "" && (len(got) != 1 || got[0].Message != tt.wantMsg || got[0].Unit != "A"):
				t.Errorf("got %v, want one warning for A: %q", got, tt.wantMsg)
			}
			if tt.typed != "" {
				checkValue(t, "OwnYTD", row(t, book, "2").PerUnit["A"].OwnYTD, val(mustFloat(t, tt.typed)))
			}
		})
	}
}
