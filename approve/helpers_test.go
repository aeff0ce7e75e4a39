package approve

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

const (
	testKey = "approve-test-key"
	form    = "BM.02.01/KH"
	month   = "2026-11"
)

// testNow is a Monday morning of the test office's first month.
var testNow = time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation())

// newApprover builds an Approver on the test office (one step: the head, "tb") with a ledger in
// a temporary directory. Replies are authenticated by the test office's MX.
func newApprover(t *testing.T) *Approver {
	t.Helper()
	o, l := officetest.Site(t, testKey)
	return &Approver{Office: o, Ledger: l, Now: func() time.Time { return testNow }}
}

// addDraft stores version 1 of November's report: a plain workbook, as a stand-in for a built
// draft.
func addDraft(t *testing.T, a *Approver) ledger.Draft {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	sha, err := a.Ledger.PutBlob(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := period.Parse(month)
	d, err := a.Ledger.AddDraft(context.Background(), ledger.Draft{
		Form: form, Period: month, Version: 1, FileName: office.ReportFileName(form, p, 1), FileSHA256: sha,
		Basis: map[string]int{"QLDN": 1}, Trigger: ledger.TriggerAllIn, BuiltAt: testNow.Add(-time.Hour),
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// replyMail is the head's answer to the request for v1, parsed, with the intake it starts: it
// quotes the request's subject (with its token) and came through the office's MX.
func replyMail(t *testing.T, a *Approver, body string) (*intake.Message, []byte, ledger.Intake) {
	t.Helper()
	req, err := a.Ledger.OutMail(context.Background(), ledger.ApprovalRequestKey(form, month, 1, 1, "tb"))
	if err != nil {
		t.Fatalf("the request for v1: %v", err)
	}
	raw := fmt.Appendf(nil, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <r1@kcn.example>\r\n"+
		"Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", officetest.AuthPass(officetest.Approver), officetest.Approver,
		officetest.OfficeAddr, base64.StdEncoding.EncodeToString([]byte("Re: "+req.Subject)), body)
	msg, in := receivedIntake(t, a, raw)
	return msg, raw, in
}

// state reads the stored approval of November's report.
func state(t *testing.T, a *Approver) approval.State {
	t.Helper()
	ap, err := a.Ledger.Approval(context.Background(), form, month)
	if err != nil {
		t.Fatal(err)
	}
	var st approval.State
	if err := json.Unmarshal(ap.State, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// received parses raw as the daemon receives it, stores it (RecordIntake wants the raw mail
// stored) and starts its intake, received at testNow.
func received(t *testing.T, a *Approver, raw []byte) (*intake.Message, []byte, ledger.Intake) {
	t.Helper()
	msg, in := receivedIntake(t, a, raw)
	return msg, raw, in
}

// receivedIntake is received without the raw bytes the caller already holds.
func receivedIntake(t *testing.T, a *Approver, raw []byte) (*intake.Message, ledger.Intake) {
	t.Helper()
	msg, err := intake.Parse(raw, intake.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	sha, err := a.Ledger.PutBlob(raw)
	if err != nil {
		t.Fatal(err)
	}
	return msg, ledger.Intake{Mail: ledger.Mail{SHA256: sha, Size: int64(len(raw)), Mailbox: "INBOX",
		ReceivedAt: testNow, MessageID: msg.MessageID, From: msg.From.Addr, Subject: msg.Subject}}
}
