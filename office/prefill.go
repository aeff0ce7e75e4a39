package office

import (
	"context"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// Prefill is what unit's template of form f for period p carries already, from the ledger
// (WP-D): last period's planned tasks in the results sheet, the annual plan figures it sent.
// nil (and nil l) means nothing: an empty template.
func (o *Office) Prefill(ctx context.Context, l *ledger.Ledger, f *config.Form, unit config.Unit, p period.Period) (*form.Filled, error) {
	_, _, _, _, _ = ctx, l, f, unit, p
	return nil, nil
}
