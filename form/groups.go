package form

import "slices"

// ForGroup is the form as a unit of group g fills it: the parts without groups and those limited
// to g; an indicator table left without rows is dropped. A unit without a group (g "") fills only
// the parts without groups. The result shares nothing with f.
func (f Form) ForGroup(g string) Form {
	out := f.shallow()
	for _, t := range f.Tables {
		if fills(t.Groups, g) {
			out.Tables = append(out.Tables, t.clone())
		}
	}
	for _, it := range f.Indicators {
		if !fills(it.Groups, g) {
			continue
		}
		c := it.clone()
		c.Rows = nil
		for _, r := range it.Rows {
			if fills(r.Groups, g) {
				c.Rows = append(c.Rows, r.clone())
			}
		}
		if len(c.Rows) > 0 {
			c.Rows = keepChildren(c.Rows)
			out.Indicators = append(out.Indicators, c)
		}
	}
	for _, s := range f.Narrative {
		if fills(s.Groups, g) {
			s.Groups = slices.Clone(s.Groups)
			out.Narrative = append(out.Narrative, s)
		}
	}
	return out
}

// Whole is every part, with the requirements of the parts limited to groups dropped: the layout
// a workbook is read by before its unit is known, so that no group's requirement is held against
// a unit of another.
func (f Form) Whole() Form {
	out := f.shallow()
	for _, t := range f.Tables {
		c := t.clone()
		if len(c.Groups) > 0 {
			c.MinRows = 0
			for i := range c.Columns {
				c.Columns[i].Required = false
			}
		}
		out.Tables = append(out.Tables, c)
	}
	for _, it := range f.Indicators {
		c := it.clone()
		for i := range c.Rows {
			if len(c.Groups) > 0 || len(c.Rows[i].Groups) > 0 {
				c.Rows[i].Required = false
			}
		}
		out.Indicators = append(out.Indicators, c)
	}
	for _, s := range f.Narrative {
		s.Groups = slices.Clone(s.Groups)
		if len(s.Groups) > 0 {
			s.Required = false
		}
		out.Narrative = append(out.Narrative, s)
	}
	return out
}

// Limited reports whether some part is limited to groups.
func (f Form) Limited() bool {
	for _, t := range f.Tables {
		if len(t.Groups) > 0 {
			return true
		}
	}
	for _, it := range f.Indicators {
		if len(it.Groups) > 0 {
			return true
		}
		for _, r := range it.Rows {
			if len(r.Groups) > 0 {
				return true
			}
		}
	}
	for _, s := range f.Narrative {
		if len(s.Groups) > 0 {
			return true
		}
	}
	return false
}

// fills says whether a unit of group g fills a part limited to groups (none: every unit).
func fills(groups []string, g string) bool {
	return len(groups) == 0 || (g != "" && slices.Contains(groups, g))
}

// shallow is f without its parts.
func (f Form) shallow() Form {
	return Form{Code: f.Code, Version: f.Version, Title: f.Title, Period: slices.Clone(f.Period)}
}

func (t Table) clone() Table {
	t.Groups = slices.Clone(t.Groups)
	t.Columns = cloneColumns(t.Columns)
	return t
}

func (it IndicatorTable) clone() IndicatorTable {
	it.Groups = slices.Clone(it.Groups)
	it.Columns = cloneColumns(it.Columns)
	rows := make([]Indicator, 0, len(it.Rows))
	for _, r := range it.Rows {
		rows = append(rows, r.clone())
	}
	it.Rows = rows
	return it
}

func (r Indicator) clone() Indicator {
	r.Groups = slices.Clone(r.Groups)
	r.Children = slices.Clone(r.Children)
	return r
}

func cloneColumns(cs []Column) []Column {
	out := make([]Column, 0, len(cs))
	for _, c := range cs {
		c.Choices = slices.Clone(c.Choices)
		if c.Min != nil {
			c.Min = f64(*c.Min)
		}
		if c.Max != nil {
			c.Max = f64(*c.Max)
		}
		out = append(out, c)
	}
	return out
}

// keepChildren drops from each subtotal the children another group reports, so that the rows a
// unit is given add up by themselves.
func keepChildren(rows []Indicator) []Indicator {
	have := map[string]bool{}
	for _, r := range rows {
		have[r.Code] = true
	}
	for i := range rows {
		rows[i].Children = slices.DeleteFunc(rows[i].Children, func(c string) bool { return !have[c] })
	}
	return rows
}
