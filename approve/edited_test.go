package approve

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// authPass is what the office's MX writes above a genuine reply from its own domain, with its
// own Received field under it.
var authPass = officetest.AuthPass(officetest.Approver)

// editedReply is the head's "Duyệt" to the request for v1 with a workbook attached, parsed,
// with the intake it starts; headers are extra header lines (authPass).
func editedReply(t *testing.T, a *Approver, headers, file string, data []byte) (*intake.Message, []byte, ledger.Intake) {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <r1@kcn.example>\r\n"+
		"Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"+
		"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDuyệt\r\n"+
		"--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"%s\"\r\n"+
		"Content-Transfer-Encoding: base64\r\n\r\n%s\r\n--b1--\r\n",
		headers, officetest.Approver, officetest.OfficeAddr, base64.StdEncoding.EncodeToString([]byte("Re: "+requestSubject(t, a))),
		file, base64.StdEncoding.EncodeToString(data))
	raw := b.Bytes()
	msg, in := receivedIntake(t, a, raw)
	return msg, raw, in
}

// hostileEdit is the draft as a leader would edit it, and then what an attacker adds: formulas
// (one computed by Excel, a HYPERLINK, a DDE), a VBA project under the macro-enabled type, and a
// link to another workbook.
func hostileEdit(t *testing.T) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for cell, v := range map[string]any{"A1": "Lãnh đạo đã sửa", "A2": 1, "A3": 2} {
		if err := x.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{
		"xl/vbaProject.bin":                  "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1Sub Workbook_Open()\nShell \"calc\"\nEnd Sub\n",
		"xl/externalLinks/externalLink1.xml": `<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
	}
	edits := map[string][2]string{
		"[Content_Types].xml": {"spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml"},
		"xl/worksheets/sheet1.xml": {"</sheetData>", `<row r="5"><c r="A5"><f>SUM(A2:A3)</f><v>3</v></c>` +
			`<c r="B5" t="str"><f>HYPERLINK("http://x","y")</f><v>y</v></c><c r="C5"><f>cmd|'/c calc'!A1</f><v>0</v></c></row></sheetData>`},
		"xl/_rels/workbook.xml.rels": {"</Relationships>",
			`<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
				`<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`},
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if e, ok := edits[f.Name]; ok {
			if !strings.Contains(text, e[0]) {
				t.Fatalf("%s has no %q", f.Name, e[0])
			}
			text = strings.Replace(text, e[0], e[1], 1)
		}
		parts[f.Name] = text
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestReply_EditedWorkbookSanitized: the head's edited workbook becomes v2 with its values and
// nothing else: no formula, no macro, no external link.
func TestReply_EditedWorkbookSanitized(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	addDraft(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	msg, raw, in := editedReply(t, a, authPass, "sua.xlsx", hostileEdit(t))
	ref, _ := a.Thread(ctx, msg)
	if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatalf("reply: %v", err)
	}
	if len(in.Drafts) != 1 || in.Drafts[0].Version != 2 || in.Drafts[0].Author != "tb" {
		t.Fatalf("drafts %+v: want v2 by the head", in.Drafts)
	}
	data, err := a.Ledger.Blob(in.Drafts[0].FileSHA256)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.Contains(f.Name, "vbaProject") || strings.Contains(f.Name, "externalLink") {
			t.Errorf("part %s adopted", f.Name)
		}
		if f.Name == "[Content_Types].xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if strings.Contains(string(b), "macroEnabled") {
				t.Error("macro-enabled content type adopted")
			}
		}
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, want := range map[string]string{"A1": "Lãnh đạo đã sửa", "A5": "3", "B5": "y", "C5": "0"} {
		got, _ := x.GetCellValue("Sheet1", cell)
		f, _ := x.GetCellFormula("Sheet1", cell)
		if got != want || f != "" {
			t.Errorf("%s: %q with formula %q, want %q and no formula", cell, got, f, want)
		}
	}
}

