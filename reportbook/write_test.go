package reportbook

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

func TestWrite_Builtins(t *testing.T) {
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			fx := newFixture(t, code, 3, 2, "U03")
			f, _ := fx.write(t)
			want := []string{sheetSummary}
			if len(fx.form.Narrative) > 0 {
				want = append(want, sheetNarrative)
			}
			want = append(want, sheetStatus, sheetProvenance, "U01", "U02", "U03")
			if got := f.GetSheetList(); !slices.Equal(got, want) {
				t.Fatalf("sheets: got %q, want %q", got, want)
			}
			sum := rows(t, f, sheetSummary)
			for i, w := range []string{fx.meta.Office, fx.meta.Desk, reportTitle(fx.form.Title),
				formLine(code, fx.meta.PeriodLabel), "DỰ THẢO lần 2", "Lập lúc 08:30 ngày 21/11/2026"} {
				if got := at(at2(sum, i), 0); got != w {
					t.Errorf("title line %d: got %q, want %q", i+1, got, w)
				}
			}
			if !contains(sum, "Chưa có số liệu: Phòng Quản lý doanh nghiệp.") {
				t.Errorf("summary: no missing note for U03")
			}
			for _, table := range fx.form.Tables {
				if !contains(sum, table.Title) {
					t.Errorf("summary: no list table %q", table.Title)
				}
			}
			for _, table := range fx.form.Indicators {
				if !contains(sum, table.Title) {
					t.Errorf("summary: no indicator table %q", table.Title)
				}
			}
			missing := rows(t, f, "U03")
			if !contains(missing, noteUnitMissing) {
				t.Errorf("sheet U03: got %q, want the note that the unit sent nothing", missing)
			}
		})
	}
}

// at2 returns row i of all, nil past its end.

func at2(all [][]string, i int) []string {
	if i < len(all) {
		return all[i]
	}
	return nil
}

func TestWrite_IndicatorFigures(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 3, 0, "U03")
	// Unit 1 gives 1.5 projects of type 1.1 (a subtotal mismatch: 1 ≠ 1.5 + 3), nothing for
	// indicator 7; last year, unit 1 had 4 new projects.
	u1 := fx.in.Current["U01"]
	u1.Filled.Indicators["kcn"]["1.1"]["period"] = "1.5"
	u1.Filled.Indicators["kcn"]["7"] = map[string]string{}
	fx.in.Current["U01"] = u1
	// Unit 2 sent nothing last year: it types its last year's figure of indicator 1, 0.
	u2 := fx.in.Current["U02"]
	u2.Filled.Indicators["kcn"]["7"] = map[string]string{}
	u2.Filled.Indicators["kcn"]["1"]["last_year"] = "0"
	fx.in.Current["U02"] = u2
	fx.in.LastYear = map[string]consolidate.Source{"U01": {Filled: sampleFilled(fx.form, "U01", 0)}}
	fx.in.LastYear["U01"].Filled.Indicators["kcn"]["1"]["period"] = "4"
	fx.in.LastYear["U01"].Filled.Indicators["kcn"]["2"] = map[string]string{}
	fx.rebuild(t)
	f, _ := fx.write(t)
	sum := rows(t, f, sheetSummary)
	header, hr := rowWith(t, sum, 0, hdrCode)
	wantHeader := summaryHeaders(false)
	if !slices.Equal(header, wantHeader) {
		t.Errorf("header: got %q, want %q", header, wantHeader)
	}
	col := func(name string) int { return slices.Index(wantHeader, name) }
	tests := []struct {
		name, code, column, want string
	}{
		{"PlanSum", "1", hdrPlan, "20"},
		{"PeriodSum", "1", hdrPeriod, "2"},
		{"Decimal", "1.1", hdrPeriod, "3.5"},
		{"AbsentBlank", "7", hdrPeriod, ""},
		{"AbsentPlanBlank", "7", hdrPlan, ""},
		{"PercentOfPlan", "1", hdrPctPlan, "0.1"},
		{"PercentLastYear", "1", hdrPctLastYear, "0.5"},
		{"NoLastYearBlank", "2", hdrPctLastYear, ""},
		{"Reported", "1", hdrReported, "2"},
		{"ReportedNone", "7", hdrReported, "0"},
		{"SubtotalNote", "1", hdrNote, noteSubtotal},
		{"NoNote", "2", hdrNote, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := rowWith(t, sum[hr:], 0, tt.code)
			if got := at(r, col(tt.column)); got != tt.want {
				t.Errorf("%s of %s: got %q, want %q", tt.column, tt.code, got, tt.want)
			}
		})
	}
	t.Run("Formats", func(t *testing.T) {
		_, n := rowWith(t, sum[hr:], 0, "1")
		one := strconv.Itoa(hr + n)
		_, n = rowWith(t, sum[hr:], 0, "1.1")
		sub := strconv.Itoa(hr + n)
		for cell, want := range map[string]string{"D" + one: "20", "E" + one: "2", "H" + one: "10%", "I" + one: "50%",
			"E" + sub: "3.5"} {
			if got := cellValue(t, f, sheetSummary, cell); got != want {
				t.Errorf("%s shown: got %q, want %q", cell, got, want)
			}
		}
	})
	t.Run("Warnings", func(t *testing.T) {
		if !contains(sum, noteWarnings) {
			t.Fatalf("no warnings heading")
		}
		for _, w := range fx.book.Warnings {
			if w.Code == consolidate.WarnSubtotal && !contains(sum, warningLine("", w.Message)) {
				t.Errorf("warning %q not on the summary", w.Message)
			}
		}
	})
}

