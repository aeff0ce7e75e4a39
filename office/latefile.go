package office

import (
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// LateFileLetter describes a unit's file received after its report was issued (sub, sent from
// the address from) for the letters about it: the unit's receipt, the clerks' notice with its
// MAC'd tag, and the decision. is is the issue in force; its basis tells which of the unit's
// versions the issued report counted.
func (o *Office) LateFileLetter(sub ledger.Submission, from string, is ledger.Issue) letters.LateFile {
	unit, _ := o.Unit(sub.Unit)
	name := unit.Name
	if name == "" {
		name = sub.Unit
	}
	return letters.LateFile{
		Office: o.Letterhead(), Contact: o.Contact(), Unit: name, UnitCode: sub.Unit, Address: from,
		Request: o.Request(sub.Form, sub.Period, nil), Period: sub.Period, File: sub.FileName, Version: sub.Version,
		ReceivedAt: sub.ReceivedAt.In(o.Location), Issued: letters.Issued{At: is.At.In(o.Location), Version: is.Version},
		Counted: is.Basis[sub.Unit], MAC: o.LateFileMAC(sub.Form, sub.Period, sub.Unit, sub.Version),
	}
}
