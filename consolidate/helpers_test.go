package consolidate

import (
	"math"
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// cells are one submission's indicator figures: indicator code → column key → text.
type cells map[string]map[string]string

// submission wraps figures of the test table "t" as a counted source.
func submission(c cells) Source {
	return Source{Filled: form.Filled{Indicators: map[string]map[string]map[string]string{"t": c}}}
}

// periodOnly gives one unit's "period" figures: code, value, code, value…
func periodOnly(pairs ...string) Source {
	c := cells{}
	for i := 0; i+1 < len(pairs); i += 2 {
		c[pairs[i]] = map[string]string{"period": pairs[i+1]}
	}
	return submission(c)
}

func indicatorForm(kind string, rows ...form.Indicator) form.Form {
	cols := []form.Column{
		{Key: "plan", Title: "Kế hoạch năm", Type: form.Decimal},
		{Key: "period", Title: "Thực hiện kỳ báo cáo", Type: form.Decimal},
		{Key: "ytd", Title: "Lũy kế từ đầu năm", Type: form.Decimal},
		{Key: "last_year", Title: "Cùng kỳ năm trước", Type: form.Decimal},
		{Key: "pct_plan", Title: "% so với kế hoạch", Type: form.Percent},
		{Key: "pct_last_year", Title: "% so với cùng kỳ", Type: form.Percent},
	}
	return form.Form{Code: "TEST", Version: 1, Period: form.Kinds{kind},
		Indicators: []form.IndicatorTable{{Key: "t", Title: "Chỉ tiêu", Columns: cols, Rows: rows}}}
}

func mustPeriod(t testing.TB, s string) period.Period {
	t.Helper()
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// mustBuild builds in, and again with every source's submission given through Source.Load:
// both books must be the same, so every test also checks the unit-by-unit reading.
func mustBuild(t testing.TB, in Input) Book {
	t.Helper()
	book, err := Build(in)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	lazyBook, err := Build(lazy(in))
	if err != nil {
		t.Fatalf("Build with Source.Load: %v", err)
	}
	for i := range lazyBook.Provenance {
		if lazyBook.Provenance[i].Load != nil {
			t.Fatalf("Build with Source.Load: the provenance keeps the load of %s", lazyBook.Provenance[i].Unit)
		}
		lazyBook.Provenance[i].Filled = book.Provenance[i].Filled // the content is not kept
	}
	if !reflect.DeepEqual(book, lazyBook) {
		t.Fatalf("Build with Source.Load:\n got %+v\nwant %+v", lazyBook, book)
	}
	return book
}

// lazy gives every source of in a Load returning its Filled, and no Filled.
func lazy(in Input) Input {
	sources := func(m map[string]Source) map[string]Source {
		if m == nil {
			return nil
		}
		out := make(map[string]Source, len(m))
		for unit, src := range m {
			filled := src.Filled
			src.Filled = form.Filled{}
			src.Load = func() (form.Filled, error) { return filled, nil }
			out[unit] = src
		}
		return out
	}
	periods := func(m map[period.Period]map[string]Source) map[period.Period]map[string]Source {
		if m == nil {
			return nil
		}
		out := make(map[period.Period]map[string]Source, len(m))
		for p, units := range m {
			out[p] = sources(units)
		}
		return out
	}
	in.Current, in.Previous, in.LastYear = sources(in.Current), sources(in.Previous), sources(in.LastYear)
	in.Earlier, in.LastYearEarlier = periods(in.Earlier), periods(in.LastYearEarlier)
	return in
}

// row returns the summary row with the given code of the first summary table.
func row(t testing.TB, book Book, code string) SummaryRow {
	t.Helper()
	for _, r := range book.Summary[0].Rows {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no summary row %q", code)
	return SummaryRow{}
}

var none = Value{}

func val(v float64) Value { return Value{V: v, OK: true} }

func sameValue(got, want Value) bool {
	if got.OK != want.OK {
		return false
	}
	return !got.OK || math.Abs(got.V-want.V) <= 1e-9*math.Max(1, math.Abs(want.V))
}

func checkValue(t testing.TB, what string, got, want Value) {
	t.Helper()
	if !sameValue(got, want) {
		t.Errorf("%s: got %+v, want %+v", what, got, want)
	}
}

func warningsWith(book Book, code string) []Warning {
	var out []Warning
	for _, w := range book.Warnings {
		if w.Code == code {
			out = append(out, w)
		}
	}
	return out
}

var abc = []Unit{{Code: "A", Name: "Phòng A"}, {Code: "B", Name: "Phòng B"}, {Code: "C", Name: "Phòng C"}}

func mustFloat(t testing.TB, s string) float64 {
	t.Helper()
	v, bad := parseFigure(s)
	if bad || !v.OK {
		t.Fatalf("not a number: %q", s)
	}
	return v.V
}
