package review

import (
	"context"
	"fmt"
	"log/slog"
	"slices"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/reply"
)

// Reply reads a supervisor's answer about the file ref names (see Thread) and puts what it
// decides into in, to be recorded with the mail in one transaction. Only an authenticated reply
// from the file's supervisor, bound to a letter sent to them about that file, can count a file
// or return it: any other is quarantined and the clerks told why. An error (the ledger
// unreadable) leaves the mail for the next poll.
func (rv *Reviewer) Reply(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, ref Ref, log *slog.Logger) error {
	r := ref.Review
	log = log.With("component", "review", "submission", r.Submission.ID, "form", r.Submission.Form,
		"period", r.Submission.Period, "unit", r.Submission.Unit)
	if why := rv.authFailure(raw, msg); why != "" {
		log.Warn("supervisor's reply refused: authentication failed", "from", msg.From.Addr, "why", why)
		return rv.refuse(ctx, in, msg, r, letters.AuthFailed(why), "auth")
	}
	p, known := rv.Office.PersonByEmail(msg.From.Addr)
	if !known || p.ID != r.Supervisor || !rv.bound(ctx, msg, ref, p) {
		log.Warn("supervisor's reply refused: it answers no request sent to its sender", "from", msg.From.Addr)
		return rv.refuse(ctx, in, msg, r, letters.NotBound, "unbound")
	}
	if r.State != ledger.ReviewPending {
		in.Settle(rv.now(), ledger.OutcomeIgnored, fmt.Sprintf("supervisor's reply about a file already %s", r.State), ledger.ActionMailIgnored)
		return nil
	}
	res := readReply(msg.Text, msg.HTML, r)
	u, err := rv.decide(ctx, in, msg, r, p, res)
	if err != nil {
		return err
	}
	in.Review = &u
	log.Info("supervisor's reply read", "decision", res.Decision, "state", u.Review.State)
	return nil
}

// decide turns a supervisor's reading into the review's next record and the mails it sends.
func (rv *Reviewer) decide(ctx context.Context, in *ledger.Intake, msg *intake.Message, r ledger.Review, p config.Person, res reply.Result) (ledger.ReviewUpdate, error) {
	now, f := rv.now(), rv.file(ctx, r)
	u := ledger.ReviewUpdate{Review: r, At: now}
	obj := ledger.SubmissionObject(r.Submission)
	note := fmt.Sprintf("supervisor's reply: %s (%s)", res.Decision, res.Reason)
	switch {
	case res.Decision == reply.Approve || res.Decision == reply.Revise:
		u.Review.DecidedBy, u.Review.DecidedAt, u.Review.AnswerSHA256 = p.ID, now, in.Mail.SHA256
		u.Review.Comment = res.Comment
		action, l := ledger.ActionReviewAgreed, letters.ReviewAgreedLetter(f, res.Comment)
		u.Review.State = ledger.ReviewAgreed
		edited, hasEdited := ledger.Attachment{}, false
		if res.Decision == reply.Revise {
			if edited, hasEdited = rv.editedFile(msg); hasEdited {
				l = letters.ReviewReturnedLetter(f, res.Comment, edited.Name)
			} else {
				l = letters.ReviewReturnedLetter(f, res.Comment, "")
			}
			action, u.Review.State = ledger.ActionReviewReturned, ledger.ReviewReturned
		}
		m, err := rv.toUnit(ctx, r, in.Mail.SHA256, l, p)
		if err != nil {
			return u, err
		}
		if hasEdited {
			m.Attachments = []ledger.Attachment{edited}
		}
		u.Mails = append(u.Mails, m)
		u.Events = append(u.Events, ledger.Event{At: now, Actor: p.ID, Action: action, Object: obj, Detail: res.Comment})
	case r.Asked == 0:
		u.Review.Asked++
		l := letters.ReviewAskAgainLetter(f, res.Written)
		u.Mails = append(u.Mails, ledger.OutMail{Key: ledger.ReviewReplyKey(in.Mail.SHA256, "ask"), Kind: ledger.KindReviewNotice,
			About: about(r.Submission), To: []string{msg.From.Addr}, Subject: l.Subject, Body: l.Body,
			InReplyTo: msg.MessageID, References: append(slices.Clone(msg.References), msg.MessageID), CreatedAt: now, NotBefore: now})
		u.Events = append(u.Events, ledger.Event{At: now, Actor: p.ID, Action: ledger.ActionReviewAsked, Object: obj, Detail: res.Reason})
	default: // still unclear: the clerks settle it with the supervisor; the file waits
		if m, ok := rv.toClerks(r, ledger.ReviewReplyKey(in.Mail.SHA256, "office"), letters.ReviewUnclearLetter(f, res.Written)); ok {
			u.Mails = append(u.Mails, m)
		}
		u.Events = append(u.Events, ledger.Event{At: now, Actor: p.ID, Action: ledger.ActionReviewUnclear, Object: obj, Detail: res.Reason})
	}
	for _, m := range u.Mails {
		u.Events = append(u.Events, ledger.Event{At: now, Actor: "system", Action: ledger.Queued(m.Kind), Object: obj, Detail: m.Subject})
	}
	in.Mail.Outcome, in.Mail.Note = ledger.OutcomeAccepted, note // the review's events say what happened
	return u, nil
}

