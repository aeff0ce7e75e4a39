package approve

// Issue 19, part S: the kinds of steps and their due dates, and the letters they send.

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// fallbackDue is the due date of a step whose deadline rule cannot be placed in a period (the
// configuration is validated, so only a period of an unexpected kind): a due date the people
// can meet rather than none, since a comment round needs one to close.
var fallbackDue = approval.Span{Days: 2}

// step is the state machine's step for a configured one, its due date resolved for period p:
// an absolute rule ("day 20") gives the deadline of p under it, a span counts from the request.
func (a *Approver) step(f *config.Form, p period.Period, s config.ApprovalStep) approval.Step {
	step := approval.Step{Title: s.Title(), Kind: s.Kind}
	for _, person := range s.People {
		step.People = append(step.People, person.ID)
	}
	switch {
	case !s.Due.Rule.IsZero():
		due, err := s.Due.Rule.Deadline(p, a.Office.Calendar)
		if err != nil {
			a.log().Warn("step due date not placed in the period; two working days from the request instead",
				"form", f.Code, "period", p.String(), "rule", s.Due.Rule.String(), "err", err)
			step.DueAfter = fallbackDue
		} else {
			step.Due = due.UTC()
		}
	default:
		step.DueAfter = approval.Span(s.Due.After)
	}
	for _, sp := range s.Reminders {
		step.Reminders = append(step.Reminders, approval.Span(sp))
	}
	for _, sp := range s.Escalate {
		step.Escalate = append(step.Escalate, approval.Span(sp))
	}
	return step
}

// kind is the kind of step i of the form's chain.
func (w *effectWriter) kind(i int) string {
	steps := w.a.Office.ApprovalSteps(w.f)
	if i < 0 || i >= len(steps) || steps[i].Kind == "" {
		return approval.StepApprove
	}
	return steps[i].Kind
}

// local is t in the office's zone; the zero time stays zero.
func (w *effectWriter) local(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(w.a.Office.Location)
}

// requestLetter asks person id of a step for what its kind asks: comments, an initial or a
// decision, with the due date and the comments of the round before it.
func (w *effectWriter) requestLetter(a approval.Action, id string, to letters.Person) letters.Letter {
	d, due := w.draftTo(a.Version, id), w.local(a.Due)
	comments, missing := w.comments(a.Comments), office.People(w.people(a.Missing))
	switch {
	case w.kind(a.Step) == approval.StepComment:
		return letters.CommentRequestLetter(d, to, due)
	case w.kind(a.Step) == approval.StepInitial:
		return letters.InitialRequestLetter(d, to, w.done(a.Version, a.Step), comments, missing, due)
	case len(comments) > 0 || len(missing) > 0 || !due.IsZero():
		return letters.StepRequestLetter(d, to, w.done(a.Version, a.Step), comments, missing, due)
	}
	return letters.ApprovalRequestLetter(d, to, w.done(a.Version, a.Step), a.Replaces)
}

// reminderLetter reminds person id of a step: before a due date, in the words of its kind;
// without one, as before.
func (w *effectWriter) reminderLetter(a approval.Action, id string, to letters.Person) letters.Letter {
	d := w.draftTo(a.Version, id)
	switch {
	case w.kind(a.Step) == approval.StepComment:
		return letters.CommentReminderLetter(d, to, a.N, w.local(a.Due))
	case !a.Due.IsZero():
		return letters.DueReminderLetter(d, to, a.N, w.local(a.Due), w.kind(a.Step) == approval.StepInitial)
	}
	return letters.ApprovalReminderLetter(d, to, a.N, w.st.Since.In(w.a.Office.Location))
}

// ackLetter confirms a recorded answer in the words of its kind.
func (w *effectWriter) ackLetter(a approval.Action, to letters.Person) letters.Letter {
	d := w.draftTo(a.Version, a.Person)
	switch a.Answer {
	case approval.Agreed, approval.Commented:
		return letters.CommentAckLetter(d, to, a.Answer == approval.Agreed, a.Comment)
	case approval.Initialed:
		return letters.InitialAckLetter(d, to, w.nextStep())
	}
	return letters.AcknowledgeLetter(d, to, a.Answer == approval.Approve, a.Comment, w.nextStep())
}

// gathered gives the clerks the comments of a round that closed, whether a reply or the due
// date closed it.
func (w *effectWriter) gathered(a approval.Action) error {
	to := w.a.Office.ClerkAddresses()
	if len(to) == 0 {
		w.a.log().Warn("comments of a round not sent: no clerk with an address", "form", w.f.Code, "period", w.p.String())
		return nil
	}
	next := ""
	if w.st.Status == approval.Reviewing {
		next = letters.PersonNames(office.People(w.stepPeople(w.st.Step)))
	}
	l := letters.CommentsGatheredLetter(w.draft(a.Version), w.comments(a.Comments), office.People(w.people(a.Missing)),
		a.Reason == approval.ReasonDuePassed, next)
	now := w.a.now()
	w.fx.mails = append(w.fx.mails, ledger.OutMail{
		Key: ledger.ApprovalGatheredKey(w.f.Code, w.p.String(), a.Version, a.Step+1), Kind: ledger.KindApprovalOffice,
		To: to, Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now,
	})
	return nil
}

// comments are the answers of a round for the letters.
func (w *effectWriter) comments(decs []approval.Decision) []letters.Comment {
	var out []letters.Comment
	for _, d := range decs {
		out = append(out, letters.Comment{Person: w.person(d.Person), At: w.local(d.At), Agreed: d.Kind == approval.Agreed, Words: d.Comment})
	}
	return out
}

// people are the configured people of ids; an id that names nobody is left out.
func (w *effectWriter) people(ids []string) []config.Person {
	var out []config.Person
	for _, id := range ids {
		if p, ok := w.a.Office.Person(id); ok {
			out = append(out, p)
		}
	}
	return out
}

// stepOfKey reads the step (from 1) of a request, reminder or escalation's outbox key.
var stepOfKey = regexp.MustCompile(`:s([0-9]{1,3}):(?:request|remind[0-9]+|overdue[0-9]+):`)

// answeredStep finds the step (from 1) whose request, reminder or escalation about ref's
// version msg replies to, from the outbox key of the mail its In-Reply-To or References name;
// 0 when they name none. The state machine uses it so that a late answer to a comment round
// does not count as the same person's decision at a later step.
func (a *Approver) answeredStep(ctx context.Context, msg *intake.Message, ref Ref) int {
	prefix := ledger.ApprovalRequestKey(ref.Form.Code, ref.Period.String(), ref.Version, 0, "")
	prefix = prefix[:strings.LastIndex(prefix, ":s0:")]
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		if id == "" || !mailer.IsOwnMessageID(id, a.Office.SMTP.From) {
			continue
		}
		m, err := a.Ledger.OutMailByMessageID(ctx, id)
		if err != nil || !strings.HasPrefix(m.Key, prefix+":") {
			continue
		}
		if sm := stepOfKey.FindStringSubmatch(m.Key[len(prefix):]); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			return n
		}
	}
	return 0
}
