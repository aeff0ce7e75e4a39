package approve

import (
	"fmt"
	"path"
	"strings"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
)

// issuedDoc is the administrative document of an issue (issue 20): its blobs and attachments.
type issuedDoc struct {
	docSHA, pdfSHA string
	attachments    []ledger.Attachment // the .docx, then the .pdf when LibreOffice made one
}

// issuedDocument renders the issued document: the approved draft's own .docx (the text the
// leaders approved) with the register's number and date written in (a form without a symbol
// is not numbered: its number is printed blank and the date is the issue's), the signer who decided and the appendix's name written in, and its
// PDF when a converter is configured. A draft without a document (built before 0013) issues
// without one. The document and PDF are archived beside the workbook.
func (w *effectWriter) issuedDocument(a approval.Action, dr ledger.Draft, num letters.DocumentNumber, appendix string) (issuedDoc, error) {
	if dr.DocSHA256 == "" {
		w.a.log().Warn("report issued without its document: the draft has none", "form", w.f.Code, "period", w.p.String(), "version", dr.Version)
		return issuedDoc{}, nil
	}
	draftDocx, err := w.a.Ledger.Blob(dr.DocSHA256)
	if err != nil {
		return issuedDoc{}, err
	}
	o := w.a.Office
	signer := ""
	if n := len(a.Approvals); n > 0 {
		signer = a.Approvals[n-1].Person
	}
	draft := o.Document(w.f, w.p, office.DocumentInput{At: dr.BuiltAt, Draft: dr.Version})
	at := w.a.now()
	if !num.Dated.IsZero() { // the register's date: the registry clerk may have given another day
		at = num.Dated
	}
	issued := o.Document(w.f, w.p, office.DocumentInput{At: at, Number: num.Number, Signer: signer})
	changes := append(document.IssueChanges(draft, issued), document.Change{From: dr.FileName, To: appendix})
	docx, err := document.Finalize(draftDocx, changes)
	if err != nil {
		return issuedDoc{}, fmt.Errorf("issued document of v%d: %w", dr.Version, err)
	}
	out := issuedDoc{}
	if out.docSHA, err = w.a.Ledger.PutBlob(docx); err != nil {
		return issuedDoc{}, err
	}
	name := documentName(appendix, "docx")
	out.attachments = append(out.attachments, ledger.Attachment{Name: name, ContentType: mailer.ContentTypeDOCX, SHA256: out.docSHA})
	w.fx.copies = append(w.fx.copies, office.Copy{Rel: o.ArchivePath(w.f.Code, w.p.String(), office.ReportFolder, name), Data: docx})
	if w.a.PDF == nil {
		return out, nil
	}
	pdf, err := w.a.PDF(w.ctx, docx)
	if err != nil { // the .docx goes alone: the PDF is a convenience, the .docx the document
		w.a.log().Warn("issued document not converted to PDF", "form", w.f.Code, "period", w.p.String(), "err", err)
		return out, nil
	}
	if out.pdfSHA, err = w.a.Ledger.PutBlob(pdf); err != nil {
		return issuedDoc{}, err
	}
	pdfName := documentName(appendix, "pdf")
	out.attachments = append(out.attachments, ledger.Attachment{Name: pdfName, ContentType: mailer.ContentTypePDF, SHA256: out.pdfSHA})
	w.fx.copies = append(w.fx.copies, office.Copy{Rel: o.ArchivePath(w.f.Code, w.p.String(), office.ReportFolder, pdfName), Data: pdf})
	return out, nil
}

// documentName names the issued document after its appendix, the issued workbook, so that a
// replacement's is named apart as its workbook is: "BaoCao_BM.02.01-KH_2026-11_gui-lan-2.xlsx"
// → "VanBan_BM.02.01-KH_2026-11_gui-lan-2.docx".
func documentName(appendix, ext string) string {
	base := strings.TrimSuffix(appendix, path.Ext(appendix))
	return "VanBan_" + strings.TrimPrefix(base, "BaoCao_") + "." + ext
}
