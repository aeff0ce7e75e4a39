package approve

import (
	"context"
	"strings"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
)

// bound reports whether a reply from person (a person id) answers a letter about ref that
// tonghop sent to that person: the subject's token carries the MAC of (form, period, version,
// person) under the office's key, or In-Reply-To or References name the Message-ID of a
// request or reminder about that version whose To or Cc holds one of the person's addresses.
// Neither can be made up by someone who did not receive that letter: the MAC and the
// Message-IDs are keyed (see office.ApprovalMAC and mailer.Config.MessageID).
func (a *Approver) bound(ctx context.Context, msg *intake.Message, ref Ref, person string) bool {
	form, p, v := ref.Form.Code, ref.Period.String(), ref.Version
	code, name, version, mac, ok := letters.ParseSignedApprovalToken(msg.Subject)
	if ok && mac != "" && code == form && name == p && version == v && a.Office.VerifyApprovalMAC(form, p, v, person, mac) {
		return true
	}
	pp, ok := a.Office.Person(person)
	if !ok {
		return false
	}
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		if id == "" || !mailer.IsOwnMessageID(id, a.Office.SMTP.From) {
			continue
		}
		m, err := a.Ledger.OutMailByMessageID(ctx, id)
		if err != nil || m.Kind != ledger.KindApprovalRequest && m.Kind != ledger.KindApprovalReminder {
			continue
		}
		code, name, version, ok := letters.ParseApprovalToken(m.Subject)
		if ok && code == form && name == p && version == v && sentToAny(m, pp.Emails) {
			return true
		}
	}
	return false
}

// sentToAny reports whether m went (To or Cc) to one of addrs, compared in lower case.
func sentToAny(m ledger.OutMail, addrs []string) bool {
	for _, to := range append(append([]string(nil), m.To...), m.Cc...) {
		for _, addr := range addrs {
			if strings.EqualFold(strings.TrimSpace(to), strings.TrimSpace(addr)) {
				return true
			}
		}
	}
	return false
}

// boundToPeriod reports whether a mail from p answers a letter about ref's form and period that
// tonghop sent to p: the subject's token carries the MAC of that form and period (any version)
// for p, or In-Reply-To or References name the Message-ID of a mail about them (its token or
// its form and period) whose To or Cc holds one of p's addresses — the issue mail, a request,
// an acknowledgement: anything of that period's thread. Like bound, neither can be made up by
// someone who did not receive that letter.
func (a *Approver) boundToPeriod(ctx context.Context, msg *intake.Message, ref Ref, p config.Person) bool {
	form, name := ref.Form.Code, ref.Period.String()
	code, per, version, mac, ok := letters.ParseSignedApprovalToken(msg.Subject)
	if ok && mac != "" && code == form && per == name && a.Office.VerifyApprovalMAC(form, name, version, p.ID, mac) {
		return true
	}
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		if id == "" || !mailer.IsOwnMessageID(id, a.Office.SMTP.From) {
			continue
		}
		m, err := a.Ledger.OutMailByMessageID(ctx, id)
		if err != nil || !sentToAny(m, p.Emails) {
			continue
		}
		if code, per, _, ok := letters.ParseApprovalToken(m.Subject); ok && code == form && per == name {
			return true
		}
		if m.About.Form == form && m.About.Period == name {
			return true
		}
	}
	return false
}
