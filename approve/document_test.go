package approve

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// addDraftWithDocument is addDraft with the draft's document, as report builds it.
func addDraftWithDocument(t *testing.T, a *Approver) ledger.Draft {
	t.Helper()
	// addDraft's v1 has none; v2, its copy with the document, is the head the chain gets.
	v2 := addDraft(t, a)
	v2.ID, v2.Version, v2.DocName = 0, 2, "VanBan_v2.docx"
	v2.FileName = office.ReportFileName(form, mustPeriod(t), 2)
	doc := draftDocx(t, a, v2, func(s string) string { return s })
	var err error
	if v2.DocSHA256, err = a.Ledger.PutBlob(doc); err != nil {
		t.Fatal(err)
	}
	if v2, err = a.Ledger.AddDraft(context.Background(), v2); err != nil {
		t.Fatal(err)
	}
	return v2
}

func mustPeriod(t *testing.T) period.Period {
	p, err := period.Parse(month)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestIssue_Document (issue 20): the request carries the draft's document with the workbook;
// the issue sends the document with the issue's date, the approver's signature and the issued
// workbook's name written in, its PDF, and the workbook as the appendix; the ledger records both.
func TestIssue_Document(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	a.PDF = func(_ context.Context, docx []byte) ([]byte, error) {
		return []byte("%PDF-1.7 tonghop test\n%%EOF\n"), nil
	}
	v2 := addDraftWithDocument(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	req, err := a.Ledger.OutMail(ctx, ledger.ApprovalRequestKey(form, month, 2, 1, "tb"))
	if err != nil {
		t.Fatal(err)
	}
	if got := attachmentTypes(req.Attachments); !slices.Equal(got, []string{mailer.ContentTypeDOCX, mailer.ContentTypeXLSX}) {
		t.Errorf("request's attachments: got %v, want the document and the workbook", got)
	}
	msg, raw, in := replyTo(t, a, req, "Duyệt")
	ref, _ := a.Thread(ctx, msg)
	if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if in.Approval == nil || in.Approval.Issue == nil {
		t.Fatalf("approval %+v: want the report issued", in.Approval)
	}
	is := in.Approval.Issue
	var issue ledger.OutMail
	for _, m := range in.Approval.Mails {
		if m.Kind == ledger.KindIssue {
			issue = m
		}
	}
	if got := attachmentTypes(issue.Attachments); !slices.Equal(got, []string{mailer.ContentTypeDOCX, mailer.ContentTypePDF, mailer.ContentTypeXLSX}) {
		t.Fatalf("issue's attachments: got %v, want the document, its PDF and the workbook", got)
	}
	if issue.Attachments[0].SHA256 != is.DocSHA256 || issue.Attachments[1].SHA256 != is.PDFSHA256 || is.DocSHA256 == v2.DocSHA256 {
		t.Errorf("issue records document %s and PDF %s; mail carries %v", is.DocSHA256, is.PDFSHA256, issue.Attachments)
	}
	data, err := a.Ledger.Blob(is.DocSHA256)
	if err != nil {
		t.Fatal(err)
	}
	text := documentText(t, data)
	p := mustPeriod(t)
	for _, want := range []string{document.PlaceDate(a.Office.Office.Place, testNow.In(a.Office.Location)), office.IssuedFileName(form, p.String())} {
		if !strings.Contains(text, want) {
			t.Errorf("issued document lacks %q", want)
		}
	}
	if strings.Contains(text, "DỰ THẢO") || strings.Contains(text, v2.FileName) {
		t.Error("issued document still reads as the draft")
	}
}

// replyTo is the head's answer to req, through the office's MX.
func replyTo(t *testing.T, a *Approver, req ledger.OutMail, body string) (*intake.Message, []byte, ledger.Intake) {
	t.Helper()
	raw := fmt.Appendf(nil, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <r2@kcn.example>\r\n"+
		"Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", officetest.AuthPass(officetest.Approver), officetest.Approver,
		officetest.OfficeAddr, base64.StdEncoding.EncodeToString([]byte("Re: "+req.Subject)), body)
	msg, in := receivedIntake(t, a, raw)
	return msg, raw, in
}

func attachmentTypes(list []ledger.Attachment) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.ContentType)
	}
	return out
}

func TestDocumentName(t *testing.T) {
	for _, c := range []struct{ appendix, ext, want string }{
		{office.IssuedFileName(form, month), "docx", office.DocumentFileName(form, month, 0, "docx")},
		{"BaoCao_BM.02.01-KH_2026-11_gui-lan-2.xlsx", "pdf", "VanBan_BM.02.01-KH_2026-11_gui-lan-2.pdf"},
	} {
		if got := documentName(c.appendix, c.ext); got != c.want {
			t.Errorf("documentName(%q): got %q, want %q", c.appendix, got, c.want)
		}
	}
}
