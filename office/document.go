package office

import (
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/period"
)

// DocumentInput is what the document of a report needs besides the configuration.
type DocumentInput struct {
	Book consolidate.Book
	At   time.Time // the document's date: when the draft was built or the report issued
	// Number is the printed number ("125", or whole: "125/BC-BQL"); "" for a draft.
	Number string
	// Signer is the person id who signs: the approver who decided the issue; "" for a draft,
	// which names the chain's last step.
	Signer   string
	Draft    int    // the draft's version; 0 for the issued document
	Appendix string // the workbook attached as the appendix
}

// Document is the administrative document of form f for period p (issue 20): the office's
// header, the form's type and summary, the body from the consolidated book, the signer and the
// recipients as configured.
func (o *Office) Document(f *config.Form, p period.Period, in DocumentInput) document.Doc {
	kind := document.Kind(f.DocumentKind())
	name := o.Office.DocumentName
	if name == "" {
		name = o.Office.Name
	}
	d := document.Doc{
		GoverningBody: o.Office.GoverningBody, Office: name, Number: in.Number,
		Symbol: o.DocumentSymbol(f), Place: o.Office.Place, Date: in.At.In(o.Location), Kind: kind,
		Summary: f.DocumentSummary(o.PeriodLabel(f, p)), Draft: in.Draft > 0, DraftVersion: in.Draft,
		Body: document.FromBook(in.Book, in.Appendix, o.unitNames()), Signer: o.signer(f, in.Signer),
		Recipients: o.documentRecipients(f), Archive: o.Office.Archive,
	}
	return d
}

// RenderDocument writes d as a .docx: in the office's letterhead when it has one, else in the
// built-in layout.
func (o *Office) RenderDocument(d document.Doc) ([]byte, error) {
	return document.Render(d, o.Office.LetterheadData)
}

// DocumentSymbol is the symbol after the number: the form's own `symbol`, the register's, or
// else the form's type and the office's abbreviation ("BC-BQL").
func (o *Office) DocumentSymbol(f *config.Form) string {
	if f.Symbol != "" { // the register's symbol, printed on the drafts as the issue will be
		return f.Symbol
	}
	abbrev := document.Kind(f.DocumentKind()).Abbrev()
	if o.Office.Abbreviation == "" {
		return abbrev
	}
	return abbrev + "-" + o.Office.Abbreviation
}

// signer is the signature block of person id, or of the chain's last step's first person.
func (o *Office) signer(f *config.Form, id string) document.Signer {
	if id == "" {
		if steps := o.ApprovalSteps(f); len(steps) > 0 && len(steps[len(steps)-1].People) > 0 {
			id = steps[len(steps)-1].People[0].ID
		}
	}
	p, ok := o.Person(id)
	if !ok {
		return document.Signer{}
	}
	return document.Signer{Authority: p.SigningAuthority, Title: p.Title, Name: p.Name}
}

// documentRecipients are the "Nơi nhận" lines: a configured person by title and name, a unit
// by name, an address as it is.
func (o *Office) documentRecipients(f *config.Form) []string {
	var out []string
	for _, r := range f.Recipients {
		if p, ok := o.Person(r); ok {
			out = append(out, strings.TrimSpace(p.Title+" "+p.Name))
			continue
		}
		out = append(out, r)
	}
	return out
}

// DocumentFileName names a report's document: "VanBan_BM.02.01-KH_2026-11.docx" when issued,
// "VanBan_BM.02.01-KH_2026-11_v2.docx" for draft 2; ext is "docx" or "pdf".
func DocumentFileName(formCode string, p string, draft int, ext string) string {
	if draft > 0 {
		return fmt.Sprintf("VanBan_%s_%s_v%d.%s", form.Slug(formCode), p, draft, ext)
	}
	return fmt.Sprintf("VanBan_%s_%s.%s", form.Slug(formCode), p, ext)
}

// DraftAttachments are what carries a draft, to the clerks and up the chain: its administrative
// document when it has one (issue 20), and its workbook.
func DraftAttachments(d ledger.Draft) []ledger.Attachment {
	var out []ledger.Attachment
	if d.DocSHA256 != "" {
		out = append(out, ledger.Attachment{Name: d.DocName, ContentType: mailer.ContentTypeDOCX, SHA256: d.DocSHA256})
	}
	return append(out, ledger.Attachment{Name: d.FileName, ContentType: mailer.ContentTypeXLSX, SHA256: d.FileSHA256})
}

// unitNames names every configured unit by code, for the document's list tables.
func (o *Office) unitNames() map[string]string {
	out := make(map[string]string, len(o.Units))
	for _, u := range o.Units {
		out[u.Code] = u.Name
	}
	return out
}
