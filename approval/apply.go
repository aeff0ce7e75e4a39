package approval

import (
	"fmt"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Apply returns the State after ev (a Draft, Reply or Tick, or a pointer to one) and the
// actions the daemon must carry out. It never changes the receiver. The error reports an
// invalid event or context: an unknown event type, a draft whose version does not follow the
// current one, an edited version that does not, an invalid chain, or a state that does not fit
// the chain; the receiver is then returned unchanged with no action. Times are read in UTC and
// in cal's zone for working hours.
func (s State) Apply(c Chain, cal period.Calendar, ev any) (State, []Action, error) {
	if err := s.check(c); err != nil {
		return s, nil, fmt.Errorf("apply to %s %s: %w", s.Form, s.Period, err)
	}
	m := &machine{chain: c, cal: cal, s: s.clone()}
	if m.s.Status == "" {
		m.s.Status = Waiting // the zero State is usable
	}
	ev, err := value(ev)
	if err == nil {
		switch e := ev.(type) {
		case Draft:
			err = m.draft(e)
		case Reply:
			err = m.reply(e)
		case Tick:
			m.tick(e)
		case Reopen:
			err = m.reopen(e)
		default:
			err = fmt.Errorf("unknown event type %T", ev)
		}
	}
	if err != nil {
		return s, nil, fmt.Errorf("apply to %s %s: %w", s.Form, s.Period, err)
	}
	return m.s, m.actions, nil
}

// value returns the event a pointer points to, so that callers may pass either.
func value(ev any) (any, error) {
	switch e := ev.(type) {
	case *Draft:
		if e != nil {
			return *e, nil
		}
	case *Reply:
		if e != nil {
			return *e, nil
		}
	case *Tick:
		if e != nil {
			return *e, nil
		}
	case *Reopen:
		if e != nil {
			return *e, nil
		}
	default:
		return ev, nil
	}
	return nil, fmt.Errorf("nil %T event", ev)
}

// check rejects a chain that cannot be followed and a state the chain cannot hold (the
// configuration changed the number of steps under a draft in progress).
func (s State) check(c Chain) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("invalid chain: %w", err)
	}
	switch s.Status {
	case "", Waiting, Issued, Correcting:
	case Reviewing, Revising:
		if s.Step < 0 || s.Step >= len(c.Steps) {
			return fmt.Errorf("%s at step %d, but the chain has %d steps", s.Status, s.Step, len(c.Steps))
		}
	default:
		return fmt.Errorf("unknown status %q", s.Status)
	}
	return nil
}

// machine applies one event to a copy of the state and collects the actions.
type machine struct {
	chain   Chain
	cal     period.Calendar
	s       State
	actions []Action
}

func (m *machine) emit(a Action) {
	m.actions = append(m.actions, a)
}

// draft puts a new version under approval; an issued report stays as it is.
func (m *machine) draft(d Draft) error {
	if d.Version <= m.s.Version {
		return fmt.Errorf("draft v%d: not after the current version v%d", d.Version, m.s.Version)
	}
	switch m.s.Status {
	case Issued:
		m.emit(Action{Kind: Ignored, Version: m.s.Version, Person: d.Author, Reason: ReasonAlreadyIssued})
	case Waiting:
		m.adopt(d.Version, d.Author)
		m.request(0, d.At, 0)
	case Reviewing:
		oldStep, oldVersion := m.s.Step, m.s.Version
		m.adopt(d.Version, d.Author)
		m.supersede(oldStep, oldVersion, d.At)
	case Revising:
		old := m.s.Version
		m.adopt(d.Version, d.Author)
		m.resume(old, m.s.Step, d.At)
	case Correcting:
		// A correction changes what was issued: every step sees it again, whatever OnRevise says.
		m.adopt(d.Version, d.Author)
		m.request(0, d.At, 0)
	}
	return nil
}

// reopen starts the correction of the issued report. Anything else is left as it is: a
// correction already under way takes the new request with it.
func (m *machine) reopen(r Reopen) error {
	if r.Person == "" {
		return fmt.Errorf("reopen: no person")
	}
	if m.s.Status != Issued {
		m.emit(Action{Kind: Ignored, Version: m.s.Version, Person: r.Person, Reason: ReasonNotIssued})
		return nil
	}
	m.s.Status, m.s.Since, m.s.Reminders = Correcting, r.At.UTC(), 0
	m.emit(Action{Kind: Reopened, Version: m.s.Version, Person: r.Person})
	return nil
}

