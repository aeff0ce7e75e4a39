package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/report"
)

// TestDrafter_Document (issue 20): each draft is built with its document — the number blank,
// the draft's mark, the consolidated figures the workbook holds — stored and archived beside
// the workbook, and the clerks' mail carries both.
func TestDrafter_Document(t *testing.T) {
	cfg := cfConfig(t)
	of := cfOffice(t, cfg)
	ctx := context.Background()
	fx := newFixture(t, of, "BM.02.01/KH")
	l := fx.record(t, ctx)
	dr := &report.Drafter{Office: of, Ledger: l, Now: func() time.Time { return fx.now.Add(7 * 24 * time.Hour) }}
	if err := dr.Step(ctx); err != nil {
		t.Fatal(err)
	}
	head, err := l.LatestDraft(ctx, fx.code, fx.target.String())
	if err != nil || head.DocSHA256 == "" || head.DocName != office.DocumentFileName(fx.code, fx.target.String(), 1, "docx") {
		t.Fatalf("draft: document %q %q (err %v), want one named for v1", head.DocName, head.DocSHA256, err)
	}
	docx, err := l.Blob(head.DocSHA256)
	if err != nil {
		t.Fatal(err)
	}
	archived, err := os.ReadFile(filepath.Join(cfg.DataDir, of.ArchivePath(fx.code, fx.target.String(), office.ReportFolder, head.DocName)))
	if err != nil || !bytes.Equal(archived, docx) {
		t.Errorf("archive copy: %v (equal %v)", err, bytes.Equal(archived, docx))
	}
	text := documentPart(t, docx)
	f, _ := of.Form(fx.code)
	in, _, err := report.ConsolidationInput(ctx, of, l, f, fx.target, head.BuiltAt)
	if err != nil {
		t.Fatal(err)
	}
	book, err := consolidate.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"DỰ THẢO (lần 1)", "Số:      /BC", head.FileName}
	for _, r := range book.Summary[0].Rows {
		if r.Period.OK {
			want = append(want, ">"+consolidate.FormatNumber(r.Period.V)+"<")
		}
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("draft's document lacks %q", w)
		}
	}
	if len(of.ClerkAddresses()) == 0 { // the fixture's office has no clerk: what the mail would carry
		m := ledger.OutMail{Attachments: office.DraftAttachments(head)}
		checkDraftAttachments(t, m, head)
		return
	}
	m, err := l.OutMail(ctx, ledger.DraftKey(fx.code, fx.target.String(), 1))
	if err != nil {
		t.Fatal(err)
	}
	checkDraftAttachments(t, m, head)
}

func checkDraftAttachments(t *testing.T, m ledger.OutMail, head ledger.Draft) {
	t.Helper()
	if len(m.Attachments) != 2 || m.Attachments[0].ContentType != mailer.ContentTypeDOCX || m.Attachments[0].SHA256 != head.DocSHA256 ||
		m.Attachments[1].SHA256 != head.FileSHA256 {
		t.Errorf("draft mail's attachments: got %+v, want the document then the workbook", m.Attachments)
	}
}

func documentPart(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}
