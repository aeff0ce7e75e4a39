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
		if strings.Contains(f.Code, ":") {
			// A colon separates the parts of the outbox keys the ledger builds from form codes.
			v.add(path+".code", "%q must not contain ':'", f.Code)
		}
		codes[f.Code] = i
		for _, p := range f.Form.Check() {
			v.problems = append(v.problems, path+"."+p)
		}
		c.parseSchedule(v, path, f)
		c.validateChain(v, path, f)
	}
}

// FormSchedule is a form's calendar settings, parsed: the one reading of its deadline rule,
// overrides and offsets, shared by validation and by the compiled office.
type FormSchedule struct {
	Kind         period.Kind
	Policy       period.Policy
	SendTemplate period.Offset // how long before the deadline the template goes out (negative)
	Reminders    []period.Offset
	Nags         []period.Offset
	NagEvery     period.Offset // zero: no repeated nags
	MaxNags      int           // nags in all when NagEvery repeats them
}

// defaultSendTemplate is how long before the deadline templates go out when a form says nothing.
const defaultSendTemplate = "5wd"

// Schedule parses form f's calendar settings. The configuration must be valid: an error here
// means it was not validated.
func (c *Config) Schedule(f *Form) (FormSchedule, error) {
	v := &validator{}
	s := c.parseSchedule(v, "forms."+f.Code, f)
	if len(v.problems) > 0 {
		return s, &Errors{Path: c.Path, Problems: v.problems}
	}
	return s, nil
}

// parseSchedule reads the deadline rule and the offsets of templates, reminders and nags,
// naming every problem under path.
func (c *Config) parseSchedule(v *validator, path string, f *Form) FormSchedule {
	var out FormSchedule
	// One kind per form until the cadences of issue 18 (WP-B) read one schedule per kind.
	kind, kindErr := period.ParseKind(f.Period.String())
	if len(f.Period) > 1 {
		v.add(path+".period", "several kinds (%s) are not supported yet", f.Period)
	}
	out.Kind = kind
	out.Policy = c.parsePolicy(v, path, f, kind, kindErr)
	if err := period.CheckCutoff(kind, f.CutoffDay); err != nil && kindErr == nil {
		v.add(path+".cutoff_day", "%v", err)
	}
	out.SendTemplate = parseSendTemplate(v, path, f.SendTemplate)
	out.Reminders = parseOffsets(v, path+".reminders", f.Reminders, "-", "before the deadline, e.g. \"-2wd\" or \"morning\"")
	out.Nags = parseOffsets(v, path+".nags", f.Nags, "+", "after the deadline, e.g. \"+1d\"")
	out.NagEvery, out.MaxNags = c.parseNagging(v, path, f)
	return out
}

// parsePolicy reads the deadline rule, its day-off shift and the overrides.
func (c *Config) parsePolicy(v *validator, path string, f *Form, kind period.Kind, kindErr error) period.Policy {
	pol := period.Policy{Overrides: map[period.Period]period.Override{}}
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
		pol.Rule = rule
	}
	shift, err := period.ParseShift(f.DeadlineDayOff)
	if err != nil {
		v.add(path+".deadline_day_off", "%v", err)
	}
	pol.DayOff = shift
	for j, o := range f.DeadlineOverrides {
		p, at, err := c.override(f, o)
		if err != nil {
			if kindErr == nil {
				v.add(fmt.Sprintf("%s.deadline_overrides[%d]", path, j), "%v", err)
			}
			continue
		}
		pol.Overrides[p] = period.Override{At: at, Note: o.Note}
	}
	return pol
}

// parseSendTemplate reads how long before the deadline the template goes out ("5d", default
// 5 working days) as a negative offset.
func parseSendTemplate(v *validator, path, s string) period.Offset {
	if s == "" {
		s = defaultSendTemplate
	}
	o, err := period.ParseOffset(s)
	if err != nil {
		v.add(path+".send_template", "%v", err)
		return period.Offset{}
	}
	if o.Negative() {
		v.add(path+".send_template", "%q: give how long before the deadline, without a sign, e.g. \"5d\"", s)
	}
	neg, _ := period.ParseOffset("-" + s)
	return neg
}

// DefaultMaxNags is how many nags in all a form with nag_every and no max_nags sends; the
// compiled office gives it to the form's schedule plan.
const DefaultMaxNags = 5

// parseNagging reads the repetition of nags and checks the steps that escalate; it returns the
// interval and the number of nags in all.
func (c *Config) parseNagging(v *validator, path string, f *Form) (every period.Offset, maxNags int) {
	total := len(f.Nags)
	maxNags = f.MaxNags
	if f.NagEvery != "" {
		if o, err := period.ParseOffset(f.NagEvery); err != nil {
			v.add(path+".nag_every", "%v", err)
		} else if o.Negative() || o.IsZero() {
			v.add(path+".nag_every", "%q: give a positive interval, e.g. \"1wd\" or \"2d\"", f.NagEvery)
		} else {
			every = o
		}
		total = max(f.MaxNags, len(f.Nags))
		if f.MaxNags == 0 {
			total = max(DefaultMaxNags, len(f.Nags))
			maxNags = DefaultMaxNags
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
	return every, maxNags
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
	case other.Period.String() != f.Period.String():
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

// parseOffsets reads offsets that must carry sign ("-" before the deadline, "+" after).
func parseOffsets(v *validator, path string, list []string, sign, want string) []period.Offset {
	out := make([]period.Offset, 0, len(list))
	for j, s := range list {
		p := fmt.Sprintf("%s[%d]", path, j)
		o, err := period.ParseOffset(s)
		out = append(out, o)
		switch {
		case err != nil:
			v.add(p, "%v", err)
		case sign == "-" && !o.Negative() && o.String() != "morning" && !strings.HasPrefix(o.String(), "0d "):
			v.add(p, "%q must start with %q: it is a time %s", s, sign, want)
		case sign == "+" && (o.Negative() || !strings.HasPrefix(strings.TrimSpace(s), "+")):
			v.add(p, "%q must start with %q: it is a time %s", s, sign, want)
		}
	}
	return out
}
