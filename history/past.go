package history

import (
	"slices"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
)

// PastFigures are the figures of a unit's workbook of a past period to record: every value of
// its indicator tables (this period's figure, and also the plan, the year to date and the
// last year's figure it typed), in table, indicator and column order. The workbook must have
// been judged valid, as the daemon judges it.
func PastFigures(formCode, unit, periodName string, filled form.Filled) []ledger.ImportedFigure {
	var out []ledger.ImportedFigure
	for _, table := range sortedKeys(filled.Indicators) {
		rows := filled.Indicators[table]
		for _, code := range sortedKeys(rows) {
			cols := rows[code]
			for _, col := range sortedKeys(cols) {
				if v := cols[col]; strings.TrimSpace(v) != "" {
					out = append(out, ledger.ImportedFigure{Form: formCode, Unit: unit, Period: periodName,
						Table: table, Code: code, Column: col, Value: v})
				}
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
