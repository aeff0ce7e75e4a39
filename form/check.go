package form

import (
	"fmt"
	"strings"
)

// PeriodKinds lists the period kinds a form may cover, as written in the configuration.
// "once" (one-off requests only) stands alone: any form can get one-off requests, "once"
// means it gets nothing else.
var PeriodKinds = []string{"week", "month", "quarter", "half", "9m", "year", "once"}

var columnTypes = map[ColumnType]bool{
	Text: true, Integer: true, Decimal: true, Percent: true, Date: true, Choice: true, Email: true, Phone: true,
}

var aggregates = map[string]bool{"": true, "sum": true, "avg": true, "min": true, "max": true, "none": true}

// Check returns every problem of the form's definition, each prefixed with its key path
// relative to the form (for example `tables[0].columns[2].type: "money" is not a column type`).
func (f *Form) Check() []string {
	var out []string
	add := func(path, format string, args ...any) {
		out = append(out, path+": "+fmt.Sprintf(format, args...))
	}
	if strings.TrimSpace(f.Code) == "" {
		add("code", "is required")
	}
	if strings.TrimSpace(f.Title) == "" {
		add("title", "is required")
	}
	if f.Version < 1 {
		add("version", "must be 1 or more, got %d", f.Version)
	}
	if len(f.Period) == 0 {
		add("period", "is required: one of %s, or a list of them", strings.Join(PeriodKinds, ", "))
	}
	for i, k := range f.Period {
		switch {
		case !contains(PeriodKinds, k):
			add("period", "%q is not one of %s", k, strings.Join(PeriodKinds, ", "))
		case contains(f.Period[:i], k):
			add("period", "%q is listed twice", k)
		case k == "once" && len(f.Period) > 1:
			add("period", "\"once\" stands alone: any form can get one-off requests; \"once\" means only them")
		}
	}
	if len(f.Tables)+len(f.Indicators)+len(f.Narrative) == 0 {
		add("tables", "a form needs at least one table, indicator table or narrative section")
	}
	seen := map[string]string{}
	claim := func(path, key string) {
		if !ValidKey(key) {
			add(path+".key", "%q must be lowercase ASCII letters, digits or _ (starting with a letter)", key)
			return
		}
		if prev, dup := seen[key]; dup {
			add(path+".key", "%q is already used by %s", key, prev)
		}
		seen[key] = path
	}
	for i, t := range f.Tables {
		path := fmt.Sprintf("tables[%d]", i)
		claim(path, t.Key)
		out = append(out, checkColumns(path, t.Columns)...)
		if t.MinRows < 0 || t.FreeRows < 0 || t.MaxRows < 0 {
			add(path, "min_rows, free_rows and max_rows cannot be negative")
		}
	}
	for i, it := range f.Indicators {
		path := fmt.Sprintf("indicators[%d]", i)
		claim(path, it.Key)
		out = append(out, checkColumns(path, it.Columns)...)
		out = append(out, checkIndicatorRows(path, it.Rows)...)
	}
	for i, s := range f.Narrative {
		claim(fmt.Sprintf("narrative[%d]", i), s.Key)
	}
	return out
}

func checkColumns(path string, cols []Column) []string {
	var out []string
	if len(cols) == 0 {
		out = append(out, path+".columns: at least one column is required")
	}
	keys := map[string]bool{}
	for j, c := range cols {
		cp := fmt.Sprintf("%s.columns[%d]", path, j)
		if !ValidKey(c.Key) {
			out = append(out, fmt.Sprintf("%s.key: %q must be lowercase ASCII letters, digits or _", cp, c.Key))
		} else if keys[c.Key] {
			out = append(out, fmt.Sprintf("%s.key: %q appears twice", cp, c.Key))
		}
		keys[c.Key] = true
		if strings.TrimSpace(c.Title) == "" {
			out = append(out, cp+".title: is required")
		}
		if !columnTypes[c.Type] {
			out = append(out, fmt.Sprintf("%s.type: %q is not a column type (text, integer, decimal, percent, date, choice, email, phone)", cp, c.Type))
		}
		if c.Type == Choice && len(c.Choices) == 0 {
			out = append(out, cp+".choices: a choice column needs its list of choices")
		}
		if c.Min != nil && c.Max != nil && *c.Min > *c.Max {
			out = append(out, fmt.Sprintf("%s: min %v is greater than max %v", cp, *c.Min, *c.Max))
		}
	}
	return out
}

func checkIndicatorRows(path string, rows []Indicator) []string {
	var out []string
	if len(rows) == 0 {
		out = append(out, path+".rows: at least one indicator is required")
	}
	codes := map[string]bool{}
	for _, r := range rows {
		codes[r.Code] = true
	}
	seen := map[string]bool{}
	for j, r := range rows {
		rp := fmt.Sprintf("%s.rows[%d]", path, j)
		switch {
		case strings.TrimSpace(r.Code) == "":
			out = append(out, rp+".code: is required")
		case seen[r.Code]:
			out = append(out, fmt.Sprintf("%s.code: %q appears twice", rp, r.Code))
		}
		seen[r.Code] = true
		if strings.TrimSpace(r.Name) == "" {
			out = append(out, rp+".name: is required")
		}
		if !aggregates[r.Aggregate] {
			out = append(out, fmt.Sprintf("%s.aggregate: %q is not one of sum, avg, min, max, none", rp, r.Aggregate))
		}
		for k, child := range r.Children {
			if !codes[child] || child == r.Code {
				out = append(out, fmt.Sprintf("%s.children[%d]: %q is not another indicator of this table", rp, k, child))
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
