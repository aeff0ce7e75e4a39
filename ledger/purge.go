package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"time"
)

// Part D of issue 21 (retention): removing the records of a period the records schedule no
// longer asks to keep.

// Purge names the period whose records PurgePeriod removes.
type Purge struct {
	Form, Period string
	// MailIDs are the period's received mails that no row of it names (a leader's reply, which
	// the approval names by Message-ID): removed with it unless another period's row refers to
	// them.
	MailIDs []int64
	// UpstreamForms are the upper offices' forms filled from this form's report (issue 19, part
	// 3): their requests for the period go with it, with the templates and the mails that
	// carried them.
	UpstreamForms []string
	At            time.Time
	Actor         string
}

// Purged counts what PurgePeriod removed.
type Purged struct {
	Submissions, Drafts, Issues, Corrections, Mails, OutMails, Blobs int
}

func (p Purged) String() string {
	return fmt.Sprintf("submissions=%d drafts=%d issues=%d corrections=%d mails=%d outbox=%d blobs=%d",
		p.Submissions, p.Drafts, p.Issues, p.Corrections, p.Mails, p.OutMails, p.Blobs)
}

// PurgePeriod removes a period's records in one transaction: its submissions (and their
// late-file decisions), drafts, issues, corrections, approval, the mails sent about it and
// the received mails no other period's row refers to; then the blobs nothing refers to any
// more. It keeps the period's row (so nothing opens it again) and records ActionPeriodPurged.
// The caller holds the data directory's lock: a blob stored for a mail being recorded at the
// same time could otherwise be taken away before its row is committed.
func (l *Ledger) PurgePeriod(ctx context.Context, p Purge) (Purged, error) {
	if p.Form == "" || p.Period == "" || p.Actor == "" || p.At.IsZero() {
		return Purged{}, errors.New("purge: form, period, actor and time are required")
	}
	var res Purged
	var shas []string
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		shas, err = purgeRows(ctx, tx, p, &res)
		if err != nil {
			return err
		}
		return insertEvents(ctx, tx, []Event{{At: p.At, Actor: p.Actor, Action: ActionPeriodPurged,
			Object: PeriodObject(p.Form, p.Period), Detail: res.String()}})
	})
	if err != nil {
		return Purged{}, fmt.Errorf("purge %s %s: %w", p.Form, p.Period, err)
	}
	for _, sha := range shas {
		removed, err := l.removeUnreferencedBlob(ctx, sha)
		if err != nil {
			return res, fmt.Errorf("purge %s %s: %w", p.Form, p.Period, err)
		}
		if removed {
			res.Blobs++
		}
	}
	return res, nil
}

// purgeRows deletes the period's rows and returns the blobs they named.
func purgeRows(ctx context.Context, tx *sql.Tx, p Purge, res *Purged) ([]string, error) {
	fp := []any{p.Form, p.Period}
	shas, err := textColumn(ctx, tx, `SELECT file_sha256 FROM submissions WHERE form = ? AND period = ?
		UNION SELECT file_sha256 FROM drafts WHERE form = ? AND period = ?
		UNION SELECT file_sha256 FROM issues WHERE form = ? AND period = ? AND file_sha256 <> ''
		UNION SELECT doc_sha256 FROM drafts WHERE form = ? AND period = ? AND doc_sha256 <> ''
		UNION SELECT doc_sha256 FROM issues WHERE form = ? AND period = ? AND doc_sha256 <> ''
		UNION SELECT pdf_sha256 FROM issues WHERE form = ? AND period = ? AND pdf_sha256 <> ''`,
		append(append(append(append(append(fp, fp...), fp...), fp...), fp...), fp...)...)
	if err != nil {
		return nil, err
	}
	mailIDs, err := idColumn(ctx, tx, `SELECT mail_id FROM submissions WHERE form = ? AND period = ?
		UNION SELECT mail_id FROM drafts WHERE form = ? AND period = ? AND mail_id IS NOT NULL
		UNION SELECT mail_id FROM corrections WHERE form = ? AND period = ? AND mail_id IS NOT NULL
		UNION SELECT l.answer_mail_id FROM late_files l JOIN submissions s ON s.id = l.submission_id
			WHERE s.form = ? AND s.period = ? AND l.answer_mail_id IS NOT NULL`, append(append(append(fp, fp...), fp...), fp...)...)
	if err != nil {
		return nil, err
	}
	up, err := upstreamRows(ctx, tx, p)
	if err != nil {
		return nil, err
	}
	shas = append(shas, up.shas...)
	mailIDs = append(append(mailIDs, p.MailIDs...), up.mailIDs...)
	slices.Sort(mailIDs)
	mailIDs = slices.Compact(mailIDs)
	steps := []struct {
		count *int
		query string
	}{
		{nil, `DELETE FROM reviews WHERE submission_id IN (SELECT id FROM submissions WHERE form = ? AND period = ?)`},
		{nil, `DELETE FROM late_files WHERE submission_id IN (SELECT id FROM submissions WHERE form = ? AND period = ?)`},
		{&res.Corrections, `DELETE FROM corrections WHERE form = ? AND period = ?`},
		{nil, `DELETE FROM deadline_extensions WHERE form = ? AND period = ?`}, // issue 22
		{&res.Issues, `DELETE FROM issues WHERE form = ? AND period = ?`},
		{nil, `DELETE FROM approvals WHERE form = ? AND period = ?`},
		{&res.Drafts, `DELETE FROM drafts WHERE form = ? AND period = ?`},
		{&res.Submissions, `DELETE FROM submissions WHERE form = ? AND period = ?`},
	}
	for _, s := range steps {
		r, err := tx.ExecContext(ctx, s.query, fp...)
		if err != nil {
			return nil, err
		}
		if n, _ := r.RowsAffected(); s.count != nil {
			*s.count = int(n)
		}
	}
	mailSHAs, err := purgeMails(ctx, tx, mailIDs)
	if err != nil {
		return nil, err
	}
	res.Mails = len(mailSHAs)
	out, err := purgeOutbox(ctx, tx, p, mailSHAs)
	if err != nil {
		return nil, err
	}
	res.OutMails = len(out.ids)
	return slices.Concat(shas, mailSHAs, out.shas), nil
}

