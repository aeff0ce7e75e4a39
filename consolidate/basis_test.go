package consolidate

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// hist is a run of one unit's past periods as the ledger holds them: every period from..to
// with the same figure of indicator "1" ("" for a blank cell). imported marks figures
// imported from a file of history; lastYear puts the run in last year's maps instead of
// this year's earlier periods.
type hist struct {
	unit, from, to, value string
	imported, lastYear    bool
}

// historyFile is the file every imported test figure comes from.
var historyFile = Import{Kind: ImportOpening, FileName: "so-lieu-dau-ky.xlsx", SHA256: strings.Repeat("a", 64)}

func (h hist) source() Source {
	src := periodOnly("1", h.value)
	if h.imported {
		src.Imports = []Import{historyFile}
	}
	return src
}

// addHistory puts each run into in's maps.
func addHistory(t *testing.T, in *Input, runs []hist) {
	t.Helper()
	for _, h := range runs {
		to := mustPeriod(t, h.to)
		for p := mustPeriod(t, h.from); ; p = p.Next() {
			switch {
			case !h.lastYear:
				put(in.Earlier, p, h.unit, h.source())
			case p == in.Period.SameLastYear():
				in.LastYear[h.unit] = h.source()
			default:
				put(in.LastYearEarlier, p, h.unit, h.source())
			}
			if p == to {
				break
			}
		}
	}
}

func put(m map[period.Period]map[string]Source, p period.Period, unit string, src Source) {
	if m[p] == nil {
		m[p] = map[string]Source{}
	}
	m[p][unit] = src
}

// wantUnit is what one unit's figures of indicator "1" must be.
type wantUnit struct {
	ytd           Value
	ytdBasis      Basis
	missing       int // periods the ledger lacks for the year to date
	lastYear      Value
	lastYearBasis Basis
}

