package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Mail is one message received in the shared mailbox.
type Mail struct {
	ID          int64
	SHA256      string // of the raw bytes; unique
	MessageID   string
	From        string // address of the sender
	Subject     string
	Date        time.Time // Date header (zero if missing/bad)
	Size        int64
	Mailbox     string // IMAP folder it was read from
	UIDValidity uint32
	UID         uint32
	ReceivedAt  time.Time // when tonghop read it
	Outcome     Outcome   // accepted, rejected, ignored, quarantined or error
	Note        string    // why, in English, for operators
}

// Intake is everything decided about one received mail, stored together by RecordIntake.
type Intake struct {
	Mail        Mail
	Submissions []Submission
	Outbox      []OutMail
	Events      []Event
	// Drafts are edited workbooks the mail carried (a leader's reply), stored as the next draft
	// versions with the mail's ID; Approval is the approval step the mail decided, if any.
	Drafts   []Draft
	Approval *ApprovalUpdate
	// Periods are the reporting periods the mail's workbooks belong to, inserted unless they
	// exist (as EnsurePeriod does), so a workbook's period is in the ledger with it.
	Periods []Period
	// LateDecision is a clerk's answer about a file received after the issue, if the mail is one.
	LateDecision *LateDecision
	// Review is a supervisor's answer about a unit's file (issue 19, part V), if the mail is one.
	Review *ReviewUpdate
	// Upstream is an upper office's template the mail carried (issue 19, part 3), recorded as
	// its request (see UpstreamRequest).
	Upstream []UpstreamRequest
	// RegisterWait is the wait for a number updated by the registry clerk's reply that gave none
	// usable (issue 20): she was asked again.
	RegisterWait *RegisterWait
}

// IntakeResult says what RecordIntake stored.
type IntakeResult struct {
	MailID      int64
	Duplicate   bool         // a mail with the same SHA256 was already recorded: nothing was written
	Submissions []Submission // as stored, with IDs and Versions (for a duplicate: those stored the first time)
	Drafts      []Draft      // as stored, numbered (none for a duplicate)
}

// RecordIntake stores a received mail with everything decided about it in ONE transaction: the
// mail row, the periods of its workbooks (one that exists is kept as it is), its submissions
// (each numbered with the next version of its form, unit and period), the outbox mails (a key
// already enqueued is kept as it is) and the events. So a crash never leaves a receipt without
// its submission, and reading the same mail again (after a crash before the IMAP cursor moved,
// or a UIDVALIDITY change) is recognised by its SHA256 and writes nothing.
//
// The raw mail and each submission's file must already be stored with PutBlob, so no row points
// to a missing file. A submission without ReceivedAt, and an event without At, get the mail's
// ReceivedAt. A submission with a non-zero Version is stored only if that is the version it gets
// (see NextVersion), otherwise RecordIntake fails with ErrVersionConflict.
func (l *Ledger) RecordIntake(ctx context.Context, in Intake) (IntakeResult, error) {
	if err := l.checkIntake(in); err != nil {
		return IntakeResult{}, fmt.Errorf("record intake %s: %w", in.Mail.SHA256, err)
	}
	var res IntakeResult
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = recordIntake(ctx, tx, in)
		return err
	})
	if err != nil {
		return IntakeResult{}, fmt.Errorf("record intake %s: %w", in.Mail.SHA256, err)
	}
	return res, nil
}

