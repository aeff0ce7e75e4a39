package consolidate

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// benchInput builds a work program week with units × rows tasks per unit, half of them
// carried over from the previous week, and as many result rows.
func benchInput(tb testing.TB, units, rows int) Input {
	tb.Helper()
	in := Input{Form: workProgram(tb), Period: mustPeriod(tb, "2026-W47"),
		Current: map[string]Source{}, Previous: map[string]Source{}}
	for u := range units {
		code := fmt.Sprintf("U%04d", u)
		in.Units = append(in.Units, Unit{Code: code, Name: "Đơn vị " + code})
		cur, prev := make([]form.Row, 0, rows), make([]form.Row, 0, rows)
		results := make([]form.Row, 0, rows)
		for i := range rows {
			content := "Thực hiện nhiệm vụ số " + strconv.Itoa(i) + " của " + code
			cur = append(cur, form.Row{Line: rows - i, Values: map[string]string{"content": content, "lead": code}})
			if i%2 == 0 {
				prev = append(prev, form.Row{Line: i, Values: map[string]string{"content": content}})
			}
			results = append(results, result(i, content, "Đang thực hiện"))
		}
		in.Current[code] = listSource(map[string][]form.Row{"tasks": cur, "results": results})
		in.Previous[code] = listSource(map[string][]form.Row{"tasks": prev})
	}
	return in
}

func BenchmarkBuild(b *testing.B) {
	in := benchInput(b, 1000, 200)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildIndicators consolidates BM.02.01/KH for December: 1,000 units, eleven earlier
// months and last year's twelve.
func BenchmarkBuildIndicators(b *testing.B) {
	f := form.Builtins()["BM.02.01/KH"]
	figures := func(seed int) Source {
		c := map[string]map[string]string{}
		for i, ind := range f.Indicators[0].Rows {
			v := strconv.Itoa(seed + i)
			c[ind.Code] = map[string]string{"plan": v + "0", "period": v, "ytd": v}
		}
		return Source{Filled: form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": c}}}
	}
	in := Input{Form: f, Period: mustPeriod(b, "2026-12"), Current: map[string]Source{}, LastYear: map[string]Source{},
		Earlier: map[period.Period]map[string]Source{}, LastYearEarlier: map[period.Period]map[string]Source{}}
	for m := 1; m <= 11; m++ {
		in.Earlier[period.Period{Kind: period.Month, Year: 2026, N: m}] = map[string]Source{}
		in.LastYearEarlier[period.Period{Kind: period.Month, Year: 2025, N: m}] = map[string]Source{}
	}
	for u := range 1000 {
		code := fmt.Sprintf("U%04d", u)
		in.Units = append(in.Units, Unit{Code: code})
		in.Current[code], in.LastYear[code] = figures(u), figures(u+1)
		for m := 1; m <= 11; m++ {
			in.Earlier[period.Period{Kind: period.Month, Year: 2026, N: m}][code] = figures(u + m)
			in.LastYearEarlier[period.Period{Kind: period.Month, Year: 2025, N: m}][code] = figures(u - m)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}