func TestWrite_LastYearYTDColumn(t *testing.T) {
	fx := newFixture(t, "KT-XH", 2, 0)
	// Last year's year to date needs every month of last year up to November, of both units.
	both := func() map[string]consolidate.Source {
		return map[string]consolidate.Source{"U01": {Filled: sampleFilled(fx.form, "U01", 0)},
			"U02": {Filled: sampleFilled(fx.form, "U02", 0)}}
	}
	fx.in.LastYear = both()
	fx.in.LastYearEarlier = map[period.Period]map[string]consolidate.Source{}
	for _, p := range period.InYear(period.Month, 2025)[:10] {
		fx.in.LastYearEarlier[p] = both()
	}
	fx.rebuild(t)
	f, _ := fx.write(t)
	header, _ := rowWith(t, rows(t, f, sheetSummary), 0, hdrCode)
	if !slices.Equal(header, summaryHeaders(true)) {
		t.Errorf("header: got %q, want %q", header, summaryHeaders(true))
	}
}

func TestWrite_Lists(t *testing.T) {
	fx := newFixture(t, "BM.04.01/KH", 2, 2)
	// U01's first task was open last week: carried over.
	prev := fx.in.Current["U01"].Filled
	fx.in.Previous = map[string]consolidate.Source{"U01": {Filled: prev}}
	fx.rebuild(t)
	f, _ := fx.write(t)
	sum := rows(t, f, sheetSummary)
	tasks := fx.book.Lists[0]
	header, hr := rowWith(t, sum, 0, hdrNo)
	if want := listHeaders(tasks, unitByName); !slices.Equal(header, want) {
		t.Fatalf("header: got %q, want %q", header, want)
	}
	first := sum[hr]
	if at(first, 0) != "1" || at(first, 1) != "Phòng Kế hoạch - Đầu tư" {
		t.Errorf("first row: got %q, want number 1 and the unit's name", first)
	}
	if got := at(first, 2); got != "Nội dung công việc 1 của U01" {
		t.Errorf("content: got %q", got)
	}
	if got := at(first, len(header)-1); got != markYes {
		t.Errorf("carried over: got %q, want %q", got, markYes)
	}
	if got := at(sum[hr+2], len(header)-1); got != "" {
		t.Errorf("U02's row carried over: got %q, want empty", got)
	}
	deadline := strconv.Itoa(hr + 1)
	if got := cellValue(t, f, sheetSummary, "G"+deadline); got != "20/11/2026" {
		t.Errorf("deadline shown: got %q, want 20/11/2026", got)
	}
	unit := rows(t, f, "U01")
	if _, n := rowWith(t, unit, 1, "Nội dung công việc 2 của U01"); n == 0 {
		t.Errorf("U01 sheet lacks its second task")
	}
	if contains(unit, "Nội dung công việc 1 của U02") {
		t.Errorf("U01 sheet holds U02's task")
	}
}

