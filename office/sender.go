package office

import "github.com/tonghop/tonghop/config"

// Sender is who a message comes from, as far as the configuration knows: a unit writing from
// its own address, or a person (a leader, the Planning Office) who may send reports on units'
// behalf. Neither set means a stranger.
type Sender struct {
	Unit   *config.Unit
	Person *config.Person
}

// SenderOf resolves an address to a unit or a person.
func (o *Office) SenderOf(addr string) Sender {
	if u, ok := o.UnitByEmail(addr); ok {
		return Sender{Unit: &u}
	}
	if p, ok := o.PersonByEmail(addr); ok {
		return Sender{Person: &p}
	}
	return Sender{}
}

// Known reports whether the sender is a unit or a configured person.
func (s Sender) Known() bool { return s.Unit != nil || s.Person != nil }

// MaySubmit reports whether the sender may send units' workbooks: a unit, or a person who
// reports for units.
func (s Sender) MaySubmit() bool {
	return s.Unit != nil || s.Person != nil && len(s.Person.SubmitsFor) > 0
}

// Name is how letters address the sender.
func (s Sender) Name() string {
	switch {
	case s.Unit != nil:
		return s.Unit.Name
	case s.Person != nil:
		return s.Person.Name
	}
	return ""
}

// Actor is the sender as the audit trail names it: a unit code, a person id, else the address.
func (s Sender) Actor(addr string) string {
	switch {
	case s.Unit != nil:
		return s.Unit.Code
	case s.Person != nil:
		return s.Person.ID
	}
	return addr
}
