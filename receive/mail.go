package receive

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/address"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// Mail judges a mail the daemon routed to intake (raw is the message as received), from the
// sender its address resolves to: a stranger's is quarantined and shown to the clerks, a
// person's outside any approval thread is kept unanswered, a unit's (or a reporting person's)
// that fails the office's mail authentication is quarantined unanswered with its workbooks
// recorded as unverified, one with too many files is refused unread, one without a workbook is
// answered or shown to the clerks, and the workbooks of a unit (or of a person reporting for
// units) are judged one by one. It fills in, whose Mail row the caller has set, and returns the
// workbook bytes to store as blobs before in is recorded. An error means the ledger could not
// be read: the message is left for the next poll.
func (j *Judge) Mail(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, s office.Sender) (blobs [][]byte, err error) {
	sheets := workbooks(msg)
	auth, unverified := j.authenticate(raw, msg, s)
	var fresh []string // replies about new work, never held back
	switch {
	case !s.Known():
		in.Settle(j.now(), ledger.OutcomeQuarantined, "sender is neither a unit nor a configured person", ledger.ActionMailUnknownSender)
		err = j.notify(ctx, in, msg, s, noticeUnknownSender)
	case !s.MaySubmit():
		in.Settle(j.now(), ledger.OutcomeIgnored, "mail from "+s.Person.ID+" outside any approval thread: kept, not answered", ledger.ActionMailIgnored)
	case unverified:
		blobs, err = j.decideUnverified(ctx, in, msg, s, sheets, auth)
	case len(msg.Attachments) > j.Office.Mailbox.MaxAttachments:
		in.Settle(j.now(), ledger.OutcomeQuarantined, fmt.Sprintf("%d files, over mailbox.max_attachments (%d); not read",
			len(msg.Attachments), j.Office.Mailbox.MaxAttachments), ledger.ActionMailQuarantined)
		j.queueReply(in, j.tooManyFilesMail(msg, s, len(msg.Attachments), in.Mail.SHA256))
	case len(sheets) == 0:
		err = j.decideNoWorkbook(ctx, in, msg, s)
	default:
		blobs, fresh, err = j.decideSubmissions(ctx, in, msg, s, sheets)
	}
	if err != nil {
		return nil, err
	}
	return blobs, j.limitReplies(ctx, in, msg.From.Addr, fresh)
}

// IgnoreReason says why a message gets no answer at all, or "" if it should be handled:
// automatic mail and tonghop's own, never answered, so that no two robots answer each other.
func IgnoreReason(o *office.Office, msg *intake.Message) string {
	switch {
	case msg.IsAutomatic():
		return "automatic mail (auto-reply, read or delivery receipt, bounce or list): never answered, to avoid mail loops"
	case address.Equal(msg.From.Addr, o.SMTP.From) || address.Equal(msg.From.Addr, o.Mailbox.User):
		return "mail from tonghop's own address: never answered, to avoid mail loops"
	}
	return ""
}

// Oversize judges a message over mailbox.max_message_bytes from its header: it is quarantined
// unread, and a unit (or a person reporting for units) is told to send the workbook alone.
// Automatic mail gets no answer, as always. An error means the ledger could not be read.
func (j *Judge) Oversize(ctx context.Context, header []byte, size int64, sha string) (ledger.Intake, error) {
	in := ledger.Intake{Mail: ledger.Mail{SHA256: sha, Size: size, Mailbox: j.Office.Mailbox.Inbox, ReceivedAt: j.now()}}
	note := fmt.Sprintf("%d bytes is over mailbox.max_message_bytes (%d); not read, left in the quarantine folder",
		size, j.Office.Mailbox.MaxMessageBytes)
	in.Settle(j.now(), ledger.OutcomeQuarantined, note, ledger.ActionMailQuarantined)
	msg, err := intake.ParseHeader(header)
	if err != nil {
		return in, nil
	}
	in.Mail.MessageID, in.Mail.From, in.Mail.Subject, in.Mail.Date = msg.MessageID, msg.From.Addr, msg.Subject, msg.Date
	s := j.Office.SenderOf(msg.From.Addr)
	if IgnoreReason(j.Office, msg) == "" && s.MaySubmit() {
		j.queueReply(&in, j.oversizeMail(msg, s, size, sha))
		return in, j.limitReplies(ctx, &in, msg.From.Addr, nil)
	}
	return in, nil
}