// TestBuild_YTDAndLastYearRules checks the rules of year to date and last year's figures
// (doc.go) on figures worked out by hand in the table: unit A's indicator "1" (and B's when
// given), plan 100 where typed.
func TestBuild_YTDAndLastYearRules(t *testing.T) {
	typed := cells{"1": {"plan": "100", "period": "12", "ytd": "38", "last_year": "30"}}
	bare := cells{"1": {"plan": "100", "period": "12"}}
	tests := []struct {
		name     string
		period   string
		rule     string
		a, b     cells
		history  []hist
		want     wantUnit
		ytd      Value // the row's
		lastYear Value
		pctPlan  Value
		pctLY    Value
		warnings []string // codes
	}{
		{name: "GoLiveDecemberTyped", period: "2026-12", a: typed,
			want: wantUnit{val(38), BasisTyped, 11, val(30), BasisTyped},
			ytd:  val(38), lastYear: val(30), pctPlan: val(38), pctLY: val(40)},
		{name: "GoLiveDecemberNothingTyped", period: "2026-12", a: bare,
			want: wantUnit{none, BasisMissing, 11, none, BasisMissing},
			ytd:  none, lastYear: none, pctPlan: none, pctLY: none, warnings: []string{WarnYTDMissing}},
		// January to October imported, November not: 2·10 + 12 = 32 would be a partial sum.
		{name: "PartialImport", period: "2026-12", a: typed,
			history: []hist{{unit: "A", from: "2026-01", to: "2026-10", value: "2", imported: true}},
			want:    wantUnit{val(38), BasisTyped, 1, val(30), BasisTyped},
			ytd:     val(38), lastYear: val(30), pctPlan: val(38), pctLY: val(40)},
		// 2·11 + 12 = 34, and the unit typed 34.
		{name: "CompleteImportAgrees", period: "2026-12", a: cells{"1": {"plan": "100", "period": "12", "ytd": "34"}},
			history: []hist{{unit: "A", from: "2026-01", to: "2026-11", value: "2", imported: true}},
			want:    wantUnit{val(34), BasisImported, 0, none, BasisMissing},
			ytd:     val(34), lastYear: none, pctPlan: val(34), pctLY: none},
		// The ledger is complete and adds up to 34, not the 38 the unit typed.
		{name: "CompleteImportDiffers", period: "2026-12", a: typed,
			history: []hist{{unit: "A", from: "2026-01", to: "2026-11", value: "2", imported: true}},
			want:    wantUnit{val(34), BasisImported, 0, val(30), BasisTyped},
			ytd:     val(34), lastYear: val(30), pctPlan: val(34), pctLY: val(40), warnings: []string{WarnYTDMismatch}},
		// Submissions January to June (3 each), imports July to November (1 each): 18 + 5 + 12.
		{name: "SubmissionsAndImports", period: "2026-12", a: bare,
			history: []hist{{unit: "A", from: "2026-01", to: "2026-06", value: "3"},
				{unit: "A", from: "2026-07", to: "2026-11", value: "1", imported: true}},
			want: wantUnit{val(35), BasisImported, 0, none, BasisMissing},
			ytd:  val(35), lastYear: none, pctPlan: val(35), pctLY: none},
		// Every month sent, 1 each: 11 + 12.
		{name: "LedgerOnly", period: "2026-12", a: bare,
			history: []hist{{unit: "A", from: "2026-01", to: "2026-11", value: "1"}},
			want:    wantUnit{val(23), BasisLedger, 0, none, BasisMissing},
			ytd:     val(23), lastYear: none, pctPlan: val(23), pctLY: none},
		// Every month sent without a figure: the unit said it had none, so the year to date is 12.
		{name: "LedgerBlankCells", period: "2026-12", a: typed,
			history: []hist{{unit: "A", from: "2026-01", to: "2026-11", value: ""}},
			want:    wantUnit{val(12), BasisLedger, 0, val(30), BasisTyped},
			ytd:     val(12), lastYear: val(30), pctPlan: val(12), pctLY: val(40), warnings: []string{WarnYTDMismatch}},
		// November imported for another indicator only: indicator 1 lacks it.
		{name: "ImportBlankCell", period: "2026-12", a: typed,
			history: []hist{{unit: "A", from: "2026-01", to: "2026-10", value: "2", imported: true},
				{unit: "A", from: "2026-11", to: "2026-11", value: "", imported: true}},
			want: wantUnit{val(38), BasisTyped, 1, val(30), BasisTyped},
			ytd:  val(38), lastYear: val(30), pctPlan: val(38), pctLY: val(40)},
		// Last year's December in the ledger wins over the typed 30: 12 / 25.
		{name: "LastYearLedger", period: "2026-12", a: typed,
			history: []hist{{unit: "A", from: "2025-12", to: "2025-12", value: "25", lastYear: true}},
			want:    wantUnit{val(38), BasisTyped, 11, val(25), BasisLedger},
			ytd:     val(38), lastYear: val(25), pctPlan: val(38), pctLY: val(48)},
		{name: "LastYearImported", period: "2026-12", a: typed,
			history: []hist{{unit: "A", from: "2025-12", to: "2025-12", value: "25", imported: true, lastYear: true}},
			want:    wantUnit{val(38), BasisTyped, 11, val(25), BasisImported},
			ytd:     val(38), lastYear: val(25), pctPlan: val(38), pctLY: val(48)},
		{name: "LastYearImportBlank", period: "2026-12", a: typed,
			history: []hist{{unit: "A", from: "2025-12", to: "2025-12", value: "", imported: true, lastYear: true}},
			want:    wantUnit{val(38), BasisTyped, 11, val(30), BasisTyped},
			ytd:     val(38), lastYear: val(30), pctPlan: val(38), pctLY: val(40)},
		// B typed both; A typed neither: the totals would leave A out, so they are blank.
		{name: "OneUnitUnknown", period: "2026-12", a: bare,
			b:    cells{"1": {"plan": "50", "period": "3", "ytd": "20", "last_year": "10"}},
			want: wantUnit{none, BasisMissing, 11, none, BasisMissing},
			ytd:  none, lastYear: none, pctPlan: none, pctLY: none, warnings: []string{WarnYTDMissing}},
		// Both typed: 38 + 20 of plans 100 + 50; this period 12 + 3 of last year's 30 + 10.
		{name: "TwoUnitsTyped", period: "2026-12", a: typed,
			b:    cells{"1": {"plan": "50", "period": "3", "ytd": "20", "last_year": "10"}},
			want: wantUnit{val(38), BasisTyped, 11, val(30), BasisTyped},
			ytd:  val(58), lastYear: val(40), pctPlan: val(58.0 / 150 * 100), pctLY: val(37.5)},
		// The first week of an ISO year has no earlier week: its figure is the year to date.
		{name: "FirstISOWeek", period: "2027-W01", a: cells{"1": {"period": "5"}},
			history: []hist{{unit: "A", from: "2026-W52", to: "2026-W53", value: "100"}},
			want:    wantUnit{val(5), BasisLedger, 0, none, BasisMissing},
			ytd:     val(5), lastYear: none, pctPlan: none, pctLY: none},
		// 2026-W53 lies in ISO year 2026: 2027-W02 still lacks 2027-W01.
		{name: "AfterWeek53", period: "2027-W02", a: cells{"1": {"period": "5", "ytd": "9"}},
			history: []hist{{unit: "A", from: "2026-W53", to: "2026-W53", value: "100"}},
			want:    wantUnit{val(9), BasisTyped, 1, none, BasisMissing},
			ytd:     val(9), lastYear: none, pctPlan: none, pctLY: none},
		// Weeks 1 to 52 of 2026 imported, 1 each: 52 + 5.
		{name: "Week53Imported", period: "2026-W53", a: cells{"1": {"period": "5"}},
			history: []hist{{unit: "A", from: "2026-W01", to: "2026-W52", value: "1", imported: true}},
			want:    wantUnit{val(57), BasisImported, 0, none, BasisMissing},
			ytd:     val(57), lastYear: none, pctPlan: none, pctLY: none},
		// Average of eleven 2s and a 12: 34 / 12.
		{name: "AvgImported", period: "2026-12", rule: "avg", a: bare,
			history: []hist{{unit: "A", from: "2026-01", to: "2026-11", value: "2", imported: true}},
			want:    wantUnit{val(34.0 / 12), BasisImported, 0, none, BasisMissing},
			ytd:     val(34.0 / 12), lastYear: none, pctPlan: val(34.0 / 12), pctLY: none},
		// The largest of a partial year (50) is not the year's: the unit's typed 60 is used.
		{name: "MaxPartialUsesTyped", period: "2026-12", rule: "max", a: cells{"1": {"period": "12", "ytd": "60"}},
			history: []hist{{unit: "A", from: "2026-01", to: "2026-10", value: "50", imported: true}},
			want:    wantUnit{val(60), BasisTyped, 1, none, BasisMissing},
			ytd:     val(60), lastYear: none, pctPlan: none, pctLY: none},
		{name: "MaxComplete", period: "2026-12", rule: "max", a: cells{"1": {"period": "12"}},
			history: []hist{{unit: "A", from: "2026-01", to: "2026-11", value: "50", imported: true}},
			want:    wantUnit{val(50), BasisImported, 0, none, BasisMissing},
			ytd:     val(50), lastYear: none, pctPlan: none, pctLY: none},
		// No aggregate: nothing rebuilt and nothing warned, whatever the history.
		{name: "NoneRule", period: "2026-12", rule: "none", a: bare,
			want: wantUnit{none, BasisNone, 0, none, BasisMissing},
			ytd:  none, lastYear: none, pctPlan: none, pctLY: none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{
				Form:   indicatorForm(kindOf(t, tt.period), form.Indicator{Code: "1", Aggregate: tt.rule}),
				Period: mustPeriod(t, tt.period), Units: abc[:2],
				Current: map[string]Source{"A": submission(tt.a)},
				Earlier: map[period.Period]map[string]Source{}, LastYear: map[string]Source{},
				LastYearEarlier: map[period.Period]map[string]Source{},
			}
			if tt.b != nil {
				in.Current["B"] = submission(tt.b)
			}
			addHistory(t, &in, tt.history)
			book := mustBuild(t, in)
			r := row(t, book, "1")
			a := r.PerUnit["A"]
			checkValue(t, "A YTD", a.YTD, tt.want.ytd)
			checkValue(t, "A LastYear", a.LastYear, tt.want.lastYear)
			if a.YTDBasis != tt.want.ytdBasis || a.LastYearBasis != tt.want.lastYearBasis || len(a.YTDMissing) != tt.want.missing {
				t.Errorf("A bases: got YTD %v (%d periods missing), last year %v; want %v (%d), %v",
					a.YTDBasis, len(a.YTDMissing), a.LastYearBasis, tt.want.ytdBasis, tt.want.missing, tt.want.lastYearBasis)
			}
			checkValue(t, "YTD", r.YTD, tt.ytd)
			checkValue(t, "LastYear", r.LastYear, tt.lastYear)
			checkValue(t, "PctPlan", r.PctPlan, tt.pctPlan)
			checkValue(t, "PctLastYear", r.PctLastYear, tt.pctLY)
			var codes []string
			for _, w := range book.Warnings {
				codes = append(codes, w.Code)
			}
			if !reflect.DeepEqual(codes, tt.warnings) {
				t.Errorf("warnings: got %v, want %v", book.Warnings, tt.warnings)
			}
		})
	}
}

