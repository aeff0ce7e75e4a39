package approve

import (
	"context"
	"strings"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	replyreader "github.com/tonghop/tonghop/reply"
)

// Nothing a configured person writes is lost: a mail from a leader or another person of the
// configuration that the approval does not count (a note, an answer to the issued report, a
// reply that came too late) goes to the clerks with what it is about. Authenticated or not it
// reaches them, but an unauthenticated one says so first and is not attached (it may be
// forged). The clerks' own mail is never sent back to them: they read the shared mailbox, and a
// copy of their answer to a notice would only make another notice.

// isClerk reports whether p has the clerk role.
func isClerk(p config.Person) bool {
	for _, r := range p.Roles {
		if r == "clerk" {
			return true
		}
	}
	return false
}

// forwardedOutcome is what a forwarded mail is settled as: accepted (shown to the clerks), or
// quarantined when its sender could not be verified or it claims to answer a letter it cannot
// be shown to answer.
func forwardedOutcome(why letters.Why, unverified string) ledger.Outcome {
	if unverified != "" || why == letters.WhyNotBound {
		return ledger.OutcomeQuarantined
	}
	return ledger.OutcomeAccepted
}

// forward queues the clerks' copy of p's mail, with what it is about (re) and why the system did
// not act on it, unless the hourly notice limits hold it
// back for the clerks' digest. unverified says why the sender could not be verified ("" when
// it was). It records the events; the caller settles the mail (see forwardedOutcome).
func (a *Approver) forward(ctx context.Context, in *ledger.Intake, msg *intake.Message, p config.Person, re regarding, why letters.Why, unverified string) error {
	to := a.Office.ClerkAddresses()
	if len(to) == 0 {
		a.log().Warn("a person's mail not forwarded: no person has the clerk role", "from", msg.From.Addr)
		return nil
	}
	now, cause := a.now(), msg.From.Addr
	queued := ledger.Queued(ledger.KindForward)
	held, err := a.Office.NoticeHeld(ctx, a.Ledger, queued, in.Events, cause, now, ledger.Queued(ledger.KindApprovalOffice))
	if err != nil {
		return err
	}
	if held != "" {
		in.Mail.Note = strings.TrimPrefix(in.Mail.Note+"; "+held, "; ")
		in.Events = append(in.Events, ledger.Event{At: now, Actor: cause, Action: ledger.ActionNoticeHeldForward,
			Object: ledger.MailObject(in.Mail.SHA256), Detail: held})
		return nil
	}
	about, err := a.aboutLetter(ctx, re)
	if err != nil {
		return err
	}
	f := letters.Forward{
		Office: a.Office.Letterhead(), From: letters.Person{Title: p.Title, Name: p.Name}, Address: msg.From.Addr,
		Subject: msg.Subject, ReceivedAt: in.Mail.ReceivedAt.In(a.Office.Location), Files: namedFiles(msg),
		Words: replyreader.Written(msg.Text, msg.HTML), About: about, Why: why, Unverified: unverified,
	}
	m := ledger.OutMail{Key: ledger.ForwardKey(in.Mail.SHA256), Kind: ledger.KindForward, To: to, CreatedAt: now, NotBefore: now}
	if re.hasReport() {
		m.About = ledger.About{Form: re.form.Code, Period: re.period.String()}
	}
	if unverified == "" {
		m.Attachments = []ledger.Attachment{originalMail(in.Mail.SHA256)}
	} else {
		f.Folder = a.Office.Mailbox.Quarantine
	}
	l := letters.ForwardLetter(f)
	m.Subject, m.Body = l.Subject, l.Body
	in.Outbox = append(in.Outbox, m)
	// The event names the address whose mail caused the forward: the per-sender limit counts them.
	in.Events = append(in.Events, ledger.Event{At: now, Actor: cause, Action: queued, Object: "office:clerks", Detail: l.Subject})
	return nil
}

// originalMail attaches the received mail itself (its files inside it) to a letter.
func originalMail(sha string) ledger.Attachment {
	return ledger.Attachment{Name: "thu-goc.eml", ContentType: "message/rfc822", SHA256: sha}
}

// namedFiles are the names of the files a person attached (parts with a name, not in an archive).
func namedFiles(msg *intake.Message) []string {
	var out []string
	for _, at := range msg.Attachments {
		if at.Name != "" && at.Container == "" {
			out = append(out, at.Name)
		}
	}
	return out
}

// settleForwarded settles a mail forward handled: note says what it was, in English.
func (a *Approver) settleForwarded(in *ledger.Intake, why letters.Why, unverified, note string) {
	in.Settle(a.now(), forwardedOutcome(why, unverified), "forwarded to the Planning Office: "+note, ledger.ActionMailForwarded)
}
