package approve

import (
	"context"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// TestApprover_BoundToPeriod: a request to correct an issued report counts only when it answers
// a letter about that report sent to its sender: its token's MAC (any version) for that person,
// or the keyed Message-ID of a mail of that period (the issue mail, by its form and period;
// anything carrying the period's token) whose To or Cc holds one of their addresses.
func TestApprover_BoundToPeriod(t *testing.T) {
	const token = "[TH " + form + " " + month + " v1"
	issueMail := func(t *testing.T, a *Approver, to string) string {
		t.Helper()
		if _, _, err := a.Ledger.Enqueue(context.Background(), ledger.OutMail{Key: ledger.IssueKey(form, month), Kind: ledger.KindIssue,
			About: ledger.About{Form: form, Period: month}, To: []string{"ubnd@tinh.example"}, Cc: []string{to},
			Subject: "[" + form + "] Ban hành", Body: "x", CreatedAt: testNow, NotBefore: testNow}); err != nil {
			t.Fatal(err)
		}
		return sent(t, a, ledger.IssueKey(form, month))
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T, a *Approver) (subject, inReplyTo string)
		want    bool
	}{
		{"TokenMACOfAnyVersion", func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + letters.SignedApprovalToken(form, month, 3, a.Office.ApprovalMAC(form, month, 3, "tb")) + " Ban hành", ""
		}, true},
		{"IssueMailCopiedToThem", func(t *testing.T, a *Approver) (string, string) {
			return "Re: Ban hành", issueMail(t, a, officetest.Approver)
		}, true},
		{"AcknowledgementInThePeriod", func(t *testing.T, a *Approver) (string, string) {
			return "Re: x", enqueueSent(t, a, ledger.KindApprovalNotice, "ack", token+"] Đã ghi nhận ý kiến", officetest.Approver)
		}, true},
		{"PlainToken", func(t *testing.T, a *Approver) (string, string) { return "Re: " + token + "] Ban hành", "" }, false},
		{"OtherPersonsMAC", func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + letters.SignedApprovalToken(form, month, 1, a.Office.ApprovalMAC(form, month, 1, "ptb")), ""
		}, false},
		{"OtherPeriodsMAC", func(t *testing.T, a *Approver) (string, string) {
			return "Re: " + letters.SignedApprovalToken(form, "2026-10", 1, a.Office.ApprovalMAC(form, "2026-10", 1, "tb")), ""
		}, false},
		{"IssueMailNotSentToThem", func(t *testing.T, a *Approver) (string, string) {
			return "Re: Ban hành", issueMail(t, a, officetest.Supervisor)
		}, false},
		{"MailOfAnotherPeriod", func(t *testing.T, a *Approver) (string, string) {
			return "Re: x", enqueueSent(t, a, ledger.KindApprovalNotice, "ack-oct", "[TH "+form+" 2026-10 v1] Đã ghi nhận", officetest.Approver)
		}, false},
		{"UnkeyedMessageID", func(t *testing.T, a *Approver) (string, string) {
			issueMail(t, a, officetest.Approver)
			return "Re: Ban hành", mailerUnkeyed(ledger.IssueKey(form, month))
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newApprover(t)
			subject, irt := tt.prepare(t, a)
			msg, _, _ := answer(t, a, subject, irt)
			f, _ := a.Office.Form(form)
			p, _ := period.Parse(month)
			head, _ := a.Office.Person("tb")
			if got := a.boundToPeriod(context.Background(), msg, Ref{Form: f, Period: p, Version: 1}, head); got != tt.want {
				t.Errorf("bound: got %v, want %v", got, tt.want)
			}
		})
	}
}