func kindOf(t *testing.T, p string) string { return string(mustPeriod(t, p).Kind) }

// TestBuild_LastYearYTD: last year's year to date is rebuilt only from a complete last year.
func TestBuild_LastYearYTD(t *testing.T) {
	tests := []struct {
		name    string
		history []hist
		want    Value
		basis   Basis
	}{
		// 4 + 4 + 4 in January to March 2025.
		{"Complete", []hist{{unit: "A", from: "2025-01", to: "2025-03", value: "4", lastYear: true}}, val(12), BasisLedger},
		{"CompleteImported", []hist{{unit: "A", from: "2025-01", to: "2025-02", value: "4", lastYear: true},
			{unit: "A", from: "2025-03", to: "2025-03", value: "4", imported: true, lastYear: true}}, val(12), BasisImported},
		{"NoJanuary", []hist{{unit: "A", from: "2025-02", to: "2025-03", value: "4", lastYear: true}}, none, BasisMissing},
		{"NoSamePeriod", []hist{{unit: "A", from: "2025-01", to: "2025-02", value: "4", lastYear: true}}, none, BasisMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Form: indicatorForm("month", form.Indicator{Code: "1"}), Period: mustPeriod(t, "2026-03"),
				Units: abc[:1], Current: map[string]Source{"A": submission(cells{"1": {"period": "1", "last_year": "4"}})},
				Earlier: map[period.Period]map[string]Source{}, LastYear: map[string]Source{},
				LastYearEarlier: map[period.Period]map[string]Source{}}
			addHistory(t, &in, tt.history)
			r := row(t, mustBuild(t, in), "1")
			checkValue(t, "LastYearYTD", r.LastYearYTD, tt.want)
			if got := r.PerUnit["A"].LastYearYTDBasis; got != tt.basis {
				t.Errorf("LastYearYTDBasis: got %v, want %v", got, tt.basis)
			}
		})
	}
}

