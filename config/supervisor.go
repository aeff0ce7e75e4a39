package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Issue 19, part V (supervisors): the unit's supervising leader in the cycle.

// Values of a form's supervisor key.
const (
	SupervisorCopy    = "copy"
	SupervisorReview  = "review"
	SupervisorApprove = "approve"
)

// DefaultSupervisorDue is how long a supervisor has to give a view when the form says nothing.
const DefaultSupervisorDue = "+1wd"

// SupervisorDue is a form's supervisor_due, parsed: an offset from the file's arrival, or a
// date rule of the form's period kind.
type SupervisorDue struct {
	After period.Offset // the default, and "+1wd" written
	Rule  *period.Rule  // a date rule ("20/12"); nil: After
}

// ParseSupervisorDue reads supervisor_due: "" is the default, "+…" an offset after the file
// arrives, anything else a deadline rule.
func ParseSupervisorDue(s string) (SupervisorDue, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		s = DefaultSupervisorDue
	}
	if strings.HasPrefix(s, "+") {
		o, err := period.ParseOffset(s)
		if err != nil {
			return SupervisorDue{}, err
		}
		if o.IsZero() {
			return SupervisorDue{}, fmt.Errorf("%q: give a time after the file arrives, e.g. \"+1wd\"", s)
		}
		return SupervisorDue{After: o}, nil
	}
	r, err := period.ParseRule(s)
	if err != nil {
		return SupervisorDue{}, err
	}
	def, _ := period.ParseOffset(DefaultSupervisorDue)
	return SupervisorDue{After: def, Rule: &r}, nil
}

// Due is when the supervisor's view of a file of period p received at received is due: the
// rule's date for p (for a plan of the next period, the period before it: the plan for 2027 is
// approved by 20/12/2026), else the offset after arrival. A date already past gives the offset
// after arrival, so that no file is overdue the moment it arrives.
func (d SupervisorDue) Due(p period.Period, plansNext bool, received time.Time, cal period.Calendar) time.Time {
	after := d.After.From(received, cal)
	if d.Rule == nil {
		return after
	}
	q := p
	if plansNext {
		q = p.Prev()
	}
	t, err := d.Rule.Deadline(q, cal)
	if err != nil || !t.After(received) {
		return after
	}
	return t
}

// SupervisorMode is the form's supervisor key as written ("" none).
func (f *Form) SupervisorMode() string { return strings.TrimSpace(f.Supervisor) }

// validateSupervisor checks a form's supervisor keys: a known mode, a due time that fits the
// form's kinds, copies that name people with an address, and, for review and approve, every
// unit of the form supervised by a person with an address (else its files could never count).
func (c *Config) validateSupervisor(v *validator, path string, f *Form, cadences []Cadence) {
	mode := f.SupervisorMode()
	switch mode {
	case "", SupervisorCopy, SupervisorReview, SupervisorApprove:
	default:
		v.add(path+".supervisor", "%q: expected \"copy\", \"review\" or \"approve\"", f.Supervisor)
		return
	}
	for i, id := range f.Copies {
		if p, ok := c.Person(id); !ok || len(p.Emails) == 0 {
			v.add(fmt.Sprintf("%s.copies[%d]", path, i), "%q is not a person with an email", id)
		}
	}
	if mode != SupervisorReview && mode != SupervisorApprove {
		if f.SupervisorDue != "" {
			v.add(path+".supervisor_due", "only a form with supervisor = \"review\" or \"approve\" has one")
		}
		return
	}
	due, err := ParseSupervisorDue(f.SupervisorDue)
	if err != nil {
		v.add(path+".supervisor_due", "%v", err)
	} else if due.Rule != nil {
		for _, cd := range cadences {
			if err := due.Rule.Check(cd.Kind); err != nil {
				v.add(path+".supervisor_due", "%v", err)
			}
		}
	}
	if m := c.MailAuth; !m.Authenticates() && !m.InsecureUnauthenticatedApprovals {
		v.add("mail_auth", "%s.supervisor = %q counts a unit's file on its supervisor's reply, but nothing authenticates "+
			"the leaders' replies: set mail_auth.trusted_servers, mail_auth.trust_unnamed or mail_auth.verify_dkim", path, mode)
	}
	for _, u := range c.FormUnits(f) {
		if p, ok := c.Person(u.Supervisor); !ok || len(p.Emails) == 0 {
			v.add(path+".supervisor", "unit %q needs a supervisor (a person with an email) for supervisor = %q", u.Code, mode)
		}
	}
}
