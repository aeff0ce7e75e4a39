package report

import (
	"context"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// extensions are the units' extended deadlines of form's period (issue 22), for the status
// matrix: their lateness counts from them. nil when none.
func extensions(ctx context.Context, l *ledger.Ledger, form, period string) (map[string]time.Time, error) {
	ext, err := l.Extensions(ctx, form, period)
	if err != nil || len(ext) == 0 {
		return nil, err
	}
	out := make(map[string]time.Time, len(ext))
	for unit, e := range ext {
		out[unit] = e.Deadline
	}
	return out, nil
}
