package consolidate

import (
	"fmt"
	"maps"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// gathered is what the book keeps of the counted units' submissions, read unit by unit.
type gathered struct {
	indicators map[string]map[string]map[string]map[string]string // unit → its Filled.Indicators
	lists      []ListTable
	narrative  []NarrativeSection
}

// gather reads each counted unit's submission once, in unit order (and its previous one,
// for tasks carried over), and keeps what the book needs of it: its indicator figures, its
// list rows with their values in column order, and its narrative texts. A submission given
// through Source.Load is let go before the next unit's is read, so that memory holds the
// book and one unit's content, not every unit's.
func (b *builder) gather() (gathered, error) {
	f := &b.in.Form
	g := gathered{indicators: make(map[string]map[string]map[string]map[string]string, len(b.counted)),
		lists: newLists(f), narrative: make([]NarrativeSection, 0, len(f.Narrative))}
	for _, s := range f.Narrative {
		g.narrative = append(g.narrative, NarrativeSection{Key: s.Key, Title: s.Title})
	}
	for n, u := range b.counted {
		cur, err := content(b.in.Current[u.Code])
		if err != nil {
			return g, fmt.Errorf("unit %s: %w", u.Code, err)
		}
		g.indicators[u.Code] = cur.Indicators
		for i, s := range f.Narrative {
			if text := cur.Narrative[s.Key]; strings.TrimSpace(text) != "" {
				g.narrative[i].Entries = append(g.narrative[i].Entries, NarrativeEntry{Unit: u.Code, Name: u.Name, Text: text})
			}
		}
		if len(f.Tables) == 0 {
			continue
		}
		var prev *form.Filled
		if src, ok := b.in.Previous[u.Code]; ok {
			p, err := content(src)
			if err != nil {
				return g, fmt.Errorf("unit %s, previous period: %w", u.Code, err)
			}
			prev = &p
		}
		for i := range f.Tables {
			b.addRows(&g.lists[i], &f.Tables[i], u.Code, &cur, prev, len(b.counted)-n)
		}
	}
	return g, nil
}

// content is a source's submission: Filled, or what Load reads.
func content(src Source) (form.Filled, error) {
	if src.Load == nil {
		return src.Filled, nil
	}
	return src.Load()
}

// loadHistory returns in with the sources of earlier periods and last year read through
// their Load: they are used table by table and period by period, and hold a few figures each.
func loadHistory(in Input) (Input, error) {
	var err error
	if in.LastYear, err = loadAll(in.LastYear); err != nil {
		return in, err
	}
	if in.Earlier, err = loadPeriods(in.Earlier); err != nil {
		return in, err
	}
	in.LastYearEarlier, err = loadPeriods(in.LastYearEarlier)
	return in, err
}

func loadPeriods(m map[period.Period]map[string]Source) (map[period.Period]map[string]Source, error) {
	var out map[period.Period]map[string]Source
	for p, units := range m {
		loaded, err := loadAll(units)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if out == nil {
			out = make(map[period.Period]map[string]Source, len(m))
		}
		out[p] = loaded
	}
	if out == nil {
		return m, nil // keeps nil and empty apart: a nil LastYearEarlier computes nothing
	}
	return out, nil
}

// loadAll returns m itself when no source has a Load, else a copy with every Filled read.
func loadAll(m map[string]Source) (map[string]Source, error) {
	var out map[string]Source
	for unit, src := range m {
		if src.Load == nil {
			continue
		}
		if out == nil {
			out = maps.Clone(m)
		}
		f, err := src.Load()
		if err != nil {
			return nil, fmt.Errorf("unit %s: %w", unit, err)
		}
		src.Filled, src.Load = f, nil
		out[unit] = src
	}
	if out == nil {
		return m, nil
	}
	return out, nil
}
