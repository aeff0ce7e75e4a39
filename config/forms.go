package config

import (
	"fmt"
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
			c.checkEvent(v, path+".deadline", f, rule)
		}
	}
	if _, err := period.ParseShift(f.DeadlineDayOff); err != nil {
		v.add(path+".deadline_day_off", "%v", err)
	}
	if err := period.CheckCutoff(kind, f.CutoffDay); err != nil && kindErr == nil {
		v.add(path+".cutoff_day", "%v", err)
	}
	for j, o := range f.DeadlineOverrides {
		if _, _, err := c.override(f, o); err != nil && kindErr == nil {
			v.add(fmt.Sprintf("%s.deadline_overrides[%d]", path, j), "%v", err)
		}
	}
	if f.SendTemplate != "" {
		if o, err := period.ParseOffset(f.SendTemplate); err != nil {
			v.add(path+".send_template", "%v", err)
		} else if o.Negative() {
			v.add(path+".send_template", "%q: give how long before the deadline, without a sign, e.g. \"5d\"", f.SendTemplate)
		}
	}
	checkOffsets(v, path+".reminders", f.Reminders, "-", "before the deadline, e.g. \"-2wd\" or \"morning\"")
	checkOffsets(v, path+".nags", f.Nags, "+", "after the deadline, e.g. \"+1d\"")
	c.validateNagging(v, path, f)
}

// DefaultMaxNags is how many nags in all a form with nag_every and no max_nags sends; the
// compiled office gives it to the form's schedule plan.
const DefaultMaxNags = 5

// validateNagging checks the repetition of nags and the steps that escalate.
func (c *Config) validateNagging(v *validator, path string, f *Form) {
	total := len(f.Nags)
	if f.NagEvery != "" {
		if o, err := period.ParseOffset(f.NagEvery); err != nil {
			v.add(path+".nag_every", "%v", err)
		} else if o.Negative() || o.IsZero() {
			v.add(path+".nag_every", "%q: give a positive interval, e.g. \"1wd\" or \"2d\"", f.NagEvery)
		}
		total = max(f.MaxNags, len(f.Nags))
		if f.MaxNags == 0 {
			total = max(DefaultMaxNags, len(f.Nags))
		}
	}
	if f.MaxNags < 0 || f.MaxNags > 100 || f.MaxNags > 0 && f.MaxNags < len(f.Nags) {
		v.add(path+".max_nags", "%d must be between the number of listed nags (%d) and 100", f.MaxNags, len(f.Nags))
	}
	if f.EscalateFrom < 0 || f.EscalateFrom > total {
		v.add(path+".escalate_from", "%d must be between 0 (never) and the number of nags (%d)", f.EscalateFrom, total)
	}
	if f.DigestFrom < 0 || f.DigestFrom > total {
		v.add(path+".digest_from", "%d must be between 0 (never) and the number of nags (%d)", f.DigestFrom, total)
	}
}

// checkEvent checks that a rule counted from another form's event names a configured form of
// the same period kind, other than itself.
func (c *Config) checkEvent(v *validator, path string, f *Form, rule period.Rule) {
	ev, ok := rule.Event()
	if !ok || ev.Form == "" {
		return
	}
	other, found := c.Form(ev.Form)
	switch {
	case ev.Form == f.Code:
		v.add(path, "%q counts from an event of the form itself", f.Deadline)
	case !found:
		v.add(path, "%q names form %s, which is not configured", f.Deadline, ev.Form)
	case other.Period != f.Period:
		v.add(path, "%q names form %s, whose periods are %s, not %s", f.Deadline, ev.Form, other.Period, f.Period)
	default:
		if r, err := period.ParseRule(other.Deadline); err == nil {
			if oe, ok := r.Event(); ok && oe.Form != "" {
				v.add(path, "%q names form %s, whose deadline counts from another form's event too: "+
					"count from a form with a deadline of its own", f.Deadline, ev.Form)
			}
		}
	}
}

func checkOffsets(v *validator, path string, list []string, sign, want string) {
	for j, s := range list {
		p := fmt.Sprintf("%s[%d]", path, j)
		o, err := period.ParseOffset(s)
		switch {
		case err != nil:
			v.add(p, "%v", err)
		case sign == "-" && !o.Negative() && o.String() != "morning" && !strings.HasPrefix(o.String(), "0d "):
			v.add(p, "%q must start with %q: it is a time %s", s, sign, want)
		case sign == "+" && (o.Negative() || !strings.HasPrefix(strings.TrimSpace(s), "+")):
			v.add(p, "%q must start with %q: it is a time %s", s, sign, want)
		}
	}
}
