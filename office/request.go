package office

import (
	"context"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
)

// RequestLines are the deadlines listing's lines of form f's one-off requests made in year,
// from the ledger (nil l: none). WP-C reads them.
func (o *Office) RequestLines(ctx context.Context, l *ledger.Ledger, f *config.Form, year int) ([]DeadlineLine, error) {
	_, _, _, _ = ctx, l, f, year
	return nil, nil
}
