package approval

import (
	"fmt"
	"slices"
	"strconv"
)

// reply handles a leader's answer. The checks go from the widest to the narrowest: a reply
// already recorded, a sender outside the chain, a state that takes no answer, a version that
// is not the current one, a revision in progress, then the step's turn.
func (m *machine) reply(r Reply) error {
	if err := r.validate(); err != nil {
		return err
	}
	switch {
	case r.MessageID != "" && m.s.hasMessage(r.MessageID):
		m.emit(m.notCounted(Ignored, r, ReasonDuplicate))
	case len(m.chain.stepsOf(r.Person)) == 0:
		a := m.notCounted(Refused, r, "")
		a.To = nil // for the Planning Office
		m.emit(a)
	case m.s.Status == Issued:
		m.emit(m.notCounted(Ignored, r, ReasonAlreadyIssued))
	case m.s.Status == Correcting:
		m.emit(m.notCounted(Ignored, r, ReasonCorrecting))
	case m.s.Status == Waiting:
		m.emit(m.notCounted(Ignored, r, ReasonNoDraft))
	case r.Version <= 0 || r.Version > m.s.Version:
		m.emit(m.notCounted(Stale, r, ReasonUnknownVersion))
	case r.Version < m.s.Version:
		m.emit(m.notCounted(Stale, r, ReasonOldVersion))
	case m.s.Status == Revising:
		// Only an edited workbook from the step that asked for changes still counts: it is the
		// next version, made by the leader.
		if r.EditedVersion > 0 && m.chain.inStep(m.s.Step, r.Person) {
			return m.edited(r)
		}
		m.emit(m.notCounted(Stale, r, ReasonUnderRevision))
	case m.closedRound(r):
		m.emit(m.notCounted(NotYourTurn, r, ReasonRoundClosed))
	case !m.chain.inStep(m.s.Step, r.Person):
		m.emit(m.notCounted(NotYourTurn, r, m.turnReason(r.Person)))
	case m.stepKind() == StepComment:
		m.comment(r)
	case r.EditedVersion > 0:
		return m.edited(r)
	case r.Decision == Approve:
		m.approve(r)
	case r.Decision == Revise:
		m.revise(r)
	default:
		m.unclear(r)
	}
	return nil
}

func (r Reply) validate() error {
	switch {
	case r.Person == "":
		return fmt.Errorf("reply %q: no person", r.MessageID)
	case r.Decision != Approve && r.Decision != Revise && r.Decision != Unclear:
		return fmt.Errorf("reply %q: decision %q, want %q, %q or %q", r.MessageID, r.Decision, Approve, Revise, Unclear)
	case r.EditedVersion < 0:
		return fmt.Errorf("reply %q: negative edited version %d", r.MessageID, r.EditedVersion)
	case r.Step < 0:
		return fmt.Errorf("reply %q: negative step %d", r.MessageID, r.Step)
	}
	return nil
}

// notCounted describes a reply that changed nothing, for the person who sent it.
func (m *machine) notCounted(kind ActionKind, r Reply, reason string) Action {
	return Action{
		Kind: kind, Step: m.s.Step, Version: m.s.Version, To: []string{r.Person}, Person: r.Person,
		Comment: r.Comment, Reason: reason, ReplyVersion: r.Version, EditedVersion: r.EditedVersion,
	}
}

// turnReason says why a person of the chain may not answer now: their step comes later, or
// has already decided.
func (m *machine) turnReason(person string) string {
	if slices.ContainsFunc(m.chain.stepsOf(person), func(i int) bool { return i > m.s.Step }) {
		return ReasonStepNotReached
	}
	return ReasonStepDecided
}

// record adds a decision of the current step, from r, to the history.
func (m *machine) record(r Reply, kind string, version int) {
	m.s.Decisions = append(m.s.Decisions, Decision{
		Step: m.s.Step, Person: r.Person, Version: version, Kind: kind, Comment: r.Comment,
		At: r.At.UTC(), MessageID: r.MessageID, EditedVersion: r.EditedVersion,
	})
	m.emit(Action{
		Kind: Acknowledge, Step: m.s.Step, Version: version, To: []string{r.Person}, Person: r.Person,
		Comment: r.Comment, Answer: kind, EditedVersion: r.EditedVersion,
	})
}

func (m *machine) approve(r Reply) {
	m.record(r, m.passKind(), m.s.Version)
	m.advance(r.At)
}

func (m *machine) revise(r Reply) {
	m.record(r, Revise, m.s.Version)
	m.emit(Action{Kind: Revision, Step: m.s.Step, Version: m.s.Version, Person: r.Person, Comment: r.Comment})
	m.s.Status, m.s.Since, m.s.Reminders = Revising, r.At.UTC(), 0
}

// unclear asks the person once to answer again; after that a human must read their answers.
func (m *machine) unclear(r Reply) {
	key := r.Person + "/" + strconv.Itoa(m.s.Version) + "/" + strconv.Itoa(m.s.Step)
	kind := AskAgain
	if slices.Contains(m.s.Asked, key) {
		kind = UnclearToOffice
	} else {
		m.s.Asked = append(m.s.Asked, key)
	}
	a := Action{Kind: kind, Step: m.s.Step, Version: m.s.Version, Person: r.Person, Comment: r.Comment}
	if kind == AskAgain {
		a.To = []string{r.Person}
	}
	m.emit(a)
}

// edited handles a reply of the current step that carried an edited workbook. With approve,
// the leader approves their own edit: the earlier steps' approvals carry to it and the chain
// goes on. Otherwise the edit is a request for changes already made: the Planning Office is
// told and the edited version goes up the chain as OnRevise says.
func (m *machine) edited(r Reply) error {
	old, step := m.s.Version, m.s.Step
	if r.EditedVersion <= old {
		return fmt.Errorf("reply %q: edited version v%d not after the current version v%d", r.MessageID, r.EditedVersion, old)
	}
	m.adopt(r.EditedVersion, r.Person)
	if r.Decision == Approve {
		if !m.carry(old, step) {
			return fmt.Errorf("reply %q: history lacks the approvals of the steps before %d for v%d", r.MessageID, step, old)
		}
		m.s.Status = Reviewing
		m.record(r, m.passKind(), r.EditedVersion)
		m.advance(r.At)
		return nil
	}
	m.record(r, Revise, old)
	m.emit(Action{
		Kind: Revision, Step: step, Version: old, Person: r.Person, Comment: r.Comment,
		Reason: ReasonEdited, EditedVersion: r.EditedVersion,
	})
	m.resume(old, step, r.At)
	return nil
}
