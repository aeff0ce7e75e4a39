package approve

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// effects are what one approval step stores with the new state, and the archive copies to file
// once it is stored.
type effects struct {
	mails  []ledger.OutMail
	events []ledger.Event
	issued bool
	issue  *ledger.Issue // the issue made, recorded with the step
	copies []office.Copy
	wait   *ledger.RegisterWait // the issue waiting for the registry clerk's number (issue 20)
}

// replyContext is the leader's mail the actions answer; nil for the scheduled pass.
type replyContext struct {
	msg     *intake.Message
	sha     string
	written string        // what the person wrote, as the reply reader found it
	reason  string        // why the reader decided as it did
	edited  string        // file name of an edited workbook adopted as a draft
	draft   *ledger.Draft // that draft, stored with the reply
}

// effectWriter turns the state machine's actions into mails and audit events.
type effectWriter struct {
	a      *Approver
	ctx    context.Context
	f      *config.Form
	p      period.Period
	st     approval.State
	rc     *replyContext
	drafts map[int]ledger.Draft
	issued *ledger.Issue // the report in force, when the period was issued: a later version corrects it
	fx     effects
	given  *ledger.Numbered // the number the registry clerk gave, for the issue it lets go (issue 20)
}

// effects writes the mails and events of actions, taken on the way to state st.
func (a *Approver) effects(ctx context.Context, f *config.Form, p period.Period, st approval.State, actions []approval.Action, rc *replyContext) (effects, error) {
	w, err := a.effectWriter(ctx, f, p, st, rc)
	if err != nil {
		return effects{}, err
	}
	for _, act := range actions {
		if err := w.apply(act); err != nil {
			return effects{}, fmt.Errorf("%s: %w", act.Kind, err)
		}
		w.fx.events = append(w.fx.events, a.event(w.actor(act), ledger.ApprovalAction(string(act.Kind)), ledger.PeriodObject(f.Code, p.String()), actionDetail(act)))
	}
	return w.fx, nil
}

// effectWriter starts the writing of the effects of actions taken on the way to state st: the
// period's drafts, and the issue in force if any.
func (a *Approver) effectWriter(ctx context.Context, f *config.Form, p period.Period, st approval.State, rc *replyContext) (*effectWriter, error) {
	list, err := a.Ledger.Drafts(ctx, f.Code, p.String())
	if err != nil {
		return nil, err
	}
	w := &effectWriter{a: a, ctx: ctx, f: f, p: p, st: st, rc: rc, drafts: map[int]ledger.Draft{}}
	for _, dr := range list {
		w.drafts[dr.Version] = dr
	}
	if rc != nil && rc.draft != nil {
		w.drafts[rc.draft.Version] = *rc.draft
	}
	switch is, err := a.Ledger.LatestIssue(ctx, f.Code, p.String()); {
	case err == nil:
		w.issued = &is
	case !errors.Is(err, ledger.ErrNotFound):
		return nil, err
	}
	return w, nil
}

func (w *effectWriter) actor(a approval.Action) string {
	if w.rc != nil {
		return a.Person
	}
	return "system"
}

func actionDetail(a approval.Action) string {
	s := fmt.Sprintf("v%d step %d", a.Version, a.Step+1)
	if len(a.To) > 0 {
		s += " to " + strings.Join(a.To, ",")
	}
	if a.Person != "" {
		s += " person " + a.Person
	}
	if a.Answer != "" {
		s += " answer " + a.Answer
	}
	if a.Reason != "" {
		s += " (" + a.Reason + ")"
	}
	return s
}

func (w *effectWriter) apply(a approval.Action) error {
	switch a.Kind {
	case approval.Request, approval.Remind, approval.Withdraw, approval.Overdue:
		return w.toStep(a)
	case approval.Gathered:
		return w.gathered(a)
	case approval.Acknowledge, approval.AskAgain, approval.Stale, approval.NotYourTurn:
		return w.toReplier(a)
	case approval.Revision, approval.UnclearToOffice, approval.Refused:
		return w.toOffice(a)
	case approval.Issue:
		return w.issue(a)
	}
	return nil // Ignored: the event says it
}

