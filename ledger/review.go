package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Issue 19, part V: the unit's supervising leader (package review). A valid file of a form whose
// units' supervisor takes part is recorded with a review row in the same transaction as the
// file itself, so no file is ever counted before its supervisor agreed to it.

// ReviewMode is what the unit's supervisor does with its files: gets a copy, gives a view
// before the file counts, or approves the unit's own plan before it counts.
type ReviewMode string

// Review modes, as config's forms.supervisor names them.
const (
	ReviewCopy    ReviewMode = "copy"
	ReviewReview  ReviewMode = "review"
	ReviewApprove ReviewMode = "approve"
)

// Holds reports whether a file under this mode waits for its supervisor before it counts.
func (m ReviewMode) Holds() bool { return m == ReviewReview || m == ReviewApprove }

// ReviewState is where a file stands with its supervisor.
type ReviewState string

// Review states.
const (
	ReviewPending    ReviewState = "pending"    // waits: the copy to send, or the supervisor's view
	ReviewCopied     ReviewState = "copied"     // the copy was queued (mode copy only)
	ReviewAgreed     ReviewState = "agreed"     // the supervisor agreed: the file counts
	ReviewReturned   ReviewState = "returned"   // returned to the unit with the supervisor's words
	ReviewSuperseded ReviewState = "superseded" // a newer file of the unit replaced it before a view
)

// ReviewHold, on a Submission being recorded, puts the file before the unit's supervisor.
type ReviewHold struct {
	Mode       ReviewMode
	Supervisor string    // the person id
	Due        time.Time // when the supervisor's view is due; zero: no date
}

// Review is one file before its unit's supervisor, as recorded.
type Review struct {
	Submission     Submission
	Mode           ReviewMode
	State          ReviewState
	Supervisor     string
	Due            time.Time
	RequestKey     string    // outbox key of the request, or of the copy
	RequestedAt    time.Time // zero while nothing was sent
	Reminders      int
	Asked          int  // unreadable answers the supervisor was asked again about
	OverdueTold    bool // the clerks were told the view is overdue
	SupersededTold bool // the supervisor was told a newer file replaced this one
	Comment        string
	DecidedBy      string
	DecidedAt      time.Time
	AnswerSHA256   string
	Revision       int // as read; a save must name it (ReviewUpdate.Revision)
}

// ReviewUpdate saves a review's new fields (Review, read with its Revision) with the mails and
// events it causes, in one transaction. A review saved by someone else since it was read is a
// conflict (ErrConflict): nothing is written.
type ReviewUpdate struct {
	Review Review
	Mails  []OutMail
	Events []Event
	At     time.Time // default time of the events
}

