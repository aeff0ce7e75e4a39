package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrVersionConflict is returned (wrapped) by RecordIntake when a submission asks for a version
// that is not the next one of its form, unit and period.
var ErrVersionConflict = errors.New("submission version is not the next one")

// Submission is one workbook a unit sent for a form and period. Every resubmission is kept as a
// new version; consolidation uses the latest valid one (LatestValid).
type Submission struct {
	ID, MailID         int64
	Form, Unit, Period string
	Version            int // 1, 2, … per (form, unit, period), assigned by the ledger inside the transaction
	FileName           string
	FileSHA256         string // blob of the attachment (caller PutBlob's it first)
	Valid              bool
	Late               bool
	Data               json.RawMessage // parsed content (form.Filled as JSON)
	Problems           json.RawMessage // errors and warnings as JSON
	ReceivedAt         time.Time
	// AfterIssue, when recording, marks a file received while its period was closed (the report
	// issued): it is recorded as a late file, not counted until the Planning Office takes it in.
	AfterIssue bool
	// Decision, when read, is the Planning Office's decision on such a file; "" for any other.
	Decision Decision
	// Review, when recording, puts the file before the unit's supervisor (issue 19, part V): a
	// file held for a view counts only once agreed (see LatestValidAt). nil: nobody sees it.
	Review *ReviewHold
}

// NextVersion returns the version the next submission of unit for form and period would get, for
// callers that want to quote it in a receipt composed before RecordIntake. RecordIntake checks it
// again inside its transaction.
func (l *Ledger) NextVersion(ctx context.Context, form, unit, period string) (int, error) {
	v, err := nextVersion(ctx, l.db, form, unit, period)
	if err != nil {
		return 0, fmt.Errorf("next version of %s %s %s: %w", form, unit, period, err)
	}
	return v, nil
}

func nextVersion(ctx context.Context, q queryer, form, unit, period string) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) + 1 FROM submissions
		WHERE form = ? AND period = ? AND unit = ?`, form, period, unit).Scan(&v)
	return v, err
}

func checkSubmission(s Submission) error {
	if s.Form == "" || s.Unit == "" || s.Period == "" {
		return fmt.Errorf("submission %q needs form, unit and period", s.FileName)
	}
	if s.FileSHA256 != "" && !validSHA(s.FileSHA256) {
		return fmt.Errorf("submission %q: bad file sha256 %q", s.FileName, s.FileSHA256)
	}
	if len(s.Data) > 0 && !json.Valid(s.Data) {
		return fmt.Errorf("submission %q: data is not valid JSON", s.FileName)
	}
	if len(s.Problems) > 0 && !json.Valid(s.Problems) {
		return fmt.Errorf("submission %q: problems are not valid JSON", s.FileName)
	}
	if s.Review != nil {
		return checkReviewHold(*s.Review)
	}
	return nil
}

// insertSubmission numbers s with the next version and stores it. Inside the write transaction no
// other submission can take the same number between the read and the insert.
func insertSubmission(ctx context.Context, tx *sql.Tx, s Submission) (Submission, error) {
	next, err := nextVersion(ctx, tx, s.Form, s.Unit, s.Period)
	if err != nil {
		return Submission{}, fmt.Errorf("number submission: %w", err)
	}
	if s.Version != 0 && s.Version != next {
		return Submission{}, fmt.Errorf("%s %s %s: asked for version %d, next is %d: %w",
			s.Form, s.Unit, s.Period, s.Version, next, ErrVersionConflict)
	}
	s.Version = next
	res, err := tx.ExecContext(ctx, `INSERT INTO submissions (mail_id, form, unit, period, version,
		file_name, file_sha256, valid, late, data, problems, received_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.MailID, s.Form, s.Unit, s.Period, s.Version, s.FileName, s.FileSHA256, boolInt(s.Valid),
		boolInt(s.Late), nullJSON(s.Data), nullJSON(s.Problems), encodeTime(s.ReceivedAt))
	if err != nil {
		return Submission{}, fmt.Errorf("insert submission: %w", err)
	}
	if s.ID, err = res.LastInsertId(); err != nil {
		return Submission{}, fmt.Errorf("insert submission: %w", err)
	}
	if s.AfterIssue {
		if err := insertLateFile(ctx, tx, s); err != nil {
			return Submission{}, err
		}
		s.Decision = DecisionPending
	}
	if s.Review != nil && s.Valid {
		if err := insertReview(ctx, tx, s); err != nil {
			return Submission{}, err
		}
	}
	return s, nil
}

