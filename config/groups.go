package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// groupKeyPattern is a group's key in [groups] and on units: short lowercase ASCII, since it is
// written in every limited part of every form.
var groupKeyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,19}$`)

// validateGroups checks [groups], each unit's group and the groups every form's parts are limited
// to: each must be a key of [groups], and some unit of that group must report the form, or the
// part would be filled by nobody.
func (c *Config) validateGroups(v *validator) {
	for _, key := range sortedGroupKeys(c.Groups) {
		if !groupKeyPattern.MatchString(key) {
			v.add("groups."+key, "is not a group key (lowercase letters, digits and _, such as \"phuong\")")
		}
		if strings.TrimSpace(c.Groups[key]) == "" {
			v.add("groups."+key, "needs the name people read, such as \"UBND các phường\"")
		}
	}
	for i, u := range c.Units {
		if u.Group != "" && !c.isGroup(u.Group) {
			v.add(fmt.Sprintf("units[%d].group", i), "%q is not a group of [groups]", u.Group)
		}
	}
	for i := range c.Forms {
		c.validateFormGroups(v, fmt.Sprintf("forms[%d]", i), &c.Forms[i])
	}
}

// validateFormGroups checks the groups of one form's tables, indicator tables, indicators and
// narrative sections.
func (c *Config) validateFormGroups(v *validator, path string, f *Form) {
	reporting := map[string]bool{}
	for _, u := range c.FormUnits(f) {
		reporting[u.Group] = true
	}
	check := func(p string, groups []string) {
		for j, g := range groups {
			gp := fmt.Sprintf("%s.groups[%d]", p, j)
			switch {
			case !c.isGroup(g):
				v.add(gp, "%q is not a group of [groups]", g)
			case slices.Index(groups, g) != j:
				v.add(gp, "%q is listed twice", g)
			}
		}
		if len(groups) > 0 && !slices.ContainsFunc(groups, func(g string) bool { return reporting[g] }) {
			v.add(p+".groups", "no unit of %s reports this form, so nobody would fill this part", strings.Join(groups, ", "))
		}
	}
	for i, t := range f.Tables {
		check(fmt.Sprintf("%s.tables[%d]", path, i), t.Groups)
	}
	for i, it := range f.Indicators {
		p := fmt.Sprintf("%s.indicators[%d]", path, i)
		check(p, it.Groups)
		for j, r := range it.Rows {
			check(fmt.Sprintf("%s.rows[%d]", p, j), r.Groups)
		}
	}
	for i, s := range f.Narrative {
		check(fmt.Sprintf("%s.narrative[%d]", path, i), s.Groups)
	}
	c.checkSomethingToFill(v, path, f)
}

// checkSomethingToFill refuses a form limited to groups that leaves a unit reporting it with no
// part to fill: its template would be empty.
func (c *Config) checkSomethingToFill(v *validator, path string, f *Form) {
	if !f.Form.Limited() {
		return
	}
	for _, u := range c.FormUnits(f) {
		g := f.Form.ForGroup(u.Group)
		if len(g.Tables)+len(g.Indicators)+len(g.Narrative) == 0 {
			v.add(path, "unit %s (group %q) reports this form but fills none of its parts; give it a part without groups or limit units", u.Code, u.Group)
		}
	}
}

func (c *Config) isGroup(key string) bool {
	_, ok := c.Groups[key]
	return ok
}

// GroupName is the name people read for group key ("UBND các phường"), or "" when unknown.
func (c *Config) GroupName(key string) string { return c.Groups[key] }

func sortedGroupKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
