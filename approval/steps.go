package approval

import (
	"fmt"
	"slices"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Kinds of steps (Step.Kind).
const (
	// StepApprove: any one of the step's people approves or asks for changes (the default).
	StepApprove = "approve"
	// StepComment: all of the step's people are asked for comments by the due date; the step
	// closes when all have answered or the due date passes, and never refuses.
	StepComment = "comment"
	// StepInitial: any one of the step's people initials the draft (ký nháy) or asks for
	// changes; the initial moves the draft on like an approval.
	StepInitial = "initial"
)

// Kinds of recorded answers besides Approve and Revise (Decision.Kind).
const (
	Initialed = "initialed" // the approval of an initial step (ký nháy)
	Agreed    = "agreed"    // an answer to a comment step that agrees with nothing to add
	Commented = "commented" // an answer to a comment step that says something (Decision.Comment)
)

// Why a comment round closed (Action.Reason of Gathered), and why a reply to it came too late
// (NotYourTurn).
const (
	ReasonAllAnswered = "everyone answered"
	ReasonDuePassed   = "the due date passed"
	ReasonRoundClosed = "the comment round is closed"
)

// maxNudges bounds the reminders and escalations of a dated step.
const maxNudges = 20

// Span is a distance in working time: whole working days (period.Calendar.AddWorkingDays)
// then hours, counted in working time when positive (AddWorkingDuration) and on the clock
// when negative ("-2h": two hours before the due time).
type Span struct {
	Days  int
	Hours time.Duration
}

// IsZero reports whether the span is empty.
func (s Span) IsZero() bool { return s.Days == 0 && s.Hours == 0 }

// From returns t moved by s in cal.
func (s Span) From(t time.Time, cal period.Calendar) time.Time {
	t = cal.AddWorkingDays(t, s.Days)
	if s.Hours > 0 {
		return cal.AddWorkingDuration(t, s.Hours)
	}
	return t.Add(s.Hours)
}

func (s Span) negative() bool { return s.Days < 0 || s.Hours < 0 }
func (s Span) positive() bool { return s.Days > 0 || s.Hours > 0 }

// kind returns the step's kind, StepApprove for "".
func (s Step) kind() string {
	if s.Kind == "" {
		return StepApprove
	}
	return s.Kind
}

// dated reports whether the step has a due date.
func (s Step) dated() bool { return !s.Due.IsZero() || !s.DueAfter.IsZero() }

// validate reports what makes step i unusable; last says it ends the chain.
func (s Step) validate(i int, last bool) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("steps[%d] %q: "+format, append([]any{i, s.Title}, args...)...))
	}
	switch s.kind() {
	case StepApprove, StepInitial:
	case StepComment:
		if last {
			bad("a comment step cannot end the chain: someone must approve after it")
		}
		if !s.dated() {
			bad("a comment step needs a due date")
		}
	default:
		bad("kind %q: expected %q, %q or %q", s.Kind, StepApprove, StepComment, StepInitial)
	}
	if last && s.kind() == StepInitial {
		bad("an initial step cannot end the chain: someone must sign after it")
	}
	switch {
	case !s.Due.IsZero() && !s.DueAfter.IsZero():
		bad("both an absolute and a relative due date")
	case s.DueAfter.negative():
		bad("due date before the request")
	case !s.dated() && len(s.Reminders)+len(s.Escalate) > 0:
		bad("reminders or escalations without a due date")
	case len(s.Reminders)+len(s.Escalate) > maxNudges:
		bad("more than %d reminders and escalations", maxNudges)
	}
	if slices.ContainsFunc(s.Reminders, Span.positive) {
		bad("a reminder after the due date: use escalate")
	}
	if slices.ContainsFunc(s.Escalate, Span.negative) {
		bad("an escalation before the due date: use reminders")
	}
	return errs
}

// dueFrom returns when the answer to the step's request sent at since is due. An absolute due
// date that has passed by the request of a comment step gives one working day instead: a round
// that closed at once would ask nobody anything.
func (s Step) dueFrom(since time.Time, cal period.Calendar) (time.Time, bool) {
	switch {
	case !s.Due.IsZero():
		if s.kind() == StepComment && !s.Due.After(since) {
			return cal.AddWorkingDays(since, 1).UTC(), true
		}
		return s.Due.UTC(), true
	case !s.DueAfter.IsZero():
		return s.DueAfter.From(since, cal).UTC(), true
	}
	return time.Time{}, false
}

// nudges returns the times of the reminders (those after since, in order) and then of the
// escalations (in order; none for a comment step, which closes at its due date), with the
// number of reminders.
func (s Step) nudges(since, due time.Time, cal period.Calendar) (times []time.Time, reminders int) {
	for _, sp := range s.Reminders {
		if t := sp.From(due, cal); t.After(since) && t.Before(due) {
			times = append(times, t)
		}
	}
	slices.SortFunc(times, time.Time.Compare)
	reminders = len(times)
	if s.kind() == StepComment {
		return times, reminders
	}
	var late []time.Time
	for _, sp := range s.Escalate {
		late = append(late, sp.From(due, cal))
	}
	slices.SortFunc(late, time.Time.Compare)
	return append(times, late...), reminders
}

