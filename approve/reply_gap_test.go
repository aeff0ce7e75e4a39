package approve

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// mimeReply is the head's answer to the request for v1 with a MIME body of the given
// Content-Type, parsed, with the intake it starts.
func mimeReply(t *testing.T, a *Approver, ctype, body string) (*intake.Message, []byte, ledger.Intake) {
	t.Helper()
	raw := fmt.Appendf(nil, "%sFrom: %s\r\nTo: %s\r\nMessage-ID: <r1@kcn.example>\r\n"+
		"Date: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?%s?=\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: %s\r\n\r\n%s", officetest.AuthPass(officetest.Approver), officetest.Approver,
		officetest.OfficeAddr, base64.StdEncoding.EncodeToString([]byte("Re: "+requestSubject(t, a))),
		ctype, strings.ReplaceAll(body, "\n", "\r\n"))
	msg, in := receivedIntake(t, a, raw)
	return msg, raw, in
}

// forwardedDuyet is someone else's "Duyệt" (the deputy's), as a leader forwards it.
const forwardedDuyet = "From: ptb@kcn.example\nSubject: Re: [TH BM.02.01/KH 2026-11 v1] Xin y kien duyet\n" +
	"Content-Type: multipart/alternative; boundary=inner\n\n" +
	"--inner\nContent-Type: text/plain; charset=utf-8\n\nDuyệt\n" +
	"--inner\nContent-Type: text/html; charset=utf-8\n\n<div dir=\"ltr\">Duyệt</div>\n--inner--\n"

// alternative is a multipart/alternative body with a plain and an HTML part.
func alternative(plain, html string) string {
	return "--alt\nContent-Type: text/plain; charset=utf-8\n\n" + plain + "\n" +
		"--alt\nContent-Type: text/html; charset=utf-8\n\n" + html + "\n--alt--\n"
}

// TestApprover_ReplyNotTheSendersApproval: only the head's own words count, and only when
// both versions of them approve. A forwarded "Duyệt" under an empty or non-approving text of
// his own, and a plain "Duyệt" whose HTML version hesitates, leave the draft under review;
// the same mails saying "Duyệt" in both bodies issue it.
func TestApprover_ReplyNotTheSendersApproval(t *testing.T) {
	mixed := "multipart/mixed; boundary=outer"
	attached := func(own string) string {
		return own + "--outer\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename=\"duyet.eml\"\n\n" +
			forwardedDuyet + "\n--outer--\n"
	}
	ownText := func(s string) string {
		return "--outer\nContent-Type: text/plain; charset=utf-8\n\n" + s + "\n"
	}
	ownBoth := func(plain, html string) string {
		return "--outer\nContent-Type: multipart/alternative; boundary=alt\n\n" + alternative(plain, html)
	}
	tests := []struct {
		name, ctype, body string
		issued            bool
	}{
		{"ForwardedAlone", mixed, attached(""), false},
		{"ForwardedUnderEmptyText", mixed, attached(ownText("")), false},
		{"ForwardedUnderEmptyBodies", mixed, attached(ownBoth("", "<div><br></div>")), false},
		{"ForwardedUnderOwnWords", mixed, attached(ownText("Chuyển anh Tuấn xem")), false},
		{"ForwardedInline", mixed, "--outer\nContent-Type: message/rfc822\n\n" + forwardedDuyet + "\n--outer--\n", false},
		{"ForwardedInDigest", mixed, "--outer\nContent-Type: multipart/digest; boundary=dig\n\n--dig\n\n" +
			forwardedDuyet + "\n--dig--\n--outer--\n", false},
		// A digest's part without a type is an attached message (RFC 2046 5.1.5), here one
		// with an empty header: its "Duyệt" is still not the head's.
		{"ForwardedInDigestHeaderless", mixed, "--outer\nContent-Type: multipart/digest; boundary=dig\n\n--dig\n\n\nDuyệt\n--dig--\n--outer--\n", false},
		{"HTMLQuestion", "multipart/alternative; boundary=alt", alternative("Duyệt", "<div>Duyệt?</div>"), false},
		{"HTMLLater", "multipart/alternative; boundary=alt", alternative("Duyệt", "<div>Để anh xem đã</div>"), false},
		{"HTMLQuotedLater", "multipart/alternative; boundary=alt", alternative("Duyệt",
			`<div dir="ltr">Để anh xem đã</div><div class="gmail_quote"><blockquote>Trình anh</blockquote></div>`), false},
		{"PlainLaterHTMLApproves", "multipart/alternative; boundary=alt", alternative("Để anh xem đã", "<div>Duyệt</div>"), false},
		// The same shapes approving: the test can tell an approval from a refusal.
		{"BothApprove", "multipart/alternative; boundary=alt", alternative("Duyệt", "<div>Duyệt</div>"), true},
		{"OwnApprovalAboveForward", mixed, attached(ownText("Duyệt")), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			a := newApprover(t)
			addDraft(t, a)
			if err := a.Advance(ctx); err != nil {
				t.Fatal(err)
			}
			msg, raw, in := mimeReply(t, a, tc.ctype, tc.body)
			ref, ok := a.Thread(ctx, msg)
			if !ok {
				t.Fatal("not an approval reply")
			}
			if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
				t.Fatal(err)
			}
			st := state(t, a)
			if tc.issued {
				if st.Status != approval.Issued {
					t.Fatalf("got %s, want issued", st.Status)
				}
				return
			}
			if st.Status != approval.Reviewing || len(st.Decisions) != 0 || in.Approval.ClosePeriod {
				t.Errorf("got %s with %d decisions (close period %v), want still reviewing without a decision; text %q html %q",
					st.Status, len(st.Decisions), in.Approval.ClosePeriod, msg.Text, msg.HTML)
			}
		})
	}
}