// TestReply_EditedWorkbookNotTaken: a workbook that cannot be sanitized is not adopted; the
// reply still approves v1, and the head and the clerks are told why.
func TestReply_EditedWorkbookNotTaken(t *testing.T) {
	encrypted := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...)
	tests := []struct {
		name     string
		data     []byte
		tooLarge bool
		why      string
	}{
		{name: "Encrypted", data: encrypted, why: "đặt mật khẩu"},
		{name: "NotWorkbook", data: []byte("PK\x03\x04 không phải bảng tính"), why: "không phải tệp Excel"},
		{name: "TooLarge", tooLarge: true, why: "quá lớn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			a := newApprover(t)
			addDraft(t, a)
			if err := a.Advance(ctx); err != nil {
				t.Fatal(err)
			}
			msg, raw, in := editedReply(t, a, authPass, "sua.xlsx", tt.data)
			if tt.tooLarge {
				msg.Attachments[0].Data, msg.Attachments[0].TooLarge = nil, true
			}
			ref, _ := a.Thread(ctx, msg)
			if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatalf("reply: %v", err)
			}
			if len(in.Drafts) != 0 {
				t.Fatalf("drafts %+v: want the workbook not adopted", in.Drafts)
			}
			if in.Mail.Outcome != ledger.OutcomeAccepted || in.Approval == nil || !in.Approval.ClosePeriod {
				t.Fatalf("outcome %q, approval %+v: want the approval of v1 counted and the report issued", in.Mail.Outcome, in.Approval)
			}
			var notice *ledger.OutMail
			for i, m := range in.Outbox {
				if strings.Contains(m.Subject, "Tệp chỉnh sửa chưa được sử dụng") {
					notice = &in.Outbox[i]
				}
			}
			if notice == nil {
				t.Fatalf("no notice that the file was not taken among %d mails", len(in.Outbox))
			}
			if !slices.Equal(notice.To, []string{officetest.Approver}) || !slices.Equal(notice.Cc, []string{officetest.Clerk}) ||
				notice.InReplyTo != "r1@kcn.example" || !strings.Contains(notice.Body, "“sua.xlsx”") || !strings.Contains(notice.Body, tt.why) {
				t.Errorf("notice to %v cc %v in reply to %q:\n%s\nwant to the head, the clerk in copy, the file and %q named",
					notice.To, notice.Cc, notice.InReplyTo, notice.Body, tt.why)
			}
			if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
				t.Fatal(err)
			}
			if st := state(t, a); st.Status != approval.Issued || st.Version != 1 {
				t.Errorf("state %s v%d, want issued v1", st.Status, st.Version)
			}
		})
	}
}

// TestReply_AuthFailureNeverAdopts: with mail authentication configured, a reply that fails it
// never makes its workbook a draft; the same reply vouched for by the office's MX does.
func TestReply_AuthFailureNeverAdopts(t *testing.T) {
	tests := []struct {
		name    string
		headers string
		drafts  int
		outcome ledger.Outcome
	}{
		{name: "Unauthenticated", outcome: ledger.OutcomeQuarantined},
		{name: "ForgedServer", headers: strings.Replace(authPass, "mx.kcn.example", "mx.evil.example", 1), outcome: ledger.OutcomeQuarantined},
		{name: "DMARCFail", headers: strings.Replace(authPass, "dmarc=pass", "dmarc=fail", 1), outcome: ledger.OutcomeQuarantined},
		{name: "Authenticated", headers: authPass, drafts: 1, outcome: ledger.OutcomeAccepted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			a := newApprover(t)
			a.Office.MailAuth.TrustedServers = []string{"mx.kcn.example"}
			addDraft(t, a)
			if err := a.Advance(ctx); err != nil {
				t.Fatal(err)
			}
			msg, raw, in := editedReply(t, a, tt.headers, "sua.xlsx", hostileEdit(t))
			ref, _ := a.Thread(ctx, msg)
			if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatalf("reply: %v", err)
			}
			if len(in.Drafts) != tt.drafts || in.Mail.Outcome != tt.outcome {
				t.Fatalf("drafts %+v, outcome %q: want %d drafts, %q", in.Drafts, in.Mail.Outcome, tt.drafts, tt.outcome)
			}
			if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
				t.Fatal(err)
			}
			head, err := a.Ledger.LatestDraft(ctx, form, month)
			if err != nil || head.Version != 1+tt.drafts {
				t.Errorf("latest draft v%d, %v; want v%d", head.Version, err, 1+tt.drafts)
			}
		})
	}
}
