package status

import (
	"cmp"
	"slices"
	"time"
)

// key names one unit's cell in one period of one form.
type key struct{ form, unit, period string }

// Build computes the status of every unit in every period as of now. Submissions and
// reminders for other forms, periods or units than those given are ignored. A unit code or a
// (form, period) pair given twice is kept once, at its first place. A submission received
// exactly at the deadline is on time.
func Build(units []Unit, periods []Period, subs []Submission, reminders []Reminder, now time.Time) Matrix {
	m := Matrix{Units: distinctUnits(units), Periods: distinctPeriods(periods), Now: now}
	subsOf := make(map[key][]Submission)
	for _, s := range subs {
		k := key{s.Form, s.Unit, s.Period}
		subsOf[k] = append(subsOf[k], s)
	}
	remindersOf := make(map[key][]Reminder)
	for _, r := range reminders {
		k := key{r.Form, r.Unit, r.Period}
		remindersOf[k] = append(remindersOf[k], r)
	}
	m.Cells = make([][]Cell, len(m.Units))
	m.Rates = make([]Rate, len(m.Periods))
	for u, unit := range m.Units {
		m.Cells[u] = make([]Cell, len(m.Periods))
		for p, per := range m.Periods {
			k := key{per.Form, unit.Code, per.Period}
			c := Cell{State: NotAsked}
			if per.asked(unit.Code) {
				c = buildCell(per, unit.Code, subsOf[k], remindersOf[k], now)
			}
			m.Cells[u][p] = c
			m.Rates[p].add(c.State)
		}
	}
	return m
}

// asked reports whether the unit was asked for the period.
func (p Period) asked(unit string) bool { return p.Units == nil || slices.Contains(p.Units, unit) }

func (r *Rate) add(s State) {
	if s == NotAsked {
		return
	}
	r.Expected++
	if s.Reported() {
		r.Reported++
	}
	if s == OnTime {
		r.OnTime++
	}
}

func distinctUnits(units []Unit) []Unit {
	seen := make(map[string]bool, len(units))
	out := make([]Unit, 0, len(units))
	for _, u := range units {
		if !seen[u.Code] {
			seen[u.Code] = true
			out = append(out, u)
		}
	}
	return out
}

