package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// submissionHeadColumns are submissionColumns without the content: data and problems read
// as NULL.
const submissionHeadColumns = `s.id, s.mail_id, s.form, s.unit, s.period, s.version, s.file_name, s.file_sha256,
	s.valid, s.late, NULL, NULL, s.received_at, coalesce(lf.decision, '')`

// LatestValidHeadsAt is LatestValidAt without each submission's content (Data and Problems
// are nil), for a consolidation of many units: it reads the heads first, then each unit's
// content with SubmissionData when it comes to the unit, holding one unit's JSON at a time
// rather than every unit's (and every earlier version's) at once.
func (l *Ledger) LatestValidHeadsAt(ctx context.Context, form, period string, asOf time.Time) (map[string]Submission, error) {
	bound := "9999"
	if !asOf.IsZero() {
		bound = encodeTime(asOf)
	}
	rows, err := l.db.QueryContext(ctx, `SELECT `+submissionHeadColumns+` FROM submissions s
		LEFT JOIN late_files lf ON lf.submission_id = s.id WHERE `+latestValidWhere+` ORDER BY s.id`,
		form, period, bound, bound)
	if err != nil {
		return nil, fmt.Errorf("latest valid %s %s: %w", form, period, err)
	}
	defer rows.Close()
	latest := make(map[string]Submission)
	for rows.Next() {
		s, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("latest valid %s %s: %w", form, period, err)
		}
		if cur, ok := latest[s.Unit]; !ok || s.Version > cur.Version {
			latest[s.Unit] = s
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("latest valid %s %s: %w", form, period, err)
	}
	return latest, nil
}

// ReadSubmissionData hands read the content of submission id ("" for one recorded without
// content). It is a string as the driver made it, not copied into bytes again: a thousand
// units' JSON is read once each.
func (l *Ledger) ReadSubmissionData(ctx context.Context, id int64, read func(data string) error) error {
	var data sql.NullString
	err := l.db.QueryRowContext(ctx, `SELECT data FROM submissions WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("submission %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("submission %d: %w", id, err)
	}
	return read(data.String)
}