// Submissions returns every version from every unit for form and period, by ID.
func (l *Ledger) Submissions(ctx context.Context, form, period string) ([]Submission, error) {
	out, err := querySubmissions(ctx, l.db, `form = ? AND period = ?`, form, period)
	if err != nil {
		return nil, fmt.Errorf("list submissions %s %s: %w", form, period, err)
	}
	return out, nil
}

// LatestValid returns, for each unit that sent a valid workbook for form and period, its latest
// valid version: what consolidation should use. A later invalid resubmission does not hide an
// earlier valid one, a file received after the issue counts only once the Planning Office
// took it in (see LateFile), and a file held for its supervisor's view only once agreed (see
// Review): until then the unit's earlier agreed file, if any, is the one counted.
func (l *Ledger) LatestValid(ctx context.Context, form, period string) (map[string]Submission, error) {
	return l.LatestValidAt(ctx, form, period, time.Time{})
}

// LatestValidAt is LatestValid as the ledger stood at asOf: files received later are left out
// (the zero time leaves none out). A report built "as at" a time counts what had arrived by then.
func (l *Ledger) LatestValidAt(ctx context.Context, form, period string, asOf time.Time) (map[string]Submission, error) {
	bound := "9999"
	if !asOf.IsZero() {
		bound = encodeTime(asOf)
	}
	subs, err := querySubmissions(ctx, l.db, latestValidWhere, form, period, bound, bound)
	if err != nil {
		return nil, fmt.Errorf("latest valid %s %s: %w", form, period, err)
	}
	latest := make(map[string]Submission)
	for _, s := range subs {
		if cur, ok := latest[s.Unit]; !ok || s.Version > cur.Version {
			latest[s.Unit] = s
		}
	}
	return latest, nil
}

// latestValidWhere selects the submissions that count for a form and period as the ledger
// stood at a bound (arguments: form, period, bound, bound); LatestValidHeadsAt shares it.
const latestValidWhere = `form = ? AND period = ? AND valid = 1 AND received_at <= ?
		AND coalesce(lf.decision, 'taken') = 'taken'
		AND NOT EXISTS (SELECT 1 FROM reviews rv WHERE rv.submission_id = s.id AND rv.mode <> 'copy'
			AND NOT (rv.state = 'agreed' AND rv.decided_at <= ?))`

// querySubmissions lists submissions matching where (a trusted constant over the columns of
// submissions, and lf.* of late_files), by ID.
func querySubmissions(ctx context.Context, q queryer, where string, args ...any) ([]Submission, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+submissionColumns+` FROM submissions s
		LEFT JOIN late_files lf ON lf.submission_id = s.id WHERE `+where+` ORDER BY s.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Submission
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// submissionColumns are a submission's columns over alias s, with its late file's decision
// (lf), as scanSubmission reads them.
const submissionColumns = `s.id, s.mail_id, s.form, s.unit, s.period, s.version, s.file_name, s.file_sha256,
	s.valid, s.late, s.data, s.problems, s.received_at, coalesce(lf.decision, '')`

// scanSubmission reads submissionColumns, then the columns extra points to.
func scanSubmission(s scanner, extra ...any) (Submission, error) {
	var sub Submission
	var data, problems sql.NullString
	var received string
	dest := []any{&sub.ID, &sub.MailID, &sub.Form, &sub.Unit, &sub.Period, &sub.Version, &sub.FileName,
		&sub.FileSHA256, &sub.Valid, &sub.Late, &data, &problems, &received, &sub.Decision}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return Submission{}, err
	}
	if data.Valid {
		sub.Data = json.RawMessage(data.String)
	}
	if problems.Valid {
		sub.Problems = json.RawMessage(problems.String)
	}
	var err error
	sub.ReceivedAt, err = decodeTime(received)
	return sub, err
}

// nullJSON stores an absent document as NULL rather than an empty, invalid one.
func nullJSON(doc json.RawMessage) any {
	if len(doc) == 0 {
		return nil
	}
	return string(doc)
}
