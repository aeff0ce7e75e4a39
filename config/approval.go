package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Defaults of the approval and consolidation settings of a form.
const (
	DefaultApprovalRemindAfter  = 4 * time.Hour
	DefaultApprovalMaxReminders = 2
	DefaultConsolidateAfter     = "+2h"
	OnReviseRestart             = "restart"
	OnReviseStep                = "step"
)

// ApprovalStep is one step of a form's approval chain: its people, what is asked of them
// (Kind: StepApprove, any one decides; StepComment, all comment; StepInitial, any one
// initials) and, from [[forms.steps]], its due date with the reminders before it and the
// escalations after it.
type ApprovalStep struct {
	People              []Person
	Kind                string
	Due                 StepDue // zero: none
	Reminders, Escalate []Span
}

// Title names the step as its first person's title ("Chánh Văn phòng"), or name.
func (s ApprovalStep) Title() string {
	if len(s.People) == 0 {
		return ""
	}
	if s.People[0].Title != "" {
		return s.People[0].Title
	}
	return s.People[0].Name
}

// ApprovalSteps returns the form's chain as configured (approval, or [[forms.steps]]); ids
// that name nobody are left out (the configuration does not load with them).
func (c *Config) ApprovalSteps(f *Form) []ApprovalStep {
	if len(f.Steps) > 0 {
		return c.tableSteps(f)
	}
	var steps []ApprovalStep
	for _, entry := range f.Approval {
		step := ApprovalStep{Kind: StepApprove}
		for _, id := range stepIDs(entry) {
			if p, ok := c.Person(id); ok {
				step.People = append(step.People, p)
			}
		}
		if len(step.People) > 0 {
			steps = append(steps, step)
		}
	}
	return steps
}

// stepIDs splits "a | b" into its person ids.
func stepIDs(entry string) []string {
	var ids []string
	for _, id := range strings.Split(entry, "|") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

// RemindAfter is the working time before an unanswered approval request is reminded (0: never).
func (f *Form) RemindAfter() time.Duration {
	if f.ApprovalRemindAfter == "" {
		return DefaultApprovalRemindAfter
	}
	d, _ := time.ParseDuration(strings.TrimSpace(f.ApprovalRemindAfter)) // validated at load
	return d
}

// MaxApprovalReminders is the number of reminders per step and version.
func (f *Form) MaxApprovalReminders() int {
	if f.ApprovalMaxReminders == 0 {
		return DefaultApprovalMaxReminders
	}
	return f.ApprovalMaxReminders
}

// ConsolidateOffset is the grace after the deadline before consolidating with gaps.
func (f *Form) ConsolidateOffset() period.Offset {
	s := f.ConsolidateAfter
	if s == "" {
		s = DefaultConsolidateAfter
	}
	o, _ := period.ParseOffset(s) // validated at load
	return o
}

// validateChain checks the units, the approval chain and the recipients refer to known entries.
func (c *Config) validateChain(v *validator, path string, f *Form) {
	for j, code := range f.Units {
		if _, ok := c.Unit(code); !ok {
			v.add(fmt.Sprintf("%s.units[%d]", path, j), "%q is not the code of any unit", code)
		}
	}
	for j, entry := range f.Approval {
		c.validateStep(v, fmt.Sprintf("%s.approval[%d]", path, j), entry, j == len(f.Approval)-1)
	}
	c.validateSteps(v, path, f)
	for j, r := range f.Recipients {
		if _, ok := c.Person(r); !ok && !validEmail(r) {
			v.add(fmt.Sprintf("%s.recipients[%d]", path, j), "%q is neither a person id nor an email address", r)
		}
	}
	c.validateApprovalSettings(v, path, f)
}

func (c *Config) validateStep(v *validator, path, entry string, last bool) {
	ids := stepIDs(entry)
	if len(ids) == 0 {
		v.add(path, "an empty step: give a person id, or several joined by \"|\"")
	}
	for _, id := range ids {
		p, ok := c.Person(id)
		switch {
		case !ok:
			v.add(path, "%q is not the id of anyone in [[people]]", id)
		case len(p.Emails) == 0:
			v.add(path, "%q has no email address to receive the request", id)
		case last && !slices.Contains(p.Roles, "approver"):
			v.add(path, "%q ends the chain but does not have the role \"approver\"", id)
		}
	}
}

func (c *Config) validateApprovalSettings(v *validator, path string, f *Form) {
	switch f.ApprovalOnRevise {
	case "", OnReviseRestart, OnReviseStep:
	default:
		v.add(path+".approval_on_revise", "%q must be %q or %q", f.ApprovalOnRevise, OnReviseRestart, OnReviseStep)
	}
	if f.ApprovalRemindAfter != "" {
		if d, err := time.ParseDuration(strings.TrimSpace(f.ApprovalRemindAfter)); err != nil || d < 0 {
			v.add(path+".approval_remind_after", "%q is not a duration of working time such as \"4h\" or \"0\" (never)", f.ApprovalRemindAfter)
		}
	}
	if f.ApprovalMaxReminders < 0 || f.ApprovalMaxReminders > 20 {
		v.add(path+".approval_max_reminders", "%d must be between 0 (the default, 2) and 20", f.ApprovalMaxReminders)
	}
	if f.ConsolidateAfter != "" {
		if o, err := period.ParseOffset(f.ConsolidateAfter); err != nil {
			v.add(path+".consolidate_after", "%v", err)
		} else if o.Negative() {
			v.add(path+".consolidate_after", "%q: give a time after the deadline, e.g. \"+2h\" or \"+1wd\"", f.ConsolidateAfter)
		}
	}
}
