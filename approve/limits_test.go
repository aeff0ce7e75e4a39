package approve

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestReply_RefusalsLimited: twenty forged "Duyệt" from the head's address in an hour (no word
// of the office's MX) are refused; the clerks get the first few, marked as unverified and
// without the mail attached, within the hourly notice limits, and the rest are recorded as held
// for their digest.
func TestReply_RefusalsLimited(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	addDraft(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	const forged = 20
	for i := range forged {
		raw := fmt.Appendf(nil, "From: %s\r\nTo: %s\r\nMessage-ID: <forged-%d@evil.example>\r\nDate: Mon, 16 Nov 2026 10:00:00 +0700\r\n"+
			"Subject: Re: [TH %s %s v1]\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDuyệt %d\r\n",
			officetest.Approver, officetest.OfficeAddr, i, form, month, i)
		msg, in := receivedIntake(t, a, raw)
		ref, ok := a.Thread(ctx, msg)
		if !ok {
			t.Fatal("not an approval reply")
		}
		if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
			t.Fatal(err)
		}
		if in.Mail.Outcome != ledger.OutcomeQuarantined || in.Approval != nil {
			t.Fatalf("forged reply %d: outcome %q, approval %+v; want quarantined, no step", i, in.Mail.Outcome, in.Approval)
		}
		if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	all, err := a.Ledger.Outbox(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	notices := 0
	for _, m := range all {
		if m.Kind == ledger.KindForward {
			notices++
			if !strings.HasPrefix(strings.SplitN(m.Body, "\n\n", 3)[1], "LƯU Ý: Thư không qua được bước xác thực") || len(m.Attachments) != 0 {
				t.Errorf("forward of a forged reply: %d attachments, body\n%s", len(m.Attachments), m.Body)
			}
		}
	}
	perSender := a.Office.Mailbox.NoticesPerSenderPerHour
	if notices != perSender {
		t.Errorf("notices to the clerks: got %d, want %d (mailbox.notices_per_sender_per_hour)", notices, perSender)
	}
	held, err := a.Ledger.CountEvents(ctx, ledger.ActionNoticeHeldForward, "", testNow.Add(-1))
	if err != nil || held != forged-perSender {
		t.Errorf("refusals held for the digest: got %d, %v; want %d", held, err, forged-perSender)
	}
}
