package intake

import (
	"encoding/base64"
	"strings"
	"testing"
)

// forwardedApproval is someone else's mail saying "Duyệt", in both bodies, as a leader would
// forward it.
const forwardedApproval = "From: Pho Truong Ban <ptb@kcn.example>\n" +
	"Subject: Re: [TH BM.02.01/KH 2026-11 v1] Xin y kien duyet\n" +
	"Content-Type: multipart/alternative; boundary=inner\n\n" +
	"--inner\nContent-Type: text/plain; charset=utf-8\n\nDuyệt\n" +
	"--inner\nContent-Type: text/html; charset=utf-8\n\n<div>Duyệt</div>\n--inner--\n"

// TestParse_ForwardedTextIsNotTheSenders: the text of a forwarded (attached) message never
// reaches Text or HTML, the bodies the reply reader takes as the sender's own words, however
// the message is attached; the sender's own text is kept as written.
func TestParse_ForwardedTextIsNotTheSenders(t *testing.T) {
	attached := func(header string, inner string) string {
		return "--outer\n" + header + "\n\n" + inner + "\n"
	}
	own := "--outer\nContent-Type: text/plain; charset=utf-8\n\nChuyển anh Tuấn xem\n"
	ownEmpty := "--outer\nContent-Type: multipart/alternative; boundary=alt\n\n" +
		"--alt\nContent-Type: text/plain; charset=utf-8\n\n\n--alt\nContent-Type: text/html; charset=utf-8\n\n<div><br></div>\n--alt--\n"
	b64 := base64.StdEncoding.EncodeToString([]byte(strings.ReplaceAll(forwardedApproval, "\n", "\r\n")))
	fwdOfFwd := "From: tb@kcn.example\nSubject: Fwd\nContent-Type: multipart/mixed; boundary=mid\n\n" +
		"--mid\nContent-Type: message/rfc822\n\n" + forwardedApproval + "\n--mid--\n"
	digest := "--outer\nContent-Type: multipart/digest; boundary=dig\n\n--dig\n\n" + forwardedApproval + "\n--dig--\n"
	tests := []struct {
		name, body, text, html string
	}{
		{"AttachmentOnly", attached("Content-Type: message/rfc822\nContent-Disposition: attachment; filename=\"duyet.eml\"", forwardedApproval), "", ""},
		{"WithOwnText", own + attached("Content-Type: message/rfc822\nContent-Disposition: attachment; filename=\"duyet.eml\"", forwardedApproval), "Chuyển anh Tuấn xem", ""},
		{"OwnBodiesEmpty", ownEmpty + attached("Content-Type: message/rfc822", forwardedApproval), "", "<div><br></div>"},
		{"InlineDisposition", attached("Content-Type: message/rfc822\nContent-Disposition: inline", forwardedApproval), "", ""},
		{"Base64", attached("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64", b64), "", ""},
		{"MessageGlobal", attached("Content-Type: message/global", forwardedApproval), "", ""},
		{"ForwardOfForward", attached("Content-Type: message/rfc822", fwdOfFwd), "", ""},
		{"DigestDefault", digest, "", ""},
		{"DigestHeaderless", "--outer\nContent-Type: multipart/digest; boundary=dig\n\n--dig\n\n\nDuyệt\n--dig--\n", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := buildMail(tc.body+"--outer--\n", "From: tb@kcn.example", "Subject: Fwd: duyet",
				"MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=outer")
			msg, err := Parse(raw, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if msg.Text != tc.text || msg.HTML != tc.html {
				t.Errorf("got text %q html %q, want %q and %q", msg.Text, msg.HTML, tc.text, tc.html)
			}
			if len(msg.Attachments) == 0 {
				t.Errorf("got no attachment, want the forwarded message")
			}
		})
	}
}
