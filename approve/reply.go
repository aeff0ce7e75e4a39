package approve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/templates"
)

// Reply reads a leader's answer to the draft ref names (see Thread) and takes the approval step
// it decides into in, to be recorded with the mail in one transaction. A reply that fails the
// configured authentication is quarantined and reported, never counted. A configured person's
// reply that does not count reaches the clerks all the same (see forward), and one about a
// report already issued may open its correction (see issuedReply). An error (the ledger
// unreadable) leaves the mail for the next poll. When the step issues the report, Reply returns
// its archive copy, for the caller to file once the intake is recorded.
func (a *Approver) Reply(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, ref Ref, log *slog.Logger) ([]office.Copy, error) {
	log = log.With("form", ref.Form.Code, "period", ref.Period.String(), "version", ref.Version)
	p, known := a.Office.PersonByEmail(msg.From.Addr)
	if known && isRegistry(p) { // issue 20: her answer giving the number of a report waiting for it
		if copies, handled, err := a.registryReply(ctx, in, msg, raw, ref, p, log); handled {
			return copies, err
		}
	}
	if why := a.authFailure(raw, msg); why != "" {
		log.Warn("approval reply refused: authentication failed", "from", msg.From.Addr, "why", why)
		if known && !isClerk(p) { // their words reach the clerks, marked as not verified
			return nil, a.notCounted(ctx, in, msg, p, ref, letters.WhyNotAuthentic, why)
		}
		in.Settle(a.now(), ledger.OutcomeQuarantined, "approval reply failed authentication: "+why, ledger.ActionApprovalReplyRefused)
		return nil, a.refuseReply(ctx, in, msg, letters.AuthFailed(why), "auth")
	}
	stored, err := a.load(ctx, ref.Form.Code, ref.Period.String())
	if err != nil {
		return nil, fmt.Errorf("approval reply: %w", err)
	}
	if known && (stored.state.Status == approval.Issued || stored.state.Status == approval.Correcting) {
		return nil, a.issuedReply(ctx, in, msg, ref, stored, p, log)
	}
	person := msg.From.Addr
	if known {
		person = p.ID
	}
	chain := a.chain(ref.Form, ref.Period)
	kind := waitingKind(stored.state, chain)
	res := readReply(msg.Text, msg.HTML, kind, ref)
	ev := approval.Reply{Person: person, Version: ref.Version, Decision: string(res.Decision), Comment: res.Comment,
		At: a.now(), MessageID: msg.MessageID, Step: a.answeredStep(ctx, msg, ref)}
	rc := &replyContext{msg: msg, sha: in.Mail.SHA256, written: res.Written, reason: res.Reason}
	if counts(stored.state, chain, person, ref.Version) {
		// Only a reply that would count needs to prove it answers a letter sent to its
		// sender; the others change nothing and are answered as the state machine says.
		if !a.bound(ctx, msg, ref, person) {
			log.Warn("approval reply refused: it answers no request sent to its sender", "from", msg.From.Addr, "person", person)
			if known && !isClerk(p) {
				return nil, a.notCounted(ctx, in, msg, p, ref, letters.WhyNotBound, "")
			}
			in.Settle(a.now(), ledger.OutcomeQuarantined, "approval reply answers no request sent to "+person, ledger.ActionApprovalReplyRefused)
			return nil, a.refuseReply(ctx, in, msg, letters.NotBound, "unbound")
		}
		// A comment round does not take an edited workbook: the commenter decides nothing, and
		// a stored draft would restart the chain (approval/doc.go).
		if kind != approval.StepComment && !stored.state.AnswersClosedRound(chain, ev.Step) {
			if err := a.adoptEditedWorkbook(ctx, in, msg, ref, person, &ev, rc); err != nil {
				return nil, fmt.Errorf("edited workbook: %w", err)
			}
		}
	}
	next, actions, err := stored.state.Apply(chain, a.Office.Calendar, ev)
	if err != nil {
		// The reply itself is malformed for the machine (a version going backwards): keep it
		// for the clerks rather than retrying forever.
		log.Error("approval reply not applied", "err", err)
		in.Settle(a.now(), ledger.OutcomeQuarantined, "approval step refused: "+err.Error(), ledger.ActionApprovalReplyError)
		return nil, nil
	}
	copies, err := a.recordStep(ctx, in, ref, stored, next, actions, rc)
	if err != nil {
		return nil, fmt.Errorf("approval reply: %w", err)
	}
	outcome, note := replyOutcome(actions)
	in.Settle(a.now(), outcome, fmt.Sprintf("approval reply: %s (%s) %s", res.Decision, res.Reason, note), ledger.ActionApprovalReply)
	log.Info("approval reply read", "person", person, "decision", res.Decision, "actions", len(actions))
	if why, forward := uncounted(actions); known && forward {
		return copies, a.notCounted(ctx, in, msg, p, ref, why, "")
	}
	return copies, nil
}

