package reportbook

import "github.com/tonghop/tonghop/consolidate"

// The notes under each summary table say, for the year to date and the same period last
// year, which units' figures the ledger rebuilt from their files, which it rebuilt with
// figures imported from files of history, which the units typed themselves and which are
// unknown, so that nobody reads a typed or blank figure as the ledger's.

// noteOrder is the order the bases are told in: what needs a reader's attention first.
var noteOrder = []consolidate.Basis{consolidate.BasisTyped, consolidate.BasisMissing,
	consolidate.BasisImported, consolidate.BasisLedger}

// figureBasis picks one figure's basis from a unit's figures.
type figureBasis func(consolidate.UnitFigures) consolidate.Basis

func ytdBasis(f consolidate.UnitFigures) consolidate.Basis      { return f.YTDBasis }
func lastYearBasis(f consolidate.UnitFigures) consolidate.Basis { return f.LastYearBasis }

// basisNotes are the notes under an indicator table: one for the year to date and one for
// last year's figures; none when no indicator of it is aggregated or no unit counted.
func (wb *workbook) basisNotes(t consolidate.SummaryTable) []string {
	var out []string
	if n := wb.basisNote(t, noteYTD, ytdBasis, ytdHow); n != "" {
		out = append(out, n)
	}
	if n := wb.basisNote(t, noteLastYear, lastYearBasis, lastYearHow); n != "" {
		out = append(out, n)
	}
	return out
}

func (wb *workbook) basisNote(t consolidate.SummaryTable, subject string, of figureBasis, how func(consolidate.Basis) string) string {
	var parts []notePart
	for _, b := range noteOrder {
		var names []string
		for _, src := range wb.book.Provenance { // the counted units, in order
			codes, total := codesWith(t, src.Unit, of, b)
			if len(codes) > 0 {
				names = append(names, unitWithCodes(wb.unitName(src.Unit), codes, len(codes) == total))
			}
		}
		if len(names) > 0 {
			parts = append(parts, notePart{units: names, how: how(b)})
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return basisNote(subject, parts, len(wb.book.Provenance) > 1)
}

// codesWith lists the aggregated indicators of t whose figure has basis b for the unit, and
// how many aggregated indicators the unit has figures of.
func codesWith(t consolidate.SummaryTable, unit string, of figureBasis, b consolidate.Basis) (codes []string, total int) {
	for _, r := range t.Rows {
		f, ok := r.PerUnit[unit]
		if !ok || r.Aggregate == "none" {
			continue
		}
		total++
		if of(f) == b {
			codes = append(codes, r.Code)
		}
	}
	return codes, total
}
