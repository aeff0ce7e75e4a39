package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/period"
)

func (c *Config) validateForms(v *validator) {
	if len(c.Forms) == 0 {
		v.add("forms", "at least one form is required")
	}
	codes := map[string]int{}
	for i := range c.Forms {
		f := &c.Forms[i]
		path := fmt.Sprintf("forms[%d]", i)
		if j, dup := codes[f.Code]; dup && f.Code != "" {
			v.add(path+".code", "%q is already used by forms[%d]", f.Code, j)
		}
		codes[f.Code] = i
		for _, p := range f.Form.Check() {
			v.problems = append(v.problems, path+"."+p)
		}
		c.validateCalendar(v, path, f)
		c.validateChain(v, path, f)
	}
}

// validateCalendar checks the deadline rule and the offsets of templates, reminders and nags.
func (c *Config) validateCalendar(v *validator, path string, f *Form) {
	kind, kindErr := period.ParseKind(f.Period)
	if v.required(path+".deadline", f.Deadline) {
		rule, err := period.ParseRule(f.Deadline)
		switch {
		case err != nil:
			v.add(path+".deadline", "%v", err)
		case kindErr == nil:
			if err := rule.Check(kind); err != nil {
				v.add(path+".deadline", "%v", err)
			}
		}
	}
	if f.SendTemplate != "" {
		if o, err := period.ParseOffset(f.SendTemplate); err != nil {
			v.add(path+".send_template", "%v", err)
		} else if strings.HasPrefix(o.String(), "-") {
			v.add(path+".send_template", "%q: give how long before the deadline, without a sign, e.g. \"5d\"", f.SendTemplate)
		}
	}
	checkOffsets(v, path+".reminders", f.Reminders, "-", "before the deadline, e.g. \"-2d\"")
	checkOffsets(v, path+".nags", f.Nags, "+", "after the deadline, e.g. \"+1d\"")
	if f.EscalateFrom < 0 || f.EscalateFrom > len(f.Nags) {
		v.add(path+".escalate_from", "%d must be between 0 (never) and the number of nags (%d)", f.EscalateFrom, len(f.Nags))
	}
}

func checkOffsets(v *validator, path string, list []string, sign, want string) {
	for j, s := range list {
		p := fmt.Sprintf("%s[%d]", path, j)
		if _, err := period.ParseOffset(s); err != nil {
			v.add(p, "%v", err)
		} else if !strings.HasPrefix(strings.TrimSpace(s), sign) {
			v.add(p, "%q must start with %q: it is a time %s", s, sign, want)
		}
	}
}

// validateChain checks the units, the approval chain and the recipients refer to known entries.
func (c *Config) validateChain(v *validator, path string, f *Form) {
	for j, code := range f.Units {
		if _, ok := c.Unit(code); !ok {
			v.add(fmt.Sprintf("%s.units[%d]", path, j), "%q is not the code of any unit", code)
		}
	}
	for j, id := range f.Approval {
		p, ok := c.Person(id)
		switch {
		case !ok:
			v.add(fmt.Sprintf("%s.approval[%d]", path, j), "%q is not the id of anyone in [[people]]", id)
		case j == len(f.Approval)-1 && !slices.Contains(p.Roles, "approver"):
			v.add(fmt.Sprintf("%s.approval[%d]", path, j), "%q ends the chain but does not have the role \"approver\"", id)
		}
	}
	for j, r := range f.Recipients {
		if _, ok := c.Person(r); !ok && !validEmail(r) {
			v.add(fmt.Sprintf("%s.recipients[%d]", path, j), "%q is neither a person id nor an email address", r)
		}
	}
}
