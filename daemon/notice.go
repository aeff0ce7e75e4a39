package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/vnenc"
)

// Notices tell the Planning Office's clerks about mail tonghop does not settle alone. Unlike
// replies they go to the office, never to the sender, so they cannot feed a loop; their keys
// make each one once: once per unknown address per day, once per unit message.

// noticeKind names what a notice is about; it is part of the notice's key.
type noticeKind string

const (
	noticeUnknownSender noticeKind = "unknown-sender"
	noticeUnitMessage   noticeKind = "unit-message"
)

// notify queues a notice about msg from s to the clerks, with the original mail attached, unless
// the same notice was queued before (the same stranger earlier today).
func (d *Daemon) notify(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, kind noticeKind) {
	n := letters.Notice{
		Office: d.o.Letterhead(), From: msg.From.Addr, FromName: msg.From.Name, Subject: msg.Subject,
		ReceivedAt: in.Mail.ReceivedAt.In(d.o.Location), Excerpt: replyText(msg.Text), Files: fileNames(msg),
	}
	key := fmt.Sprintf("notice:%s:%s", kind, in.Mail.SHA256)
	switch kind {
	case noticeUnknownSender:
		n.Reason, n.Folder = letters.NoticeUnknownSender, d.o.Mailbox.Quarantine
		day := in.Mail.ReceivedAt.In(d.o.Location).Format("2006-01-02")
		key = fmt.Sprintf("notice:%s:%s:%s", kind, strings.ToLower(msg.From.Addr), day)
	case noticeUnitMessage:
		n.Reason = letters.NoticeUnitMessage
		if s.Unit != nil {
			n.Unit = s.Unit.Name
		}
	}
	m := ledger.OutMail{Key: key, Kind: ledger.KindNotice, Attachments: []ledger.Attachment{
		{Name: "thu-goc.eml", ContentType: "message/rfc822", SHA256: in.Mail.SHA256},
	}}
	d.queueNotice(ctx, in, m, letters.NoticeLetter(n))
}

// notifyAfterClose tells the clerks that a workbook arrived for a period already closed.
func (d *Daemon) notifyAfterClose(ctx context.Context, in *ledger.Intake, msg *intake.Message, sub ledger.Submission) {
	unit, _ := d.o.Unit(sub.Unit)
	l := letters.NoticeLetter(letters.Notice{
		Office: d.o.Letterhead(), Reason: letters.NoticeAfterClose, From: msg.From.Addr, Unit: unit.Name,
		ReceivedAt: in.Mail.ReceivedAt.In(d.o.Location), Request: d.request(sub.Form, sub.Period), Version: sub.Version,
	})
	key := fmt.Sprintf("notice:after-close:%s:%s:%s:v%d", sub.Form, sub.Period, sub.Unit, sub.Version)
	d.queueNotice(ctx, in, ledger.OutMail{Key: key, Kind: ledger.KindNotice}, l)
}

// queueNotice addresses a notice to every clerk. Without clerks it is only logged: the mail is
// in the ledger and its folder all the same.
func (d *Daemon) queueNotice(ctx context.Context, in *ledger.Intake, m ledger.OutMail, l letters.Letter) {
	for _, p := range d.o.Clerks() {
		m.To = append(m.To, p.Emails[0])
	}
	if len(m.To) == 0 {
		d.log.Warn("no clerk configured to tell; add a person with the clerk role", "notice", m.Key)
		return
	}
	if _, err := d.ledger.OutMail(ctx, m.Key); err == nil {
		return // told already
	} else if !errors.Is(err, ledger.ErrNotFound) {
		d.log.Error("look up notice", "key", m.Key, "err", err)
	}
	m.Subject, m.Body = l.Subject, l.Body
	in.Queue(d.now(), m, "office:clerks")
}

// decideNoWorkbook answers a unit's mail without a workbook. A reply to one of tonghop's mails
// ("em sẽ gửi chiều nay") is a message for people: it is shown to the clerks, not answered. A
// mail about a report, or one with other files, forgot or mistook the attachment: it is
// answered with what to send. Anything else is shown to the clerks too.
func (d *Daemon) decideNoWorkbook(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender) {
	object := ledger.MailObject(in.Mail.SHA256)
	noFiles := len(namedFiles(msg)) == 0
	switch {
	case noFiles && (d.repliesToUs(msg) || !aboutReport(msg, d.formCodes())):
		in.Settle(d.now(), ledger.OutcomeIgnored, "a message without a workbook: shown to the Planning Office, not answered", "mail.for_office")
		d.notify(ctx, in, msg, s, noticeUnitMessage)
	default:
		in.Mail.Outcome, in.Mail.Note = ledger.OutcomeRejected, "no workbook attached"
		in.Events = append(in.Events, d.event(s.Actor(msg.From.Addr), "mail.no_workbook", object, msg.Subject))
		d.queueReply(in, d.rejectionMail(msg, s, []fileProblems{{Problems: letters.NoWorkbookProblems(attachedFiles(msg))}}, in.Mail.SHA256))
	}
}

// repliesToUs reports whether the mail answers a mail tonghop sent.
func (d *Daemon) repliesToUs(msg *intake.Message) bool {
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		if mailer.IsOwnMessageID(id, d.o.SMTP.From) {
			return true
		}
	}
	return false
}

func (d *Daemon) formCodes() []string {
	out := make([]string, len(d.o.Forms))
	for i, f := range d.o.Forms {
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

// limitReplies drops the intake's replies when the sender already got replies_per_hour automatic
// answers in the last hour: a robot answering every mail would otherwise loop with tonghop. The
// mail is recorded all the same, and the drop is in the audit trail.
func (d *Daemon) limitReplies(ctx context.Context, in *ledger.Intake, addr string, log *slog.Logger) {
	replies := 0
	for _, m := range in.Outbox {
		if m.Kind != ledger.KindNotice {
			replies++
		}
	}
	if replies == 0 {
		return
	}
	n, err := d.ledger.CountMailTo(ctx, addr, d.now().Add(-time.Hour), ledger.KindReceipt, ledger.KindRejection)
	if err != nil {
		log.Error("count replies for the rate limit; answering", "err", err)
		return
	}
	if n+replies <= d.o.Mailbox.RepliesPerHour {
		return
	}
	in.Outbox = slices.DeleteFunc(in.Outbox, func(m ledger.OutMail) bool { return m.Kind != ledger.KindNotice })
	in.Events = slices.DeleteFunc(in.Events, func(e ledger.Event) bool {
		return strings.HasPrefix(e.Action, "outbox.queued.") && e.Action != "outbox.queued."+ledger.KindNotice
	})
	note := fmt.Sprintf("not answered: %s already got %d automatic replies in the last hour (mailbox.replies_per_hour = %d)",
		addr, n, d.o.Mailbox.RepliesPerHour)
	in.Mail.Note = strings.TrimPrefix(in.Mail.Note+"; "+note, "; ")
	in.Events = append(in.Events, d.event("system", "mail.rate_limited", ledger.MailObject(in.Mail.SHA256), note))
	log.Warn("reply rate limit reached; mail recorded without an answer", "from", addr, "replies_last_hour", n)
}
