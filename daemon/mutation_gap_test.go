package daemon

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// answerMIME sends a leader's genuine (authenticated) reply to req with a MIME body of the
// given Content-Type, and runs a step.
func (e *env) answerMIME(t *testing.T, from, id string, req *intake.Message, ctype, body string) {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <%s>\r\nIn-Reply-To: <%s>\r\nReferences: <%s>\r\n",
		authPass, from, officeAddr, id, req.MessageID, req.MessageID)
	fmt.Fprintf(&b, "Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\nMIME-Version: 1.0\r\nContent-Type: %s\r\n\r\n%s",
		base64.StdEncoding.EncodeToString([]byte("Re: "+req.Subject)), ctype, strings.ReplaceAll(body, "\n", "\r\n"))
	e.append(t, b.Bytes())
	e.step(t)
}

// TestApproval_ForwardedOrHesitantNotCounted: the deputy forwarding someone's "Đồng ý" (as an
// attachment, or inline under a forward marker) with nothing of her own, or answering "Đồng ý"
// in the plain body while the HTML body says "Để anh xem đã", does not move the chain; her
// own "Đồng ý" in both bodies then does.
func TestApproval_ForwardedOrHesitantNotCounted(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	req := e.request(t, ptb, 1)
	someoneElse := "From: tb@kcn.example\nSubject: Re: " + "[TH BM.02.01/KH 2026-11 v1]\n" +
		"Content-Type: text/plain; charset=utf-8\n\nĐồng ý\n"
	replies := []struct{ name, ctype, body string }{
		{"ForwardedAttached", "multipart/mixed; boundary=o",
			"--o\nContent-Type: text/plain; charset=utf-8\n\n\n--o\nContent-Type: message/rfc822\n\n" + someoneElse + "--o--\n"},
		{"ForwardedInline", "text/plain; charset=utf-8",
			"\n---------- Forwarded message ---------\nFrom: Nguyễn Văn An <tb@kcn.example>\nDate: Mon, 16 Nov 2026\n\nĐồng ý\n"},
		{"HTMLHesitates", "multipart/alternative; boundary=a",
			"--a\nContent-Type: text/plain; charset=utf-8\n\nĐồng ý\n--a\nContent-Type: text/html; charset=utf-8\n\n<div>Để anh xem đã</div>\n--a--\n"},
		{"HTMLAsks", "multipart/alternative; boundary=a",
			"--a\nContent-Type: text/plain; charset=utf-8\n\nĐồng ý\n--a\nContent-Type: text/html; charset=utf-8\n\n<div>Đồng ý?</div>\n--a--\n"},
	}
	for i, r := range replies {
		e.answerMIME(t, ptb, fmt.Sprintf("not%d@kcn.example", i), req, r.ctype, r.body)
		if st := e.state(t); st.Status != approval.Reviewing || st.Step != 0 || len(st.Decisions) != 0 {
			t.Fatalf("%s: %s step %d with %d decisions, want still reviewing at step 1", r.name, st.Status, st.Step+1, len(st.Decisions))
		}
	}
	e.answerMIME(t, ptb, "own@kcn.example", req, "multipart/alternative; boundary=a",
		"--a\nContent-Type: text/plain; charset=utf-8\n\nĐồng ý\n--a\nContent-Type: text/html; charset=utf-8\n\n<div>Đồng ý</div>\n--a--\n")
	if st := e.state(t); st.Step != 1 || len(st.Decisions) != 1 || st.Decisions[0].MessageID != "own@kcn.example" {
		t.Fatalf("her own approval: step %d, %d decisions; want step 2 after own@kcn.example", st.Step+1, len(st.Decisions))
	}
}

// withoutMessageID drops the Message-ID line of a raw mail.
func withoutMessageID(t *testing.T, raw []byte) []byte {
	t.Helper()
	i := bytes.Index(raw, []byte("Message-ID: <"))
	j := bytes.Index(raw[i:], []byte("\r\n"))
	if i < 0 || j < 0 {
		t.Fatal("no Message-ID line")
	}
	return append(append([]byte(nil), raw[:i]...), raw[i+j+2:]...)
}