func TestWrite_UnitSheetLimit(t *testing.T) {
	tests := []struct {
		name  string
		units int
		long  bool
	}{
		{"AtLimit", UnitSheetLimit, false},
		{"PastLimit", UnitSheetLimit + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := newFixture(t, "BM.02.01/KH", tt.units, 0, "U02")
			f, _ := fx.write(t)
			sheets := f.GetSheetList()
			if got := slices.Contains(sheets, sheetUnits); got != tt.long {
				t.Fatalf("long sheet present: got %v, want %v (sheets %q)", got, tt.long, sheets)
			}
			if got := slices.Contains(sheets, "U01"); got == tt.long {
				t.Fatalf("unit sheet present: got %v, want %v", got, !tt.long)
			}
			if !tt.long {
				return
			}
			all := rows(t, f, sheetUnits)
			header, hr := rowWith(t, all, 0, hdrUnitCode)
			if want := unitIndicatorHeaders(true); !slices.Equal(header, want) {
				t.Fatalf("header: got %q, want %q", header, want)
			}
			n := 0
			for _, r := range all[hr:] {
				if len(r) > 2 && strings.HasPrefix(r[0], "U") {
					n++
				}
			}
			if want := (tt.units - 1) * len(fx.form.Indicators[0].Rows); n != want {
				t.Errorf("long rows: got %d, want %d", n, want)
			}
			r, _ := rowWith(t, all, 0, "U31")
			if at(r, 2) != "1" || at(r, 6) != "1" || at(r, 7) != "1" || at(r, 8) != basisLabel(consolidate.BasisTyped) || at(r, 9) != "1" {
				t.Errorf("U31 indicator 1: got %q, want period 1 and the year to date it typed, 1", r)
			}
		})
	}
}

func TestWrite_Narrative(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 2, 0)
	u2 := fx.in.Current["U02"]
	u2.Filled.Narrative["causes"] = "  "
	fx.in.Current["U02"] = u2
	fx.rebuild(t)
	f, _ := fx.write(t)
	all := rows(t, f, sheetNarrative)
	_, sec := rowWith(t, all, 0, "II.2. Tồn tại, hạn chế")
	want := [][]string{
		{"1", "Phòng Kế hoạch - Đầu tư", "II.2. Tồn tại, hạn chế của U01."},
		{"", "", "Đoạn thứ hai."},
		{"2", "Văn phòng", "II.2. Tồn tại, hạn chế của U02."},
	}
	for i, w := range want {
		if got := all[sec+i]; !slices.Equal(got, w) {
			t.Errorf("row %d: got %q, want %q", sec+i+1, got, w)
		}
	}
	_, causes := rowWith(t, all, 0, "II.3. Nguyên nhân")
	if got := at(all[causes+2], 0); got != "" && got != "2" {
		t.Errorf("causes: got a second entry %q, want U02 left out", all[causes+2])
	}
	t.Run("NoNarrativeNoSheet", func(t *testing.T) {
		f, _ := newFixture(t, "BM.04.02/KH", 1, 1).write(t)
		if slices.Contains(f.GetSheetList(), sheetNarrative) {
			t.Errorf("sheets: got %q, want no %q", f.GetSheetList(), sheetNarrative)
		}
	})
}

// TestWrite_MixedForms writes forms unlike the built-in ones: indicators, a list and a
// narrative on one form, and a narrative alone.
func TestWrite_MixedForms(t *testing.T) {
	report, work := builtin(t, "BM.02.01/KH"), builtin(t, "BM.04.02/KH")
	mixed := report
	mixed.Code, mixed.Tables = "MIXED", work.Tables
	narrative := report
	narrative.Code, narrative.Indicators = "TEXT", nil
	for _, f := range []form.Form{mixed, narrative} {
		t.Run(f.Code, func(t *testing.T) {
			fx := newFixture(t, "BM.02.01/KH", 2, 2)
			fx.form, fx.in.Form = f, f
			for code, src := range fx.in.Current {
				src.Filled = sampleFilled(f, code, 2)
				fx.in.Current[code] = src
			}
			fx.rebuild(t)
			book, data := fx.write(t)
			checkPackage(t, data)
			sum := rows(t, book, sheetSummary)
			for _, title := range []string{"DỰ THẢO lần 2"} {
				if !contains(sum, title) {
					t.Errorf("summary: no %q", title)
				}
			}
			if len(f.Tables) > 0 && !contains(sum, "Nhiệm vụ 1 của U02") {
				t.Errorf("summary: no task of U02")
			}
			if !contains(rows(t, book, sheetNarrative), "Đoạn thứ hai.") {
				t.Errorf("narrative: no second paragraph")
			}
		})
	}
}
