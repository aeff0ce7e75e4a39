package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/form"
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
		sch := c.parseSchedule(v, path, f)
		c.validateChain(v, path, f)
		c.validateSupervisor(v, path, f, sch.Cadences) // issue 19, part V
		validateRetention(v, path, f)
		c.validateNumbering(v, path, f) // issue 20, part R
	}
}

// FormSchedule is a form's calendar settings, parsed: the one reading of its deadline rules,
// overrides and offsets, shared by validation and by the compiled office.
type FormSchedule struct {
	Cadences     []Cadence     // one per kind of `period`, in its order; none for period = "once"
	SendTemplate period.Offset // how long before the deadline the template goes out (negative)
	Reminders    []period.Offset
	Nags         []period.Offset
	NagEvery     period.Offset // zero: no repeated nags
	MaxNags      int           // nags in all when NagEvery repeats them
}

// Cadence is one period kind of a form: its deadline rule, the form's day-off shift and the
// overrides of its periods, whether it plans the next period, the numbers it collects.
type Cadence struct {
	Kind      period.Kind
	Policy    period.Policy
	PlansNext bool
	Only      []int // the numbers of the periods collected (periods), nil: all
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

// parseSchedule reads the deadline rule of every kind and the offsets of templates, reminders
// and nags, naming every problem under path.
func (c *Config) parseSchedule(v *validator, path string, f *Form) FormSchedule {
	var out FormSchedule
	once := f.Period.Has(string(period.Once))
	if once && !f.Deadline.IsZero() {
		v.add(path+".deadline", "a form with period = \"once\" has no deadline of its own: each request gives its date")
	}
	validateByKind(v, path+".deadline", f, f.Deadline)
	validateKindSet(v, path+".plans_next", f, f.PlansNext)
	out.Cadences = c.parseCadences(v, path, f)
	out.SendTemplate = parseSendTemplate(v, path, f.SendTemplate)
	out.Reminders = parseOffsets(v, path+".reminders", f.Reminders, "-", "before the deadline, e.g. \"-2wd\" or \"morning\"")
	out.Nags = parseOffsets(v, path+".nags", f.Nags, "+", "after the deadline, e.g. \"+1d\"")
	out.NagEvery, out.MaxNags = c.parseNagging(v, path, f)
	return out
}

// parseCadences reads one cadence per kind of the form's periods, in the order of `period`:
// its deadline rule, the shared day-off shift, its overrides and periods.
func (c *Config) parseCadences(v *validator, path string, f *Form) []Cadence {
	only := c.parsePeriods(v, path, f)
	overrides := c.parseOverrides(v, path, f)
	shift, err := period.ParseShift(f.DeadlineDayOff)
	if err != nil {
		v.add(path+".deadline_day_off", "%v", err)
	}
	var out []Cadence
	cutoffSaid := false
	for _, k := range f.Period {
		kind, err := period.ParseKind(k)
		if err != nil || kind == period.Once {
			continue // form.Check names a kind it does not know
		}
		cd := Cadence{Kind: kind, PlansNext: f.PlansNext.Has(kind), Only: only[kind]}
		cd.Policy = c.parsePolicy(v, path, f, kind)
		cd.Policy.DayOff = shift
		for p, o := range overrides {
			if p.Kind == kind {
				cd.Policy.Overrides[p] = o
			}
		}
		// A week kind of a multi-kind form ignores the cut-off day, as Coverage does; a problem
		// is said once, for the first kind it concerns.
		if err := period.CheckCutoff(kind, f.CutoffDay); err != nil && (kind != period.Week || len(f.Period) == 1) && !cutoffSaid {
			v.add(path+".cutoff_day", "%v", err)
			cutoffSaid = true
		}
		out = append(out, cd)
	}
	return out
}

// deadlinePath is where a kind's deadline is written: the one key, or its entry in the table.
func deadlinePath(path string, f *Form, kind period.Kind) string {
	if _, own := f.Deadline.Kind[string(kind)]; own {
		return path + ".deadline." + string(kind)
	}
	return path + ".deadline"
}

// parsePolicy reads the deadline rule of one kind; overrides and the day-off shift are added
// by the caller.
func (c *Config) parsePolicy(v *validator, path string, f *Form, kind period.Kind) period.Policy {
	pol := period.Policy{Overrides: map[period.Period]period.Override{}}
	at, text := deadlinePath(path, f, kind), f.Deadline.For(kind)
	switch {
	case f.Deadline.IsZero() && kind != period.Kind(f.Period[0]):
		return pol // "deadline: is required" is said once, for the first kind
	case text == "" && !f.Deadline.IsZero():
		at = path + ".deadline." + string(kind)
	}
	if v.required(at, text) {
		rule, err := period.ParseRule(text)
		if err != nil {
			v.add(at, "%v", err)
		} else {
			if err := rule.Check(kind); err != nil {
				v.add(at, "%v", err)
			}
			c.checkEvent(v, at, f, text, rule)
		}
		pol.Rule = rule
	}
	return pol
}

// parseOverrides reads the deadlines moved by hand, each a period of one of the form's kinds.
func (c *Config) parseOverrides(v *validator, path string, f *Form) map[period.Period]period.Override {
	out := map[period.Period]period.Override{}
	for j, o := range f.DeadlineOverrides {
		p, at, err := c.override(f, o)
		if err != nil {
			v.add(fmt.Sprintf("%s.deadline_overrides[%d]", path, j), "%v", err)
			continue
		}
		out[p] = period.Override{At: at, Note: o.Note}
	}
	return out
}

// parsePeriods reads `periods`: the numbers collected of each kind that lists some.
func (c *Config) parsePeriods(v *validator, path string, f *Form) map[period.Kind][]int {
	out := map[period.Kind][]int{}
	seen := map[string]bool{}
	for j, s := range f.Periods {
		at := fmt.Sprintf("%s.periods[%d]", path, j)
		kind, n, err := period.ParseSuffix(s)
		switch {
		case err != nil:
			v.add(at, "%v", err)
		case !f.Period.Has(string(kind)):
			v.add(at, "%q is a %s; the form is collected by %s", s, kindName(kind), f.Period)
		case seen[string(kind)+strconv.Itoa(n)]:
			v.add(at, "%q is listed twice", s)
		default:
			seen[string(kind)+strconv.Itoa(n)] = true
			out[kind] = append(out[kind], n)
		}
	}
	return out
}

// kindName names a period kind as a message says it: "quarter", "9-month period".
func kindName(k period.Kind) string {
	if k == period.NineMonths {
		return "9-month period"
	}
	return string(k)
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

// checkEvent checks that a rule counted from another form's event names a configured form that
// collects every kind of this one, other than itself.
func (c *Config) checkEvent(v *validator, path string, f *Form, text string, rule period.Rule) {
	ev, ok := rule.Event()
	if !ok || ev.Form == "" {
		return
	}
	other, found := c.Form(ev.Form)
	switch {
	case ev.Form == f.Code:
		v.add(path, "%q counts from an event of the form itself", text)
	case !found:
		v.add(path, "%q names form %s, which is not configured", text, ev.Form)
	case !collectsAll(other.Period, f.Period):
		v.add(path, "%q names form %s, whose periods are %s, not %s", text, ev.Form, other.Period, f.Period)
	default:
		for _, k := range f.Period {
			r, err := period.ParseRule(other.Deadline.For(period.Kind(k)))
			if oe, ok := r.Event(); err == nil && ok && oe.Form != "" {
				v.add(path, "%q names form %s, whose deadline counts from another form's event too: "+
					"count from a form with a deadline of its own", text, ev.Form)
				return
			}
		}
	}
}

// collectsAll reports whether every kind of want is one of have.
func collectsAll(have, want form.Kinds) bool {
	for _, k := range want {
		if !have.Has(k) {
			return false
		}
	}
	return true
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