func recordIntake(ctx context.Context, tx *sql.Tx, in Intake) (IntakeResult, error) {
	var existing int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM mails WHERE sha256 = ?`, in.Mail.SHA256).Scan(&existing)
	if err == nil {
		subs, err := querySubmissions(ctx, tx, `mail_id = ?`, existing)
		return IntakeResult{MailID: existing, Duplicate: true, Submissions: subs}, err
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return IntakeResult{}, err
	}
	mailID, err := insertMail(ctx, tx, in.Mail)
	if err != nil {
		return IntakeResult{}, err
	}
	for _, p := range in.Periods {
		if _, err := ensurePeriod(ctx, tx, withDefaultStatus(p)); err != nil {
			return IntakeResult{}, fmt.Errorf("ensure period %s %s: %w", p.Form, p.Period, err)
		}
	}
	res := IntakeResult{MailID: mailID}
	for _, s := range in.Submissions {
		s.MailID = mailID
		if s.ReceivedAt.IsZero() {
			s.ReceivedAt = in.Mail.ReceivedAt
		}
		stored, err := insertSubmission(ctx, tx, s)
		if err != nil {
			return IntakeResult{}, err
		}
		res.Submissions = append(res.Submissions, stored)
	}
	for _, m := range in.Outbox {
		if _, _, err := insertOutMail(ctx, tx, m); err != nil {
			return IntakeResult{}, fmt.Errorf("outbox %q: %w", m.Key, err)
		}
	}
	for _, d := range in.Drafts {
		d.MailID = mailID
		stored, err := insertDraft(ctx, tx, d)
		if err != nil {
			return IntakeResult{}, err
		}
		res.Drafts = append(res.Drafts, stored)
	}
	for _, r := range in.Upstream {
		if err := upsertUpstream(ctx, tx, r, mailID); err != nil {
			return IntakeResult{}, err
		}
	}
	if in.LateDecision != nil {
		if err := decideLateFile(ctx, tx, *in.LateDecision, mailID); err != nil {
			return IntakeResult{}, err
		}
	}
	if in.Review != nil {
		u := *in.Review
		if u.At.IsZero() {
			u.At = in.Mail.ReceivedAt
		}
		if err := saveReview(ctx, tx, u); err != nil {
			return IntakeResult{}, err
		}
	}
	if in.RegisterWait != nil {
		if err := putWait(ctx, tx, *in.RegisterWait); err != nil {
			return IntakeResult{}, err
		}
	}
	if in.Approval != nil {
		u := *in.Approval
		if u.Reopen != nil {
			c := *u.Reopen
			c.MailID, u.Reopen = mailID, &c
		}
		if err := saveApproval(ctx, tx, u); err != nil {
			return IntakeResult{}, err
		}
	}
	return res, insertEvents(ctx, tx, withDefaultTime(in.Events, in.Mail.ReceivedAt))
}

// checkIntake catches what would otherwise fail halfway through the transaction, and the blobs
// that must exist before rows refer to them.
func (l *Ledger) checkIntake(in Intake) error {
	m := in.Mail
	switch m.Outcome {
	case OutcomeAccepted, OutcomeRejected, OutcomeIgnored, OutcomeQuarantined, OutcomeError:
	default:
		return fmt.Errorf("unknown outcome %q", m.Outcome)
	}
	if m.ReceivedAt.IsZero() {
		return errors.New("mail without received time")
	}
	if !l.hasBlob(m.SHA256) {
		return fmt.Errorf("raw mail blob %q: %w (PutBlob it first)", m.SHA256, ErrNotFound)
	}
	for _, s := range in.Submissions {
		if err := checkSubmission(s); err != nil {
			return err
		}
		if s.FileSHA256 != "" && !l.hasBlob(s.FileSHA256) {
			return fmt.Errorf("file blob %q of %s: %w (PutBlob it first)", s.FileSHA256, s.FileName, ErrNotFound)
		}
	}
	for _, p := range in.Periods {
		if err := checkPeriod(withDefaultStatus(p)); err != nil {
			return fmt.Errorf("period %s %s: %w", p.Form, p.Period, err)
		}
	}
	for _, o := range in.Outbox {
		if err := checkOutMail(o); err != nil {
			return fmt.Errorf("outbox %q: %w", o.Key, err)
		}
	}
	for _, d := range in.Drafts {
		if err := l.checkDraft(d); err != nil {
			return fmt.Errorf("draft: %w", err)
		}
	}
	if in.Approval != nil {
		if err := checkApproval(*in.Approval); err != nil {
			return fmt.Errorf("approval: %w", err)
		}
	}
	if in.LateDecision != nil {
		if err := checkLateDecision(*in.LateDecision); err != nil {
			return err
		}
	}
	if in.RegisterWait != nil {
		if err := checkWait(*in.RegisterWait); err != nil {
			return err
		}
	}
	for _, e := range withDefaultTime(in.Events, m.ReceivedAt) {
		if err := checkEvent(e); err != nil {
			return err
		}
	}
	return nil
}

func insertMail(ctx context.Context, tx *sql.Tx, m Mail) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO mails (sha256, message_id, from_addr, subject, date, size,
		mailbox, uid_validity, uid, received_at, outcome, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.SHA256, m.MessageID, m.From, m.Subject, encodeTime(m.Date), m.Size, m.Mailbox,
		int64(m.UIDValidity), int64(m.UID), encodeTime(m.ReceivedAt), m.Outcome, m.Note)
	if err != nil {
		return 0, fmt.Errorf("insert mail: %w", err)
	}
	return res.LastInsertId()
}

// MailBySHA returns the mail whose raw bytes hash to sha, or an error wrapping ErrNotFound.
func (l *Ledger) MailBySHA(ctx context.Context, sha string) (Mail, error) {
	m, err := scanMail(l.db.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mails WHERE sha256 = ?`, sha))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Mail{}, fmt.Errorf("mail %s: %w", sha, err)
	}
	return m, nil
}

// MailByID returns the mail with the given row ID, or an error wrapping ErrNotFound.
func (l *Ledger) MailByID(ctx context.Context, id int64) (Mail, error) {
	m, err := scanMail(l.db.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mails WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Mail{}, fmt.Errorf("mail %d: %w", id, err)
	}
	return m, nil
}

// Mails returns every recorded mail, by ID.
func (l *Ledger) Mails(ctx context.Context) ([]Mail, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT `+mailColumns+` FROM mails ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list mails: %w", err)
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, fmt.Errorf("list mails: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list mails: %w", err)
	}
	return out, nil
}

const mailColumns = `id, sha256, message_id, from_addr, subject, date, size, mailbox, uid_validity, uid,
	received_at, outcome, note`

func scanMail(s scanner) (Mail, error) {
	var m Mail
	var date, received string
	var uidValidity, uid int64
	err := s.Scan(&m.ID, &m.SHA256, &m.MessageID, &m.From, &m.Subject, &date, &m.Size, &m.Mailbox,
		&uidValidity, &uid, &received, &m.Outcome, &m.Note)
	if err != nil {
		return Mail{}, err
	}
	m.UIDValidity, m.UID = uint32(uidValidity), uint32(uid)
	var d timeDecoder
	m.Date, m.ReceivedAt = d.time(date), d.time(received)
	return m, d.err
}