func distinctPeriods(periods []Period) []Period {
	seen := make(map[[2]string]bool, len(periods))
	out := make([]Period, 0, len(periods))
	for _, p := range periods {
		k := [2]string{p.Form, p.Period}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// buildCell judges one unit in one period from the files it sent and the reminders it got. A
// file received after the issue counts only once the Planning Office took it in; until then it
// is shown beside the version the report counted.
func buildCell(p Period, unit string, subs []Submission, reminders []Reminder, now time.Time) Cell {
	c := Cell{Versions: len(subs), Reminders: inTimeOrder(reminders)}
	p.Deadline = p.DeadlineOf(unit) // a unit's extension moves its own deadline only
	if p.Issued != nil {
		c.Issued = p.Issued.Basis[unit]
	}
	subs = c.setAside(subs)
	subs = c.reviewed(subs)
	if _, ok := countedVersion(subs); ok {
		if counted, ok := countedVersion(agreed(subs)); ok {
			c.Version, c.Counted = counted.Version, counted.ReceivedAt
		}
		c.FirstValid = firstValid(subs)
		c.State = OnTime
		if p.hasDeadline() && c.FirstValid.After(p.Deadline) {
			c.State, c.Late = Late, c.FirstValid.Sub(p.Deadline)
		}
		return c
	}
	overdue := p.hasDeadline() && now.After(p.Deadline)
	switch {
	case len(subs) > 0: // files that may count, none valid
		c.State = Invalid
	case overdue || p.Closed:
		c.State = Missing
	default:
		c.State = Pending
	}
	if overdue {
		c.Late = now.Sub(p.Deadline)
	}
	return c
}

func (p Period) hasDeadline() bool { return !p.Deadline.IsZero() }

// setAside notes the latest valid file received after the issue that does not count (pending
// or left out) and returns the files that may count.
func (c *Cell) setAside(subs []Submission) []Submission {
	var kept []Submission
	for _, s := range subs {
		if s.Decision == "" || s.Decision == DecisionTaken {
			kept = append(kept, s)
			continue
		}
		if s.Valid && s.Version > c.AfterIssue {
			c.AfterIssue, c.AfterIssueDecision = s.Version, s.Decision
		}
	}
	return kept
}

// reviewed notes where the unit's latest valid file held for its supervisor stands, and returns
// the files that show the unit sent its report: not those returned to it or replaced before a
// view (issue 19, part V).
func (c *Cell) reviewed(subs []Submission) []Submission {
	var kept []Submission
	latest := 0
	for _, s := range subs {
		if s.Valid && s.Review != "" && s.Version > latest {
			latest, c.Review = s.Version, s.Review
		}
		if s.Review != ReviewReturned && s.Review != ReviewSuperseded {
			kept = append(kept, s)
		}
	}
	return kept
}

// agreed are the files that count: those nobody had to agree to, and those agreed.
func agreed(subs []Submission) []Submission {
	var out []Submission
	for _, s := range subs {
		if s.Review == "" || s.Review == ReviewAgreed {
			out = append(out, s)
		}
	}
	return out
}

// Overdue reports whether the period's deadline has passed at now or the period is closed:
// from then on a unit without a valid file is missing.
func (p Period) Overdue(now time.Time) bool {
	return p.Closed || (p.hasDeadline() && now.After(p.Deadline))
}

// countedVersion returns the valid submission that counts: the highest version, and of equal
// versions the one received last (a resent file replaces the earlier copy).
func countedVersion(subs []Submission) (Submission, bool) {
	var best Submission
	found := false
	for _, s := range subs {
		if !s.Valid {
			continue
		}
		if !found || s.Version > best.Version ||
			(s.Version == best.Version && s.ReceivedAt.After(best.ReceivedAt)) {
			best, found = s, true
		}
	}
	return best, found
}

// firstValid returns the arrival of the earliest valid submission; timeliness is judged on it
// so that a unit correcting an on-time file after the deadline stays on time.
func firstValid(subs []Submission) time.Time {
	var first time.Time
	for _, s := range subs {
		if s.Valid && (first.IsZero() || s.ReceivedAt.Before(first)) {
			first = s.ReceivedAt
		}
	}
	return first
}

// inTimeOrder returns a copy of reminders sorted by sending time, then kind and number.
func inTimeOrder(reminders []Reminder) []Reminder {
	if len(reminders) == 0 {
		return nil
	}
	out := slices.Clone(reminders)
	slices.SortStableFunc(out, func(a, b Reminder) int {
		return cmp.Or(a.SentAt.Compare(b.SentAt), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.N, b.N))
	})
	return out
}

// Cell returns the cell of the unit with the given code in the first period whose canonical
// text is period (whatever its form), and whether both exist. Use CellOf when the matrix
// holds periods of several forms.
func (m Matrix) Cell(unit, period string) (Cell, bool) {
	u := m.unitIndex(unit)
	for p, per := range m.Periods {
		if u >= 0 && per.Period == period {
			return m.Cells[u][p], true
		}
	}
	return Cell{}, false
}

// CellOf returns the cell of a unit in a period of a given form, and whether both exist.
func (m Matrix) CellOf(unit, form, period string) (Cell, bool) {
	u := m.unitIndex(unit)
	for p, per := range m.Periods {
		if u >= 0 && per.Form == form && per.Period == period {
			return m.Cells[u][p], true
		}
	}
	return Cell{}, false
}

func (m Matrix) unitIndex(code string) int {
	return slices.IndexFunc(m.Units, func(u Unit) bool { return u.Code == code })
}

// Forms returns the distinct forms of the matrix's periods, in order of first appearance.
func (m Matrix) Forms() []string {
	var forms []string
	for _, p := range m.Periods {
		if !slices.Contains(forms, p.Form) {
			forms = append(forms, p.Form)
		}
	}
	return forms
}
