package daemon

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/localmail"
)

// twoStepForms gives the monthly report a chain of two steps, the supervising deputy then the
// head, and trusts the office's MX to authenticate replies.
const twoStepForms = `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
approval = ["ptb", "tb"]
approval_remind_after = "4h"

[mail_auth]
trusted_servers = ["mx.kcn.example"]
`

// authPass is what the office's MX writes above a genuine reply from its own domain: its
// Authentication-Results above its own Received field.
var authPass = officetest.AuthPass(officetest.Approver)

func newApprovalEnv(t *testing.T) *env {
	return newOfficeEnv(t, officetest.Options{Forms: twoStepForms}, nil)
}

func (e *env) step(t *testing.T) {
	t.Helper()
	if err := e.d.Step(context.Background()); err != nil {
		t.Fatalf("step: %v", err)
	}
}

// submitAll sends every unit's valid workbook; the step builds the first draft (all units in)
// and sends it to the first step of the chain.
func (e *env) submitAll(t *testing.T) {
	t.Helper()
	for _, u := range officetest.Units {
		e.append(t, mail(officetest.UnitAddr(u), "sub-"+u+"@kcn.example", authPass, "bc.xlsx", e.workbook(t, u, false)))
	}
	e.step(t)
}

// restart closes the daemon and the ledger and opens them again on the same data directory, as
// after a crash or a reboot between two steps.
func (e *env) restart(t *testing.T) {
	t.Helper()
	e.restartWith(t, func() {})
}

// received returns the messages delivered to addr whose subject contains s, parsed, in order.
func (e *env) received(t *testing.T, addr, s string) []*intake.Message {
	t.Helper()
	return parsedTo(t, e.deliveries(), addr, s)
}

// parsedTo returns the deliveries to addr whose subject contains s, parsed, in order.
func parsedTo(t *testing.T, deliveries []localmail.Delivery, addr, s string) []*intake.Message {
	t.Helper()
	var out []*intake.Message
	for _, d := range deliveries {
		if !contains(d.To, addr) {
			continue
		}
		if hdr, err := intake.ParseHeader(d.Data); err != nil {
			t.Fatal(err)
		} else if !strings.Contains(hdr.Subject, s) {
			continue // its body is not read: most deliveries are not the ones asked for
		}
		msg, err := intake.Parse(d.Data, intake.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, msg)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// request returns the one approval request for version v delivered to addr.
func (e *env) request(t *testing.T, addr string, v int) *intake.Message {
	t.Helper()
	var msgs []*intake.Message
	for _, m := range e.received(t, addr, fmt.Sprintf("[TH BM.02.01/KH 2026-11 v%d k", v)) {
		if strings.HasPrefix(m.Subject, "Xin ý kiến duyệt: ") {
			msgs = append(msgs, m)
		}
	}
	if len(msgs) != 1 {
		t.Fatalf("requests of v%d to %s: got %d, want 1", v, addr, len(msgs))
	}
	return msgs[0]
}

// answer sends a leader's reply to msg (see replyRaw) and steps the daemon.
func (e *env) answer(t *testing.T, from, id string, msg *intake.Message, body, headers string, files ...officetest.File) {
	t.Helper()
	e.append(t, replyRaw(from, id, msg, body, headers, files...))
	e.step(t)
}

// replyRaw is a reply to msg: body above a Gmail-style quote of it; headers are extra header
// lines (authPass for a genuine reply); files are attached.
func replyRaw(from, id string, msg *intake.Message, body, headers string, files ...officetest.File) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <%s>\r\nIn-Reply-To: <%s>\r\nReferences: <%s>\r\n",
		headers, from, officeAddr, id, msg.MessageID, msg.MessageID)
	fmt.Fprintf(&b, "Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\nMIME-Version: 1.0\r\n",
		base64.StdEncoding.EncodeToString([]byte("Re: "+msg.Subject)))
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	fmt.Fprintf(&b, "%s\r\n\r\nVào 09:00 16/11/2026, Văn phòng <%s> đã viết:\r\n", body, officeAddr)
	for _, line := range strings.Split(msg.Text, "\n") {
		b.WriteString("> " + line + "\r\n")
	}
	for _, f := range files {
		fmt.Fprintf(&b, "--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n"+
			"Content-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n",
			f.Name, base64.StdEncoding.EncodeToString(f.Data))
	}
	b.WriteString("--b1--\r\n")
	return b.Bytes()
}

// state reads the approval of November's report.
func (e *env) state(t *testing.T) approval.State {
	t.Helper()
	a, err := e.ledger.Approval(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	var st approval.State
	if err := json.Unmarshal(a.State, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// noDuplicates fails when a Message-ID was delivered twice: a restart must never send again.
func (e *env) noDuplicates(t *testing.T) {
	t.Helper()
	seen := map[string]bool{}
	for _, d := range e.deliveries() {
		msg, err := intake.ParseHeader(d.Data)
		if err != nil {
			t.Fatal(err)
		}
		key := msg.MessageID + strings.Join(d.To, ",")
		if seen[key] {
			t.Errorf("delivered twice: %s %q", msg.MessageID, msg.Subject)
		}
		seen[key] = true
	}
}
