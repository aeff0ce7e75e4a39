package ledger

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Lookups for the hourly limits on the mail tonghop sends: how many notices one sender's mail
// caused and how many all senders' did, how many were held back for the clerks' digest, and
// whether a unit had sent a file before (a receipt for new work is never held back).

// The two counts search the events by action and time (index events_action_at, migration
// 0020), so that a count reads the events it counts, not the whole audit trail.
const (
	countEvents = `SELECT count(*) FROM events
		WHERE action = ? AND at >= ? AND (? = '' OR actor = ?)`
	countEventsSince = `SELECT action, count(*) FROM events
		WHERE at >= ? AND action IN (SELECT value FROM json_each(?)) GROUP BY action`
)

// CountEvents counts the events with action recorded at or after since; only those by actor
// when actor is not "" (the address whose mail caused a notice, for example).
func (l *Ledger) CountEvents(ctx context.Context, action Action, actor string, since time.Time) (int, error) {
	var n int
	err := l.db.QueryRowContext(ctx, countEvents, action, encodeTime(since), actor, actor).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count events %s: %w", action, err)
	}
	return n, nil
}

// CountEventsSince counts, by action, the events with one of actions recorded at or after since
// (an action without any is left out): CountEvents of each with no actor, in one pass over the
// events instead of one each. The actions go in as one JSON list, so the query text is the same
// whatever their number (the statement cache keeps it).
func (l *Ledger) CountEventsSince(ctx context.Context, since time.Time, actions ...Action) (map[Action]int, error) {
	list, err := json.Marshal(actions)
	if err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	rows, err := l.db.QueryContext(ctx, countEventsSince, encodeTime(since), string(list))
	if err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	defer rows.Close()
	out := map[Action]int{}
	for rows.Next() {
		var a Action
		var n int
		if err := rows.Scan(&a, &n); err != nil {
			return nil, fmt.Errorf("count events: %w", err)
		}
		out[a] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	return out, nil
}

// SubmittedBefore reports whether unit has a recorded submission of the file whose stored bytes
// hash to fileSHA: a mail carrying it again repeats earlier work.
func (l *Ledger) SubmittedBefore(ctx context.Context, unit, fileSHA string) (bool, error) {
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM submissions
		WHERE unit = ? AND file_sha256 = ? AND file_sha256 <> ''`, unit, fileSHA).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up file %s of %s: %w", fileSHA, unit, err)
	}
	return n > 0, nil
}
