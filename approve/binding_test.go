package approve

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
)

// answer is an authenticated "Duyệt" from the head with the given subject and In-Reply-To,
// parsed, with the intake it starts.
func answer(t *testing.T, a *Approver, subject, inReplyTo string) (*intake.Message, []byte, ledger.Intake) {
	t.Helper()
	irt := ""
	if inReplyTo != "" {
		irt = "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n"
	}
	raw := fmt.Appendf(nil, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <b1@kcn.example>\r\n%s"+
		"Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\nDuyệt\r\n", officetest.AuthPass(officetest.Approver),
		officetest.Approver, officetest.OfficeAddr, irt, base64.StdEncoding.EncodeToString([]byte(subject)))
	return received(t, a, raw)
}

// sent marks an outbox mail sent with the Message-ID the office's mailer gives it.
func sent(t *testing.T, a *Approver, key string) string {
	t.Helper()
	ctx := context.Background()
	m, err := a.Ledger.OutMail(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.ClaimDue(ctx, testNow.Add(24*time.Hour), 100); err != nil {
		t.Fatal(err)
	}
	id := a.Office.Mail.MessageID(key)
	if err := a.Ledger.MarkSent(ctx, m.ID, id, testNow); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestApprover_ReplyBinding: an authenticated reply counts only when it answers a letter sent
// to its sender: the MAC of its token verifies for that person, or it replies to a request or
// reminder of that version sent to that person. Otherwise it is quarantined, the clerks get it
// with why it did not count, and the sender gets no acknowledgement.
func TestApprover_ReplyBinding(t *testing.T) {
	const token = "[TH " + form + " " + month + " v1"
	tests := []struct {
		name string
		// prepare returns the subject and In-Reply-To of the reply, given the approver with
		// the request for v1 queued.
		prepare func(t *testing.T, a *Approver) (subject, inReplyTo string)
		want    bool
	}{
		{name: "SignedToken", want: true, prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + requestSubject(t, a), ""
		}},
		{name: "InReplyToRequest", want: true, prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + "] Xin ý kiến duyệt", sent(t, a, ledger.ApprovalRequestKey(form, month, 1, 1, "tb"))
		}},
		{name: "InReplyToRequestNoToken", want: true, prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: Báo cáo tháng 11", sent(t, a, ledger.ApprovalRequestKey(form, month, 1, 1, "tb"))
		}},
		{name: "PlainToken", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + "] Xin ý kiến duyệt", ""
		}},
		{name: "WrongMAC", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + " k00000000] Xin ý kiến duyệt", ""
		}},
		{name: "OtherPersonsMAC", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + letters.SignedApprovalToken(form, month, 1, a.Office.ApprovalMAC(form, month, 1, "ptb")), ""
		}},
		{name: "OtherVersionsMAC", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + " k" + a.Office.ApprovalMAC(form, month, 2, "tb") + "]", ""
		}},
		{name: "ForgedOwnMessageID", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + "]", "<0123456789abcdef0123456789abcdef@kcn.example>"
		}},
		{name: "UnkeyedMessageIDOfRequest", prepare: func(t *testing.T, a *Approver) (string, string) {
			sent(t, a, ledger.ApprovalRequestKey(form, month, 1, 1, "tb"))
			return "Re: " + token + "]", mailerUnkeyed(ledger.ApprovalRequestKey(form, month, 1, 1, "tb"))
		}},
		{name: "InReplyToRequestForSomeoneElse", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + "]", enqueueSent(t, a, ledger.KindApprovalRequest, "other-request", token+"] Xin ý kiến duyệt", officetest.Supervisor)
		}},
		{name: "InReplyToOtherKindOfMail", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + "]", enqueueSent(t, a, ledger.KindApprovalNotice, "notice", token+"] Thu hồi", officetest.Approver)
		}},
		{name: "InReplyToRequestOfOtherVersion", prepare: func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + token + "]", enqueueSent(t, a, ledger.KindApprovalRequest, "v2-request",
				"[TH "+form+" "+month+" v2] Xin ý kiến duyệt", officetest.Approver)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			a := newApprover(t)
			addDraft(t, a)
			if err := a.Advance(ctx); err != nil {
				t.Fatal(err)
			}
			subject, irt := tt.prepare(t, a)
			msg, raw, in := answer(t, a, subject, irt)
			ref, ok := a.Thread(ctx, msg)
			if !ok {
				t.Fatalf("thread: not an approval reply")
			}
			if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatal(err)
			}
			counted := in.Approval != nil && in.Mail.Outcome == ledger.OutcomeAccepted
			if counted != tt.want {
				t.Fatalf("counted: got %v (outcome %q), want %v", counted, in.Mail.Outcome, tt.want)
			}
			if tt.want {
				return
			}
			// The head's words reach the clerks all the same, saying why they did not count.
			if in.Mail.Outcome != ledger.OutcomeQuarantined || len(in.Outbox) != 1 || in.Outbox[0].Kind != ledger.KindForward ||
				!strings.Contains(in.Outbox[0].Body, "chưa đủ căn cứ") || in.Outbox[0].To[0] != officetest.Clerk {
				t.Errorf("refusal: outcome %q, mails %+v; want quarantined and one forward to the clerk", in.Mail.Outcome, in.Outbox)
			}
		})
	}
}

// requestSubject is the subject of the request for v1 to the head, as queued.
func requestSubject(t *testing.T, a *Approver) string {
	t.Helper()
	m, err := a.Ledger.OutMail(context.Background(), ledger.ApprovalRequestKey(form, month, 1, 1, "tb"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, mac, _ := letters.ParseSignedApprovalToken(m.Subject); mac == "" {
		t.Fatalf("request subject %q has no MAC", m.Subject)
	}
	return m.Subject
}

// enqueueSent stores a mail of kind to addr as sent and returns its Message-ID.
func enqueueSent(t *testing.T, a *Approver, kind ledger.Kind, key, subject, addr string) string {
	t.Helper()
	if _, _, err := a.Ledger.Enqueue(context.Background(), ledger.OutMail{Key: key, Kind: kind, To: []string{addr},
		Subject: subject, Body: "x", CreatedAt: testNow, NotBefore: testNow}); err != nil {
		t.Fatal(err)
	}
	return sent(t, a, key)
}

// mailerUnkeyed is the Message-ID the key had before Message-IDs were keyed: anyone could
// compute it.
func mailerUnkeyed(key string) string { return mailer.MessageID(key, officetest.OfficeAddr) }
