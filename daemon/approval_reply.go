package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"slices"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailauth"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	replyreader "github.com/tonghop/tonghop/reply"
)

// approvalRef is the draft a mail answers, as its subject token or its thread says.
type approvalRef struct {
	form    *config.Form
	period  period.Period
	version int
}

// approvalThread finds the draft a mail answers: the token in its subject, or else the
// subject of tonghop's request it replies to (In-Reply-To, then References newest first).
func (d *Daemon) approvalThread(ctx context.Context, msg *intake.Message) (approvalRef, bool) {
	code, name, v, ok := letters.ParseApprovalToken(msg.Subject)
	if !ok {
		refs := append([]string{msg.InReplyTo}, msg.References...)
		slices.Reverse(refs[1:]) // the newest reference first
		code, name, v, ok = d.tokenOfThread(ctx, refs)
	}
	if !ok {
		return approvalRef{}, false
	}
	f, found := d.o.Form(code)
	p, err := period.Parse(name)
	if !found || len(f.Approval) == 0 || err != nil {
		return approvalRef{}, false
	}
	return approvalRef{form: f, period: p, version: v}, true
}

func (d *Daemon) tokenOfThread(ctx context.Context, refs []string) (code, name string, v int, ok bool) {
	for _, id := range refs {
		if id == "" || !mailer.IsOwnMessageID(id, d.o.SMTP.From) {
			continue
		}
		m, err := d.ledger.OutMailByMessageID(ctx, id)
		if err != nil {
			continue
		}
		if code, name, v, ok = letters.ParseApprovalToken(m.Subject); ok {
			return code, name, v, true
		}
	}
	return "", "", 0, false
}

// decideApprovalReply reads a leader's answer to a draft and takes the approval step it
// decides, to be recorded with the mail in one transaction. A reply that fails the configured
// authentication is quarantined and reported, never counted. An error (the ledger unreadable)
// leaves the mail for the next poll.
func (d *Daemon) decideApprovalReply(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, ref approvalRef, log *slog.Logger) error {
	log = log.With("form", ref.form.Code, "period", ref.period.String(), "version", ref.version)
	if why := d.authFailure(raw, msg); why != "" {
		log.Warn("approval reply refused: authentication failed", "from", msg.From.Addr, "why", why)
		in.Settle(d.now(), ledger.OutcomeQuarantined, "approval reply failed authentication: "+why, "approval.reply_refused")
		d.refuseReply(in, msg, letters.AuthFailed(why))
		return nil
	}
	stored, err := d.loadApproval(ctx, ref.form.Code, ref.period.String())
	if err != nil {
		return fmt.Errorf("approval reply: %w", err)
	}
	person := msg.From.Addr
	if p, ok := d.o.PersonByEmail(msg.From.Addr); ok {
		person = p.ID
	}
	res := replyreader.Read(msg.Text, msg.HTML)
	ev := approval.Reply{Person: person, Version: ref.version, Decision: string(res.Decision), Comment: res.Comment,
		At: d.now(), MessageID: msg.MessageID}
	rc := &replyContext{msg: msg, sha: in.Mail.SHA256, written: res.Written, reason: res.Reason}
	chain := d.chain(ref.form)
	if counts(stored.state, chain, person, ref.version) {
		if err := d.adoptEditedWorkbook(ctx, in, msg, ref, person, &ev, rc); err != nil {
			return fmt.Errorf("edited workbook: %w", err)
		}
	}
	next, actions, err := stored.state.Apply(chain, d.o.Calendar, ev)
	if err != nil {
		// The reply itself is malformed for the machine (a version going backwards): keep it
		// for the clerks rather than retrying forever.
		log.Error("approval reply not applied", "err", err)
		in.Settle(d.now(), ledger.OutcomeQuarantined, "approval step refused: "+err.Error(), "approval.reply_error")
		return nil
	}
	if err := d.recordApprovalStep(ctx, in, ref, stored, next, actions, rc); err != nil {
		return fmt.Errorf("approval reply: %w", err)
	}
	outcome, note := replyOutcome(actions)
	in.Settle(d.now(), outcome, fmt.Sprintf("approval reply: %s (%s) %s", res.Decision, res.Reason, note), "approval.reply")
	log.Info("approval reply read", "person", person, "decision", res.Decision, "actions", len(actions))
	return nil
}