// uncounted says whether a reply the state machine did not count reaches the clerks, and why
// it did not count: not a duplicate of a reply already recorded, nor one the machine answered
// by counting it.
func uncounted(actions []approval.Action) (letters.Why, bool) {
	for _, a := range actions {
		switch {
		case a.Kind == approval.Stale && a.Reason == approval.ReasonUnderRevision:
			return letters.WhyUnderRevision, true
		case a.Kind == approval.Stale:
			return letters.WhyOldVersion, true
		case a.Kind == approval.NotYourTurn:
			return letters.WhyNotYourTurn, true
		case a.Kind == approval.Refused:
			return letters.WhyNotInChain, true
		case a.Kind == approval.Ignored && a.Reason == approval.ReasonNoDraft:
			return letters.WhyNoDraft, true
		}
	}
	return 0, false
}

// counts tells whether a reply from person about version will be counted: the one case where
// an edited workbook it carries becomes a draft (otherwise it would restart the chain).
func counts(st approval.State, c approval.Chain, person string, version int) bool {
	return st.Status == approval.Reviewing && st.Version == version && slices.Contains(st.PendingPeople(c), person)
}

// adoptEditedWorkbook stores the first workbook of a counted reply as the next draft version,
// authored by the person, with the same counted submissions as the version it edits (see
// editedDraft). Reply calls it only after the reply passed authentication. A workbook that
// cannot be taken leaves the reply a decision on the draft as sent.
func (a *Approver) adoptEditedWorkbook(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref Ref, person string, ev *approval.Reply, rc *replyContext) error {
	draft, file, err := a.editedDraft(ctx, in, msg, ref, person)
	if err != nil || draft == nil {
		return err
	}
	ev.EditedVersion, rc.edited, rc.draft = draft.Version, file, draft
	return nil
}

// editedDraft takes the first workbook a person attached to their reply about ref as the next
// draft version, authored by them, with the same counted submissions as the latest draft, and
// puts it into in; nil when the mail carries none. The workbook is read as units' files are
// (templates.Sanitize): what is stored holds values only, without macros, links or formulas. A
// workbook that cannot be made so is not taken: the person and the clerks are told, and nil is
// returned.
func (a *Approver) editedDraft(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref Ref, person string) (*ledger.Draft, string, error) {
	sheets, docs := ownSpreadsheets(msg), ownDocuments(msg)
	if len(docs) > 0 && (len(sheets) == 0 || !sheets[0].TooLarge && len(sheets[0].Data) == 0) {
		return a.editedDocumentOnly(ctx, in, msg, ref, person, docs[0]) // issue 20, point 4
	}
	if len(sheets) == 0 || !sheets[0].TooLarge && len(sheets[0].Data) == 0 {
		return nil, "", nil
	}
	head, err := a.Ledger.LatestDraft(ctx, ref.Form.Code, ref.Period.String())
	if err != nil {
		return nil, "", err
	}
	att := sheets[0]
	log := a.log().With("form", ref.Form.Code, "period", ref.Period.String(), "file", att.Name)
	clean, rep, err := []byte(nil), templates.SanitizeReport{Problem: letters.EditedTooLarge}, errors.New("over the attachment size limit")
	if !att.TooLarge {
		clean, rep, err = templates.Sanitize(att.Data, templates.Limits{})
	}
	if err != nil {
		log.Warn("edited workbook not adopted", "err", err)
		a.editedNotTaken(in, msg, ref, head, person, att.Name, rep.Problem)
		return nil, "", nil
	}
	log.Info("edited workbook sanitized", "formulas", rep.Formulas, "emptied", rep.EmptiedCount, "emptied_cells", rep.Emptied,
		"hyperlinks", rep.Hyperlinks, "external", rep.External, "macros", rep.Macros, "dropped", rep.Dropped, "names", rep.Names)
	sha, err := a.Ledger.PutBlob(clean)
	if err != nil {
		return nil, "", err
	}
	draft := ledger.Draft{
		Form: ref.Form.Code, Period: ref.Period.String(), Version: head.Version + 1,
		FileName: office.ReportFileName(ref.Form.Code, ref.Period, head.Version+1), FileSHA256: sha,
		Basis: maps.Clone(head.Basis), Trigger: ledger.TriggerEdited, Author: person, BuiltAt: a.now(),
	}
	var doc *intake.Attachment
	if len(docs) > 0 {
		doc = &docs[0]
	}
	if taken, err := a.withDocument(in, msg, ref, head, &draft, person, doc); err != nil || !taken {
		return nil, "", err
	}
	in.Drafts = append(in.Drafts, draft)
	return &draft, att.Name, nil
}

