package consolidate

import (
	"strings"

	"github.com/tonghop/tonghop/period"
)

// The rules of year to date and last year's figures, unit by unit (doc.go says them in words).

// yearToDate is a unit's year to date of an indicator: rebuilt from the ledger when it has the
// unit's figure for every earlier period of the year, else what the unit typed, else unknown;
// missing lists the periods the ledger lacks.
func (x tableReader) yearToDate(u *unitSheets, code, rule string, now, own Value) (v Value, basis Basis, missing []period.Period) {
	if rule == ruleNone {
		return Value{}, BasisNone, nil
	}
	if x.b.in.Period.Kind == period.Once { // a one-off request has no year of periods to add up
		if own.OK {
			return own, BasisTyped, nil
		}
		return Value{}, BasisMissing, nil
	}
	v, basis, missing = x.rebuild(u.code, u.earlier, x.b.due, code, rule, now)
	switch {
	case len(missing) == 0:
		return v, basis, nil
	case own.OK:
		return own, BasisTyped, missing
	}
	return Value{}, BasisMissing, missing
}

// rebuild combines by rule the unit's figures of the due periods, in time order, and then
// now. It is BasisLedger, or BasisImported when imported history stands for a period; when
// the ledger lacks the unit's figure for a due period it gives no figure and the periods
// lacking, never a partial sum.
func (x tableReader) rebuild(unit string, have map[period.Period]*sheet, due []period.Period, code, rule string, now Value) (Value, Basis, []period.Period) {
	var missing []period.Period
	var used []*sheet
	for _, q := range due {
		s := have[q]
		if s == nil || !s.covers(code, x.r.period) {
			missing = append(missing, q)
			continue
		}
		used = append(used, s)
	}
	if len(missing) > 0 {
		return Value{}, BasisMissing, missing
	}
	acc := newAccumulator(rule)
	basis := BasisLedger
	for _, s := range used {
		acc.add(x.figure(unit, *s, code, x.r.period))
		if s.imports != nil {
			basis = BasisImported
			x.b.history.use(unit, s)
		}
	}
	acc.add(now)
	return acc.result(), basis, nil
}

// lastYear is a unit's figure of the same period last year: the ledger's when it has the
// unit's figure for that period, else what the unit typed, else unknown.
func (x tableReader) lastYear(u *unitSheets, code string, own Value) (Value, Basis) {
	if s := u.lastYear; s != nil && s.covers(code, x.r.period) {
		if s.imports == nil {
			return x.figure(u.code, *s, code, x.r.period), BasisLedger
		}
		x.b.history.use(u.code, s)
		return x.figure(u.code, *s, code, x.r.period), BasisImported
	}
	if own.OK {
		return own, BasisTyped
	}
	return Value{}, BasisMissing
}

// lastYearYTD is a unit's year to date of last year's period, rebuilt like this year's from
// the ledger; with no typed figure to fall back on, it is unknown unless the ledger has every
// period of last year up to that one.
func (x tableReader) lastYearYTD(u *unitSheets, code, rule string, lastYear Value, basis Basis) (Value, Basis) {
	switch {
	case rule == ruleNone:
		return Value{}, BasisNone
	case basis != BasisLedger && basis != BasisImported:
		return Value{}, BasisMissing
	}
	v, b, missing := x.rebuild(u.code, u.lastYearEarlier, x.b.lastYearDue, code, rule, lastYear)
	if len(missing) > 0 {
		return Value{}, BasisMissing
	}
	if basis == BasisImported {
		b = BasisImported
	}
	return v, b
}

// total combines the counted units' figures of one kind by the indicator's rule. One unknown
// figure (BasisMissing) makes the total unknown: a total that leaves a unit out is not the
// office's figure.
type total struct {
	acc     accumulator
	bases   Bases
	unknown bool
}

func newTotal(rule string) total { return total{acc: newAccumulator(rule)} }

func (t *total) add(v Value, b Basis) {
	t.bases.add(b)
	if b == BasisMissing {
		t.unknown = true
		return
	}
	t.acc.add(v)
}

func (t *total) result() Value {
	if t.unknown {
		return Value{}
	}
	return t.acc.result()
}

// missingYTD gathers, for one indicator table, the indicators whose year to date is unknown,
// by unit and by the periods lacking, so the clerk reads one warning per unit and gap rather
// than one per indicator.
type missingYTD map[string][]missingGroup

type missingGroup struct {
	periods []period.Period
	codes   []string
}

func (m *missingYTD) add(unit, code string, periods []period.Period) {
	if *m == nil {
		*m = missingYTD{}
	}
	groups := (*m)[unit]
	key := periodsKey(periods)
	for i := range groups {
		if periodsKey(groups[i].periods) == key {
			groups[i].codes = append(groups[i].codes, code)
			return
		}
	}
	(*m)[unit] = append(groups, missingGroup{periods: periods, codes: []string{code}})
}

// warn adds the warnings, counted unit by counted unit.
func (m missingYTD) warn(b *builder) {
	for _, u := range b.counted {
		for _, g := range m[u.Code] {
			b.warn(u.Code, WarnYTDMissing, msgYTDMissing(u.Code, g.codes, g.periods))
		}
	}
}

func periodsKey(ps []period.Period) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString(p.String())
		sb.WriteByte(' ')
	}
	return sb.String()
}
