package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
)

// decide works out what a received message means: who sent it, which workbooks it carries and
// whether they are valid, which replies and notices it calls for. It writes only blobs; the
// caller records the returned Intake in one transaction. An error means the ledger could not be
// read: the message is left for the next poll.
func (d *Daemon) decide(ctx context.Context, f intake.Fetched, uidValidity uint32, sha string, log *slog.Logger) (ledger.Intake, error) {
	in := ledger.Intake{Mail: ledger.Mail{
		SHA256: sha, Size: int64(len(f.Raw)), Mailbox: d.o.Mailbox.Inbox,
		UIDValidity: uidValidity, UID: f.UID, ReceivedAt: d.now(),
	}}
	msg, err := intake.Parse(f.Raw, intake.Limits{})
	if err != nil {
		log.Warn("unreadable message quarantined", "err", err)
		in.Settle(d.now(), ledger.OutcomeQuarantined, "unreadable: "+err.Error(), "mail.quarantined")
		return in, nil
	}
	in.Mail.MessageID, in.Mail.From, in.Mail.Subject, in.Mail.Date = msg.MessageID, msg.From.Addr, msg.Subject, msg.Date
	in.Events = append(in.Events, d.event(msg.From.Addr, "mail.received", ledger.MailObject(sha), msg.Subject))
	if reason := d.ignoreReason(msg); reason != "" {
		in.Settle(d.now(), ledger.OutcomeIgnored, reason, "mail.ignored")
		return in, nil
	}
	s := d.o.SenderOf(msg.From.Addr)
	if s.Unit == nil { // units' mail is never an approval: no thread lookup for it
		if ref, ok := d.approver.Thread(ctx, msg); ok {
			return in, d.approver.Reply(ctx, &in, msg, f.Raw, ref, log)
		}
	}
	sheets := workbooks(msg)
	switch {
	case s.Unit == nil && s.Person == nil:
		in.Settle(d.now(), ledger.OutcomeQuarantined, "sender is neither a unit nor a configured person", "mail.unknown_sender")
		d.notify(ctx, &in, msg, s, noticeUnknownSender)
	case s.Unit == nil && len(s.Person.SubmitsFor) == 0:
		in.Settle(d.now(), ledger.OutcomeIgnored, "mail from "+s.Person.ID+" outside any approval thread: kept, not answered", "mail.ignored")
	case len(msg.Attachments) > d.o.Mailbox.MaxAttachments:
		in.Settle(d.now(), ledger.OutcomeQuarantined, fmt.Sprintf("%d files, over mailbox.max_attachments (%d); not read",
			len(msg.Attachments), d.o.Mailbox.MaxAttachments), "mail.quarantined")
		d.queueReply(&in, d.tooManyFilesMail(msg, s, len(msg.Attachments), sha))
	case len(sheets) == 0:
		d.decideNoWorkbook(ctx, &in, msg, s)
	default:
		d.decideSubmissions(ctx, &in, msg, s, sheets, log)
	}
	d.limitReplies(ctx, &in, msg.From.Addr, log)
	return in, nil
}

// ignoreReason says why a message gets no answer at all, or "" if it should be handled.
func (d *Daemon) ignoreReason(msg *intake.Message) string {
	switch {
	case msg.IsAutomatic():
		return "automatic mail (auto-reply, bounce or list): never answered, to avoid mail loops"
	case strings.EqualFold(msg.From.Addr, d.o.SMTP.From) || strings.EqualFold(msg.From.Addr, d.o.Mailbox.User):
		return "mail from tonghop's own address: never answered, to avoid mail loops"
	}
	return ""
}

