package form

import (
	"strings"
	"testing"
)

func TestBuiltins_Check(t *testing.T) {
	for code, f := range Builtins() {
		if problems := f.Check(); len(problems) > 0 {
			t.Errorf("%s: got problems %v, want none", code, problems)
		}
	}
}

func TestForm_Check(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(f *Form)
		want  string
	}{
		{"NoCode", func(f *Form) { f.Code = " " }, "code: is required"},
		{"Period", func(f *Form) { f.Period = Kinds{"fortnight"} }, `period: "fortnight" is not one of`},
		{"PeriodTwice", func(f *Form) { f.Period = Kinds{"month", "quarter", "month"} }, `period: "month" is listed twice`},
		{"OnceNotAlone", func(f *Form) { f.Period = Kinds{"once", "month"} }, `period: "once" stands alone`},
		{"Version", func(f *Form) { f.Version = 0 }, "version: must be 1 or more"},
		{"KeyTwice", func(f *Form) { f.Narrative[1].Key = "kcn" }, `narrative[1].key: "kcn" is already used by indicators[0]`},
		{"BadKey", func(f *Form) { f.Narrative[0].Key = "Kết quả" }, `narrative[0].key: "Kết quả" must be lowercase`},
		{"ColumnType", func(f *Form) { f.Indicators[0].Columns[0].Type = "money" }, `indicators[0].columns[0].type: "money" is not a column type`},
		{"MinOverMax", func(f *Form) { f.Indicators[0].Columns[0].Max = f64(-1) }, "indicators[0].columns[0]: min 0 is greater than max -1"},
		{"Child", func(f *Form) { f.Indicators[0].Rows[0].Children = []string{"9"} }, `indicators[0].rows[0].children[0]: "9" is not another indicator`},
		{"CodeTwice", func(f *Form) { f.Indicators[0].Rows[2].Code = "1" }, `indicators[0].rows[2].code: "1" appears twice`},
		{"Aggregate", func(f *Form) { f.Indicators[0].Rows[3].Aggregate = "median" }, `indicators[0].rows[3].aggregate: "median" is not one of`},
	}
	for _, kinds := range []Kinds{{"once"}, {"week", "month", "quarter", "half", "9m", "year"}} {
		f := Builtins()["BM.02.01/KH"]
		f.Period = kinds
		if problems := f.Check(); problems != nil {
			t.Errorf("period %s: %v", kinds, problems)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Builtins()["BM.02.01/KH"]
			tt.spoil(&f)
			problems := f.Check()
			found := false
			for _, p := range problems {
				found = found || strings.HasPrefix(p, tt.want)
			}
			if !found {
				t.Errorf("got %v, want a problem starting %q", problems, tt.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	if got, want := Slug("BM.04.01/KH"), "BM.04.01-KH"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
