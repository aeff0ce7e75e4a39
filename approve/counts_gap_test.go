package approve

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// addDraftVersion stores version v of November's report, a plain workbook.
func addDraftVersion(t *testing.T, a *Approver, v int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellStr("Sheet1", "A1", fmt.Sprintf("bản %d", v)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	sha, err := a.Ledger.PutBlob(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := period.Parse(month)
	if _, err := a.Ledger.AddDraft(context.Background(), ledger.Draft{
		Form: form, Period: month, Version: v, FileName: office.ReportFileName(form, p, v), FileSHA256: sha,
		Basis: map[string]int{"QLDN": v}, Trigger: ledger.TriggerAllIn, BuiltAt: testNow.Add(-time.Hour),
	}); err != nil {
		t.Fatal(err)
	}
}

// TestApprover_WorkbookOnlyFromTheCountedReply: a workbook attached to a reply becomes the
// next draft only when the reply counts: not from someone outside the chain, not about an
// older version, not after the issue.
func TestApprover_WorkbookOnlyFromTheCountedReply(t *testing.T) {
	edited := base64.StdEncoding.EncodeToString([]byte("PK\x03\x04 không phải bản của lãnh đạo"))
	tests := []struct {
		name, from string
		drafts     int // versions stored before the reply
		version    int // the version the reply answers
		issueFirst bool
	}{
		{"OutsideTheChain", officetest.Supervisor, 1, 1, false},
		{"OlderVersion", officetest.Approver, 2, 1, false},
		{"AfterTheIssue", officetest.Approver, 1, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := newApprover(t)
			for v := 1; v <= tc.drafts; v++ {
				addDraftVersion(t, a, v)
				if err := a.Advance(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if tc.issueFirst {
				msg, raw, in := replyMail(t, a, "Duyệt")
				ref, _ := a.Thread(ctx, msg)
				if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
					t.Fatal(err)
				}
				if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
					t.Fatal(err)
				}
			}
			raw := fmt.Appendf(nil, "From: %s\r\nTo: %s\r\nMessage-ID: <w-%s@kcn.example>\r\nDate: Mon, 16 Nov 2026 11:00:00 +0700\r\n"+
				"Subject: Re: [TH %s %s v%d] Xin y kien duyet\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"+
				"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDuyệt\r\n--b\r\nContent-Type: application/octet-stream\r\n"+
				"Content-Disposition: attachment; filename=\"sua.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n--b--\r\n",
				tc.from, officetest.OfficeAddr, tc.name, form, month, tc.version, edited)
			msg, in := receivedIntake(t, a, raw)
			if len(msg.Spreadsheets()) != 1 {
				t.Fatalf("reply: %d workbooks; want one", len(msg.Spreadsheets()))
			}
			ref, ok := a.Thread(ctx, msg)
			if !ok {
				t.Fatal("not an approval reply")
			}
			if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatal(err)
			}
			if len(in.Drafts) != 0 {
				t.Errorf("got draft v%d by %q from a reply that does not count", in.Drafts[0].Version, in.Drafts[0].Author)
			}
			if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
				t.Fatal(err)
			}
			if head, err := a.Ledger.LatestDraft(ctx, form, month); err != nil || head.Version != tc.drafts {
				t.Errorf("latest draft: v%d, %v; want v%d", head.Version, err, tc.drafts)
			}
		})
	}
}

// TestApprover_ForwardedWorkbookNotAnEdit: the head's "Duyệt" counts, but a workbook inside a
// message he forwarded with it (a unit's mail) is not his edit of the draft: the draft he was
// asked about is issued, not the forwarded file.
func TestApprover_ForwardedWorkbookNotAnEdit(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	addDraft(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	unitFile := base64.StdEncoding.EncodeToString([]byte("PK\x03\x04 tệp của đơn vị"))
	msg, raw, in := mimeReply(t, a, "multipart/mixed; boundary=outer",
		"--outer\nContent-Type: text/plain; charset=utf-8\n\nDuyệt\n"+
			"--outer\nContent-Type: message/rfc822\n\nFrom: qldn@kcn.example\nSubject: Bao cao\n"+
			"Content-Type: multipart/mixed; boundary=inner\n\n--inner\nContent-Type: text/plain\n\nGui bao cao\n"+
			"--inner\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"bc.xlsx\"\n"+
			"Content-Transfer-Encoding: base64\n\n"+unitFile+"\n--inner--\n\n--outer--\n")
	if sheets := msg.Spreadsheets(); len(sheets) != 1 || !sheets[0].Forwarded {
		t.Fatalf("reply: got %d workbooks, want the forwarded one", len(sheets))
	}
	ref, _ := a.Thread(ctx, msg)
	if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if len(in.Drafts) != 0 || in.Approval == nil || !in.Approval.ClosePeriod {
		t.Fatalf("got %d drafts, approval %+v; want the asked draft issued and no new one", len(in.Drafts), in.Approval)
	}
}