// editedNotTaken tells the person, in their reply's thread with the clerks in copy, that the
// workbook they attached was not taken (why, in Vietnamese).
func (a *Approver) editedNotTaken(in *ledger.Intake, msg *intake.Message, ref Ref, head ledger.Draft, person, file, why string) {
	to := letters.Person{Name: msg.From.Addr}
	if p, ok := a.Office.Person(person); ok {
		to = letters.Person{Title: p.Title, Name: p.Name}
	}
	l := letters.EditedNotTakenLetter(a.Office.DraftLetter(ref.Form, ref.Period, head, 0, nil), to, file, why)
	in.Queue(a.now(), ledger.OutMail{Key: ledger.ApprovalReplyKey(in.Mail.SHA256, "edited-not-taken"), Kind: ledger.KindApprovalNotice,
		To: []string{msg.From.Addr}, Cc: a.Office.ClerkAddresses(), Subject: l.Subject, Body: l.Body,
		InReplyTo: msg.MessageID, References: append(slices.Clone(msg.References), msg.MessageID)}, msg.From.Addr)
}

// recordStep puts the new state, its mails and events into the intake, and returns the archive
// copy of a report it issues.
func (a *Approver) recordStep(ctx context.Context, in *ledger.Intake, ref Ref, stored stored, next approval.State, actions []approval.Action, rc *replyContext) ([]office.Copy, error) {
	fx, err := a.effects(ctx, ref.Form, ref.Period, next, actions, rc)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(next)
	if err != nil {
		return nil, err
	}
	in.Approval = &ledger.ApprovalUpdate{
		Form: ref.Form.Code, Period: ref.Period.String(), State: raw, Revision: stored.revision,
		At: a.now(), Mails: fx.mails, Events: fx.events, ClosePeriod: fx.issued, Issue: fx.issue, Wait: fx.wait,
	}
	return fx.copies, nil
}

// replyOutcome files a reply: counted ones as accepted, refused ones in quarantine.
func replyOutcome(actions []approval.Action) (outcome ledger.Outcome, note string) {
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

// authFailure checks the reply's authentication as configured; "" when it may be believed (see
// office.AuthFailure).
func (a *Approver) authFailure(raw []byte, msg *intake.Message) string {
	return a.Office.AuthFailure(raw, msg, a.LookupTXT)
}

// refuseReply tells the Planning Office that a reply was not counted, and why; suffix makes
// the notice's outbox key. Within the hourly notice limits only (office.NoticeHeld): past them
// the refusal is recorded as held and counted in the clerks' digest, so that a flood of forged
// replies does not become a flood of mail.
func (a *Approver) refuseReply(ctx context.Context, in *ledger.Intake, msg *intake.Message, why, suffix string) error {
	to := a.Office.ClerkAddresses()
	if len(to) == 0 {
		return nil
	}
	queued, cause := ledger.Queued(ledger.KindApprovalOffice), msg.From.Addr
	held, err := a.Office.NoticeHeld(ctx, a.Ledger, queued, in.Events, cause, a.now(), ledger.Queued(ledger.KindForward))
	if err != nil || held != "" {
		if held != "" {
			in.Mail.Note = strings.TrimPrefix(in.Mail.Note+"; "+held, "; ")
			in.Events = append(in.Events, ledger.Event{At: a.now(), Actor: cause, Action: ledger.ActionNoticeHeldRefusedReply,
				Object: ledger.MailObject(in.Mail.SHA256), Detail: held})
		}
		return err
	}
	l := letters.RefusedReplyLetter(a.Office.Letterhead(), msg.From.Addr, msg.Subject, why)
	now := a.now()
	in.Outbox = append(in.Outbox, ledger.OutMail{Key: ledger.ApprovalReplyKey(in.Mail.SHA256, suffix), Kind: ledger.KindApprovalOffice,
		To: to, Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now})
	// The event names the address whose mail caused the notice: the per-sender limit counts them.
	in.Events = append(in.Events, ledger.Event{At: now, Actor: cause, Action: queued, Object: "office", Detail: l.Subject})
	return nil
}
