package approve

import (
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/reportbook"
)

// issue sends the approved version to the form's recipients, the Planning Office in copy. The
// workbook is the approved draft itself, stamped with the approvals (never rebuilt: a rebuild
// could count data the leaders did not see). The period closes with the same transaction, and
// the issue is recorded for the deadlines that count from it. The archive copy is filed once
// all this is stored.
func (w *effectWriter) issue(a approval.Action) error {
	dr, ok := w.drafts[a.Version]
	if !ok {
		return fmt.Errorf("approved draft v%d not found", a.Version)
	}
	data, err := w.a.Ledger.Blob(dr.FileSHA256)
	if err != nil {
		return err
	}
	var decided []letters.Decided
	var stamps []reportbook.Approval
	unauthenticated := w.a.Office.MailAuth.Unauthenticated()
	for _, dec := range a.Approvals {
		md := w.decided(dec)
		decided = append(decided, md)
		stamps = append(stamps, reportbook.Approval{Title: md.Person.Title, Name: md.Person.Name, At: md.At,
			Version: dec.Version, MessageID: dec.MessageID, Unauthenticated: unauthenticated})
	}
	stamped, err := reportbook.Stamp(data, stamps, w.a.Office.Location)
	if err != nil {
		return fmt.Errorf("stamp the approvals on v%d: %w", a.Version, err)
	}
	sha, err := w.a.Ledger.PutBlob(stamped)
	if err != nil {
		return err
	}
	name := office.IssuedFileName(w.f.Code, w.p.String())
	w.fx.copies = append(w.fx.copies, office.Copy{Rel: w.a.Office.ArchivePath(w.f.Code, w.p.String(), office.ReportFolder, name), Data: stamped})
	md := w.draft(a.Version)
	md.FileName = name
	md.Unauthenticated = unauthenticated
	l := letters.IssueLetter(md, decided)
	to, cc := w.a.recipients(w.f.Recipients), w.a.Office.ClerkAddresses()
	if len(to) == 0 {
		to, cc = cc, nil
	}
	w.fx.mails = append(w.fx.mails, ledger.OutMail{
		Key: ledger.IssueKey(w.f.Code, w.p.String()), Kind: ledger.KindIssue, To: to, Cc: cc,
		Subject: l.Subject, Body: l.Body, CreatedAt: w.a.now(), NotBefore: w.a.now(),
		Attachments: []ledger.Attachment{{Name: name, ContentType: mailer.ContentTypeXLSX, SHA256: sha}},
	})
	w.fx.events = append(w.fx.events, w.a.event("system", ledger.ActionReportIssued, ledger.PeriodObject(w.f.Code, w.p.String()),
		fmt.Sprintf("v%d sha256=%s approvals=%s", a.Version, sha, approvalList(a.Approvals))))
	w.fx.issued = true
	return nil
}

// recipients resolves the configured recipients: person ids to their first address, addresses
// as given.
func (a *Approver) recipients(list []string) []string {
	var out []string
	for _, r := range list {
		if p, ok := a.Office.Person(r); ok {
			if len(p.Emails) > 0 {
				out = append(out, p.Emails[0])
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// approvalList writes the approvals of an issue for its audit event: person@time<Message-ID>.
func approvalList(decs []approval.Decision) string {
	var parts []string
	for _, d := range decs {
		parts = append(parts, fmt.Sprintf("%s@%s<%s>", d.Person, d.At.Format("2006-01-02T15:04Z07:00"), d.MessageID))
	}
	return strings.Join(parts, ",")
}
