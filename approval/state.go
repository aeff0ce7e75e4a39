package approval

import (
	"slices"
	"time"
)

// Status says where a form and period stand in the approval chain.
type Status string

// Statuses of a State.
const (
	Waiting   Status = "waiting"   // no draft yet
	Reviewing Status = "reviewing" // Version waits for the answer of Steps[Step]
	Revising  Status = "revising"  // Steps[Step] asked for changes; the Planning Office prepares the next version
	Issued    Status = "issued"    // the last step approved Version; only a Reopen changes it
	// Correcting: the issued Version is being corrected; the next draft goes up the whole chain
	// and, approved, is issued as its replacement.
	Correcting Status = "correcting"
)

// Kinds of decisions: the reading of a leader's reply (Reply.Decision), of which only Approve
// and Revise are recorded (Decision.Kind).
const (
	Approve = "approve"
	Revise  = "revise"
	Unclear = "unclear"
)

// Decision is an answer of the chain that counted, kept in the history.
type Decision struct {
	Step      int
	Person    string
	Version   int
	Kind      string // Approve, Revise, Initialed, Agreed or Commented
	Comment   string
	At        time.Time // UTC
	MessageID string
	// CarriedFrom > 0 marks an approval given for that earlier version and recorded again for
	// Version, because the chain resumed after the step (OnRevise "step") or a later step
	// approved its own edit. Person, Comment, At and MessageID are those of the original.
	CarriedFrom int
	// EditedVersion > 0: the person answered with an edited workbook, stored as that version.
	EditedVersion int
}

// State is the approval of one form and period. Apply returns the next State; the daemon
// stores it as JSON and gets it back identical (times are kept in UTC for that reason).
type State struct {
	Form, Period string
	Status       Status
	Version      int       // the draft under approval (the latest draft)
	Step         int       // Reviewing: the step waiting; Revising: the step that asked for changes
	Since        time.Time // Reviewing: when the current step's request went out; otherwise when the status began (UTC)
	Reminders    int       // reminders counted for the current step and version
	Decisions    []Decision
	Asked        []string // "person/version/step" already asked to answer again
	// Author is who made Version: "" for a draft built by tonghop, else the id of the person
	// who sent it (an edited workbook).
	Author string
}

// New returns the State of a form and period before any draft.
func New(form, period string) State {
	return State{Form: form, Period: period, Status: Waiting}
}

// PendingPeople returns the people whose answer is awaited, or nil when no step is waiting.
func (s State) PendingPeople(c Chain) []string {
	if s.Status != Reviewing || s.Step < 0 || s.Step >= len(c.Steps) {
		return nil
	}
	return c.peopleOf(s.Step)
}

// Approvals returns the approval (or initial) of each step for version, in step order, as
// Issue reports them; steps that have not approved it, and comment steps, are left out.
func (s State) Approvals(version, steps int) []Decision {
	var out []Decision
	for j := range steps {
		if d, ok := s.approval(j, version); ok {
			out = append(out, d)
		}
	}
	return out
}

// approval returns the latest approval of step for version.
func (s State) approval(step, version int) (Decision, bool) {
	for i := len(s.Decisions) - 1; i >= 0; i-- {
		d := s.Decisions[i]
		if d.Step == step && d.Version == version && passes(d.Kind) {
			return d, true
		}
	}
	return Decision{}, false
}

// hasMessage reports whether a decision was recorded from the mail messageID.
func (s State) hasMessage(messageID string) bool {
	return slices.ContainsFunc(s.Decisions, func(d Decision) bool { return d.MessageID == messageID })
}

// clone copies the slices, so that the next State never writes into the receiver's arrays.
func (s State) clone() State {
	s.Decisions = slices.Clone(s.Decisions)
	s.Asked = slices.Clone(s.Asked)
	return s
}
