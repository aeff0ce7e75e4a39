package approve

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/reportbook"
)

// TestApprover_InsecureApprovals: an office that set insecure_unauthenticated_approvals counts
// a reply nothing authenticated, and the issued report says so, in the letter and in the
// stamped workbook; without the setting (and without any check) the same reply is refused.
func TestApprover_InsecureApprovals(t *testing.T) {
	for _, insecure := range []bool{true, false} {
		ctx := context.Background()
		a := newApprover(t)
		a.Office.MailAuth = config.MailAuth{InsecureUnauthenticatedApprovals: insecure}
		addDraft(t, a)
		if err := a.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		msg, raw, in := answer(t, a, "Re: "+requestSubject(t, a), "")
		raw = raw[bytes.Index(raw, []byte("From: ")):] // no Authentication-Results, no Received
		ref, _ := a.Thread(ctx, msg)
		if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
			t.Fatal(err)
		}
		issued := in.Approval != nil && in.Approval.ClosePeriod
		if issued != insecure {
			t.Fatalf("insecure=%v: issued %v (outcome %q)", insecure, issued, in.Mail.Outcome)
		}
		if !insecure {
			if len(in.Outbox) != 1 || !strings.Contains(in.Outbox[0].Body, letters.NoMailAuth) {
				t.Errorf("refusal notice: %+v", in.Outbox)
			}
			continue
		}
		var issue ledger.OutMail
		for _, m := range in.Approval.Mails {
			if m.Kind == ledger.KindIssue {
				issue = m
			}
		}
		if !strings.Contains(issue.Body, letters.UnauthenticatedApprovals) {
			t.Errorf("issue letter without the warning:\n%s", issue.Body)
		}
		data, err := a.Ledger.Blob(issue.Attachments[0].SHA256)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetCustomProps()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		warned := false
		for _, p := range props {
			warned = warned || p.Name == reportbook.PropUnauthenticated
		}
		if !warned {
			t.Errorf("stamped workbook without %s: %v", reportbook.PropUnauthenticated, props)
		}
	}
}