// queueReply adds an answer to the intake, with the audit event that shows it on the timeline.
func (j *Judge) queueReply(in *ledger.Intake, m ledger.OutMail) {
	in.Queue(j.now(), m, j.recipientObject(m.To))
}

// recipientObject names who a mail goes to in the audit trail: the unit whose address it is, or
// the addresses themselves.
func (j *Judge) recipientObject(to []string) string {
	if len(to) > 0 {
		if u, ok := j.Office.UnitByEmail(to[0]); ok {
			return "unit:" + u.Code
		}
	}
	return "mail:" + strings.Join(to, ",")
}

// limitReplies holds back the intake's replies when the sender already got replies_per_hour
// automatic answers in the last hour: a robot answering every mail would otherwise loop with
// tonghop. The replies whose keys are in fresh answer new work (see newWork) and always go,
// counted all the same. The mail is recorded whatever happens, and the drop is in the audit
// trail.
func (j *Judge) limitReplies(ctx context.Context, in *ledger.Intake, addr string, fresh []string) error {
	held := func(m ledger.OutMail) bool { return m.Kind != ledger.KindNotice && !slices.Contains(fresh, m.Key) }
	var kinds []ledger.Kind // one reply of each kind at most
	for _, m := range in.Outbox {
		if held(m) {
			kinds = append(kinds, m.Kind)
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	n, err := j.ledger().CountMailTo(ctx, addr, j.now().Add(-time.Hour), ledger.KindReceipt, ledger.KindRejection)
	if err != nil {
		return fmt.Errorf("count replies for the rate limit: %w", err)
	}
	if n+len(kinds) <= j.Office.Mailbox.RepliesPerHour {
		return nil
	}
	in.Outbox = slices.DeleteFunc(in.Outbox, held)
	in.Events = slices.DeleteFunc(in.Events, func(e ledger.Event) bool {
		k, queued := e.Action.QueuedKind()
		return queued && slices.Contains(kinds, k)
	})
	note := fmt.Sprintf("not answered (%s): %s already got %d automatic replies in the last hour (mailbox.replies_per_hour = %d)",
		kindList(kinds), addr, n, j.Office.Mailbox.RepliesPerHour)
	in.Mail.Note = strings.TrimPrefix(in.Mail.Note+"; "+note, "; ")
	in.Events = append(in.Events, j.event("system", ledger.ActionMailRateLimited, ledger.MailObject(in.Mail.SHA256), note))
	j.log().Warn("reply rate limit reached; mail recorded without an answer", "from", addr, "replies_last_hour", n, "held", kindList(kinds))
	return nil
}

func kindList(kinds []ledger.Kind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// newWork tells which answers of a mail are about new work only. A receipt for workbooks the
// unit never sent before, or an error list about such workbooks, is never held back by the
// reply limit: a busy unit sending one file after another is not a loop. A mail repeating files
// already recorded, or with a workbook of no known form, is what a loop looks like, and is held
// back as any other answer.
type newWork struct{ receiptLimited, rejectionLimited bool }

// unidentified notes a workbook of no known form: its error list is limited.
func (w *newWork) unidentified() { w.rejectionLimited = true }

// add notes whether the unit sent sub's file before: its answer is then limited.
func (w *newWork) add(ctx context.Context, l Ledger, sub ledger.Submission) error {
	seen, err := l.SubmittedBefore(ctx, sub.Unit, sub.FileSHA256)
	if err != nil {
		return fmt.Errorf("look up earlier files of %s: %w", sub.Unit, err)
	}
	if seen && sub.Valid {
		w.receiptLimited = true
	} else if seen {
		w.rejectionLimited = true
	}
	return nil
}

// keys are the outbox keys of the mail's replies about new work.
func (w newWork) keys(mailSHA string, receipt, rejection bool) []string {
	var keys []string
	if receipt && !w.receiptLimited {
		keys = append(keys, ledger.ReceiptKey(mailSHA))
	}
	if rejection && !w.rejectionLimited {
		keys = append(keys, ledger.RejectionKey(mailSHA))
	}
	return keys
}