// counts tells whether a reply from person about version will be counted: the one case where
// an edited workbook it carries becomes a draft (otherwise it would restart the chain).
func counts(st approval.State, c approval.Chain, person string, version int) bool {
	return st.Status == approval.Reviewing && st.Version == version && slices.Contains(st.PendingPeople(c), person)
}

// adoptEditedWorkbook stores the first workbook of a counted reply as the next draft version,
// authored by the person, with the same counted submissions as the version it edits.
func (d *Daemon) adoptEditedWorkbook(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref approvalRef, person string, ev *approval.Reply, rc *replyContext) error {
	sheets := msg.Spreadsheets()
	if len(sheets) == 0 || sheets[0].TooLarge || len(sheets[0].Data) == 0 {
		return nil
	}
	head, err := d.ledger.LatestDraft(ctx, ref.form.Code, ref.period.String())
	if err != nil {
		return err
	}
	sha, err := d.ledger.PutBlob(sheets[0].Data)
	if err != nil {
		return err
	}
	draft := ledger.Draft{
		Form: ref.form.Code, Period: ref.period.String(), Version: head.Version + 1,
		FileName: office.ReportFileName(ref.form.Code, ref.period, head.Version+1), FileSHA256: sha,
		Basis: maps.Clone(head.Basis), Trigger: ledger.TriggerEdited, Author: person, BuiltAt: d.now(),
	}
	in.Drafts = append(in.Drafts, draft)
	ev.EditedVersion, rc.edited, rc.draft = draft.Version, sheets[0].Name, &draft
	return nil
}

// recordApprovalStep puts the new state, its mails and events into the intake.
func (d *Daemon) recordApprovalStep(ctx context.Context, in *ledger.Intake, ref approvalRef, stored storedApproval, next approval.State, actions []approval.Action, rc *replyContext) error {
	fx, err := d.approvalEffects(ctx, ref.form, ref.period, next, actions, rc)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(next)
	if err != nil {
		return err
	}
	in.Approval = &ledger.ApprovalUpdate{
		Form: ref.form.Code, Period: ref.period.String(), State: raw, Revision: stored.revision,
		At: d.now(), Mails: fx.mails, Events: fx.events, ClosePeriod: fx.issued,
	}
	return nil
}

// replyOutcome files a reply: counted ones as accepted, refused ones in quarantine.
func replyOutcome(actions []approval.Action) (outcome, note string) {
	for _, a := range actions {
		switch a.Kind {
		case approval.Refused:
			return ledger.OutcomeQuarantined, "sender not in the chain"
		case approval.Acknowledge, approval.AskAgain, approval.UnclearToOffice:
			return ledger.OutcomeAccepted, "counted"
		}
	}
	return ledger.OutcomeIgnored, "not counted"
}

// authFailure checks the reply's authentication as configured; "" when it may be believed.
func (d *Daemon) authFailure(raw []byte, msg *intake.Message) string {
	a := d.o.MailAuth
	if len(a.TrustedServers) == 0 && !a.TrustUnnamed && !a.VerifyDKIM {
		return ""
	}
	v := mailauth.Check(raw, msg.From.Addr, mailauth.Policy{
		TrustedServers: a.TrustedServers, TrustUnnamed: a.TrustUnnamed,
		VerifyDKIM: a.VerifyDKIM, AcceptUnproven: a.AcceptUnproven, LookupTXT: d.lookupTXT,
	})
	if v.Pass {
		return ""
	}
	return v.Reason
}

// refuseReply tells the Planning Office that a reply was not counted, and why.
func (d *Daemon) refuseReply(in *ledger.Intake, msg *intake.Message, why string) {
	to := d.o.ClerkAddresses()
	if len(to) == 0 {
		return
	}
	l := letters.RefusedReplyLetter(d.o.Letterhead(), msg.From.Addr, msg.Subject, why)
	in.Queue(d.now(), ledger.OutMail{Key: "approval:reply:" + in.Mail.SHA256[:16] + ":auth", Kind: ledger.KindApprovalOffice,
		To: to, Subject: l.Subject, Body: l.Body}, "office")
}
