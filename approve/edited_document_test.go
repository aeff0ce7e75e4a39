package approve

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// draftDocx is the document of head as tonghop built it, with edit applied to its document
// part: what a leader sends back after editing it in Word.
func draftDocx(t *testing.T, a *Approver, head ledger.Draft, edit func(string) string) []byte {
	t.Helper()
	f, _ := a.Office.Form(form)
	p, _ := period.Parse(month)
	d := a.Office.Document(f, p, office.DocumentInput{At: head.BuiltAt, Draft: head.Version, Appendix: head.FileName})
	d.Body = []document.Block{{Heading: "Kết quả", Paragraphs: []string{"Văn bản do hệ thống lập."}, Note: "Phụ lục: " + head.FileName}}
	data, err := document.Build(d)
	if err != nil {
		t.Fatal(err)
	}
	return rewriteDocumentPart(t, data, edit)
}

func rewriteDocumentPart(t *testing.T, docx []byte, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			b = []byte(edit(string(b)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func documentText(t *testing.T, docx []byte) string {
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
	return ""
}

// TestReply_EditedDocument (issue 20, point 4): the head edits the draft's .docx and replies
// with it: it becomes v2's document, its text theirs, its date and draft mark v2's, and the
// workbook v1's unchanged. One that lost the number line, or carries macros, is not taken.
func TestReply_EditedDocument(t *testing.T) {
	edited := func(s string) string {
		return strings.Replace(s, "Văn bản do hệ thống lập.", "Lãnh đạo Ban đã sửa đoạn này.", 1)
	}
	tests := []struct {
		name  string
		edit  func(string) string
		macro bool
		why   string
	}{
		{name: "OK", edit: edited},
		{name: "NumberLineGone", edit: func(s string) string { return strings.Replace(edited(s), "     /BC", "", 1) }, why: "dòng số, ký hiệu"},
		{name: "Macros", edit: edited, macro: true, why: "không đọc được an toàn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			a := newApprover(t)
			head := addDraft(t, a)
			if err := a.Advance(ctx); err != nil {
				t.Fatal(err)
			}
			docx := draftDocx(t, a, head, tt.edit)
			if tt.macro {
				docx = withZipEntry(t, docx, "word/vbaProject.bin", "\xd0\xcf\x11\xe0Sub AutoOpen()")
			}
			msg, raw, in := editedReply(t, a, authPass, "sua.docx", docx)
			ref, _ := a.Thread(ctx, msg)
			if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatalf("reply: %v", err)
			}
			if tt.why != "" {
				if len(in.Drafts) != 0 {
					t.Fatalf("drafts %+v: want the document not taken", in.Drafts)
				}
				found := false
				for _, m := range in.Outbox {
					found = found || strings.Contains(m.Subject, "Tệp chỉnh sửa chưa được sử dụng") && strings.Contains(m.Body, tt.why)
				}
				if !found {
					t.Errorf("no notice saying %q among %d mails", tt.why, len(in.Outbox))
				}
				return
			}
			if len(in.Drafts) != 1 || in.Drafts[0].Version != 2 || in.Drafts[0].Author != "tb" {
				t.Fatalf("drafts %+v: want v2 by the head", in.Drafts)
			}
			v2 := in.Drafts[0]
			if v2.FileSHA256 != head.FileSHA256 || v2.DocSHA256 == "" {
				t.Errorf("v2 workbook %s (v1's %s), document %q: want v1's workbook and a document", v2.FileSHA256, head.FileSHA256, v2.DocSHA256)
			}
			data, err := a.Ledger.Blob(v2.DocSHA256)
			if err != nil {
				t.Fatal(err)
			}
			text := documentText(t, data)
			for _, want := range []string{"Lãnh đạo Ban đã sửa đoạn này.", "DỰ THẢO (lần 2)", v2.FileName} {
				if !strings.Contains(text, want) {
					t.Errorf("v2's document lacks %q", want)
				}
			}
			if strings.Contains(text, "(lần 1)") {
				t.Error("v2's document still says draft 1")
			}
		})
	}
}

func withZipEntry(t *testing.T, docx []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create(name)
	io.WriteString(w, content)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