// Due returns when the answer of the waiting step is due, if it has a due date.
func (s State) Due(c Chain, cal period.Calendar) (time.Time, bool) {
	if s.Status != Reviewing || s.Step < 0 || s.Step >= len(c.Steps) || s.Since.IsZero() {
		return time.Time{}, false
	}
	return c.Steps[s.Step].dueFrom(s.Since, cal)
}

// Awaited returns the people of the waiting step who have not answered the current version:
// for a comment step those who have not commented, otherwise all of them.
func (s State) Awaited(c Chain) []string {
	var out []string
	for _, p := range s.PendingPeople(c) {
		if !s.answered(s.Step, s.Version, p) {
			out = append(out, p)
		}
	}
	return out
}

// Answers returns the answers recorded for a comment step about version, in order.
func (s State) Answers(step, version int) []Decision {
	var out []Decision
	for _, d := range s.Decisions {
		if d.Step == step && d.Version == version && (d.Kind == Agreed || d.Kind == Commented) {
			out = append(out, d)
		}
	}
	return out
}

// answered reports whether person answered the comment step about version.
func (s State) answered(step, version int, person string) bool {
	return slices.ContainsFunc(s.Answers(step, version), func(d Decision) bool { return d.Person == person })
}

// passes reports whether a recorded answer moves the draft past its step.
func passes(kind string) bool { return kind == Approve || kind == Initialed }

// stepKind returns the kind of the current step.
func (m *machine) stepKind() string {
	return m.chain.Steps[m.s.Step].kind()
}

// passKind is what an approval at the current step is recorded as.
func (m *machine) passKind() string {
	if m.stepKind() == StepInitial {
		return Initialed
	}
	return Approve
}

// comment records an answer to a comment round: agreeing and commenting are both answers
// (a round never refuses); an unclear one is asked again as at any step. An edited workbook
// is not adopted at a comment step: the daemon does not store one, and the machine records
// the words only. The round closes when the last person has answered.
func (m *machine) comment(r Reply) {
	if r.Decision == Unclear {
		m.unclear(r)
		return
	}
	kind := Commented
	if r.Decision == Approve {
		kind = Agreed
	}
	r.EditedVersion = 0
	m.record(r, kind, m.s.Version)
	if len(m.s.Awaited(m.chain)) == 0 {
		m.closeRound(r.At, ReasonAllAnswered)
	}
}

// closeRound gathers the answers of the comment round for the Planning Office and sends the
// draft to the next step with them.
func (m *machine) closeRound(at time.Time, reason string) {
	step, version := m.s.Step, m.s.Version
	answers, missing := m.s.Answers(step, version), m.s.Awaited(m.chain)
	m.emit(Action{Kind: Gathered, Step: step, Version: version, Comments: answers, Missing: missing, Reason: reason})
	m.advance(at)
	if n := len(m.actions); n > 0 && m.actions[n-1].Kind == Request {
		m.actions[n-1].Comments, m.actions[n-1].Missing = slices.Clone(answers), slices.Clone(missing)
	}
}

// closedRound reports whether r answers the request of a comment round other than the step
// waiting: a comment that came too late, which must not count as the same person's decision
// at a later step.
func (m *machine) closedRound(r Reply) bool { return m.s.AnswersClosedRound(m.chain, r.Step) }

// AnswersClosedRound reports whether a reply to the request of step (counted from 1, as
// Reply.Step) answers a comment round that is no longer the step waiting: Apply does not count
// it (NotYourTurn, ReasonRoundClosed), so the daemon must not take an edited workbook from it.
func (s State) AnswersClosedRound(c Chain, step int) bool {
	i := step - 1
	return i >= 0 && i != s.Step && i < len(c.Steps) && c.Steps[i].kind() == StepComment
}

// datedTick handles the passing of time at a step with a due date: a comment round closes
// once it is due; otherwise the reminder or escalation that fell due is sent, one after a
// pause, within working hours.
func (m *machine) datedTick(t Tick, due time.Time) {
	step := m.chain.Steps[m.s.Step]
	if step.kind() == StepComment && !t.At.Before(due) {
		m.closeRound(t.At, ReasonDuePassed)
		return
	}
	if !m.cal.InWorkingHours(t.At) {
		return
	}
	times, reminders := step.nudges(m.s.Since, due, m.cal)
	n := 0
	for n < len(times) && !times[n].After(t.At) {
		n++
	}
	if n <= m.s.Reminders {
		return
	}
	m.s.Reminders = n
	a := Action{Kind: Remind, Step: m.s.Step, Version: m.s.Version, To: m.s.Awaited(m.chain), N: n, Due: due}
	if n > reminders {
		a.Kind, a.N = Overdue, n-reminders
	}
	m.emit(a)
}
