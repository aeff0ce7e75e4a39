package review

import (
	"context"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
)

// Ref is the recorded file a mail answers about, with its review as read.
type Ref struct {
	Review ledger.Review
}

// asking are the kinds of tonghop's mail to a supervisor whose reply is an answer about the
// file: the request, its reminders and the request to answer again.
var asking = []ledger.Kind{ledger.KindReviewRequest, ledger.KindReviewReminder, ledger.KindReviewNotice}

// Thread finds the file a mail answers about: the tag in its subject, or else the letter of
// tonghop's it replies to (In-Reply-To, then References newest first). It reports false for a
// mail that answers no letter about a file before its supervisor; it does not say the mail
// may count (see bound).
func (rv *Reviewer) Thread(ctx context.Context, msg *intake.Message) (Ref, bool) {
	if id, _, ok := letters.ParseReviewToken(msg.Subject); ok {
		if r, err := rv.Ledger.ReviewOf(ctx, id); err == nil && r.Mode.Holds() {
			return Ref{Review: r}, true
		}
	}
	refs := append([]string{msg.InReplyTo}, msg.References...)
	slices.Reverse(refs[1:]) // the newest reference first
	for _, id := range refs {
		m, ok := rv.ownMail(ctx, id)
		if !ok || !slices.Contains(asking, m.Kind) {
			continue
		}
		a := m.About
		if r, err := rv.Ledger.ReviewOfVersion(ctx, a.Form, a.Period, a.Unit, a.Step); err == nil && r.Mode.Holds() {
			return Ref{Review: r}, true
		}
	}
	return Ref{}, false
}

// ownMail is the outbox mail a Message-ID names, when it is one tonghop sent.
func (rv *Reviewer) ownMail(ctx context.Context, id string) (ledger.OutMail, bool) {
	if id == "" || !mailer.IsOwnMessageID(id, rv.Office.SMTP.From) {
		return ledger.OutMail{}, false
	}
	m, err := rv.Ledger.OutMailByMessageID(ctx, id)
	return m, err == nil
}

// bound reports whether a reply from p answers a letter about ref's file that tonghop sent to
// p: the subject's tag carries the MAC of (file, p) under the office's key, or In-Reply-To or
// References name the Message-ID of a request, reminder or request to answer again about that
// file whose To or Cc holds one of p's addresses. Neither can be made up by someone who did not
// receive that letter: the MAC and the Message-IDs are keyed (see office.ReviewMAC and
// mailer.Config.MessageID).
func (rv *Reviewer) bound(ctx context.Context, msg *intake.Message, ref Ref, p config.Person) bool {
	sub := ref.Review.Submission
	if id, mac, ok := letters.ParseReviewToken(msg.Subject); ok && mac != "" && id == sub.ID &&
		rv.Office.VerifyReviewMAC(sub.ID, p.ID, mac) {
		return true
	}
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		m, ok := rv.ownMail(ctx, id)
		if ok && slices.Contains(asking, m.Kind) && m.About == about(sub) && sentToAny(m, p.Emails) {
			return true
		}
	}
	return false
}

// sentToAny reports whether m went (To or Cc) to one of addrs, compared in lower case.
func sentToAny(m ledger.OutMail, addrs []string) bool {
	for _, to := range append(slices.Clone(m.To), m.Cc...) {
		for _, addr := range addrs {
			if strings.EqualFold(strings.TrimSpace(to), strings.TrimSpace(addr)) {
				return true
			}
		}
	}
	return false
}
