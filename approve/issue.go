package approve

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/reportbook"
)

// issue sends the approved version to the form's recipients, the Planning Office in copy. The
// workbook is the approved draft itself, stamped with the approvals (never rebuilt: a rebuild
// could count data the leaders did not see). The period closes with the same transaction, and
// the issue is recorded for the deadlines that count from it. The archive copy is filed once
// all this is stored. The approval of a correction issues a replacement: to the recipients of
// the report it replaces, saying so in the letter and on the workbook.
func (w *effectWriter) issue(a approval.Action) error {
	if w.awaitsNumber() {
		return w.awaitNumber(a) // issue 20: the registry clerk numbers it first (numbering.go)
	}
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
			Version: dec.Version, MessageID: dec.MessageID, Unauthenticated: unauthenticated, Initial: md.Initial})
	}
	is := issuing{number: 1, key: ledger.IssueKey(w.f.Code, w.p.String()), name: office.IssuedFileName(w.f.Code, w.p.String())}
	is.to, is.cc = w.a.recipients(w.f.Recipients), w.a.Office.ClerkAddresses()
	if len(is.to) == 0 {
		is.to, is.cc = is.cc, nil
	}
	md := w.draft(a.Version)
	if len(w.a.recipients(w.f.Recipients)) > 0 { // else it goes to the clerks, and greets them
		md.To, md.ToOthers = w.a.addressees(w.f.Recipients)
	}
	num, err := w.number() // issue 20: before the document is written (numbering.go)
	if err != nil {
		return err
	}
	var replaced *reportbook.Replaced
	if w.issued != nil {
		if err := w.a.replacing(w.ctx, w.f, w.p, *w.issued, &is, &md); err != nil {
			return err
		}
		replaced = &reportbook.Replaced{At: w.issued.At, Version: w.issued.Version}
	}
	stamped, err := reportbook.StampNumbered(data, stamps, replaced, w.documentNumber(num).Number, w.a.Office.Location)
	if err != nil {
		return fmt.Errorf("stamp the approvals on v%d: %w", a.Version, err)
	}
	sha, err := w.a.Ledger.PutBlob(stamped)
	if err != nil {
		return err
	}
	w.fx.copies = append(w.fx.copies, office.Copy{Rel: w.a.Office.ArchivePath(w.f.Code, w.p.String(), office.ReportFolder, is.name), Data: stamped})
	doc, err := w.issuedDocument(a, dr, w.documentNumber(num), is.name)
	if err != nil {
		return err
	}
	md.FileName, md.DocName = is.name, ""
	if doc.docSHA != "" {
		md.DocName = documentName(is.name, "docx")
	}
	md.Unauthenticated = unauthenticated
	l := letters.NumberedIssueLetter(md, decided, w.documentNumber(num))
	w.fx.mails = append(w.fx.mails, ledger.OutMail{
		Key: is.key, Kind: ledger.KindIssue, About: ledger.About{Form: w.f.Code, Period: w.p.String()}, To: is.to, Cc: is.cc,
		Subject: l.Subject, Body: l.Body, CreatedAt: w.a.now(), NotBefore: w.a.now(),
		Attachments: append(doc.attachments, ledger.Attachment{Name: is.name, ContentType: mailer.ContentTypeXLSX, SHA256: sha}),
	})
	w.fx.events = append(w.fx.events, w.a.event("system", ledger.ActionReportIssued, ledger.PeriodObject(w.f.Code, w.p.String()),
		fmt.Sprintf("v%d sha256=%s approvals=%s%s%s", a.Version, sha, approvalList(a.Approvals), is.replaces, numberDetail(num))))
	w.fx.issued = true
	w.fx.issue = &ledger.Issue{Number: is.number, Version: a.Version, FileSHA256: sha, At: w.a.now(), Numbered: num,
		DocSHA256: doc.docSHA, PDFSHA256: doc.pdfSHA}
	return nil
}

// issuing is where an issue goes and what it is called.
type issuing struct {
	number   int
	key      string
	name     string // the stamped workbook's file name
	to, cc   []string
	replaces string // for the audit event
}

// replacing makes is the replacement of the issue in force: numbered after it, sent to the same
// recipients as it was, its workbook named apart, and md saying why the report was corrected.
func (a *Approver) replacing(ctx context.Context, f *config.Form, p period.Period, in ledger.Issue, is *issuing, md *letters.Draft) error {
	is.number = in.Number + 1
	is.key = ledger.ReplacementIssueKey(f.Code, p.String(), is.number)
	is.name = strings.TrimSuffix(is.name, ".xlsx") + fmt.Sprintf("_gui-lan-%d.xlsx", is.number)
	is.replaces = fmt.Sprintf(" replaces=issue%d(v%d)", in.Number, in.Version)
	prevKey := ledger.IssueKey(f.Code, p.String())
	if in.Number > 1 {
		prevKey = ledger.ReplacementIssueKey(f.Code, p.String(), in.Number)
	}
	switch prev, err := a.Ledger.OutMail(ctx, prevKey); {
	case err == nil:
		is.to, is.cc = prev.To, prev.Cc
	case !errors.Is(err, ledger.ErrNotFound):
		return err
	}
	why, err := a.replacedWhy(ctx, f, p, in)
	if err != nil {
		return err
	}
	md.Replaces = &letters.Replacement{Issued: letters.Issued{At: in.At.In(a.Office.Location), Version: in.Version}, Why: why}
	return nil
}

// replacedWhy says why the report in force was corrected: the leader who asked, and the units
// whose files received after it were taken in.
func (a *Approver) replacedWhy(ctx context.Context, f *config.Form, p period.Period, in ledger.Issue) (string, error) {
	var leader letters.Person
	switch c, err := a.Ledger.OpenCorrection(ctx, f.Code, p.String()); {
	case err == nil && c.Cause == ledger.CauseLeader:
		if pp, ok := a.Office.Person(c.OpenedBy); ok {
			leader = letters.Person{Title: pp.Title, Name: pp.Name}
		}
	case err != nil && !errors.Is(err, ledger.ErrNotFound):
		return "", err
	}
	late, err := a.Ledger.LateFiles(ctx, f.Code, p.String())
	if err != nil {
		return "", err
	}
	var units []string
	for _, lf := range late {
		if lf.Decision == ledger.DecisionTaken && lf.AfterIssue == in.Number {
			name := lf.Submission.Unit
			if u, ok := a.Office.Unit(lf.Submission.Unit); ok {
				name = u.Name
			}
			units = append(units, name)
		}
	}
	return letters.ReplacedBecause(leader, units), nil
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

// addressees names the recipients of the approved report for its letter's "Kính gửi": configured
// people by name and title; an address that is nobody's makes the letter greet the leaders as a
// body.
func (a *Approver) addressees(list []string) (people []letters.Person, others bool) {
	for _, r := range list {
		if p, ok := a.Office.Person(r); ok {
			people = append(people, letters.Person{Title: p.Title, Name: p.Name})
			continue
		}
		others = true
	}
	return people, others
}

// approvalList writes the approvals of an issue for its audit event: person@time<Message-ID>.
func approvalList(decs []approval.Decision) string {
	var parts []string
	for _, d := range decs {
		parts = append(parts, fmt.Sprintf("%s@%s<%s>", d.Person, d.At.Format("2006-01-02T15:04Z07:00"), d.MessageID))
	}
	return strings.Join(parts, ",")
}