// tick sends the reminder that is due, if any. Several may be due after a pause of the
// daemon: one is sent, numbered after the last one due, rather than a burst. Reminders leave
// only within working hours. A request without a time (Since zero) is never reminded: counting
// working days from year 1 would be both wrong and slow.
func (m *machine) tick(t Tick) {
	if m.s.Status != Reviewing || m.s.Since.IsZero() {
		return
	}
	if due, ok := m.chain.Steps[m.s.Step].dueFrom(m.s.Since, m.cal); ok {
		m.datedTick(t, due)
		return
	}
	limit := m.chain.maxReminders()
	if limit == 0 || !m.cal.InWorkingHours(t.At) {
		return
	}
	due := int(m.cal.WorkingDuration(m.s.Since, t.At) / m.chain.RemindAfter)
	due = min(due, limit)
	if due <= m.s.Reminders {
		return
	}
	m.s.Reminders = due
	m.emit(Action{Kind: Remind, Step: m.s.Step, Version: m.s.Version, To: m.chain.peopleOf(m.s.Step), N: due})
}

// adopt makes version, made by author, the draft under approval.
func (m *machine) adopt(version int, author string) {
	m.s.Version, m.s.Author = version, author
}

// request sends the current version to step.
func (m *machine) request(step int, at time.Time, replaces int) {
	m.s.Status, m.s.Step, m.s.Since, m.s.Reminders = Reviewing, step, at.UTC(), 0
	a := Action{Kind: Request, Step: step, Version: m.s.Version, To: m.chain.peopleOf(step), Replaces: replaces}
	if !at.IsZero() {
		a.Due, _ = m.chain.Steps[step].dueFrom(m.s.Since, m.cal)
	}
	m.emit(a)
}

// supersede restarts the chain with the current version while oldStep still waited for an
// answer about oldVersion: approvals of a changed draft do not carry over.
func (m *machine) supersede(oldStep, oldVersion int, at time.Time) {
	if oldStep == 0 {
		m.request(0, at, oldVersion)
		return
	}
	var others []string
	for _, p := range m.chain.Steps[oldStep].People {
		if !m.chain.inStep(0, p) {
			others = append(others, p)
		}
	}
	if len(others) > 0 {
		m.emit(Action{Kind: Withdraw, Step: oldStep, Version: oldVersion, To: others, Reason: ReasonNewerDraft})
	}
	m.request(0, at, 0)
}

// resume sends the current version up the chain after step asked requested changes to
// version previous: from the first step, or (OnRevise "step") from step asked, the approvals
// the earlier steps gave to previous being carried to the new version.
func (m *machine) resume(previous, asked int, at time.Time) {
	if m.chain.restartsOnRevise() || !m.carry(previous, asked) {
		m.request(0, at, 0)
		return
	}
	m.request(asked, at, 0)
}

// carry records again, for the current version, the approvals (and initials) that steps
// before upTo gave to from. It records nothing and returns false if one is missing. Comment
// steps carry nothing: their round is not held again, its answers stay with the version it
// was held on.
func (m *machine) carry(from, upTo int) bool {
	carried := make([]Decision, 0, upTo)
	for j := range upTo {
		if m.chain.Steps[j].kind() == StepComment {
			continue
		}
		d, ok := m.s.approval(j, from)
		if !ok {
			return false
		}
		if d.CarriedFrom == 0 {
			d.CarriedFrom = d.Version
		}
		d.Version, d.EditedVersion = m.s.Version, 0
		carried = append(carried, d)
	}
	m.s.Decisions = append(m.s.Decisions, carried...)
	return true
}

// advance moves on after the current step approved the current version.
func (m *machine) advance(at time.Time) {
	if m.s.Step < len(m.chain.Steps)-1 {
		m.request(m.s.Step+1, at, 0)
		return
	}
	m.s.Status, m.s.Since, m.s.Reminders = Issued, at.UTC(), 0
	m.emit(Action{Kind: Issue, Step: m.s.Step, Version: m.s.Version, Approvals: m.s.Approvals(m.s.Version, len(m.chain.Steps))})
}
