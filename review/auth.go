package review

import (
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailauth"
)

// authFailure checks a reply's authentication as the office's [mail_auth] says, as leaders'
// approvals are checked (package approve); "" when it may be believed. Without any check
// configured, only an office that chose to count unauthenticated approvals believes the From
// address: a supervisor's agreement counts a file, as an approval issues a report.
func (rv *Reviewer) authFailure(raw []byte, msg *intake.Message) string {
	ma := rv.Office.MailAuth
	if !ma.Authenticates() {
		if ma.Unauthenticated() {
			return ""
		}
		return letters.NoMailAuth
	}
	v := mailauth.Check(raw, msg.From.Addr, mailauth.Policy{
		TrustedServers: ma.TrustedServers, ReceivedHosts: ma.ReceivedHosts, TrustUnnamed: ma.TrustUnnamed,
		VerifyDKIM: ma.VerifyDKIM, AcceptUnproven: ma.AcceptUnproven, LookupTXT: rv.LookupTXT,
	})
	if v.Pass {
		return ""
	}
	return v.Reason
}