// TestBuild_YTDMissingWarning: one warning per unit and gap, naming the indicators and the
// periods the ledger lacks.
func TestBuild_YTDMissingWarning(t *testing.T) {
	in := Input{
		Form:   indicatorForm("month", form.Indicator{Code: "1"}, form.Indicator{Code: "2"}, form.Indicator{Code: "3"}),
		Period: mustPeriod(t, "2026-12"), Units: abc,
		Current: map[string]Source{
			"A": submission(cells{"1": {"period": "1"}, "2": {"period": "2"}, "3": {"period": "3"}}),
			"B": submission(cells{"1": {"period": "1", "ytd": "5"}}),
		},
		Earlier: map[period.Period]map[string]Source{},
	}
	// A's history: every month but March for indicators 1 and 2; indicator 3 also lacks
	// November, imported without it.
	for _, p := range period.InYear(period.Month, 2026)[:11] {
		switch p.N {
		case 3:
		case 11:
			put(in.Earlier, p, "A", Source{Filled: submission(cells{"1": {"period": "1"}, "2": {"period": "1"}}).Filled,
				Imports: []Import{historyFile}})
		default:
			put(in.Earlier, p, "A", submission(cells{"1": {"period": "1"}, "2": {"period": "1"}, "3": {"period": "1"}}))
		}
	}
	book := mustBuild(t, in)
	want := []Warning{
		{"A", WarnYTDMissing, "Đơn vị A chưa có lũy kế từ đầu năm của các chỉ tiêu 1, 2: chưa có số liệu của đơn vị tháng 3/2026 và đơn vị không ghi lũy kế; lũy kế tổng hợp của các chỉ tiêu này để trống."},
		{"A", WarnYTDMissing, "Đơn vị A chưa có lũy kế từ đầu năm của chỉ tiêu 3: chưa có số liệu của đơn vị tháng 3/2026, tháng 11/2026 và đơn vị không ghi lũy kế; lũy kế tổng hợp của chỉ tiêu này để trống."},
		{"B", WarnYTDMissing, "Đơn vị B chưa có lũy kế từ đầu năm của các chỉ tiêu 2, 3: chưa có số liệu của đơn vị tháng 01/2026 đến tháng 11/2026 và đơn vị không ghi lũy kế; lũy kế tổng hợp của các chỉ tiêu này để trống."},
	}
	if !reflect.DeepEqual(book.Warnings, want) {
		t.Errorf("warnings:\ngot  %q\nwant %q", book.Warnings, want)
	}
	r := row(t, book, "1")
	if !r.YTDBasis.Has(BasisMissing) || !r.YTDBasis.Has(BasisTyped) || r.YTDBasis.Has(BasisLedger) || r.YTDBasis.Only(BasisTyped) {
		t.Errorf("row 1 bases: got %08b, want missing (A) and typed (B)", r.YTDBasis)
	}
}

