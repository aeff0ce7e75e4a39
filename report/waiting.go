package report

import (
	"context"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/status"
)

// waiting marks the expected units not counted whose latest file waits for the leader who
// supervises them, or was returned to them (issue 19, part V), as the ledger stood at asOf: the
// missing list of the draft tells them apart from the units that sent nothing.
func waiting(ctx context.Context, l *ledger.Ledger, form, period string, asOf time.Time, in *consolidate.Input) error {
	list, err := l.Reviews(ctx, form, period)
	if err != nil {
		return err
	}
	latest := map[string]ledger.Review{}
	for _, r := range list {
		if !r.Mode.Holds() || !asOf.IsZero() && r.Submission.ReceivedAt.After(asOf) {
			continue
		}
		if cur, ok := latest[r.Submission.Unit]; !ok || r.Submission.Version > cur.Submission.Version {
			latest[r.Submission.Unit] = r
		}
	}
	for i, u := range in.Units {
		r, ok := latest[u.Code]
		if _, counted := in.Current[u.Code]; counted || !ok {
			continue
		}
		st := r.State
		if !asOf.IsZero() && !r.DecidedAt.IsZero() && r.DecidedAt.After(asOf) {
			st = ledger.ReviewPending
		}
		switch st {
		case ledger.ReviewPending:
			in.Units[i].Waiting = status.ReviewPending.Label()
		case ledger.ReviewReturned:
			in.Units[i].Waiting = status.ReviewReturned.Label()
		}
	}
	return nil
}

// withWaiting adds to the names of the units a draft misses why those whose file waits for
// their supervisor are missing: "Phòng A (chờ ý kiến lãnh đạo phụ trách)".
func withWaiting(names []string, missing []consolidate.Unit) []string {
	why := map[string]string{}
	for _, u := range missing {
		if u.Waiting != "" {
			why[u.Name] = u.Waiting
		}
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if w := why[n]; w != "" {
			out[i] = n + " (" + w + ")"
		}
	}
	return out
}
