package report

import (
	"fmt"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// addImported adds to in the figures of past periods imported from files of history (tonghop
// import), as sources marked imported, for each unit and period the ledger has no counted
// submission of: a unit's own file always wins over an import for the same period. The
// periods are those a year to date and last year's figures need: this year's before
// in.Period, and last year's up to the same period.
func (r *sourceReader) addImported(in *consolidate.Input) error {
	targets := importTargets(in)
	names := make([]string, 0, len(targets))
	for q := range targets {
		names = append(names, q.String())
	}
	figures, err := r.l.ImportedFigures(r.ctx, r.form, names, r.asOf)
	if err != nil {
		return err
	}
	for key, src := range importedSources(figures) {
		q, err := period.Parse(key.period)
		if err != nil {
			return fmt.Errorf("imported figures of %s %s: %w", r.form, key.period, err)
		}
		m := targets[q]
		if _, sent := m[key.unit]; !sent {
			m[key.unit] = src
		}
	}
	return nil
}

// importTargets maps each period history may stand for to the map of in its sources go in.
func importTargets(in *consolidate.Input) map[period.Period]map[string]consolidate.Source {
	last := in.Period.SameLastYear()
	if in.LastYear == nil {
		in.LastYear = map[string]consolidate.Source{}
	}
	out := map[period.Period]map[string]consolidate.Source{last: in.LastYear}
	in.Earlier = withPeriodsBefore(in.Earlier, in.Period, out)
	in.LastYearEarlier = withPeriodsBefore(in.LastYearEarlier, last, out)
	return out
}

// withPeriodsBefore gives m a map for every period of p's year before p, and records each in
// targets.
func withPeriodsBefore(m map[period.Period]map[string]consolidate.Source, p period.Period, targets map[period.Period]map[string]consolidate.Source) map[period.Period]map[string]consolidate.Source {
	if m == nil {
		m = map[period.Period]map[string]consolidate.Source{}
	}
	for _, q := range period.InYear(p.Kind, p.Year) {
		if q.N >= p.N {
			break
		}
		if m[q] == nil {
			m[q] = map[string]consolidate.Source{}
		}
		targets[q] = m[q]
	}
	return m
}

type unitPeriod struct{ unit, period string }

// importedSources groups figures into one source per unit and period, naming each file its
// figures come from once, oldest import first.
func importedSources(figures []ledger.ImportedFigure) map[unitPeriod]consolidate.Source {
	out := map[unitPeriod]consolidate.Source{}
	seen := map[unitPeriod]map[int64]bool{}
	for _, f := range figures {
		key := unitPeriod{f.Unit, f.Period}
		src, ok := out[key]
		if !ok {
			src = consolidate.Source{Unit: f.Unit, Filled: form.Filled{Indicators: map[string]map[string]map[string]string{}}}
			seen[key] = map[int64]bool{}
		}
		table := src.Filled.Indicators[f.Table]
		if table == nil {
			table = map[string]map[string]string{}
			src.Filled.Indicators[f.Table] = table
		}
		if table[f.Code] == nil {
			table[f.Code] = map[string]string{}
		}
		table[f.Code][f.Column] = f.Value
		if !seen[key][f.Import.ID] {
			seen[key][f.Import.ID] = true
			src.Imports = insertImport(src.Imports, f.Import)
		}
		out[key] = src
	}
	return out
}

// insertImport adds imp to imps, kept in the order of the imports.
func insertImport(imps []consolidate.Import, imp ledger.Import) []consolidate.Import {
	ci := consolidate.Import{Kind: string(imp.Kind), FileName: imp.FileName, SHA256: imp.FileSHA256,
		ImportedAt: imp.At, By: imp.By}
	i := len(imps)
	for i > 0 && imps[i-1].ImportedAt.After(imp.At) {
		i--
	}
	return append(imps[:i], append([]consolidate.Import{ci}, imps[i:]...)...)
}
