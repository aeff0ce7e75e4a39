package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// Dead letters. A mail whose handling fails with an error (not a crash, not the budget: those
// are attempt.go's) is tried again at the next poll, since most errors pass (a server away, a
// locked database). One that fails the same way mailbox.failed_after times in a row would fail for
// ever and hold up every mail behind it: it is recorded with the outcome "error", moved to the
// Failed folder and the clerks are told once. The error itself is in the record's note and the
// log, for the operator.

// failedTry ends a try that failed with cause: it returns cause, to try again later, until the
// same error came mailbox.failed_after times; then it records the mail as failed and returns it taken.
func (d *Daemon) failedTry(ctx context.Context, m rawMail, cause error, log *slog.Logger) (taken, error) {
	same, err := d.ledger.FailAttempt(ctx, m.sha, cause.Error(), d.now())
	if err != nil || same < max(1, d.o.Mailbox.FailedAfter) {
		return taken{}, errors.Join(cause, err)
	}
	log.Error("mail set aside: handling it failed the same way again and again", "sha256", m.sha, "tries", same, "err", cause)
	var t taken
	t.in = d.deadLetter(m, same, cause)
	if t.res, err = d.recordTaken(ctx, t.in, nil, log); err != nil {
		return taken{}, errors.Join(cause, err)
	}
	return t, nil
}

// deadLetter is the intake of a mail set aside: outcome error, its error in the note, and the
// clerks told once (never with the mail attached).
func (d *Daemon) deadLetter(m rawMail, tries int, cause error) ledger.Intake {
	now := d.now()
	in := ledger.Intake{Mail: ledger.Mail{
		SHA256: m.sha, Size: int64(len(m.f.Raw)), Mailbox: m.mailbox,
		UIDValidity: m.uidValidity, UID: m.f.UID, ReceivedAt: now,
	}}
	note := fmt.Sprintf("set aside: handling it failed %d times in a row with: %v", tries, cause)
	in.Settle(now, ledger.OutcomeError, note, ledger.ActionMailFailed)
	folder := ""
	if m.mailbox == d.o.Mailbox.Inbox {
		folder = d.o.Mailbox.Failed
	}
	l := letters.FailedMailLetter(letters.FailedMail{
		Office: d.o.Letterhead(), Tries: tries, Size: in.Mail.Size, SHA256: m.sha, Folder: folder,
	})
	notice := ledger.OutMail{Key: ledger.FailedMailNoticeKey(m.sha), Kind: ledger.KindNotice, Subject: l.Subject, Body: l.Body}
	for _, p := range d.o.Clerks() {
		notice.To = append(notice.To, p.Emails[0])
	}
	if len(notice.To) > 0 {
		in.Queue(now, notice, "office:clerks")
	}
	return in
}
