// Package prefill decides what a unit's template starts with, from what the unit sent before:
// the tasks it planned for the period, listed in the results sheet to be marked done or carried
// over, and the annual plan figures it gave, so that it does not type them again. It is pure:
// the caller reads the unit's counted submissions and writes the result into the template as
// values the unit can correct (templates.Generate), never as locked cells.
package prefill

import (
	"slices"

	"github.com/tonghop/tonghop/form"
)

// The keys the pre-fill draws on: a work program's tasks table and its results table, and the
// plan column of indicator tables ("Kế hoạch năm").
const (
	TasksTable   = "tasks"
	ResultsTable = "results"
	ContentCol   = "content"
	PlanCol      = "plan"
)

// Sources are the unit's counted submissions a template draws on.
type Sources struct {
	Previous *form.Filled  // the period before (same kind): the tasks it planned; nil: none
	Earlier  []form.Filled // the form's earlier periods of the same year, oldest first
}

// Build returns what the template of f starts with, or nil: in the table keyed "results", one row
// per row of Previous's table "tasks" with a content (column "content" copied, "status" and the
// rest left blank, in line order); in each indicator table with a "plan" column, every indicator's
// latest non-blank plan figure from Earlier ("Kế hoạch năm").
func Build(f form.Form, src Sources) *form.Filled {
	out := form.Filled{}
	if rows := tasks(f, src.Previous); len(rows) > 0 {
		out.Tables = map[string][]form.Row{ResultsTable: rows}
	}
	for _, it := range f.Indicators {
		if plans := planFigures(it, src.Earlier); len(plans) > 0 {
			if out.Indicators == nil {
				out.Indicators = map[string]map[string]map[string]string{}
			}
			out.Indicators[it.Key] = plans
		}
	}
	if out.Tables == nil && out.Indicators == nil {
		return nil
	}
	return &out
}

// NeedsPrevious reports whether f's template lists last period's tasks, so the caller reads
// the previous submission only then.
func NeedsPrevious(f form.Form) bool {
	r, ok := f.Table(ResultsTable)
	return ok && hasColumn(r.Columns, ContentCol)
}

// NeedsEarlier reports whether f has an indicator table with a plan column.
func NeedsEarlier(f form.Form) bool {
	for _, it := range f.Indicators {
		if hasColumn(it.Columns, PlanCol) {
			return true
		}
	}
	return false
}

// tasks are the results rows of f listing the tasks prev planned, in the order of its sheet.
func tasks(f form.Form, prev *form.Filled) []form.Row {
	if prev == nil || !NeedsPrevious(f) {
		return nil
	}
	var out []form.Row
	for _, r := range sortedByLine(prev.Tables[TasksTable]) {
		if c := r.Values[ContentCol]; c != "" {
			out = append(out, form.Row{Values: map[string]string{ContentCol: c}})
		}
	}
	return out
}

// planFigures are, by indicator code of it, the latest non-blank plan figure of earlier.
func planFigures(it form.IndicatorTable, earlier []form.Filled) map[string]map[string]string {
	if !hasColumn(it.Columns, PlanCol) {
		return nil
	}
	out := map[string]map[string]string{}
	for _, e := range earlier {
		for _, row := range it.Rows {
			if v := e.Indicators[it.Key][row.Code][PlanCol]; v != "" {
				out[row.Code] = map[string]string{PlanCol: v}
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func sortedByLine(rows []form.Row) []form.Row {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b form.Row) int { return a.Line - b.Line })
	return out
}

func hasColumn(cs []form.Column, key string) bool {
	for _, c := range cs {
		if c.Key == key {
			return true
		}
	}
	return false
}