// insertReview records the hold of a submission just stored. A file under review replaces the
// unit's earlier files of the same form and period still waiting for a view: they are
// superseded (package review tells the supervisor).
func insertReview(ctx context.Context, tx *sql.Tx, s Submission) error {
	h := *s.Review
	if h.Mode.Holds() {
		_, err := tx.ExecContext(ctx, `UPDATE reviews SET state = 'superseded', revision = revision + 1
			WHERE state = 'pending' AND mode IN ('review', 'approve') AND submission_id IN
			(SELECT id FROM submissions WHERE form = ? AND unit = ? AND period = ? AND id <> ?)`,
			s.Form, s.Unit, s.Period, s.ID)
		if err != nil {
			return fmt.Errorf("supersede earlier reviews: %w", err)
		}
	}
	due := ""
	if !h.Due.IsZero() {
		due = encodeTime(h.Due)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO reviews (submission_id, mode, supervisor, due) VALUES (?, ?, ?, ?)`,
		s.ID, string(h.Mode), h.Supervisor, due)
	if err != nil {
		return fmt.Errorf("record review: %w", err)
	}
	return nil
}

func checkReviewHold(h ReviewHold) error {
	switch {
	case h.Mode != ReviewCopy && !h.Mode.Holds():
		return fmt.Errorf("review: %q is not a mode", h.Mode)
	case h.Mode.Holds() && h.Supervisor == "":
		return errors.New("review: no supervisor to give a view")
	}
	return nil
}

// ReviewsToDo returns the reviews package review still has to act on: those pending, and those
// superseded after their request went out whose supervisor was not told yet; by submission.
func (l *Ledger) ReviewsToDo(ctx context.Context) ([]Review, error) {
	out, err := queryReviews(ctx, l.db, `rv.state = 'pending'
		OR (rv.state = 'superseded' AND rv.requested_at <> '' AND rv.superseded_told = 0)`)
	if err != nil {
		return nil, fmt.Errorf("reviews to do: %w", err)
	}
	return out, nil
}

// Reviews returns the reviews of form and period, by submission.
func (l *Ledger) Reviews(ctx context.Context, form, period string) ([]Review, error) {
	out, err := queryReviews(ctx, l.db, `s.form = ? AND s.period = ?`, form, period)
	if err != nil {
		return nil, fmt.Errorf("reviews of %s %s: %w", form, period, err)
	}
	return out, nil
}

// ReviewOf returns the review of the submission with id, or an error wrapping ErrNotFound.
func (l *Ledger) ReviewOf(ctx context.Context, id int64) (Review, error) {
	out, err := queryReviews(ctx, l.db, `rv.submission_id = ?`, id)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return Review{}, fmt.Errorf("review of submission %d: %w", id, err)
	}
	return out[0], nil
}

// ReviewOfVersion returns the review of a unit's version of form and period, or an error
// wrapping ErrNotFound.
func (l *Ledger) ReviewOfVersion(ctx context.Context, form, period, unit string, version int) (Review, error) {
	out, err := queryReviews(ctx, l.db, `s.form = ? AND s.period = ? AND s.unit = ? AND s.version = ?`,
		form, period, unit, version)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return Review{}, fmt.Errorf("review of %s %s %s v%d: %w", form, period, unit, version, err)
	}
	return out[0], nil
}

// AwaitingReview returns the units of form and period whose latest valid file waits for its
// supervisor's view: they sent their file, it is not counted yet, and nobody should nag them.
func (l *Ledger) AwaitingReview(ctx context.Context, form, period string) (map[string]bool, error) {
	list, err := l.Reviews(ctx, form, period)
	if err != nil {
		return nil, err
	}
	latest := map[string]Review{}
	for _, r := range list {
		if cur, ok := latest[r.Submission.Unit]; !ok || r.Submission.Version > cur.Submission.Version {
			latest[r.Submission.Unit] = r
		}
	}
	out := map[string]bool{}
	for unit, r := range latest {
		if r.Mode.Holds() && r.State == ReviewPending {
			out[unit] = true
		}
	}
	return out, nil
}

// SaveReview saves u in one transaction (see ReviewUpdate).
func (l *Ledger) SaveReview(ctx context.Context, u ReviewUpdate) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error { return saveReview(ctx, tx, u) })
	if err != nil {
		return fmt.Errorf("save review of submission %d: %w", u.Review.Submission.ID, err)
	}
	return nil
}

func saveReview(ctx context.Context, tx *sql.Tx, u ReviewUpdate) error {
	r := u.Review
	res, err := tx.ExecContext(ctx, `UPDATE reviews SET state = ?, request_key = ?, requested_at = ?, reminders = ?,
		asked = ?, overdue_told = ?, superseded_told = ?, comment = ?, decided_by = ?, decided_at = ?, answer_sha256 = ?,
		revision = revision + 1 WHERE submission_id = ? AND revision = ?`,
		string(r.State), r.RequestKey, optionalTime(r.RequestedAt), r.Reminders, r.Asked, boolInt(r.OverdueTold),
		boolInt(r.SupersededTold), r.Comment, r.DecidedBy, optionalTime(r.DecidedAt), r.AnswerSHA256,
		r.Submission.ID, r.Revision)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("review changed since it was read (%v): %w", err, ErrConflict)
	}
	for _, m := range u.Mails {
		if _, _, err := insertOutMail(ctx, tx, m); err != nil {
			return fmt.Errorf("outbox %q: %w", m.Key, err)
		}
	}
	return insertEvents(ctx, tx, withDefaultTime(u.Events, u.At))
}

// optionalTime stores the zero time as an empty text.
func optionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return encodeTime(t)
}

// queryReviews lists the reviews matching where (a trusted constant over rv.*, s.*), by
// submission.
func queryReviews(ctx context.Context, q queryer, where string, args ...any) ([]Review, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+submissionColumns+`, rv.mode, rv.state, rv.supervisor, rv.due,
		rv.request_key, rv.requested_at, rv.reminders, rv.asked, rv.overdue_told, rv.superseded_told, rv.comment,
		rv.decided_by, rv.decided_at, rv.answer_sha256, rv.revision
		FROM reviews rv JOIN submissions s ON s.id = rv.submission_id
		LEFT JOIN late_files lf ON lf.submission_id = s.id WHERE `+where+` ORDER BY s.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		var r Review
		var due, requested, decided string
		sub, err := scanSubmission(rows, &r.Mode, &r.State, &r.Supervisor, &due, &r.RequestKey, &requested,
			&r.Reminders, &r.Asked, &r.OverdueTold, &r.SupersededTold, &r.Comment, &r.DecidedBy, &decided,
			&r.AnswerSHA256, &r.Revision)
		if err != nil {
			return nil, err
		}
		r.Submission = sub
		for _, t := range []struct {
			text string
			to   *time.Time
		}{{due, &r.Due}, {requested, &r.RequestedAt}, {decided, &r.DecidedAt}} {
			if t.text == "" {
				continue
			}
			if *t.to, err = decodeTime(t.text); err != nil {
				return nil, err
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
