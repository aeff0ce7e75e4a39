package receive

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/vnenc"
)

// Notices tell the Planning Office's clerks about mail tonghop does not settle alone. Unlike
// replies they go to the office, never to the sender, so they cannot feed a loop; but a hundred
// strangers writing once each must not make a hundred mails either. Their keys make each one
// once (once per unknown address per day, once per unit message), and two hourly limits bound
// them: notices caused by mail from one address (mailbox.notices_per_sender_per_hour) and from
// everyone (mailbox.notices_per_hour). A notice past a limit is not sent: it is recorded as held
// back, and the clerks' daily digest counts it. A stranger's mail is never attached: the notice
// points to the quarantine folder.

// noticeKind names what a notice is about.
type noticeKind string

const (
	noticeUnknownSender noticeKind = "unknown-sender"
	noticeUnitMessage   noticeKind = "unit-message"
)

// notify queues a notice about msg from s to the clerks (a unit's message with the original mail
// attached, a stranger's without), unless the same notice was queued before (the same stranger
// earlier today) or the hourly limits hold it back.
func (j *Judge) notify(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, kind noticeKind) error {
	loc := j.Office.Location
	n := letters.Notice{
		Office: j.Office.Letterhead(), From: msg.From.Addr, FromName: msg.From.Name, Subject: msg.Subject,
		ReceivedAt: in.Mail.ReceivedAt.In(loc), Excerpt: replyText(msg.Text), Files: fileNames(msg),
	}
	m := ledger.OutMail{Kind: ledger.KindNotice}
	held := ledger.ActionNoticeHeldUnknownSender
	switch kind {
	case noticeUnknownSender:
		n.Reason, n.Folder = letters.NoticeUnknownSender, j.Office.Mailbox.Quarantine
		m.Key = ledger.UnknownSenderNoticeKey(msg.From.Addr, in.Mail.ReceivedAt.In(loc))
	case noticeUnitMessage:
		n.Reason = letters.NoticeUnitMessage
		m.Key, held = ledger.UnitMessageNoticeKey(in.Mail.SHA256), ledger.ActionNoticeHeldUnitMessage
		if s.Unit != nil {
			n.Unit = s.Unit.Name
		}
		m.Attachments = []ledger.Attachment{{Name: "thu-goc.eml", ContentType: "message/rfc822", SHA256: in.Mail.SHA256}}
	}
	return j.queueNotice(ctx, in, m, letters.NoticeLetter(n), msg.From.Addr, held)
}

// notifyAfterClose asks the clerks to decide whether a valid workbook that arrived after its
// report was issued goes into a corrected report: they answer the notice (see package approve),
// whose tag and keyed Message-ID bind the answer. The unit's file is attached. A file the unit
// never sent before is new work: its notice is never held back by the hourly limits, or the
// decision could never be taken.
func (j *Judge) notifyAfterClose(ctx context.Context, in *ledger.Intake, msg *intake.Message, sub ledger.Submission) error {
	is, err := j.issueInForce(ctx, sub)
	if err != nil {
		return err
	}
	l := letters.LateFileNoticeLetter(j.Office.LateFileLetter(sub, msg.From.Addr, is))
	m := ledger.OutMail{Key: ledger.AfterCloseNoticeKey(sub.Form, sub.Period, sub.Unit, sub.Version), Kind: ledger.KindLateFile,
		About:       ledger.About{Form: sub.Form, Period: sub.Period, Unit: sub.Unit},
		Attachments: []ledger.Attachment{{Name: sub.FileName, ContentType: mailer.ContentTypeXLSX, SHA256: sub.FileSHA256}}}
	seen, err := j.ledger().SubmittedBefore(ctx, sub.Unit, sub.FileSHA256)
	if err != nil {
		return fmt.Errorf("look up earlier files of %s: %w", sub.Unit, err)
	}
	return j.queueNoticeLimited(ctx, in, m, l, msg.From.Addr, ledger.ActionNoticeHeldAfterClose, seen)
}

// queueNotice addresses a notice to every clerk, caused by mail from the address cause. Without
// clerks it is only logged: the mail is in the ledger and its folder all the same. Past the
// hourly limits it is recorded as held (the action of its kind), for the digest.
func (j *Judge) queueNotice(ctx context.Context, in *ledger.Intake, m ledger.OutMail, l letters.Letter, cause string, held ledger.Action) error {
	return j.queueNoticeLimited(ctx, in, m, l, cause, held, true)
}