// toUnit tells the unit what its supervisor decided, in the thread of the mail that brought its
// file, to the address it came from, with the supervisor in copy.
func (rv *Reviewer) toUnit(ctx context.Context, r ledger.Review, sha string, l letters.Letter, p config.Person) (ledger.OutMail, error) {
	now := rv.now()
	m := ledger.OutMail{Key: ledger.ReviewReplyKey(sha, "unit"), Kind: ledger.KindReviewNotice, About: about(r.Submission),
		Cc: p.Emails[:1], Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now}
	if mail, err := rv.Ledger.MailByID(ctx, r.Submission.MailID); err == nil && mail.From != "" {
		m.To, m.InReplyTo = []string{mail.From}, mail.MessageID
		if mail.MessageID != "" {
			m.References = []string{mail.MessageID}
		}
	}
	if len(m.To) == 0 {
		u, ok := rv.Office.Unit(r.Submission.Unit)
		if !ok || len(u.Emails) == 0 {
			return m, fmt.Errorf("unit %s has no address", r.Submission.Unit)
		}
		m.To = u.Emails[:1]
	}
	return m, nil
}

// refuse quarantines a reply that cannot count and tells the clerks why (within the hourly
// notice limits: a flood of forged replies is not a flood of mail).
func (rv *Reviewer) refuse(ctx context.Context, in *ledger.Intake, msg *intake.Message, r ledger.Review, why, suffix string) error {
	now := rv.now()
	in.Settle(now, ledger.OutcomeQuarantined, "supervisor's reply refused: "+suffix, ledger.ActionReviewRefused)
	to := rv.Office.ClerkAddresses()
	if len(to) == 0 {
		return nil
	}
	queued := ledger.Queued(ledger.KindReviewOffice)
	held, err := rv.Office.NoticeHeld(ctx, rv.Ledger, queued, in.Events, msg.From.Addr, now)
	if err != nil || held != "" {
		if held != "" {
			in.Mail.Note += "; " + held
		}
		return err
	}
	l := letters.RefusedReplyLetter(rv.Office.Letterhead(), msg.From.Addr, msg.Subject, why)
	in.Outbox = append(in.Outbox, ledger.OutMail{Key: ledger.ReviewReplyKey(in.Mail.SHA256, suffix), Kind: ledger.KindReviewOffice,
		About: about(r.Submission), To: to, Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now})
	in.Events = append(in.Events, ledger.Event{At: now, Actor: msg.From.Addr, Action: queued, Object: "office", Detail: l.Subject})
	return nil
}
