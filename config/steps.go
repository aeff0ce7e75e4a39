package config

// Issue 19, part S: approval steps of more kinds ([[forms.steps]]).

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/period"
)

// Kinds of approval steps ([[forms.steps]] kind).
const (
	StepApprove = "approve" // any one of the people decides (the default)
	StepComment = "comment" // all of the people comment by the due date
	StepInitial = "initial" // any one of the people initials (ký nháy) before a later step signs
)

// Defaults of a step with a due date that says nothing of its reminders or escalations.
var (
	DefaultStepReminders = []string{"-1wd"}
	DefaultStepEscalate  = []string{"+1wd"}
)

// FormStep is one [[forms.steps]] table: a step of the approval chain written with its kind
// and due date, as an alternative to `approval = ["a", "b|c"]` (not both).
type FormStep struct {
	People []string `toml:"people"` // person ids; any one decides, or all comment
	Kind   string   `toml:"kind"`   // "approve" (default), "comment" or "initial"
	// Due is when the answer is due: "+2wd" (working days) or "+4h" (working hours) after the
	// request, or a deadline rule of the form's period kind ("day 20", "31/12"), resolved for
	// each period. Empty: no due date (approval_remind_after reminds instead).
	Due string `toml:"due"`
	// Reminders before the due date ("-1wd", "-2h") and escalations after it ("+1wd"), to the
	// people who have not answered, the clerks copied on escalations. Unset: ["-1wd"] and
	// ["+1wd"] when there is a due date; [] for none.
	Reminders []string `toml:"reminders"`
	Escalate  []string `toml:"escalate"`
}

// Span is a distance in working time: working days, then hours (see approval.Span).
type Span struct {
	Days  int
	Hours time.Duration
}

// StepDue is a step's parsed due date: After the request, or by Rule for each period.
type StepDue struct {
	After Span
	Rule  period.Rule
}

// IsZero reports a step without a due date.
func (d StepDue) IsZero() bool { return d.After == (Span{}) && d.Rule.IsZero() }

// ParseSpan reads a signed working distance: "+2wd", "-1wd", "+4h", "-30m", "0". Whole
// numbers only, one unit, at most 999 of it.
func ParseSpan(s string) (Span, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "0" {
		return Span{}, nil
	}
	sign := 1
	switch {
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	case strings.HasPrefix(t, "-"):
		sign, t = -1, t[1:]
	}
	i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	if i <= 0 || i > 3 {
		return Span{}, fmt.Errorf("%q is not a working time such as \"+2wd\", \"-1wd\" or \"+4h\"", s)
	}
	n, _ := strconv.Atoi(t[:i])
	switch t[i:] {
	case "wd":
		return Span{Days: sign * n}, nil
	case "h":
		return Span{Hours: time.Duration(sign*n) * time.Hour}, nil
	case "m":
		return Span{Hours: time.Duration(sign*n) * time.Minute}, nil
	}
	return Span{}, fmt.Errorf("%q: the unit is \"wd\" (working days), \"h\" (working hours) or \"m\" (minutes)", s)
}

// parseStepDue reads a due date: a span after the request, or a deadline rule.
func parseStepDue(s string) (StepDue, error) {
	if strings.HasPrefix(strings.TrimSpace(s), "+") {
		sp, err := ParseSpan(s)
		return StepDue{After: sp}, err
	}
	r, err := period.ParseRule(s)
	return StepDue{Rule: r}, err
}

// parseSpans reads reminders or escalations; def when the key is absent.
func parseSpans(list, def []string) []Span {
	if list == nil {
		list = def
	}
	var out []Span
	for _, s := range list {
		if sp, err := ParseSpan(s); err == nil {
			out = append(out, sp)
		}
	}
	return out
}

// HasChain reports whether the form's reports go up an approval chain.
func (f *Form) HasChain() bool { return len(f.Approval) > 0 || len(f.Steps) > 0 }

// tableSteps returns the [[forms.steps]] chain; people that name nobody are left out.
func (c *Config) tableSteps(f *Form) []ApprovalStep {
	var steps []ApprovalStep
	for _, fs := range f.Steps {
		step := ApprovalStep{Kind: fs.Kind}
		if step.Kind == "" {
			step.Kind = StepApprove
		}
		for _, id := range fs.People {
			if p, ok := c.Person(id); ok {
				step.People = append(step.People, p)
			}
		}
		if fs.Due != "" {
			step.Due, _ = parseStepDue(fs.Due) // validated at load
			step.Reminders = parseSpans(fs.Reminders, DefaultStepReminders)
			step.Escalate = parseSpans(fs.Escalate, DefaultStepEscalate)
		}
		if len(step.People) > 0 {
			steps = append(steps, step)
		}
	}
	return steps
}

