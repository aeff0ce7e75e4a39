package approve

import (
	"context"
	"fmt"
	"log/slog"
	"slices"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	replyreader "github.com/tonghop/tonghop/reply"
)

// issuedReply handles an authenticated mail from p about ref's report once it is issued (or
// being corrected). A request for changes — read by the reply reader as revise, or an edited
// workbook — from a person of the form's chain that answers tonghop's mail about that report
// (see boundToPeriod) opens a correction: the clerks get the words verbatim, the person is
// acknowledged, the period is reopened for counting. Anything else reaches the clerks, saying
// why it opened nothing.
func (a *Approver) issuedReply(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref Ref, stored stored, p config.Person, log *slog.Logger) error {
	res := replyreader.Read(msg.Text, msg.HTML)
	asks := res.Decision == replyreader.Revise || len(ownSpreadsheets(msg)) > 0
	var why letters.Why
	switch {
	case !a.inChain(ref.Form, ref.Period, p.ID):
		why = letters.WhyNotInChain
	case stored.state.Status != approval.Issued:
		why = letters.WhyCorrecting
	case !asks:
		why = letters.WhyNoChangeAsked
	case a.awaitsNumber(ctx, ref.Form.Code, ref.Period.String()):
		why = letters.WhyAwaitingNumber // issue 20: nothing was issued yet to correct
	case !a.boundToPeriod(ctx, msg, ref, p):
		why = letters.WhyNotBound
	default:
		return a.openByLeader(ctx, in, msg, ref, stored, p, res, log)
	}
	log.Info("mail about an issued report: not a correction request", "person", p.ID, "decision", res.Decision, "why", why)
	return a.notCounted(ctx, in, msg, p, ref, why, "")
}

// notCounted settles a configured person's mail that the approval does not count: a clerk's is
// kept, anyone else's is forwarded to the clerks (see forward).
func (a *Approver) notCounted(ctx context.Context, in *ledger.Intake, msg *intake.Message, p config.Person, ref Ref, why letters.Why, unverified string) error {
	if isClerk(p) {
		in.Settle(a.now(), ledger.OutcomeIgnored, "mail from the clerk "+p.ID+" about "+ref.Form.Code+" "+ref.Period.String()+
			": not counted, kept in the shared mailbox", ledger.ActionMailFromClerk)
		return nil
	}
	re, err := a.regarding(ctx, msg)
	if err != nil {
		return err
	}
	if !re.hasReport() {
		re.form, re.period, re.version = ref.Form, ref.Period, ref.Version
	}
	if err := a.forward(ctx, in, msg, p, re, why, unverified); err != nil {
		return err
	}
	a.settleForwarded(in, why, unverified, fmt.Sprintf("mail from %s about %s %s, not counted (reason %d)", p.ID, ref.Form.Code, ref.Period.String(), why))
	return nil
}

// inChain reports whether person decides a step of f's approval: the people of a comment round
// give their views but decide nothing, so their mail about an issued report opens no correction.
func (a *Approver) inChain(f *config.Form, p period.Period, person string) bool {
	for _, s := range a.chain(f, p).Steps {
		if s.Kind != approval.StepComment && slices.Contains(s.People, person) {
			return true
		}
	}
	return false
}

// correctionMails is the clerks' mail about correction c, numbered among the period's
// corrections, with attachments (the leader's mail, when one asked); none without clerks.
func (a *Approver) correctionMails(ctx context.Context, ref Ref, c letters.Correction, attachments ...ledger.Attachment) ([]ledger.OutMail, error) {
	n, err := a.correctionNumber(ctx, ref)
	if err != nil {
		return nil, err
	}
	to := a.Office.ClerkAddresses()
	if len(to) == 0 {
		return nil, nil
	}
	form, p, l := ref.Form.Code, ref.Period.String(), letters.CorrectionLetter(c)
	return stamped(a.now(), ledger.OutMail{Key: ledger.CorrectionKey(form, p, n), Kind: ledger.KindCorrection,
		About: ledger.About{Form: form, Period: p}, To: to, Subject: l.Subject, Body: l.Body, Attachments: attachments}), nil
}

// openByLeader opens the correction a leader asked for: the approval reopened, the words kept
// with the correction, an edited workbook taken as the next draft, the clerks told verbatim and
// the leader acknowledged in their thread.
func (a *Approver) openByLeader(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref Ref, stored stored, p config.Person, res replyreader.Result, log *slog.Logger) error {
	words := res.Comment
	if words == "" {
		words = res.Written
	}
	u, is, err := a.reopenUpdate(ctx, ref, stored, opening{person: p, cause: ledger.CauseLeader, words: words})
	if err != nil {
		return fmt.Errorf("open correction: %w", err)
	}
	draft, edited, err := a.editedDraft(ctx, in, msg, ref, p.ID)
	if err != nil {
		return fmt.Errorf("edited workbook: %w", err)
	}
	c, err := a.correction(ctx, ref, is, p, words, edited, draft == nil)
	if err != nil {
		return err
	}
	mails, err := a.correctionMails(ctx, ref, c, originalMail(in.Mail.SHA256))
	if err != nil {
		return err
	}
	u.Mails = append(u.Mails, mails...)
	now := a.now()
	c.Draft.MAC = a.Office.ApprovalMAC(ref.Form.Code, ref.Period.String(), c.Draft.Version, p.ID)
	ack := letters.CorrectionAckLetter(c, letters.Person{Title: p.Title, Name: p.Name})
	u.Mails = append(u.Mails, ledger.OutMail{Key: ledger.ApprovalReplyKey(in.Mail.SHA256, "correction"), Kind: ledger.KindApprovalNotice,
		About: ledger.About{Form: ref.Form.Code, Period: ref.Period.String()}, To: []string{msg.From.Addr},
		Subject: ack.Subject, Body: ack.Body, InReplyTo: msg.MessageID, References: append(slices.Clone(msg.References), msg.MessageID),
		CreatedAt: now, NotBefore: now})
	in.Approval = &u
	in.Settle(now, ledger.OutcomeAccepted, fmt.Sprintf("correction of the issued report (issue %d, v%d) requested by %s: %s (%s)",
		is.Number, is.Version, p.ID, res.Decision, res.Reason), ledger.ActionApprovalReply)
	log.Info("correction of an issued report opened", "person", p.ID, "replaces_version", is.Version, "edited", edited != "")
	return nil
}

// correction describes the correction for its letters; check says whether to tell that the
// next draft is built at once (what it counts differs already) rather than at the next change.
func (a *Approver) correction(ctx context.Context, ref Ref, is ledger.Issue, p config.Person, words, edited string, check bool) (letters.Correction, error) {
	d, err := a.issuedDraft(ctx, ref, is)
	if err != nil {
		return letters.Correction{}, err
	}
	c := letters.Correction{Draft: d, From: letters.Person{Title: p.Title, Name: p.Name}, Words: words, Edited: edited,
		Issued: letters.Issued{At: is.At.In(a.Office.Location), Version: is.Version}, Steps: a.firstStep(ref.Form)}
	if check {
		if c.Differs, err = a.differs(ctx, ref, is); err != nil {
			return c, err
		}
	}
	return c, nil
}