type purgedUpstream struct {
	mailIDs []int64  // the mails that carried the templates
	shas    []string // the templates and the files filled from them
}

// upstreamRows deletes the upper offices' requests for the period of the forms p.UpstreamForms
// names, and returns what they referred to.
func upstreamRows(ctx context.Context, tx *sql.Tx, p Purge) (purgedUpstream, error) {
	var out purgedUpstream
	for _, form := range p.UpstreamForms {
		rows, err := tx.QueryContext(ctx, `DELETE FROM upstream_requests WHERE form = ? AND period = ?
			RETURNING mail_id, template_sha256, filled_sha256`, form, p.Period)
		if err != nil {
			return out, err
		}
		for rows.Next() {
			var id int64
			var template, filled string
			if err := rows.Scan(&id, &template, &filled); err != nil {
				rows.Close()
				return out, err
			}
			out.mailIDs = append(out.mailIDs, id)
			out.shas = append(out.shas, template)
			if filled != "" {
				out.shas = append(out.shas, filled)
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return out, err
		}
	}
	return out, nil
}

type purgedOutbox struct {
	ids  []int64
	shas []string // of their attachments
}

// purgeOutbox deletes the mails sent about the period and the answers to the received mails
// deleted (whose raw bytes hash to mailSHAs); a mail kept keeps its answers.
func purgeOutbox(ctx context.Context, tx *sql.Tx, p Purge, mailSHAs []string) (purgedOutbox, error) {
	where, args := periodOutWhere(p.Form, p.Period)
	mails, err := outMailsWhere(ctx, tx, where, args...)
	if err != nil {
		return purgedOutbox{}, err
	}
	for _, sha := range mailSHAs {
		answers, err := answersTo(ctx, tx, sha)
		if err != nil {
			return purgedOutbox{}, err
		}
		mails = append(mails, answers...)
	}
	var out purgedOutbox
	for _, m := range mails {
		if slices.Contains(out.ids, m.ID) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = ?`, m.ID); err != nil {
			return purgedOutbox{}, err
		}
		out.ids = append(out.ids, m.ID)
		for _, a := range m.Attachments {
			out.shas = append(out.shas, a.SHA256)
		}
	}
	return out, nil
}

// purgeMails deletes the received mails no remaining row refers to, and their intake attempts;
// it returns the sha256 of those deleted.
func purgeMails(ctx context.Context, tx *sql.Tx, ids []int64) ([]string, error) {
	var out []string
	for _, id := range ids {
		var sha string
		err := tx.QueryRowContext(ctx, `DELETE FROM mails WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM submissions WHERE mail_id = ?)
			AND NOT EXISTS (SELECT 1 FROM drafts WHERE mail_id = ?)
			AND NOT EXISTS (SELECT 1 FROM corrections WHERE mail_id = ?)
			AND NOT EXISTS (SELECT 1 FROM late_files WHERE answer_mail_id = ?)
			AND NOT EXISTS (SELECT 1 FROM upstream_requests WHERE mail_id = ?)
			RETURNING sha256`, id, id, id, id, id, id).Scan(&sha)
		if errors.Is(err, sql.ErrNoRows) {
			continue // another period's row still refers to it
		}
		if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM intake_attempts WHERE sha256 = ?`, sha); err != nil {
			return nil, err
		}
		out = append(out, sha)
	}
	return out, nil
}

// removeUnreferencedBlob removes the blob sha unless a row still names it.
func (l *Ledger) removeUnreferencedBlob(ctx context.Context, sha string) (bool, error) {
	if !validSHA(sha) {
		return false, nil
	}
	var used bool
	err := l.db.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM mails WHERE sha256 = ?1) OR
		EXISTS (SELECT 1 FROM submissions WHERE file_sha256 = ?1) OR
		EXISTS (SELECT 1 FROM drafts WHERE file_sha256 = ?1 OR doc_sha256 = ?1) OR
		EXISTS (SELECT 1 FROM issues WHERE file_sha256 = ?1 OR doc_sha256 = ?1 OR pdf_sha256 = ?1) OR
		EXISTS (SELECT 1 FROM history_imports WHERE file_sha256 = ?1) OR
		EXISTS (SELECT 1 FROM upstream_requests WHERE template_sha256 = ?1 OR filled_sha256 = ?1) OR
		EXISTS (SELECT 1 FROM outbox WHERE instr(attachments, ?1) > 0)`, sha).Scan(&used)
	if err != nil || used {
		return false, err
	}
	err = l.root.Remove(blobRel(sha))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

func textColumn(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func idColumn(ctx context.Context, q queryer, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
