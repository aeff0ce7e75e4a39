package office

import (
	"strings"
	"testing"

	"github.com/tonghop/tonghop/intake"
)

// A trusted server that writes another host name in its Received field than its authserv-id
// vouches for mail when mail_auth.received_hosts names that host: for the units' workbooks as
// for the replies that decide (the policy once left the names out, so every unit's mail
// through such a server was held as unverified).
func TestAuthFailure_ReceivedHosts(t *testing.T) {
	raw := []byte("Authentication-Results: mx.example.vn;\r\n" +
		"\tdkim=pass header.d=bqlkcn.gov.vn header.i=@bqlkcn.gov.vn header.s=mail header.b=AbCd\r\n" +
		"Received: from mail.bqlkcn.gov.vn (mail.bqlkcn.gov.vn [203.162.10.20])\r\n" +
		"\tby mx1.example.vn (Postfix) with ESMTPS id 4; Mon, 7 Dec 2026 08:12:03 +0700\r\n" +
		"From: Lãnh đạo <lanhdao@bqlkcn.gov.vn>\r\nTo: tonghop@example.vn\r\nSubject: Re: duyệt\r\n" +
		"Date: Mon, 7 Dec 2026 08:12:00 +0700\r\nMessage-ID: <a@bqlkcn.gov.vn>\r\n\r\nDuyệt\r\n")
	msg := &intake.Message{}
	msg.From.Addr = "lanhdao@bqlkcn.gov.vn"
	for _, tt := range []struct {
		name, keys string
		pass       bool
	}{
		{"alias named", "received_hosts = [\"mx1.example.vn\"]", true},
		{"alias not named", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := parse(t, strings.Replace(minimal, `trusted_servers = ["mx.example.vn"]`,
				"trusted_servers = [\"mx.example.vn\"]\n"+tt.keys, 1))
			if why := o.AuthFailure(raw, msg, nil); (why == "") != tt.pass {
				t.Errorf("AuthFailure = %q, want pass %v", why, tt.pass)
			}
			p, ok := o.MailAuthPolicy(nil)
			if !ok || len(p.ReceivedHosts) != strings.Count(tt.keys, "mx1") {
				t.Errorf("policy %+v: the received hosts are not those configured", p)
			}
		})
	}
}
