package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/address"
	"github.com/tonghop/tonghop/form"
)

// Issue 19, part 3 (tonghop to tonghop): an office that is itself a unit of an upper office.
//
//	[[upstream]]
//	name = "UBND Thành phố"                   # how the clerks' letters name the upper office
//	emails = ["tonghop@thanhpho.gov.vn"]      # the addresses its mail comes from
//	hold = "2h"                               # working time the clerks have to hold a filled file back; "0": at once
//	[[upstream.forms]]
//	code = "BM.02.01/KH"                      # the upper office's form
//	from = "BM.02.01/KH"                      # ours, of the same period kind, whose issued report fills it
//	group = "quan"                            # our unit group in the upper office, if its form has groups
//
// The upper form's layout (indicators, tables, narrative) is needed to fill its template. An
// [[upstream.forms]] entry may carry it as [[forms]] do (title, tables, indicators, narrative);
// without any, the layout of our [[forms]] of the same code is taken, else the built-in form of
// that code. Cells are matched by indicator code and column key, list tables and narrative
// sections by key: the upper office's own layout is what a district office usually copies. When
// the upper form has parts limited to unit groups, `group` names ours in the upper office.

// Upstream is an upper office this office reports to as one of its units.
type Upstream struct {
	Name   string         `toml:"name"`
	Emails []string       `toml:"emails"`
	Hold   string         `toml:"hold"`
	Forms  []UpstreamForm `toml:"forms"`
}

// UpstreamForm is one form of the upper office and the form of ours whose issued report fills
// it. The embedded layout is optional (see Config.UpstreamLayout).
type UpstreamForm struct {
	form.Form
	From string `toml:"from"`
	// Group is this office's unit group in the upper office, when the upper form has parts
	// limited to groups: its template then holds the parts of that group only (none: the parts
	// without groups), as the upper office generates it.
	Group string `toml:"group"`
}

// DefaultUpstreamHold is how long the clerks may hold a filled file back when hold is not set.
const DefaultUpstreamHold = 2 * time.Hour

// HoldFor is the working time a filled file of u waits before it is sent.
func (u Upstream) HoldFor() time.Duration {
	if strings.TrimSpace(u.Hold) == "" {
		return DefaultUpstreamHold
	}
	d, _ := time.ParseDuration(strings.TrimSpace(u.Hold)) // validated at load
	return d
}

// UpstreamByEmail returns the upper office that writes from addr.
func (c *Config) UpstreamByEmail(addr string) (*Upstream, bool) {
	for i := range c.Upstream {
		for _, e := range c.Upstream[i].Emails {
			if address.Equal(e, addr) {
				return &c.Upstream[i], true
			}
		}
	}
	return nil, false
}

// UpstreamNamed returns the upper office of that name.
func (c *Config) UpstreamNamed(name string) (*Upstream, bool) {
	for i := range c.Upstream {
		if c.Upstream[i].Name == name {
			return &c.Upstream[i], true
		}
	}
	return nil, false
}

// Form returns the entry of the upper office's form code.
func (u *Upstream) Form(code string) (*UpstreamForm, bool) {
	for i := range u.Forms {
		if strings.EqualFold(strings.TrimSpace(u.Forms[i].Code), strings.TrimSpace(code)) {
			return &u.Forms[i], true
		}
	}
	return nil, false
}

// UpstreamLayout is the layout of the upper form: the entry's own, else our form of the same
// code, else the built-in one; ok is false when none has a part.
func (c *Config) UpstreamLayout(uf UpstreamForm) (form.Form, bool) {
	f := uf.Form
	if len(f.Tables)+len(f.Indicators)+len(f.Narrative) == 0 {
		var from form.Form
		if ours, ok := c.Form(uf.Code); ok {
			from = ours.Form
		} else if b, ok := form.Builtins()[uf.Code]; ok {
			from = b
		}
		f.Tables, f.Indicators, f.Narrative = from.Tables, from.Indicators, from.Narrative
		if f.Version == 0 {
			f.Version = from.Version
		}
		if f.Title == "" {
			f.Title = from.Title
		}
		if len(f.Period) == 0 {
			f.Period = from.Period
		}
	}
	if f.Version == 0 {
		f.Version = 1
	}
	if f.Limited() {
		f = f.ForGroup(uf.Group) // what the upper office's template for us holds
	}
	return f, len(f.Tables)+len(f.Indicators)+len(f.Narrative) > 0
}

