package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// decide works out what a received message means: who sent it, which workbooks it carries and
// whether they are valid, and which replies it calls for. It writes only blobs; the caller records
// the returned Intake in one transaction.
func (d *Daemon) decide(ctx context.Context, f intake.Fetched, uidValidity uint32, sha string, log *slog.Logger) ledger.Intake {
	now := d.now()
	in := ledger.Intake{Mail: ledger.Mail{
		SHA256: sha, Size: int64(len(f.Raw)), Mailbox: d.cfg.Mailbox.Inbox,
		UIDValidity: uidValidity, UID: f.UID, ReceivedAt: now,
	}}
	object := "mail:" + sha[:12]
	msg, err := intake.Parse(f.Raw, intake.Limits{})
	if err != nil {
		log.Warn("unreadable message quarantined", "err", err)
		in.Mail.Outcome, in.Mail.Note = outcomeQuarantined, "unreadable: "+err.Error()
		in.Events = append(in.Events, d.event("system", "mail.quarantined", object, in.Mail.Note))
		return in
	}
	in.Mail.MessageID, in.Mail.From, in.Mail.Subject, in.Mail.Date = msg.MessageID, msg.From.Addr, msg.Subject, msg.Date
	in.Events = append(in.Events, d.event(msg.From.Addr, "mail.received", object, msg.Subject))
	if reason := d.ignoreReason(msg); reason != "" {
		in.Mail.Outcome, in.Mail.Note = outcomeIgnored, reason
		in.Events = append(in.Events, d.event("system", "mail.ignored", object, reason))
		return in
	}
	unit, ok := d.cfg.UnitByEmail(msg.From.Addr)
	if !ok {
		in.Mail.Outcome, in.Mail.Note = outcomeRejected, "sender is not the address of any unit"
		in.Events = append(in.Events, d.event("system", "mail.unknown_sender", object, msg.From.Addr))
		d.queueReply(&in, d.unknownSenderMail(msg, now), msg.From.Addr)
		return in
	}
	d.decideSubmissions(ctx, &in, msg, unit, log)
	return in
}

// ignoreReason says why a message gets no answer at all, or "" if it should be handled.
func (d *Daemon) ignoreReason(msg *intake.Message) string {
	switch {
	case msg.IsAutomatic():
		return "automatic mail (auto-reply, bounce or list): never answered, to avoid mail loops"
	case strings.EqualFold(msg.From.Addr, d.cfg.SMTP.From) || strings.EqualFold(msg.From.Addr, d.cfg.Mailbox.User):
		return "mail from tonghop's own address: never answered, to avoid mail loops"
	}
	for _, p := range d.cfg.People {
		if slices.ContainsFunc(p.Emails, func(e string) bool { return strings.EqualFold(e, msg.From.Addr) }) {
			return "mail from " + p.ID + ": kept in the ledger; replies of the approval chain are not read yet"
		}
	}
	return ""
}

// decideSubmissions reads every workbook of a unit's mail and prepares the receipt and the error reply.
func (d *Daemon) decideSubmissions(ctx context.Context, in *ledger.Intake, msg *intake.Message, unit config.Unit, log *slog.Logger) {
	object := "mail:" + in.Mail.SHA256[:12]
	sheets := workbooks(msg)
	if len(sheets) == 0 {
		in.Mail.Outcome, in.Mail.Note = outcomeRejected, "no .xlsx workbook attached"
		in.Events = append(in.Events, d.event(unit.Code, "mail.no_workbook", object, msg.Subject))
		d.queueReply(in, d.rejectionMail(msg, unit, []fileProblems{{Problems: noWorkbookProblems(msg)}}, in.Mail.SHA256), unit.Code)
		return
	}
	var accepted []ledger.Submission
	var rejected []fileProblems
	for _, att := range sheets {
		sub, problems, err := d.readSubmission(ctx, unit, att, msg.Subject)
		if err != nil {
			log.Error("workbook not stored", "file", att.Name, "err", err)
			rejected = append(rejected, fileProblems{File: att.Name, Problems: []form.Problem{problemInternal()}})
			continue
		}
		sub.ReceivedAt = in.Mail.ReceivedAt
		if sub.Form == "" {
			// Not identified as any form: the file stays in the raw mail, and the unit is told why.
			rejected = append(rejected, fileProblems{File: att.Name, Problems: problems})
			in.Events = append(in.Events, d.event(unit.Code, "submission.unidentified", object, att.Name))
			continue
		}
		in.Submissions = append(in.Submissions, sub)
		action, detail := "submission.accepted", fmt.Sprintf("%s %s v%d", sub.Form, sub.Period, sub.Version)
		if sub.Late {
			detail += " (late)"
		}
		if sub.Valid {
			accepted = append(accepted, sub)
		} else {
			action = "submission.rejected"
			detail += fmt.Sprintf(": %d errors", len(problems))
			rejected = append(rejected, fileProblems{File: att.Name, Form: sub.Form, Period: sub.Period, Problems: problems})
		}
		in.Events = append(in.Events, d.event(unit.Code, action, submissionObject(sub), detail))
	}
	in.Mail.Outcome = outcomeAccepted
	if len(rejected) > 0 {
		in.Mail.Outcome = outcomeRejected
		d.queueReply(in, d.rejectionMail(msg, unit, rejected, in.Mail.SHA256), unit.Code)
	}
	if len(accepted) > 0 {
		d.queueReply(in, d.receiptMail(msg, unit, accepted, in.Mail.SHA256), unit.Code)
	}
}

// queueReply adds an answer to the intake, with the audit event that shows it on the timeline.
func (d *Daemon) queueReply(in *ledger.Intake, m ledger.OutMail, to string) {
	m.CreatedAt, m.NotBefore = d.now(), d.now()
	in.Outbox = append(in.Outbox, m)
	in.Events = append(in.Events, d.event("system", "outbox.queued."+m.Kind, "unit:"+to, m.Subject))
}

func submissionObject(s ledger.Submission) string {
	return fmt.Sprintf("form:%s/%s/unit:%s", s.Form, s.Period, s.Unit)
}

// fileProblems are the errors of one attached file, for the error reply.
type fileProblems struct {
	File, Form, Period string
	Problems           []form.Problem
}

// nextVersion numbers a submission as the ledger will, for the receipt written before it is
// recorded; RecordIntake checks the number again inside its transaction.
func (d *Daemon) nextVersion(ctx context.Context, sub ledger.Submission) (int, error) {
	if sub.Form == "" {
		return 0, nil
	}
	n, err := d.ledger.NextVersion(ctx, sub.Form, sub.Unit, sub.Period)
	if err != nil {
		return 0, fmt.Errorf("next version: %w", err)
	}
	return n, nil
}
