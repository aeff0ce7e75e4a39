package receive

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailauth"
	"github.com/tonghop/tonghop/office"
)

// Submissions are authenticated when the office can: with [mail_auth] configured, a mail from a
// unit (or from a person reporting for units) is checked as leaders' replies are. One that fails
// may not be theirs, so it changes nothing and answers nobody: its workbooks are recorded as
// unverified (never counted), the mail is quarantined, and the clerks are told once a day per
// address. Without [mail_auth] mail is taken to come from its From address, as before.

// authenticate checks the mail of a sender who may submit with the office's mail
// authentication; unverified is true when it is configured and the mail fails it.
func (j *Judge) authenticate(raw []byte, msg *intake.Message, s office.Sender) (v mailauth.Verdict, unverified bool) {
	if !s.MaySubmit() {
		return mailauth.Verdict{}, false
	}
	p, ok := j.Office.MailAuthPolicy(j.LookupTXT)
	if !ok {
		return mailauth.Verdict{}, false
	}
	v = mailauth.Check(raw, msg.From.Addr, p)
	return v, !v.Pass
}

// decideUnverified records a mail that failed authentication: quarantined, its workbooks (when
// the mail is not over mailbox.max_attachments) stored as unverified submissions, no answer to
// the sender, and the clerks told. It returns the files of the submissions to record.
func (j *Judge) decideUnverified(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, sheets []intake.Attachment, auth mailauth.Verdict) ([][]byte, error) {
	why := authDetail(auth)
	j.log().Warn("mail from a unit failed authentication: quarantined, not answered, its workbooks not counted",
		"from", msg.From.Addr, "why", why)
	in.Settle(j.now(), ledger.OutcomeQuarantined, "sender not authenticated ("+why+"): workbooks recorded as unverified, not answered",
		ledger.ActionMailUnverified)
	var blobs [][]byte
	if len(msg.Attachments) > j.Office.Mailbox.MaxAttachments {
		sheets = nil // not read, as for any mail with too many files
	}
	for _, att := range sheets {
		v, report, err := j.judgeFile(ctx, s, att, msg.Subject, sheets)
		if err != nil {
			return nil, fmt.Errorf("workbook %q: %w", att.Name, err)
		}
		if !report {
			continue
		}
		sub := v.Submission
		if sub.Form == "" || sub.Unit == "" {
			in.Events = append(in.Events, j.event(s.Actor(msg.From.Addr), ledger.ActionSubmissionUnidentified, ledger.MailObject(in.Mail.SHA256), att.Name))
			continue
		}
		sub = unverifiedSubmission(sub, v)
		sub.ReceivedAt = in.Mail.ReceivedAt
		sub.Version += sameKeyEarlier(in.Submissions, sub)
		in.Submissions = append(in.Submissions, sub)
		blobs = append(blobs, v.Stored)
		detail := fmt.Sprintf("%s %s v%d: unverified, sender not authenticated", sub.Form, sub.Period, sub.Version)
		in.Events = append(in.Events, j.event(sub.Unit, ledger.ActionSubmissionRejected, ledger.SubmissionObject(sub), detail))
	}
	return blobs, j.notifyUnverified(ctx, in, msg, s, auth.Reason)
}

// unverifiedSubmission is sub never counted: invalid, with the unverified sender first among its
// errors, so LatestValid and every draft leave it out whatever the workbook holds.
func unverifiedSubmission(sub ledger.Submission, v Verdict) ledger.Submission {
	errs := append([]form.Problem{letters.ProblemUnverified()}, v.Errors...)
	sub.Valid = false
	sub.Problems, _ = json.Marshal(map[string][]form.Problem{"errors": errs, "warnings": v.Warnings})
	return sub
}

// notifyUnverified tells the clerks, once per address and day, that a mail in a unit's name was
// not shown to be the unit's. The mail is not attached: it may be anyone's, and it is in the
// quarantine folder.
func (j *Judge) notifyUnverified(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, why string) error {
	day := in.Mail.ReceivedAt.In(j.Office.Location)
	l := letters.NoticeLetter(letters.Notice{
		Office: j.Office.Letterhead(), Reason: letters.NoticeUnverifiedSender, From: msg.From.Addr, FromName: msg.From.Name,
		Unit: s.Name(), Subject: msg.Subject, ReceivedAt: day, Files: fileNames(msg),
		Folder: j.Office.Mailbox.Quarantine, Why: why,
	})
	m := ledger.OutMail{Key: ledger.UnverifiedSenderNoticeKey(msg.From.Addr, day), Kind: ledger.KindNotice}
	return j.queueNotice(ctx, in, m, l, msg.From.Addr, ledger.ActionNoticeHeldUnverified)
}

// authDetail is what failed, in English, for the log and the mail's note.
func authDetail(v mailauth.Verdict) string {
	var parts []string
	for _, f := range v.Failures {
		p := f.Method + "=" + f.Result
		if f.Server != "" {
			p += " by " + f.Server
		}
		if f.Detail != "" {
			p += " (" + f.Detail + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}