// TestDaemon_MailsWithoutMessageID: two different mails without a Message-ID from the same
// unit are both recorded and both answered, through the mailbox and through ingest; only the
// same bytes again are a duplicate.
func TestDaemon_MailsWithoutMessageID(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("Poll", func(t *testing.T) {
		e := newEnv(t)
		wb := e.workbook(t, "QLDN", false)
		first := withoutMessageID(t, mail(officetest.UnitAddr("QLDN"), "a@kcn", "", "bc.xlsx", wb))
		second := withoutMessageID(t, mail(officetest.UnitAddr("QLDN"), "b@kcn", "X-Lan: 2\r\n", "bc-sua.xlsx", wb))
		for _, raw := range [][]byte{first, second, first} {
			e.append(t, raw)
		}
		e.step(t)
		mails, err := e.ledger.Mails(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(mails) != 2 || mails[0].Outcome != ledger.OutcomeAccepted || mails[1].Outcome != ledger.OutcomeAccepted {
			t.Fatalf("mails: got %d recorded, want both different mails accepted and the copy not again", len(mails))
		}
		if n := e.count(t, "INBOX"); n != 0 {
			t.Errorf("INBOX: %d left, want 0", n)
		}
		if n := len(e.received(t, officetest.UnitAddr("QLDN"), "")); n != 2 {
			t.Errorf("receipts to the unit: got %d, want 2", n)
		}
	})
	t.Run("Ingest", func(t *testing.T) {
		e := newEnv(t)
		wb := e.workbook(t, "QLDN", false)
		first := withoutMessageID(t, mail(officetest.UnitAddr("QLDN"), "a@kcn", "", "bc.xlsx", wb))
		second := withoutMessageID(t, mail(officetest.UnitAddr("QLDN"), "b@kcn", "X-Lan: 2\r\n", "bc.xlsx", wb))
		var got []string
		for _, raw := range [][]byte{first, second, first} {
			res, err := e.d.Ingest(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s/%v/%d", res.Outcome, res.Duplicate, len(res.Submissions)))
		}
		if want := "accepted/false/1,accepted/false/1,accepted/true/0"; strings.Join(got, ",") != want {
			t.Errorf("got %s, want %s", strings.Join(got, ","), want)
		}
	})
}

// exactMail is a unit's mail with a valid workbook, as the office's MX delivers it, padded in
// its text to exactly size bytes.
func exactMail(t *testing.T, e *env, id string, size int) []byte {
	t.Helper()
	wb := base64.StdEncoding.EncodeToString(e.workbook(t, "QLDN", false))
	build := func(pad string) []byte {
		return fmt.Appendf(nil, officetest.AuthPass(officetest.UnitAddr("QLDN"))+"From: %s\r\nTo: %s\r\nMessage-ID: <%s>\r\nDate: Mon, 16 Nov 2026 08:00:00 +0700\r\n"+
			"Subject: bao cao\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"+
			"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGui Van phong.\r\n%s\r\n"+
			"--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"bc.xlsx\"\r\n"+
			"Content-Transfer-Encoding: base64\r\n\r\n%s\r\n--b1--\r\n", officetest.UnitAddr("QLDN"), officeAddr, id, pad, wb)
	}
	n := size - len(build(""))
	if n < 0 {
		t.Fatalf("the mail is %d bytes without padding, over %d", len(build("")), size)
	}
	line := strings.Repeat(".", 76) + "\r\n"
	pad := []byte(strings.Repeat(line, n/len(line)+1)[:n])
	if n > 0 && pad[n-1] == '\r' {
		pad[n-1] = '.'
	}
	raw := build(string(pad))
	if len(raw) != size {
		t.Fatalf("built %d bytes, want %d", len(raw), size)
	}
	return raw
}

// TestDaemon_MessageAtSizeLimit: a message of exactly mailbox.max_message_bytes is read and
// its workbook recorded, through the mailbox and through ingest; one byte more is not read.
func TestDaemon_MessageAtSizeLimit(t *testing.T) {
	t.Parallel()
	const limit = 1 << 20
	ctx := context.Background()
	e := newEnvWith(t, func(o *Options) { o.Config.Mailbox.MaxMessageBytes = limit })
	e.append(t, exactMail(t, e, "at@kcn", limit))
	e.append(t, exactMail(t, e, "over@kcn", limit+1))
	e.step(t)
	outcomes := map[string]ledger.Outcome{}
	mails, err := e.ledger.Mails(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		outcomes[m.MessageID] = m.Outcome
	}
	if outcomes["at@kcn"] != ledger.OutcomeAccepted || outcomes["over@kcn"] != ledger.OutcomeQuarantined {
		t.Errorf("poll: got %v, want at@kcn accepted and over@kcn quarantined", outcomes)
	}
	for _, tc := range []struct {
		id, want string
		size     int
	}{{"ingest-at@kcn", "accepted", limit}, {"ingest-over@kcn", "quarantined", limit + 1}} {
		res, err := e.d.Ingest(ctx, exactMail(t, e, tc.id, tc.size))
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != tc.want || (tc.want == "accepted") != (len(res.Submissions) == 1) {
			t.Errorf("ingest of %d bytes: got %s with %d submissions, want %s", tc.size, res.Outcome, len(res.Submissions), tc.want)
		}
	}
}

// TestApproval_UnprovenReplyRefused: a reply that the office's MX could neither prove nor
// refute (no DKIM, SPF softfail, no DMARC) is not believed unless the office accepts unproven
// mail: it is quarantined and the chain does not move.
func TestApproval_UnprovenReplyRefused(t *testing.T) {
	t.Parallel()
	e := submittedEnv(t, twoStepForms)
	unproven := "Authentication-Results: mx.kcn.example; dkim=none; spf=softfail smtp.mailfrom=kcn.example; " +
		"dmarc=none header.from=kcn.example\r\n"
	e.answer(t, ptb, "unproven@kcn.example", e.request(t, ptb, 1), "Đồng ý", unproven)
	if st := e.state(t); st.Step != 0 || len(st.Decisions) != 0 {
		t.Fatalf("an unproven reply moved the chain: step %d, %d decisions", st.Step+1, len(st.Decisions))
	}
	if n := e.count(t, "Quarantine"); n != 1 {
		t.Errorf("quarantined: %d, want 1", n)
	}
}