func (c *Config) validateUpstream(v *validator) {
	if len(c.Upstream) > 0 && !c.MailAuth.Authenticates() && !c.MailAuth.InsecureUnauthenticatedApprovals {
		// An upper office's mail makes us send our figures to it: like a leader's approval, it
		// is believed only when authenticated.
		v.add("upstream", "needs [mail_auth] (trusted_servers, trust_unnamed or verify_dkim) to authenticate the upper office's mail")
	}
	names := map[string]bool{}
	for i, u := range c.Upstream {
		path := fmt.Sprintf("upstream[%d]", i)
		if v.required(path+".name", u.Name) && names[u.Name] {
			v.add(path+".name", "%q is already used", u.Name)
		}
		names[u.Name] = true
		validateEmails(v, path+".emails", u.Emails)
		for _, e := range u.Emails {
			c.validateUpstreamEmail(v, path+".emails", e)
		}
		if h := strings.TrimSpace(u.Hold); h != "" {
			if d, err := time.ParseDuration(h); err != nil || d < 0 {
				v.add(path+".hold", "%q is not a duration of working time such as \"2h\" or \"0\" (at once)", u.Hold)
			}
		}
		if len(u.Forms) == 0 {
			v.add(path+".forms", "at least one form of the upper office is required")
		}
		for j, uf := range u.Forms {
			c.validateUpstreamForm(v, fmt.Sprintf("%s.forms[%d]", path, j), uf)
		}
	}
}

// validateUpstreamEmail refuses an upper office's address that is also ours, a unit's or a
// person's: its mail is routed before theirs, automatic or not.
func (c *Config) validateUpstreamEmail(v *validator, path, e string) {
	if address.Equal(e, c.SMTP.From) || address.Equal(e, c.Mailbox.User) {
		v.add(path, "%q is this office's own address", e)
	}
	for _, u := range c.Units {
		if slices.ContainsFunc(u.Emails, func(x string) bool { return address.Equal(x, e) }) {
			v.add(path, "%q is also the address of unit %s", e, u.Code)
		}
	}
	for _, p := range c.People {
		if slices.ContainsFunc(p.Emails, func(x string) bool { return address.Equal(x, e) }) {
			v.add(path, "%q is also the address of %s", e, p.ID)
		}
	}
	for i, u := range c.Upstream {
		if strings.HasPrefix(path, fmt.Sprintf("upstream[%d]", i)) {
			break
		}
		if slices.ContainsFunc(u.Emails, func(x string) bool { return address.Equal(x, e) }) {
			v.add(path, "%q is also an address of upstream %q", e, u.Name)
		}
	}
}

func (c *Config) validateUpstreamForm(v *validator, path string, uf UpstreamForm) {
	if !v.required(path+".code", uf.Code) {
		return
	}
	if strings.Contains(uf.Code, ":") {
		v.add(path+".code", "%q must not contain ':'", uf.Code)
	}
	ours, ok := c.Form(uf.From)
	if !v.required(path+".from", uf.From) {
		return
	}
	if !ok {
		v.add(path+".from", "%q is none of this office's forms", uf.From)
		return
	}
	layout, ok := c.UpstreamLayout(uf)
	if !ok {
		v.add(path, "the layout of %q is unknown: give its tables, indicators or narrative here, or add a form of that code", uf.Code)
		return
	}
	for _, p := range layout.Check() {
		v.problems = append(v.problems, path+"."+p)
	}
	if len(layout.Period) > 0 && !slices.ContainsFunc(layout.Period, ours.Period.Has) {
		v.add(path+".from", "%q (%s) shares no period kind with %q (%s)", uf.From, ours.Period, uf.Code, layout.Period)
	}
}

// UpstreamFormsFrom returns the upper offices' form codes that our form fills, once each: a
// period's records of it are kept, and purged, with the requests of those forms.
func (c *Config) UpstreamFormsFrom(from string) []string {
	var out []string
	for _, u := range c.Upstream {
		for _, uf := range u.Forms {
			if uf.From == from && !slices.Contains(out, uf.Code) {
				out = append(out, uf.Code)
			}
		}
	}
	return out
}
