package history

import (
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// Unit is a unit that reports on the form, as configured.
type Unit struct{ Code, Name string }

// Book is what one opening-figures workbook is about: the office, a form, the units that
// report on it (in configuration order) and the period the ledger takes over from.
type Book struct {
	Office  string
	Form    form.Form
	Units   []Unit
	Current period.Period
}

// Periods are the workbook's period columns (OpeningPeriods).
func (b Book) Periods() []period.Period { return OpeningPeriods(b.Current) }

// Layout of a sheet of the opening-figures workbook. Row 1 is hidden and machine-readable:
// above the unit code column, markerPrefix and the table's key; above the indicator code
// column, markerCode; above each figure column, its period ("2026-01"). The reader finds
// every column by this row, so a sheet renamed or a row inserted above the header still reads.
const (
	markerRow    = 1
	titleRow     = 2
	hintRow      = 3
	headerRow    = 5
	firstDataRow = 6

	colUnitCode    = 1
	colUnitName    = 2
	colCode        = 3
	colName        = 4
	colMeasure     = 5
	firstPeriodCol = 6

	markerPrefix = "#tonghop:"
	markerCode   = "#code"
)

// Identification, in the very hidden sheet templates.IdentSheet: key, value. The form is
// written with openingPrefix so that no reader of units' workbooks takes the file for one.
const (
	identKind     = "kind"
	identForm     = "form"
	identVersion  = "version"
	identPeriod   = "period"
	identTag      = "tag"
	kindOpening   = "opening"
	openingPrefix = "opening:"
)

// sheetPlan is one indicator table's sheet: its name and the column its figures fill.
type sheetPlan struct {
	name   string
	table  *form.IndicatorTable
	column form.Column
}

// sheetPlans plans a sheet for each indicator table that has a period column, named after
// the table (unique, within Excel's rules).
func sheetPlans(f *form.Form) []sheetPlan {
	used := map[string]bool{strings.ToLower(letters.OpeningCoverSheet): true, strings.ToLower(templates.IdentSheet): true}
	var out []sheetPlan
	for i := range f.Indicators {
		t := &f.Indicators[i]
		key := consolidate.PeriodColumn(t)
		if key == "" {
			continue
		}
		plan := sheetPlan{name: sheetName(t.Title, used), table: t}
		for _, c := range t.Columns {
			if c.Key == key {
				plan.column = c
			}
		}
		out = append(out, plan)
	}
	return out
}

// sheetName makes a table title a valid sheet name no earlier sheet uses: no []:*?/\, at
// most 31 characters.
func sheetName(title string, used map[string]bool) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(title))
	if base == "" {
		base = "Số liệu"
	}
	name := truncate(base, 31)
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := " (" + strconv.Itoa(n) + ")"
		name = truncate(base, 31-len([]rune(suffix))) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
