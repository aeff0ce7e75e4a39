package office

import (
	"context"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// PeriodUnits are the units asked for form f's period p: for a one-off request, the units it
// named, in the configuration's order (a unit since removed from the configuration is left
// out); else, and without a ledger, the form's units.
func (o *Office) PeriodUnits(ctx context.Context, l *ledger.Ledger, f *config.Form, p period.Period) ([]config.Unit, error) {
	if p.Kind != period.Once || l == nil {
		return o.FormUnits(f), nil
	}
	r, err := l.Request(ctx, f.Code, p.String())
	if err != nil {
		return nil, err
	}
	asked := make(map[string]bool, len(r.Units))
	for _, u := range r.Units {
		asked[u] = true
	}
	var out []config.Unit
	for _, u := range o.Units {
		if asked[u.Code] {
			out = append(out, u)
		}
	}
	return out, nil
}
