package approval

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Step is one level of the approval chain, such as "Chánh Văn phòng": People (the ids of
// people in the configuration) and what is asked of them (Kind, see StepApprove, StepComment,
// StepInitial). A step may have a due date, absolute (Due, resolved by the caller for the form
// and period) or counted from its request (DueAfter), with reminders before it and escalations
// after it; a step without one is reminded after Chain.RemindAfter, as before.
type Step struct {
	Title  string
	People []string
	// Kind is StepApprove ("" means the same), StepComment or StepInitial.
	Kind string
	// Due is the absolute due date of the step's answer; zero: DueAfter, or none.
	Due time.Time
	// DueAfter is the due date counted from the step's request, when Due is zero.
	DueAfter Span
	// Reminders are the times before the due date (zero or negative spans) at which the
	// people who have not answered are reminded; Escalate the times after it (zero or
	// positive) at which they are reminded that the answer is overdue, the clerks copied.
	Reminders, Escalate []Span
}

// What the next version does after a request for changes (Chain.OnRevise).
const (
	OnReviseRestart = "restart" // start again at the first step (the default, also "")
	OnReviseStep    = "step"    // start at the step that asked for the changes
)

// defaultMaxReminders is used when reminders are on but MaxReminders is 0.
const defaultMaxReminders = 2

// Chain is the approval chain of a form: the steps in order, from reviewer to approver.
type Chain struct {
	Steps []Step
	// OnRevise is OnReviseRestart ("" means the same) or OnReviseStep.
	OnRevise string
	// RemindAfter is the working time without an answer after which the step is reminded, and
	// again after each further RemindAfter; 0 never reminds.
	RemindAfter time.Duration
	// MaxReminders is the number of reminders per step and version; 0 with RemindAfter > 0
	// means 2.
	MaxReminders int
}

// Validate reports a chain that cannot be followed: no step, a step without anyone, an empty
// or repeated person id within a step, an unknown OnRevise, negative reminder settings.
func (c Chain) Validate() error {
	var errs []error
	if len(c.Steps) == 0 {
		errs = append(errs, errors.New("steps: the chain needs at least one step"))
	}
	for i, s := range c.Steps {
		if len(s.People) == 0 {
			errs = append(errs, fmt.Errorf("steps[%d] %q: nobody can decide for this step", i, s.Title))
		}
		errs = append(errs, s.validate(i, i == len(c.Steps)-1)...)
		for j, p := range s.People {
			switch {
			case p == "":
				errs = append(errs, fmt.Errorf("steps[%d].people[%d]: empty person id", i, j))
			case slices.Index(s.People, p) < j:
				errs = append(errs, fmt.Errorf("steps[%d].people[%d] %q: listed twice", i, j, p))
			}
		}
	}
	if c.OnRevise != "" && c.OnRevise != OnReviseRestart && c.OnRevise != OnReviseStep {
		errs = append(errs, fmt.Errorf("on_revise %q: expected %q or %q", c.OnRevise, OnReviseRestart, OnReviseStep))
	}
	if c.RemindAfter < 0 {
		errs = append(errs, fmt.Errorf("remind_after %v: must not be negative", c.RemindAfter))
	}
	if c.MaxReminders < 0 {
		errs = append(errs, fmt.Errorf("max_reminders %d: must not be negative", c.MaxReminders))
	}
	return errors.Join(errs...)
}

// maxReminders returns the effective number of reminders per step and version.
func (c Chain) maxReminders() int {
	switch {
	case c.RemindAfter <= 0:
		return 0
	case c.MaxReminders == 0:
		return defaultMaxReminders
	default:
		return c.MaxReminders
	}
}

// restartsOnRevise reports whether the next version starts again at the first step.
func (c Chain) restartsOnRevise() bool {
	return c.OnRevise != OnReviseStep
}

// inStep reports whether person decides for step i.
func (c Chain) inStep(i int, person string) bool {
	return i >= 0 && i < len(c.Steps) && slices.Contains(c.Steps[i].People, person)
}

// stepsOf returns the steps person belongs to, in order.
func (c Chain) stepsOf(person string) []int {
	var steps []int
	for i := range c.Steps {
		if c.inStep(i, person) {
			steps = append(steps, i)
		}
	}
	return steps
}

// peopleOf returns a copy of the people of step i, so that actions never alias the chain.
func (c Chain) peopleOf(i int) []string {
	return slices.Clone(c.Steps[i].People)
}
