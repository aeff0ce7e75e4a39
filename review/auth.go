package review

import (
	"github.com/tonghop/tonghop/intake"
)

// authFailure checks a reply's authentication as the office's [mail_auth] says, as leaders'
// approvals are checked: a supervisor's agreement counts a file, as an approval issues a report.
func (rv *Reviewer) authFailure(raw []byte, msg *intake.Message) string {
	return rv.Office.AuthFailure(raw, msg, rv.LookupTXT)
}
