package office

import (
	"context"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// PeriodUnits are the units asked for form f's period p: for a one-off request, the units it
// named (WP-C reads them from the ledger); else the form's units.
func (o *Office) PeriodUnits(ctx context.Context, l *ledger.Ledger, f *config.Form, p period.Period) ([]config.Unit, error) {
	_, _, _ = ctx, l, p
	return o.FormUnits(f), nil
}
