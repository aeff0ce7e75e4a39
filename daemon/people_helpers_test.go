package daemon

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// correctionForms gives the monthly report the two-step chain (the deputy, then the head) and
// recipients: the head and an outside office. The office's MX authenticates mail.
const correctionForms = `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
approval = ["ptb", "tb"]
recipients = ["tb", "stranger@other.example"]

[mail_auth]
trusted_servers = ["mx.kcn.example"]
`

// words is the head's answer to the issued report in issue 17.
const words = "Số liệu chỉ tiêu 2 chưa đúng, đề nghị Văn phòng kiểm tra, sửa lại và trình lại tôi."

// clerk is the Planning Office's clerk of the test office.
const clerk = officetest.Clerk

// failAuth is what the office's MX writes above a mail claiming kcn.example from elsewhere.
const failAuth = "Authentication-Results: mx.kcn.example; dkim=fail header.d=kcn.example; " +
	"spf=fail smtp.mailfrom=kcn.example; dmarc=fail header.from=kcn.example\r\n"

func newCorrectionEnv(t *testing.T) *env {
	return newOfficeEnv(t, officetest.Options{Forms: correctionForms}, nil)
}

// submittedEnv is an office of the forms given once every unit's file is in and the first
// draft gone to the chain (submitAll), at 9:00 on 16 November.
func submittedEnv(t *testing.T, forms string) *env {
	t.Helper()
	o := officetest.Options{Forms: forms}
	return startFrom(t, o, "submitted", func(t *testing.T) *env {
		e := newOfficeEnv(t, o, nil)
		e.submitAll(t)
		return e
	})
}

// issuedEnv is the correction office (newCorrectionEnv) once November's report is issued: every
// unit's file in, v1 approved by the deputy then the head (approveBoth), an hour later;
// issueMail is the issue mail.
func issuedEnv(t *testing.T) *env {
	t.Helper()
	return startFrom(t, officetest.Options{Forms: correctionForms}, "issued", func(t *testing.T) *env {
		e := submittedEnv(t, correctionForms)
		e.later(time.Hour)
		e.approveBoth(t)
		return e
	})
}

// approveBoth takes v1, just sent to the deputy, through both steps: approved by the deputy
// then the head. It returns the issue mail as the head received it.
func (e *env) approveBoth(t *testing.T) *intake.Message {
	t.Helper()
	e.answer(t, ptb, "ok-ptb-v1@kcn.example", e.request(t, ptb, 1), "Đồng ý", authPass)
	e.later(time.Hour)
	e.answer(t, tb, "ok-tb-v1@kcn.example", e.request(t, tb, 1), "Duyệt", authPass)
	if st := e.state(t); st.Status != approval.Issued || st.Version != 1 {
		t.Fatalf("after both approvals: %s v%d, want issued v1", st.Status, st.Version)
	}
	issue := e.issueMail(t)
	e.later(time.Hour)
	return issue
}

// issueMail is the issue mail of v1 as the head received it.
func (e *env) issueMail(t *testing.T) *intake.Message {
	t.Helper()
	issue := e.received(t, tb, "Báo cáo đã duyệt: ")
	if len(issue) != 1 {
		t.Fatalf("issue mails to the head: %d, want 1", len(issue))
	}
	return issue[0]
}

// later moves the clock on.
func (e *env) later(d time.Duration) { e.clock.Advance(d) }

// write delivers a new mail (see newMailRaw) and steps the daemon.
func (e *env) write(t *testing.T, from, id, subject, body, headers string) {
	t.Helper()
	e.append(t, newMailRaw(from, id, subject, body, headers))
	e.step(t)
}

// newMailRaw is a new mail (no thread) from from with a plain text body; headers are extra
// header lines (failAuth for a forged one; the MX's pass is added on delivery otherwise).
func newMailRaw(from, id, subject, body, headers string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <%s>\r\nDate: Mon, 16 Nov 2026 10:00:00 +0700\r\n", headers, from, officeAddr, id)
	fmt.Fprintf(&b, "Subject: =?UTF-8?B?%s?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n",
		base64.StdEncoding.EncodeToString([]byte(subject)), body)
	return b.Bytes()
}

// one returns the one message delivered to addr whose subject contains s.
func (e *env) one(t *testing.T, addr, s string) *intake.Message {
	t.Helper()
	got := e.received(t, addr, s)
	if len(got) != 1 {
		t.Fatalf("mails to %s with %q: %d, want 1", addr, s, len(got))
	}
	return got[0]
}

// mailNamed is the ledger's record of the received mail with Message-ID id.
func (e *env) mailNamed(t *testing.T, id, from string) ledger.Mail {
	t.Helper()
	m, err := e.ledger.MailByMessageID(context.Background(), "<"+id+">", from)
	if err != nil {
		m, err = e.ledger.MailByMessageID(context.Background(), id, from)
	}
	if err != nil {
		t.Fatalf("mail %s: %v", id, err)
	}
	return m
}

// deliveredWith counts the deliveries to addr whose subject contains s.
func (e *env) deliveredWith(t *testing.T, addr, s string) int {
	t.Helper()
	return len(e.received(t, addr, s))
}

// contains reports whether text holds every one of parts.
func containsAll(text string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(text, p) {
			return false
		}
	}
	return true
}
