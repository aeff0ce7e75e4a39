package ledger

import (
	"context"
	"fmt"
)

// PeriodEvents returns the audit trail of a form's period, by ID: the events on
// PeriodObject(form, period) and on its units' files (SubmissionObject), for the board's page
// of the period.
func (l *Ledger) PeriodEvents(ctx context.Context, form, period string) ([]Event, error) {
	obj := PeriodObject(form, period)
	rows, err := l.db.QueryContext(ctx, `SELECT id, at, actor, action, object, detail FROM events
		WHERE object = ? OR substr(object, 1, length(?)) = ? ORDER BY id`, obj, obj+"/", obj+"/")
	if err != nil {
		return nil, fmt.Errorf("events of %s %s: %w", form, period, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Object, &e.Detail); err != nil {
			return nil, fmt.Errorf("events of %s %s: %w", form, period, err)
		}
		if e.At, err = decodeTime(at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
