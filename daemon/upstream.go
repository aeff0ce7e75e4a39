package daemon

import (
	"context"
	"fmt"
	"maps"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/upstream"
)

// issuedBook recovers the consolidated book an issue counted, for the upstream stage: the
// issued draft's consolidation as the ledger stood when it was built, which counts exactly the
// draft's basis. A leader's edited workbook has figures no consolidation gives, and a basis
// that no longer comes out means the ledger changed under it: neither is guessed at
// (upstream.Unfillable), the clerks fill the upper template themselves.
func (d *Daemon) issuedBook(ctx context.Context, f *config.Form, p period.Period, is ledger.Issue) (consolidate.Book, error) {
	drafts, err := d.ledger.Drafts(ctx, f.Code, p.String())
	if err != nil {
		return consolidate.Book{}, err
	}
	for _, dr := range drafts {
		if dr.Version != is.Version {
			continue
		}
		if dr.Author != "" {
			return consolidate.Book{}, upstream.Unfillable{Why: letters.UpstreamWhyEdited}
		}
		in, basis, err := report.ConsolidationInput(ctx, d.o, d.ledger, f, p, dr.BuiltAt)
		if err != nil {
			return consolidate.Book{}, err
		}
		if !maps.Equal(basis, dr.Basis) {
			return consolidate.Book{}, upstream.Unfillable{Why: letters.UpstreamWhyChanged}
		}
		return consolidate.Build(in)
	}
	return consolidate.Book{}, fmt.Errorf("issued draft v%d of %s %s not found", is.Version, f.Code, p)
}