// decideSubmissions reads every workbook of the mail and prepares the receipt and the error reply.
func (d *Daemon) decideSubmissions(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, sheets []intake.Attachment, log *slog.Logger) {
	var accepted []ledger.Submission
	var rejected []fileProblems
	for _, att := range sheets {
		sub, problems, err := d.readSubmission(ctx, s, att, msg.Subject)
		if err != nil {
			log.Error("workbook not stored", "file", att.Name, "err", err)
			rejected = append(rejected, fileProblems{File: att.Name, Problems: []form.Problem{letters.ProblemInternal()}})
			continue
		}
		sub.ReceivedAt = in.Mail.ReceivedAt
		if sub.Form == "" || sub.Unit == "" {
			// Not identified as any form, or for no unit the sender may speak for: the file stays
			// in the raw mail, and the sender is told why.
			rejected = append(rejected, fileProblems{File: att.Name, Problems: problems})
			in.Events = append(in.Events, d.event(s.Actor(msg.From.Addr), "submission.unidentified", ledger.MailObject(in.Mail.SHA256), att.Name))
			continue
		}
		sub.Version += sameKeyEarlier(in.Submissions, sub) // two files for one period in one mail
		in.Submissions = append(in.Submissions, sub)
		d.recordSubmissionEvent(ctx, in, msg, s, sub, len(problems))
		if sub.Valid {
			accepted = append(accepted, sub)
		} else {
			rejected = append(rejected, fileProblems{File: att.Name, Form: sub.Form, Period: sub.Period, Unit: sub.Unit, Problems: problems})
		}
	}
	in.Mail.Outcome = ledger.OutcomeAccepted
	if len(rejected) > 0 {
		in.Mail.Outcome = ledger.OutcomeRejected
		d.queueReply(in, d.rejectionMail(msg, s, rejected, in.Mail.SHA256))
	}
	if len(accepted) > 0 {
		d.queueReply(in, d.receiptMail(msg, s, accepted, in.Mail.SHA256))
	}
}

// recordSubmissionEvent adds the audit event of one recorded workbook and, for a workbook of a
// closed period, the notice that lets the Planning Office decide.
func (d *Daemon) recordSubmissionEvent(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, sub ledger.Submission, errors int) {
	action, detail := "submission.accepted", fmt.Sprintf("%s %s v%d", sub.Form, sub.Period, sub.Version)
	if sub.Late {
		detail += " (late)"
	}
	if !sub.Valid {
		action = "submission.rejected"
		detail += fmt.Sprintf(": %d errors", errors)
	}
	if s.Unit == nil {
		detail += " sent by " + s.Person.ID
	}
	in.Events = append(in.Events, d.event(sub.Unit, action, ledger.SubmissionObject(sub), detail))
	if afterClose(sub) {
		in.Events = append(in.Events, d.event("system", "submission.after_close", ledger.SubmissionObject(sub), detail))
		d.notifyAfterClose(ctx, in, msg, sub)
	}
}

// queueReply adds an answer to the intake, with the audit event that shows it on the timeline.
func (d *Daemon) queueReply(in *ledger.Intake, m ledger.OutMail) {
	in.Queue(d.now(), m, d.recipientObject(m.To))
}

// recipientObject names who a mail goes to in the audit trail: the unit whose address it is, or
// the addresses themselves.
func (d *Daemon) recipientObject(to []string) string {
	if len(to) > 0 {
		if u, ok := d.o.UnitByEmail(to[0]); ok {
			return "unit:" + u.Code
		}
	}
	return "mail:" + strings.Join(to, ",")
}

// sameKeyEarlier counts the submissions of the same form, unit and period already in the mail:
// the ledger numbers versions inside the transaction, so each must ask for its own number.
func sameKeyEarlier(earlier []ledger.Submission, sub ledger.Submission) int {
	n := 0
	for _, e := range earlier {
		if e.Form == sub.Form && e.Unit == sub.Unit && e.Period == sub.Period {
			n++
		}
	}
	return n
}

// fileProblems are the errors of one attached file, for the error reply.
type fileProblems struct {
	File, Form, Period, Unit string
	Problems                 []form.Problem
}

// nextVersion numbers a submission as the ledger will, for the receipt written before it is
// recorded; RecordIntake checks the number again inside its transaction.
func (d *Daemon) nextVersion(ctx context.Context, sub ledger.Submission) (int, error) {
	if sub.Form == "" || sub.Unit == "" {
		return 0, nil
	}
	n, err := d.ledger.NextVersion(ctx, sub.Form, sub.Unit, sub.Period)
	if err != nil {
		return 0, fmt.Errorf("next version: %w", err)
	}
	return n, nil
}