// queueNoticeLimited is queueNotice; limited false sends the notice past the hourly limits
// (counted all the same).
func (j *Judge) queueNoticeLimited(ctx context.Context, in *ledger.Intake, m ledger.OutMail, l letters.Letter, cause string, held ledger.Action, limited bool) error {
	for _, p := range j.Office.Clerks() {
		m.To = append(m.To, p.Emails[0])
	}
	if len(m.To) == 0 {
		j.log().Warn("no clerk configured to tell; add a person with the clerk role", "notice", m.Key)
		return nil
	}
	if _, err := j.ledger().OutMail(ctx, m.Key); err == nil {
		return nil // told already
	} else if !errors.Is(err, ledger.ErrNotFound) {
		return fmt.Errorf("look up notice %s: %w", m.Key, err)
	}
	why, err := "", error(nil)
	if limited {
		why, err = j.Office.NoticeHeld(ctx, j.ledger(), ledger.Queued(m.Kind), in.Events, cause, j.now())
	}
	if err != nil {
		return err
	}
	if why != "" {
		in.Mail.Note = strings.TrimPrefix(in.Mail.Note+"; "+why, "; ")
		in.Events = append(in.Events, j.event(cause, held, ledger.MailObject(in.Mail.SHA256), why))
		j.log().Warn("notice to the clerks held back by the hourly limit; counted in their digest", "notice", m.Key, "from", cause)
		return nil
	}
	m.Subject, m.Body = l.Subject, l.Body
	m.CreatedAt, m.NotBefore = j.now(), j.now()
	in.Outbox = append(in.Outbox, m)
	// The event names the address whose mail caused the notice: the per-sender limit counts them.
	in.Events = append(in.Events, j.event(cause, ledger.Queued(m.Kind), "office:clerks", m.Subject))
	return nil
}

// decideNoWorkbook answers a unit's mail without a workbook. A reply to one of tonghop's mails
// ("em sẽ gửi chiều nay") is a message for people: it is shown to the clerks, not answered. A
// mail about a report, or one with other files, forgot or mistook the attachment: it is
// answered with what to send. Anything else is shown to the clerks too.
func (j *Judge) decideNoWorkbook(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender) error {
	noFiles := len(namedFiles(msg)) == 0
	if noFiles && (j.repliesToUs(msg) || !aboutReport(msg, j.formCodes())) {
		in.Settle(j.now(), ledger.OutcomeIgnored, "a message without a workbook: shown to the Planning Office, not answered", ledger.ActionMailForOffice)
		return j.notify(ctx, in, msg, s, noticeUnitMessage)
	}
	in.Mail.Outcome, in.Mail.Note = ledger.OutcomeRejected, "no workbook attached"
	in.Events = append(in.Events, j.event(s.Actor(msg.From.Addr), ledger.ActionMailNoWorkbook, ledger.MailObject(in.Mail.SHA256), msg.Subject))
	j.queueReply(in, j.rejectionMail(msg, s, []fileProblems{{Problems: letters.NoWorkbookProblems(attachedFiles(msg))}}, nil, in.Mail.SHA256))
	return nil
}

// repliesToUs reports whether the mail answers a mail tonghop sent.
func (j *Judge) repliesToUs(msg *intake.Message) bool {
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		if mailer.IsOwnMessageID(id, j.Office.SMTP.From) {
			return true
		}
	}
	return false
}

func (j *Judge) formCodes() []string {
	out := make([]string, len(j.Office.Forms))
	for i, f := range j.Office.Forms {
		out[i] = f.Code
	}
	return out
}

// reportWords, without diacritics and lower-case, mark a mail about a report or an attachment.
var reportWords = []string{"bao cao", "dinh kem", "gui kem", "tep", "file", "bieu mau", "ke hoach",
	"chuong trinh cong tac", "so lieu", "tong hop"}

// aboutReport reports whether the subject or the new text of the mail speaks of a report, a
// form or an attachment, typed with or without diacritics.
func aboutReport(msg *intake.Message, formCodes []string) bool {
	text := strings.ToLower(vnenc.StripMarks(msg.Subject + "\n" + replyText(msg.Text)))
	for _, w := range reportWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	for _, c := range formCodes {
		if strings.Contains(text, strings.ToLower(c)) {
			return true
		}
	}
	return false
}

// replyText is what the sender wrote above the quoted mail, at most a few thousand characters.
// Reading replies properly is the approval issue's work; here the first quote marker is enough.
func replyText(text string) string {
	var kept []string
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, ">") || strings.HasPrefix(t, "-----Original Message") ||
			strings.HasPrefix(t, "From:") || strings.HasPrefix(t, "Từ:") ||
			strings.HasPrefix(t, "On ") && strings.HasSuffix(t, "wrote:") ||
			strings.HasPrefix(t, "Vào ") && strings.HasSuffix(t, "đã viết:") {
			break
		}
		kept = append(kept, line)
	}
	out := strings.TrimSpace(strings.Join(kept, "\n"))
	if len(out) > 4000 {
		out = out[:4000]
	}
	return strings.ToValidUTF8(out, "")
}

// namedFiles are the attachments a person attached: parts with a file name, not inline pieces
// of the message such as a signature logo without one.
func namedFiles(msg *intake.Message) []intake.Attachment {
	var out []intake.Attachment
	for _, a := range msg.Attachments {
		if a.Name != "" && a.Container == "" {
			out = append(out, a)
		}
	}
	return out
}

func fileNames(msg *intake.Message) []string {
	var out []string
	for _, a := range namedFiles(msg) {
		out = append(out, a.Name)
	}
	return out
}

// attachedFiles lists a mail's attachments for the letter that explains a missing workbook.
func attachedFiles(msg *intake.Message) []letters.AttachedFile {
	out := make([]letters.AttachedFile, 0, len(msg.Attachments))
	for _, a := range msg.Attachments {
		out = append(out, letters.AttachedFile{Name: a.Name, Kind: a.Kind()})
	}
	return out
}