// draft describes version v for letters; the previous version gives "what changed". A version
// after the issued one is its correction: the letters say which issue it replaces.
func (w *effectWriter) draft(v int) letters.Draft {
	dr := w.drafts[v]
	var prev *ledger.Draft
	if p, ok := w.drafts[v-1]; ok {
		prev = &p
	}
	d := w.a.Office.DraftLetter(w.f, w.p, dr, 0, prev)
	if w.issued != nil && v > w.issued.Version {
		d.Replaces = &letters.Replacement{Issued: letters.Issued{At: w.issued.At.In(w.a.Office.Location), Version: w.issued.Version}}
	}
	return d
}

// draftTo is draft for a letter to one person of the chain: its token carries the MAC that
// binds a reply quoting it to that person (see bound).
func (w *effectWriter) draftTo(v int, person string) letters.Draft {
	d := w.draft(v)
	d.MAC = w.a.Office.ApprovalMAC(w.f.Code, w.p.String(), d.Version, person)
	return d
}

// attachment is what carries version v up the chain: its document (issue 20) and workbook.
func (w *effectWriter) attachment(v int) []ledger.Attachment {
	dr, ok := w.drafts[v]
	if !ok {
		return nil
	}
	return office.DraftAttachments(dr)
}

// toStep writes one mail per person of a step: the request, its reminder or its withdrawal.
func (w *effectWriter) toStep(a approval.Action) error {
	for _, id := range a.To {
		person, ok := w.a.Office.Person(id)
		if !ok || len(person.Emails) == 0 {
			w.a.log().Warn("approval mail not sent: person unknown or without address", "person", id)
			continue
		}
		to := letters.Person{Title: person.Title, Name: person.Name}
		m := ledger.OutMail{To: person.Emails[:1], CreatedAt: w.a.now(), NotBefore: w.a.now()}
		var l letters.Letter
		switch a.Kind {
		case approval.Request:
			l = w.requestLetter(a, id, to)
			m.Key, m.Kind = ledger.ApprovalRequestKey(w.f.Code, w.p.String(), a.Version, a.Step+1, id), ledger.KindApprovalRequest
			m.Attachments = w.attachment(a.Version)
		case approval.Overdue:
			l = letters.OverdueLetter(w.draftTo(a.Version, id), to, a.N, a.Due.In(w.a.Office.Location), w.kind(a.Step) == approval.StepInitial)
			m.Key, m.Kind = ledger.ApprovalOverdueKey(w.f.Code, w.p.String(), a.Version, a.Step+1, a.N, id), ledger.KindApprovalReminder
			m.Attachments, m.Cc = w.attachment(a.Version), w.a.Office.ClerkAddresses()
			m.NotBefore = w.a.Office.Calendar.NextWorkingTime(w.a.now())
		case approval.Remind:
			l = w.reminderLetter(a, id, to)
			m.Key, m.Kind = ledger.ApprovalReminderKey(w.f.Code, w.p.String(), a.Version, a.Step+1, a.N, id), ledger.KindApprovalReminder
			m.Attachments = w.attachment(a.Version)
			m.NotBefore = w.a.Office.Calendar.NextWorkingTime(w.a.now())
		case approval.Withdraw:
			l = letters.WithdrawLetter(w.draft(w.st.Version), to, a.Version)
			m.Key, m.Kind = ledger.ApprovalWithdrawKey(w.f.Code, w.p.String(), a.Version, id), ledger.KindApprovalNotice
		}
		m.Subject, m.Body = l.Subject, l.Body
		w.fx.mails = append(w.fx.mails, m)
	}
	return nil
}

// done lists the approvals of version by the steps before step, for the request letter.
func (w *effectWriter) done(version, step int) []letters.Decided {
	var out []letters.Decided
	for _, dec := range w.st.Approvals(version, step) {
		out = append(out, w.decided(dec))
	}
	return out
}

func (w *effectWriter) decided(dec approval.Decision) letters.Decided {
	p := w.person(dec.Person)
	return letters.Decided{Person: p, At: dec.At.In(w.a.Office.Location), Version: dec.Version, MessageID: dec.MessageID,
		Initial: dec.Kind == approval.Initialed}
}

// person names a person id (or an address, for someone outside the configuration).
func (w *effectWriter) person(id string) letters.Person {
	if p, ok := w.a.Office.Person(id); ok {
		return letters.Person{Title: p.Title, Name: p.Name}
	}
	return letters.Person{Name: id}
}

