package ledger

import (
	"context"
	"fmt"
)

// Part D of issue 21 (dossier): what a period's dossier gathers that no other query lists.

// PeriodOutMails returns the outbox mails about a form's period, by ID: the units' templates,
// reminders and nags (their About columns name it), and the clerks' draft mails, the approval
// requests, reminders and withdrawals, the corrections, the issues and the notices and
// decisions about files received after the issue, whose keys start with the
// period's own prefixes (the same keys keys.go builds; nothing here parses a key apart).
func (l *Ledger) PeriodOutMails(ctx context.Context, form, period string) ([]OutMail, error) {
	where, args := periodOutWhere(form, period)
	out, err := outMailsWhere(ctx, l.db, where, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox of %s %s: %w", form, period, err)
	}
	return out, nil
}

// periodOutWhere selects the outbox mails of PeriodOutMails.
func periodOutWhere(form, period string) (string, []any) {
	prefixes := []string{
		fmt.Sprintf("draft:%s:%s:", form, period),
		fmt.Sprintf("approval:%s:%s:", form, period),
		fmt.Sprintf("correction:%s:%s:", form, period),
		IssueKey(form, period) + ":",
		fmt.Sprintf("late-file:%s:%s:", form, period),
		fmt.Sprintf("notice:after-close:%s:%s:", form, period),
	}
	where, args := `(form = ? AND period = ?) OR key = ?`, []any{form, period, IssueKey(form, period)}
	for _, p := range prefixes {
		where += ` OR substr(key, 1, length(?)) = ?`
		args = append(args, p, p)
	}
	return where, args
}

// AnswersTo returns the outbox mails answering the received mail whose raw bytes hash to
// mailSHA, by ID: its receipt or rejection, the clerks' notice or forward of it, the answers to
// a leader's or a clerk's reply.
func (l *Ledger) AnswersTo(ctx context.Context, mailSHA string) ([]OutMail, error) {
	out, err := answersTo(ctx, l.db, mailSHA)
	if err != nil {
		return nil, fmt.Errorf("answers to mail %s: %w", mailSHA, err)
	}
	return out, nil
}

func answersTo(ctx context.Context, q queryer, mailSHA string) ([]OutMail, error) {
	approvalReply, lateReply := ApprovalReplyKey(mailSHA, ""), LateFileReplyKey(mailSHA, "")
	return outMailsWhere(ctx, q, `key IN (?, ?, ?, ?, ?, ?)
		OR substr(key, 1, length(?)) = ? OR substr(key, 1, length(?)) = ?`,
		ReceiptKey(mailSHA), RejectionKey(mailSHA), OversizeRejectionKey(mailSHA), ForwardKey(mailSHA),
		UnitMessageNoticeKey(mailSHA), StuckMailNoticeKey(mailSHA),
		approvalReply, approvalReply, lateReply, lateReply)
}

// outMailsWhere lists the outbox mails matching where (a trusted constant), by ID.
func outMailsWhere(ctx context.Context, q queryer, where string, args ...any) ([]OutMail, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+outColumns+` FROM outbox WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutMail
	for rows.Next() {
		m, err := scanOutMail(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MailsByMessageID returns every received mail with this Message-ID, by ID: a leader's reply is
// named in the approval's history by its Message-ID only.
func (l *Ledger) MailsByMessageID(ctx context.Context, messageID string) ([]Mail, error) {
	if messageID == "" {
		return nil, nil
	}
	rows, err := l.db.QueryContext(ctx, `SELECT `+mailColumns+` FROM mails WHERE message_id = ? ORDER BY id`, messageID)
	if err != nil {
		return nil, fmt.Errorf("mails with Message-ID %q: %w", messageID, err)
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, fmt.Errorf("mails with Message-ID %q: %w", messageID, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