// TestBuild_History: the imported periods a figure used are listed, unit by unit in time
// order; those of a year to date that fell back to the typed figure are not.
func TestBuild_History(t *testing.T) {
	in := Input{Form: indicatorForm("month", form.Indicator{Code: "1"}), Period: mustPeriod(t, "2026-03"), Units: abc,
		Current: map[string]Source{
			"A": submission(cells{"1": {"period": "1"}}),
			"B": submission(cells{"1": {"period": "1", "ytd": "9"}}),
			"C": submission(cells{"1": {"period": "1"}}),
		},
		Earlier: map[period.Period]map[string]Source{}, LastYear: map[string]Source{},
		LastYearEarlier: map[period.Period]map[string]Source{}}
	addHistory(t, &in, []hist{
		{unit: "A", from: "2026-01", to: "2026-02", value: "2", imported: true},
		{unit: "A", from: "2025-03", to: "2025-03", value: "7", imported: true, lastYear: true},
		{unit: "B", from: "2026-02", to: "2026-02", value: "2", imported: true}, // January lacking
		{unit: "C", from: "2026-01", to: "2026-01", value: "2"},
		{unit: "C", from: "2026-02", to: "2026-02", value: "2", imported: true},
	})
	book := mustBuild(t, in)
	var got []string
	for _, h := range book.History {
		got = append(got, h.Unit+" "+h.Period.String()+" "+h.Imports[0].FileName)
	}
	want := []string{"A 2025-03 so-lieu-dau-ky.xlsx", "A 2026-01 so-lieu-dau-ky.xlsx", "A 2026-02 so-lieu-dau-ky.xlsx",
		"C 2026-02 so-lieu-dau-ky.xlsx"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("History: got %q, want %q", got, want)
	}
	checkValue(t, "A YTD", row(t, book, "1").PerUnit["A"].YTD, val(5))
	checkValue(t, "B YTD", row(t, book, "1").PerUnit["B"].YTD, val(9))
	checkValue(t, "C YTD", row(t, book, "1").PerUnit["C"].YTD, val(5))
}

func TestPeriodRuns(t *testing.T) {
	m := func(s string) period.Period { return mustPeriod(t, s) }
	tests := []struct {
		periods []period.Period
		want    string
	}{
		{[]period.Period{m("2026-01")}, "tháng 01/2026"},
		{[]period.Period{m("2026-01"), m("2026-02"), m("2026-03"), m("2026-05"), m("2026-07"), m("2026-08")},
			"tháng 01/2026 đến tháng 3/2026, tháng 5/2026, tháng 7/2026 đến tháng 8/2026"},
		{[]period.Period{m("2026-Q1"), m("2026-Q2")}, "quý I/2026 đến quý II/2026"},
	}
	for _, tt := range tests {
		if got := PeriodRuns(tt.periods); got != tt.want {
			t.Errorf("PeriodRuns(%v): got %q, want %q", tt.periods, got, tt.want)
		}
	}
}
