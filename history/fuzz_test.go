package history

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// FuzzReadOpening feeds ReadOpening arbitrary bytes, seeded with real opening workbooks: it
// must answer with a sentinel error and one explained problem, or a report whose figures, when
// it has no error, are each a number of a unit, indicator and period of the workbook; and never
// panic (a panic recovered shows as "panic:" in the error).
func FuzzReadOpening(f *testing.F) {
	b := testBook(f)
	blank := writeBook(f, b, testKey)
	f.Add(blank)
	f.Add(fill(f, blank, entry("QLDN", "2", mustPeriod(f, "2026-01"), "1.234,5"), entry("QHXD", "7", mustPeriod(f, "2025-12"), 3)))
	f.Add(unitTemplate(f, b))
	f.Add([]byte("PK\x03\x04"))
	units := map[string]bool{}
	for _, u := range b.Units {
		units[u.Code] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Small limits keep each run fast; the reader's defaults are templates'.
		got, rep, err := ReadOpening(context.Background(), data, catalog(b), testKey,
			templates.Limits{MaxCells: 20000, MaxXMLBytes: 1 << 20, MaxUnzipBytes: 4 << 20})
		switch {
		case errors.Is(err, ErrNotOpening):
			return
		case err != nil:
			if !errors.Is(err, templates.ErrUnreadable) || strings.Contains(err.Error(), "panic:") {
				t.Fatalf("got err %v, want a sentinel", err)
			}
			if rep == nil || len(rep.Errors) != 1 || rep.Errors[0].Message == "" {
				t.Fatalf("got %+v, want one explained problem", rep)
			}
			return
		}
		if len(rep.Errors) > maxProblems+1 {
			t.Fatalf("got %d errors, want at most %d", len(rep.Errors), maxProblems+1)
		}
		if len(rep.Errors) > 0 || got == nil {
			return
		}
		for _, fig := range got.Figures {
			if _, err := strconv.ParseFloat(fig.Value, 64); err != nil || !units[fig.Unit] || fig.Form != b.Form.Code ||
				!slices.ContainsFunc(got.Periods, func(p period.Period) bool { return p.String() == fig.Period }) {
				t.Fatalf("figure %+v of a workbook without errors", fig)
			}
		}
	})
}
