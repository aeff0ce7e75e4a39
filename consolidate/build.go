package consolidate

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/tonghop/tonghop/period"
)

// builder holds what one Build call derives from its input, and the warnings it gathers.
type builder struct {
	in      Input
	expect  []Unit // expected units, each code once, in configuration order
	counted []Unit // expected units with a counted submission for in.Period
	// earlier and lastYearEarlier are the usable periods of in.Earlier and
	// in.LastYearEarlier, in time order.
	earlier, lastYearEarlier []dated
	// due and lastYearDue are every period of in.Period's kind in its year (ISO year for
	// weeks) before it, and the same for last year's period: those a year to date needs.
	due, lastYearDue []period.Period
	history          historyUse
	keys             *contentKeys
	// indicators are the counted units' indicator figures (unit → table → code → column →
	// text), kept from their submissions when gathered.
	indicators map[string]map[string]map[string]map[string]string
	warnings   []Warning
}

// Build computes the consolidated book. It fails only on an input no book can be made of: an
// invalid period, or a period of another kind than the form's.
func Build(in Input) (Book, error) {
	if err := in.Period.Valid(); err != nil {
		return Book{}, fmt.Errorf("consolidate %s: %w", in.Form.Code, err)
	}
	// Any form may be asked for a one-off period (tonghop request); other periods are of the
	// form's kinds.
	if len(in.Form.Period) > 0 && in.Period.Kind != period.Once && !in.Form.Period.Has(string(in.Period.Kind)) {
		return Book{}, fmt.Errorf("consolidate %s: form is reported by %s, period %s is a %s",
			in.Form.Code, in.Form.Period, in.Period, in.Period.Kind)
	}
	in, err := loadHistory(in)
	if err != nil {
		return Book{}, fmt.Errorf("consolidate %s %s: %w", in.Form.Code, in.Period, err)
	}
	b := newBuilder(in)
	g, err := b.gather()
	if err != nil {
		return Book{}, fmt.Errorf("consolidate %s %s: %w", in.Form.Code, in.Period, err)
	}
	b.indicators = g.indicators
	book := Book{
		Form:       in.Form,
		Period:     in.Period,
		Missing:    b.missing(),
		Summary:    b.summaries(),
		Lists:      g.lists,
		Narrative:  g.narrative,
		Provenance: b.provenance(),
	}
	book.History = b.history.sources(b.counted)
	book.Warnings = b.warnings
	return book, nil
}

func newBuilder(in Input) *builder {
	b := &builder{in: in, keys: newContentKeys()}
	seen := make(map[string]bool, len(in.Units))
	for _, u := range in.Units {
		if seen[u.Code] {
			b.warn(u.Code, WarnDuplicateUnit, msgDuplicateUnit(u.Code))
			continue
		}
		seen[u.Code] = true
		b.expect = append(b.expect, u)
		if _, ok := in.Current[u.Code]; ok {
			b.counted = append(b.counted, u)
		}
	}
	for _, code := range sortedKeys(in.Current) {
		if !seen[code] {
			b.warn(code, WarnUnexpectedUnit, msgUnexpectedUnit(code))
		}
	}
	b.earlier = periodsBefore(in.Earlier, in.Period)
	b.lastYearEarlier = periodsBefore(in.LastYearEarlier, in.Period.SameLastYear())
	b.due = dueBefore(in.Period)
	b.lastYearDue = dueBefore(in.Period.SameLastYear())
	return b
}

func (b *builder) warn(unit, code, message string) {
	b.warnings = append(b.warnings, Warning{Unit: unit, Code: code, Message: message})
}

// missing lists the expected units without a counted submission.
func (b *builder) missing() []Unit {
	var out []Unit
	for _, u := range b.expect {
		if _, ok := b.in.Current[u.Code]; !ok {
			out = append(out, u)
		}
	}
	return out
}

// provenance lists the counted sources, each named by the unit code it is counted for. A
// source read through Load is listed without it (and without its content): the book does not
// keep the caller's reader alive.
func (b *builder) provenance() []Source {
	out := make([]Source, 0, len(b.counted))
	for _, u := range b.counted {
		src := b.in.Current[u.Code]
		if src.Unit == "" {
			src.Unit = u.Code
		}
		src.Load = nil
		out = append(out, src)
	}
	return out
}

// dated is one period's submissions by unit code.
type dated struct {
	period period.Period
	units  map[string]Source
}

// periodsBefore returns the periods of m that lie in p's year (ISO year for weeks), are of
// p's kind and come before p, in time order. Others cannot count towards p's year to date.
func periodsBefore(m map[period.Period]map[string]Source, p period.Period) []dated {
	var out []dated
	for q, units := range m {
		if q.Kind == p.Kind && q.Year == p.Year && q.N < p.N {
			out = append(out, dated{period: q, units: units})
		}
	}
	slices.SortFunc(out, func(x, y dated) int { return cmp.Compare(x.period.N, y.period.N) })
	return out
}

// dueBefore lists the periods of p's kind in p's year (ISO year for weeks) before p, in time
// order: the periods whose figures p's year to date adds up.
func dueBefore(p period.Period) []period.Period {
	var out []period.Period
	for _, q := range period.InYear(p.Kind, p.Year) {
		if q.N < p.N {
			out = append(out, q)
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