// toReplier answers the leader's mail itself, in its thread.
func (w *effectWriter) toReplier(a approval.Action) error {
	if w.rc == nil {
		return nil
	}
	to := w.person(a.Person)
	cur := w.draftTo(w.st.Version, a.Person)
	var l letters.Letter
	switch a.Kind {
	case approval.Acknowledge:
		l = w.ackLetter(a, to)
	case approval.AskAgain:
		l = letters.AskAgainLetter(w.draftTo(a.Version, a.Person), to, w.rc.written)
	case approval.Stale:
		l = letters.StaleLetter(cur, to, a.ReplyVersion)
	case approval.NotYourTurn:
		l = letters.NotYourTurnLetter(cur, to, office.People(w.stepPeople(w.st.Step)))
		if a.Reason == approval.ReasonRoundClosed {
			l = letters.RoundClosedLetter(cur, to)
		}
	}
	w.fx.mails = append(w.fx.mails, w.replyMail(string(a.Kind), ledger.KindApprovalNotice, []string{w.rc.msg.From.Addr}, l))
	return nil
}

func (w *effectWriter) replyMail(suffix string, kind ledger.Kind, to []string, l letters.Letter) ledger.OutMail {
	msg := w.rc.msg
	refs := append(append([]string(nil), msg.References...), msg.MessageID)
	return ledger.OutMail{
		Key: ledger.ApprovalReplyKey(w.rc.sha, suffix), Kind: kind, To: to,
		Subject: l.Subject, Body: l.Body, InReplyTo: msg.MessageID, References: refs,
		CreatedAt: w.a.now(), NotBefore: w.a.now(),
	}
}

func (w *effectWriter) stepPeople(step int) []config.Person {
	steps := w.a.Office.ApprovalSteps(w.f)
	if step < 0 || step >= len(steps) {
		return nil
	}
	return steps[step].People
}

// nextStep says, in the acknowledgement, what happens now.
func (w *effectWriter) nextStep() string {
	switch w.st.Status {
	case approval.Issued:
		return letters.IssuedNext
	case approval.Reviewing:
		return letters.SentOnTo(letters.PersonNames(office.People(w.stepPeople(w.st.Step))))
	case approval.Revising:
		return letters.RevisingNext
	}
	return ""
}

// toOffice tells the Planning Office what a person must handle.
func (w *effectWriter) toOffice(a approval.Action) error {
	to := w.a.Office.ClerkAddresses()
	if len(to) == 0 || w.rc == nil {
		w.a.log().Warn("approval notice for the Planning Office not sent", "kind", a.Kind, "clerks", len(to))
		return nil
	}
	from := w.person(a.Person)
	var l letters.Letter
	switch a.Kind {
	case approval.Revision:
		l = letters.RevisionLetter(w.draft(a.Version), from, a.Comment, w.rc.edited)
	case approval.UnclearToOffice:
		l = letters.UnclearLetter(w.draft(a.Version), from, w.rc.written, w.rc.reason)
	case approval.Refused:
		if _, known := w.a.Office.PersonByEmail(w.rc.msg.From.Addr); known {
			return nil // a configured person's reply reaches the clerks as a forward (see Reply)
		}
		if held, err := w.refusalHeld(); err != nil || held {
			return err
		}
		l = letters.RefusedReplyLetter(w.a.Office.Letterhead(), w.rc.msg.From.Addr, w.rc.msg.Subject, letters.NotInChain)
	}
	m := w.replyMail(string(a.Kind), ledger.KindApprovalOffice, to, l)
	m.InReplyTo, m.References = "", nil // a new thread for the office, not the leader's
	w.fx.mails = append(w.fx.mails, m)
	return nil
}

// refusalHeld applies the hourly notice limits (office.NoticeHeld) to the notice of a reply
// refused because its sender is not in the chain — anyone can write one, a hundred strangers a
// hundred. It records the notice as queued by the sender, or as held for the clerks' digest.
func (w *effectWriter) refusalHeld() (bool, error) {
	queued, cause, now := ledger.Queued(ledger.KindApprovalOffice), w.rc.msg.From.Addr, w.a.now()
	why, err := w.a.Office.NoticeHeld(w.ctx, w.a.Ledger, queued, w.fx.events, cause, now, ledger.Queued(ledger.KindForward))
	if err != nil {
		return false, err
	}
	action, detail := queued, "refused reply"
	if why != "" {
		action, detail = ledger.ActionNoticeHeldRefusedReply, why
	}
	w.fx.events = append(w.fx.events, ledger.Event{At: now, Actor: cause, Action: action, Object: ledger.MailObject(w.rc.sha), Detail: detail})
	return why != "", nil
}
