package office

import (
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// DraftLetter describes a draft for the letters about it: units counted and missing, and what
// changed since the previous version (nil: the first).
func (o *Office) DraftLetter(f *config.Form, p period.Period, draft ledger.Draft, warnings int, previous *ledger.Draft) letters.Draft {
	units := o.FormUnits(f)
	md := letters.Draft{
		Office: o.Letterhead(), Request: letters.Request{FormCode: f.Code, FormTitle: f.Title, Period: o.PeriodLabel(f, p)},
		Period: p.String(), Version: draft.Version, FileName: draft.FileName, DocName: draft.DocName,
		Expected: len(units), Warnings: warnings,
	}
	counted, missing := UnitsByBasis(units, draft.Basis)
	md.Counted, md.Missing = UnitNames(counted), UnitNames(missing)
	if previous != nil {
		md.Changes = basisChanges(units, previous.Basis, draft.Basis)
	}
	return md
}

// UnitsByBasis splits the expected units, in configuration order, into those a draft with this
// basis counts and those it misses.
func UnitsByBasis(units []config.Unit, basis map[string]int) (counted, missing []config.Unit) {
	for _, u := range units {
		if _, ok := basis[u.Code]; ok {
			counted = append(counted, u)
		} else {
			missing = append(missing, u)
		}
	}
	return counted, missing
}

// UnitNames lists the units' names, in order.
func UnitNames(units []config.Unit) []string {
	names := make([]string, 0, len(units))
	for _, u := range units {
		names = append(names, u.Name)
	}
	return names
}

// basisChanges says, unit by unit in configuration order, what a new draft counts differently.
func basisChanges(units []config.Unit, old, now map[string]int) []string {
	var out []string
	for _, u := range units {
		was, had := old[u.Code]
		is, has := now[u.Code]
		switch {
		case has && !had:
			out = append(out, letters.UnitAdded(u.Name, is))
		case has && is != was:
			out = append(out, letters.UnitResent(u.Name, is, was))
		case had && !has:
			out = append(out, letters.UnitDropped(u.Name))
		}
	}
	return out
}

// People names configured people for letters.
func People(ps []config.Person) []letters.Person {
	out := make([]letters.Person, len(ps))
	for i, p := range ps {
		out[i] = letters.Person{Title: p.Title, Name: p.Name}
	}
	return out
}
