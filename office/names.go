package office

import (
	netmail "net/mail"

	"github.com/tonghop/tonghop/address"
)

// Named gives each address the name the office knows it by: a unit's name, a person's, the
// office's own (mail to the shared mailbox), so that readers see who else the mail went to.
// The outbox keeps bare addresses, and the stages that queue mail need not know names. An
// address already named, or one the office does not know, is left as it is.
func (o *Office) Named(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s
		a, err := netmail.ParseAddress(s)
		if err != nil || a.Name != "" {
			continue
		}
		if name := o.nameOf(a.Address); name != "" {
			out[i] = (&netmail.Address{Name: name, Address: a.Address}).String()
		}
	}
	return out
}

// nameOf is the name of an address of the office: a unit's first, then a person's, then the
// office's own.
func (o *Office) nameOf(addr string) string {
	if u, ok := o.UnitByEmail(addr); ok {
		return u.Name
	}
	if p, ok := o.PersonByEmail(addr); ok {
		return p.Name
	}
	if address.Equal(addr, o.Mail.From) || address.Equal(addr, o.Mailbox.User) {
		return o.Mail.FromName
	}
	return ""
}