// validateSteps checks the [[forms.steps]] of a form.
func (c *Config) validateSteps(v *validator, path string, f *Form) {
	if len(f.Steps) == 0 {
		return
	}
	if len(f.Approval) > 0 {
		v.add(path, "both approval and steps give the approval chain: keep one of them")
	}
	for i, fs := range f.Steps {
		c.validateFormStep(v, fmt.Sprintf("%s.steps[%d]", path, i), f, fs, i == len(f.Steps)-1)
	}
}

func (c *Config) validateFormStep(v *validator, path string, f *Form, fs FormStep, last bool) {
	switch fs.Kind {
	case "", StepApprove:
	case StepComment, StepInitial:
		if last {
			v.add(path+".kind", "%q cannot end the chain: the last step is an approval", fs.Kind)
		}
	default:
		v.add(path+".kind", "%q must be %q, %q or %q", fs.Kind, StepApprove, StepComment, StepInitial)
	}
	if len(fs.People) == 0 {
		v.add(path+".people", "give the id of at least one person")
	}
	for j, id := range fs.People {
		at := fmt.Sprintf("%s.people[%d]", path, j)
		p, ok := c.Person(id)
		switch {
		case !ok:
			v.add(at, "%q is not the id of anyone in [[people]]", id)
		case len(p.Emails) == 0:
			v.add(at, "%q has no email address to receive the request", id)
		case last && !slices.Contains(p.Roles, "approver"):
			v.add(at, "%q ends the chain but does not have the role \"approver\"", id)
		case slices.Index(fs.People, id) < j:
			v.add(at, "%q is listed twice", id)
		}
	}
	c.validateStepDue(v, path, f, fs)
}

// validateStepDue checks the due date against the form's period kinds, and the reminders and
// escalations around it.
func (c *Config) validateStepDue(v *validator, path string, f *Form, fs FormStep) {
	if fs.Due == "" {
		if fs.Kind == StepComment {
			v.add(path+".due", "a comment step needs a due date, e.g. \"+2wd\" or \"day 20\"")
		}
		if len(fs.Reminders)+len(fs.Escalate) > 0 {
			v.add(path+".due", "reminders and escalate count from the due date: give one")
		}
		return
	}
	due, err := parseStepDue(fs.Due)
	switch {
	case err != nil:
		v.add(path+".due", "%v", err)
	case due.After.Days < 0 || due.After.Hours < 0:
		v.add(path+".due", "%q: give a time after the request, e.g. \"+2wd\"", fs.Due)
	case due.After == (Span{}) && due.Rule.IsZero():
		v.add(path+".due", "%q: give a time after the request, e.g. \"+2wd\"", fs.Due)
	case !due.Rule.IsZero():
		if _, ok := due.Rule.Event(); ok {
			v.add(path+".due", "%q: a step's due date cannot count from another form's event", fs.Due)
		}
		for _, k := range f.Period {
			if kind, err := period.ParseKind(k); err == nil && kind != period.Once {
				if err := due.Rule.Check(kind); err != nil {
					v.add(path+".due", "%v", err)
				}
			}
		}
	}
	checkSpans(v, path+".reminders", fs.Reminders, -1, "before the due date, e.g. \"-1wd\"")
	checkSpans(v, path+".escalate", fs.Escalate, +1, "after the due date, e.g. \"+1wd\"")
	if fs.Kind == StepComment && len(fs.Escalate) > 0 {
		v.add(path+".escalate", "a comment step closes at its due date: nothing to escalate")
	}
	if len(fs.Reminders)+len(fs.Escalate) > 20 {
		v.add(path, "at most 20 reminders and escalations")
	}
}

// checkSpans checks that every span parses and lies on the side sign says (0 allowed).
func checkSpans(v *validator, path string, list []string, sign int, example string) {
	for i, s := range list {
		sp, err := ParseSpan(s)
		switch {
		case err != nil:
			v.add(fmt.Sprintf("%s[%d]", path, i), "%v", err)
		case sign < 0 && (sp.Days > 0 || sp.Hours > 0), sign > 0 && (sp.Days < 0 || sp.Hours < 0):
			v.add(fmt.Sprintf("%s[%d]", path, i), "%q: give a time %s", s, example)
		}
	}
}
