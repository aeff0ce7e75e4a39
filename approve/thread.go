package approve

import (
	"context"
	"slices"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/period"
)

// Ref is the draft a mail answers, as its subject token or its thread says: a form that has an
// approval chain, a period and the draft's version.
type Ref struct {
	Form    *config.Form
	Period  period.Period
	Version int
}

// Thread finds the draft a mail answers: the token in its subject, or else the subject of
// tonghop's request it replies to (In-Reply-To, then References newest first). It reports false
// for a mail that answers no approval request of a form with a chain.
func (a *Approver) Thread(ctx context.Context, msg *intake.Message) (Ref, bool) {
	code, name, v, ok := letters.ParseApprovalToken(msg.Subject)
	if !ok {
		refs := append([]string{msg.InReplyTo}, msg.References...)
		slices.Reverse(refs[1:]) // the newest reference first
		code, name, v, ok = a.tokenOfThread(ctx, refs)
	}
	if !ok {
		return Ref{}, false
	}
	f, found := a.Office.Form(code)
	p, err := period.Parse(name)
	if !found || !f.HasChain() || err != nil {
		return Ref{}, false
	}
	return Ref{Form: f, Period: p, Version: v}, true
}

// tokenOfThread reads the approval token of the first of refs that is a mail tonghop sent; an
// issue mail sent before issue mails carried the token names its form and period, and the
// issue in force its version.
func (a *Approver) tokenOfThread(ctx context.Context, refs []string) (code, name string, v int, ok bool) {
	for _, id := range refs {
		if id == "" || !mailer.IsOwnMessageID(id, a.Office.SMTP.From) {
			continue
		}
		m, err := a.Ledger.OutMailByMessageID(ctx, id)
		if err != nil {
			continue
		}
		if code, name, v, ok = letters.ParseApprovalToken(m.Subject); ok {
			return code, name, v, true
		}
		if m.Kind == ledger.KindIssue && m.About.Form != "" {
			if is, err := a.Ledger.LatestIssue(ctx, m.About.Form, m.About.Period); err == nil {
				return is.Form, is.Period, is.Version, true
			}
		}
	}
	return "", "", 0, false
}
