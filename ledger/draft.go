package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Draft is one consolidated workbook built for a form and period. Every build is a new version;
// the workbook itself is the blob FileSHA256.
type Draft struct {
	ID           int64
	Form, Period string
	Version      int // 1, 2, … per (form, period), assigned by AddDraft inside its transaction
	FileName     string
	FileSHA256   string
	// Basis is what the draft counted: unit code → submission version. A draft is stale when
	// the latest valid versions differ from it.
	Basis   map[string]int
	Trigger string // why it was built: see the Trigger constants
	Author  string // "" when tonghop built it; the person id of a leader's edited workbook
	MailID  int64  // the mail carrying an edited workbook; 0 otherwise
	BuiltAt time.Time
	// Issue 20 (part D): the draft's administrative document (.docx), a blob like the
	// workbook; "" for a draft without one.
	DocName, DocSHA256 string
}

// Why a draft was built.
const (
	TriggerAllIn        = "all_in"       // every expected unit has a valid submission
	TriggerDeadline     = "deadline"     // the deadline and its grace passed, gaps shown
	TriggerDemand       = "demand"       // someone asked (tonghop consolidate)
	TriggerResubmission = "resubmission" // a counted submission changed after a draft was built
	TriggerEdited       = "edited"       // a leader replied with an edited workbook
)

// AddDraft stores d as the next version of its form and period, with events in the same
// transaction (an event without a time gets d.BuiltAt), and returns it numbered. The workbook
// must already be stored with PutBlob. A non-zero d.Version must be the next version, or
// AddDraft fails with ErrVersionConflict.
func (l *Ledger) AddDraft(ctx context.Context, d Draft, events ...Event) (Draft, error) {
	if err := l.checkDraft(d); err != nil {
		return Draft{}, fmt.Errorf("add draft %s %s: %w", d.Form, d.Period, err)
	}
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = insertDraft(ctx, tx, d); err != nil {
			return err
		}
		return insertEvents(ctx, tx, withDefaultTime(events, d.BuiltAt))
	})
	if err != nil {
		return Draft{}, fmt.Errorf("add draft %s %s: %w", d.Form, d.Period, err)
	}
	return d, nil
}

func (l *Ledger) checkDraft(d Draft) error {
	switch {
	case d.Form == "" || d.Period == "":
		return errors.New("form and period are required")
	case !validSHA(d.FileSHA256):
		return fmt.Errorf("bad file sha256 %q", d.FileSHA256)
	case !l.hasBlob(d.FileSHA256):
		return fmt.Errorf("workbook blob %s: %w (PutBlob it first)", d.FileSHA256, ErrNotFound)
	case d.BuiltAt.IsZero():
		return errors.New("build time is required")
	case d.DocSHA256 != "" && (!validSHA(d.DocSHA256) || !l.hasBlob(d.DocSHA256)):
		return fmt.Errorf("document blob %q: %w (PutBlob it first)", d.DocSHA256, ErrNotFound)
	}
	switch d.Trigger {
	case TriggerAllIn, TriggerDeadline, TriggerDemand, TriggerResubmission, TriggerEdited:
		return nil
	}
	return fmt.Errorf("unknown trigger %q", d.Trigger)
}

// insertDraft numbers d with the next version; a d.Version set by the caller (who quoted it in
// the same step's mails) must be that number, or ErrVersionConflict.
func insertDraft(ctx context.Context, tx *sql.Tx, d Draft) (Draft, error) {
	var next int
	err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) + 1 FROM drafts
		WHERE form = ? AND period = ?`, d.Form, d.Period).Scan(&next)
	if err != nil {
		return Draft{}, fmt.Errorf("number draft: %w", err)
	}
	if d.Version != 0 && d.Version != next {
		return Draft{}, fmt.Errorf("draft %s %s: asked for version %d, next is %d: %w",
			d.Form, d.Period, d.Version, next, ErrVersionConflict)
	}
	d.Version = next
	basis, err := json.Marshal(d.Basis)
	if err != nil {
		return Draft{}, fmt.Errorf("encode basis: %w", err)
	}
	if d.Basis == nil {
		basis = []byte("{}")
	}
	var mailID any
	if d.MailID != 0 {
		mailID = d.MailID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO drafts (form, period, version, file_name, file_sha256,
		basis, trigger, author, mail_id, built_at, doc_name, doc_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.Form, d.Period, d.Version, d.FileName, d.FileSHA256, string(basis), d.Trigger, d.Author,
		mailID, encodeTime(d.BuiltAt), d.DocName, d.DocSHA256)
	if err != nil {
		return Draft{}, fmt.Errorf("insert draft: %w", err)
	}
	d.ID, err = res.LastInsertId()
	return d, err
}

// Drafts returns every draft of form and period, oldest first.
func (l *Ledger) Drafts(ctx context.Context, form, period string) ([]Draft, error) {
	out, err := queryDrafts(ctx, l.db, `form = ? AND period = ? ORDER BY version`, form, period)
	if err != nil {
		return nil, fmt.Errorf("list drafts %s %s: %w", form, period, err)
	}
	return out, nil
}

// LatestDraft returns the newest draft of form and period, or ErrNotFound.
func (l *Ledger) LatestDraft(ctx context.Context, form, period string) (Draft, error) {
	out, err := queryDrafts(ctx, l.db, `form = ? AND period = ? ORDER BY version DESC LIMIT 1`, form, period)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return Draft{}, fmt.Errorf("latest draft %s %s: %w", form, period, err)
	}
	return out[0], nil
}

// DraftHeads returns the newest draft of every form and period that has one, by form and period.
func (l *Ledger) DraftHeads(ctx context.Context) ([]Draft, error) {
	out, err := queryDrafts(ctx, l.db, `(form, period, version) IN
		(SELECT form, period, max(version) FROM drafts GROUP BY form, period) ORDER BY form, period`)
	if err != nil {
		return nil, fmt.Errorf("list draft heads: %w", err)
	}
	return out, nil
}

// queryDrafts lists drafts matching where (a trusted constant, with its ORDER BY).
func queryDrafts(ctx context.Context, q queryer, where string, args ...any) ([]Draft, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, form, period, version, file_name, file_sha256, basis,
		trigger, author, coalesce(mail_id, 0), built_at, doc_name, doc_sha256 FROM drafts WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		var d Draft
		var basis, built string
		err := rows.Scan(&d.ID, &d.Form, &d.Period, &d.Version, &d.FileName, &d.FileSHA256, &basis,
			&d.Trigger, &d.Author, &d.MailID, &built, &d.DocName, &d.DocSHA256)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(basis), &d.Basis); err != nil {
			return nil, fmt.Errorf("draft %d basis: %w", d.ID, err)
		}
		if d.BuiltAt, err = decodeTime(built); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// State describes how far the ledger has got, for the properties of a workbook built from it:
// the highest mail, submission and event IDs. Two builds from the same state read the same data.
func (l *Ledger) State(ctx context.Context) (string, error) {
	var mails, subs, events int64
	err := l.db.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM mails),
		(SELECT coalesce(max(id), 0) FROM submissions), (SELECT coalesce(max(id), 0) FROM events)`).
		Scan(&mails, &subs, &events)
	if err != nil {
		return "", fmt.Errorf("ledger state: %w", err)
	}
	return fmt.Sprintf("mails≤%d submissions≤%d events≤%d", mails, subs, events), nil
}
