package prefill

import (
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/form"
)

func program() form.Form { return form.Builtins()["BM.04.01/KH"] }

func indicators() form.Form {
	return form.Form{Code: "KTXH/T", Indicators: []form.IndicatorTable{{Key: "ktxh",
		Columns: []form.Column{{Key: "plan"}, {Key: "period"}},
		Rows:    []form.Indicator{{Code: "1"}, {Code: "2"}}}}}
}

func filledTasks(rows ...form.Row) *form.Filled {
	return &form.Filled{Tables: map[string][]form.Row{"tasks": rows}}
}

func planOf(code, plan string) form.Filled {
	return form.Filled{Indicators: map[string]map[string]map[string]string{
		"ktxh": {code: {"plan": plan, "period": "5"}}}}
}

func TestBuild(t *testing.T) {
	task := func(line int, content string) form.Row {
		return form.Row{Line: line, Values: map[string]string{"content": content, "lead": "Phòng QLDN"}}
	}
	result := func(content string) form.Row { return form.Row{Values: map[string]string{"content": content}} }
	tests := []struct {
		name string
		f    form.Form
		src  Sources
		want *form.Filled
	}{
		{"Nothing", program(), Sources{}, nil},
		{"TasksInLineOrder", program(), Sources{Previous: filledTasks(task(9, "B"), task(8, "A"), task(10, ""))},
			&form.Filled{Tables: map[string][]form.Row{"results": {result("A"), result("B")}}}},
		{"NoResultsTable", form.Builtins()["BM.04.02/KH"], Sources{Previous: filledTasks(task(8, "A"))}, nil},
		{"LatestPlan", indicators(), Sources{Earlier: []form.Filled{planOf("1", "100"), planOf("1", "120"), planOf("2", "")}},
			&form.Filled{Indicators: map[string]map[string]map[string]string{"ktxh": {"1": {"plan": "120"}}}}},
		{"PlanKeptWhenLaterBlank", indicators(), Sources{Earlier: []form.Filled{planOf("1", "100"), planOf("1", "")}},
			&form.Filled{Indicators: map[string]map[string]map[string]string{"ktxh": {"1": {"plan": "100"}}}}},
		{"RowOfAnotherGroupLeftOut", form.Form{Indicators: []form.IndicatorTable{{Key: "ktxh",
			Columns: []form.Column{{Key: "plan"}}, Rows: []form.Indicator{{Code: "2"}}}}},
			Sources{Earlier: []form.Filled{planOf("1", "100")}}, nil},
		{"NoPlanColumn", form.Form{Indicators: []form.IndicatorTable{{Key: "ktxh",
			Columns: []form.Column{{Key: "period"}}, Rows: []form.Indicator{{Code: "1"}}}}},
			Sources{Earlier: []form.Filled{planOf("1", "100")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Build(tt.f, tt.src); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
