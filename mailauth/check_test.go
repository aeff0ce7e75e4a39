package mailauth

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

const leader = "lanhdao@bqlkcn.gov.vn"

// Received fields as the office's MX writes them below its Authentication-Results.
const (
	receivedMX = "Received: from mail.bqlkcn.gov.vn (mail.bqlkcn.gov.vn [203.162.10.20])\r\n" +
		"\tby mx.vpubnd.gov.vn (Postfix) with ESMTPS id 4Yb2xQ1Lz9z1;\r\n\tMon,  6 Jan 2025 08:12:03 +0700 (+07)"
	// receivedGoogle and receivedZimbra are the Received fields of the other trusted servers
	// below. (Gmail really writes its field below its Received field, where it proves nothing:
	// see GmailRealOrder; the tests of Gmail's field format put it above.)
	receivedGoogle = "Received: from mail.bqlkcn.gov.vn (mail.bqlkcn.gov.vn. [203.162.10.20])\r\n" +
		"        by mx.google.com with ESMTPS id k184si6630505ywf.180.2025.01.05.17.12.03;\r\n        Sun, 05 Jan 2025 17:12:03 -0800 (PST)"
	receivedZimbra = "Received: from mail.bqlkcn.gov.vn (mail.bqlkcn.gov.vn [203.162.10.20])\r\n" +
		"\tby mail.vpubnd.gov.vn (Postfix) with ESMTPS id 9F2A11C0;\r\n\tMon,  6 Jan 2025 08:12:03 +0700 (+07)"
	receivedSender = "Received: from [10.0.0.12] (unknown [10.0.0.12])\r\n" +
		"\tby mail.bqlkcn.gov.vn (Postfix) with ESMTPSA id 1A2B3C;\r\n\tMon,  6 Jan 2025 08:12:01 +0700 (+07)"
)

// replyTail is the leader's reply as the sender wrote it.
const replyTail = "From: =?UTF-8?B?TMOjbmggxJHhuqFv?= <lanhdao@bqlkcn.gov.vn>\r\n" +
	"To: tonghop@vpubnd.gov.vn\r\n" +
	"Subject: =?UTF-8?B?UmU6IELDoW8gY8OhbyB0aMOhbmcgMTIvMjAyNA==?=\r\n" +
	"Date: Mon, 6 Jan 2025 08:12:00 +0700\r\n" +
	"Message-ID: <a1b2c3@bqlkcn.gov.vn>\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=UTF-8\r\n" +
	"Content-Transfer-Encoding: 8bit\r\n" +
	"\r\n" +
	"Duyệt.\r\n"

// reply builds a received message: fields (top first), then the sender's header and body.
func reply(fields ...string) []byte {
	var b strings.Builder
	for _, f := range fields {
		b.WriteString(f + "\r\n")
	}
	b.WriteString(replyTail)
	return []byte(b.String())
}

var (
	gmail  = Policy{TrustedServers: []string{"mx.google.com"}}
	m365   = Policy{TrustUnnamed: true}
	postfx = Policy{TrustedServers: []string{"mx.vpubnd.gov.vn"}}
	zimbra = Policy{TrustedServers: []string{"mail.vpubnd.gov.vn"}}
)

const (
	gmailPass = "Authentication-Results: mx.google.com;\r\n" +
		"       dkim=pass header.i=@bqlkcn.gov.vn header.s=mail header.b=Qm9nd3Vz;\r\n" +
		"       spf=pass (google.com: domain of lanhdao@bqlkcn.gov.vn designates 203.162.10.20 as permitted sender) smtp.mailfrom=lanhdao@bqlkcn.gov.vn;\r\n" +
		"       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=bqlkcn.gov.vn"
	gmailSpoof = "Authentication-Results: mx.google.com;\r\n" +
		"       spf=fail (google.com: domain of lanhdao@bqlkcn.gov.vn does not designate 45.77.1.2 as permitted sender) smtp.mailfrom=lanhdao@bqlkcn.gov.vn;\r\n" +
		"       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=bqlkcn.gov.vn"
	gmailSoftfail = "Authentication-Results: mx.google.com;\r\n" +
		"       spf=softfail (google.com: domain of transitioning lanhdao@bqlkcn.gov.vn does not designate 45.77.1.2 as permitted sender) smtp.mailfrom=lanhdao@bqlkcn.gov.vn"
	m365Pass = "Authentication-Results: spf=pass (sender IP is 203.162.10.20)\r\n" +
		" smtp.mailfrom=bqlkcn.gov.vn; dkim=pass (signature was verified)\r\n" +
		" header.d=bqlkcn.gov.vn;dmarc=pass action=none\r\n" +
		" header.from=bqlkcn.gov.vn;compauth=pass reason=100"
	m365Spoof = "Authentication-Results: spf=fail (sender IP is 45.77.1.2)\r\n" +
		" smtp.mailfrom=bqlkcn.gov.vn; dkim=none (message not signed)\r\n" +
		" header.d=none;dmarc=fail action=quarantine\r\n" +
		" header.from=bqlkcn.gov.vn;compauth=fail reason=000"
	m365Implicit = "Authentication-Results: spf=softfail (sender IP is 45.77.1.2)\r\n" +
		" smtp.mailfrom=bqlkcn.gov.vn; dkim=none (message not signed)\r\n" +
		" header.d=none;dmarc=none action=none\r\n" +
		" header.from=bqlkcn.gov.vn;compauth=fail reason=601"
	m365None = "Authentication-Results: spf=none (sender IP is 45.77.1.2)\r\n" +
		" smtp.mailfrom=bqlkcn.gov.vn; dkim=none (message not signed)\r\n" +
		" header.d=none;dmarc=none action=none\r\n" +
		" header.from=bqlkcn.gov.vn;compauth=softpass reason=202"
	openDKIMPass = "Authentication-Results: mx.vpubnd.gov.vn;\r\n" +
		"\tdkim=pass (2048-bit key; unprotected) header.d=bqlkcn.gov.vn header.i=@bqlkcn.gov.vn\r\n" +
		"\theader.a=rsa-sha256 header.s=mail header.b=AbCdEfGh;\r\n\tdkim-atps=neutral"
	openDKIMFail = "Authentication-Results: mx.vpubnd.gov.vn;\r\n" +
		"\tdkim=fail reason=\"signature verification failed\" (2048-bit key; unprotected)\r\n" +
		"\theader.d=bqlkcn.gov.vn header.i=@bqlkcn.gov.vn header.a=rsa-sha256 header.s=mail header.b=AbCdEfGh"
	openDKIMNone   = "Authentication-Results: mx.vpubnd.gov.vn; dkim=none"
	openDMARCPass  = "Authentication-Results: mx.vpubnd.gov.vn; dmarc=pass (p=none dis=none) header.from=bqlkcn.gov.vn"
	openDMARCTemp  = "Authentication-Results: mx.vpubnd.gov.vn; dmarc=temperror header.from=bqlkcn.gov.vn"
	spfPolicyd     = "Authentication-Results: mx.vpubnd.gov.vn; spf=pass smtp.mailfrom=bqlkcn.gov.vn"
	amavisPass     = "Authentication-Results: mail.vpubnd.gov.vn (amavisd-new);\r\n\tdkim=pass (2048-bit key) reason=\"pass (just generated, assumed good)\"\r\n\theader.d=bqlkcn.gov.vn"
	amavisNeutral  = "Authentication-Results: mail.vpubnd.gov.vn (amavisd-new);\r\n\tdkim=neutral reason=\"invalid (public key: not available)\"\r\n\theader.d=bqlkcn.gov.vn"
	forgedGmail    = "Authentication-Results: mx.google.com; dkim=pass header.i=@bqlkcn.gov.vn; dmarc=pass header.from=bqlkcn.gov.vn"
	forgedPostfix  = "Authentication-Results: mx.vpubnd.gov.vn; dkim=pass header.d=bqlkcn.gov.vn; dmarc=pass header.from=bqlkcn.gov.vn"
	forgedUnnamed  = "Authentication-Results: dkim=pass (signature was verified) header.d=bqlkcn.gov.vn;dmarc=pass action=none header.from=bqlkcn.gov.vn;compauth=pass reason=100"
	gatewaySPFFail = "Authentication-Results: gw.vpubnd.gov.vn; spf=fail smtp.mailfrom=lanhdao@bqlkcn.gov.vn"
)

func TestCheck_AuthenticationResults(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		from     string
		policy   Policy
		wantPass bool
		wantTemp bool
		want     []string // "method/result" of the failures, in order
	}{
		{name: "GmailPass", raw: reply(gmailPass, receivedGoogle), policy: gmail, wantPass: true},
		{name: "GmailPassCaseInsensitiveID", raw: reply(gmailPass, receivedGoogle),
			policy: Policy{TrustedServers: []string{"MX.Google.COM"}}, wantPass: true},
		{name: "GmailVersion", raw: reply("Authentication-Results: mx.google.com 1; dkim=pass header.i=@bqlkcn.gov.vn", receivedGoogle),
			policy: gmail, wantPass: true},
		{name: "GmailSpoof", raw: reply(gmailSpoof, receivedGoogle), policy: gmail,
			want: []string{"spf/fail", "dmarc/fail"}},
		{name: "GmailSoftfailProvesNothing", raw: reply(gmailSoftfail, receivedGoogle), policy: gmail,
			want: []string{"alignment/none"}},
		{name: "GmailSoftfailAcceptUnproven", raw: reply(gmailSoftfail, receivedGoogle),
			policy: Policy{TrustedServers: gmail.TrustedServers, AcceptUnproven: true}, wantPass: true},
		{name: "GmailOtherDomainOnly", raw: reply("Authentication-Results: mx.google.com;\r\n"+
			" dkim=pass header.i=@sendgrid.net; spf=pass smtp.mailfrom=bounces@sendgrid.net;\r\n"+
			" dmarc=pass header.from=sendgrid.net", receivedGoogle), policy: gmail, want: []string{"alignment/none"}},
		{name: "GmailBrokenListSignatureNextToGoodOne", raw: reply("Authentication-Results: mx.google.com;\r\n"+
			" dkim=fail (body hash did not verify) header.i=@bqlkcn.gov.vn header.s=list;\r\n"+
			" dkim=pass header.i=@bqlkcn.gov.vn header.s=mail", receivedGoogle), policy: gmail, wantPass: true},
		{name: "GmailDKIMFailDespiteSPFPass", raw: reply("Authentication-Results: mx.google.com;\r\n"+
			" dkim=fail (body hash did not verify) header.i=@bqlkcn.gov.vn;\r\n"+
			" spf=pass smtp.mailfrom=lanhdao@bqlkcn.gov.vn", receivedGoogle), policy: gmail, want: []string{"dkim/fail"}},
		{name: "GmailDKIMNeutral", raw: reply("Authentication-Results: mx.google.com;\r\n"+
			" dkim=neutral (body hash did not verify) header.i=@bqlkcn.gov.vn header.s=mail header.b=Qm9n", receivedGoogle),
			policy: gmail, want: []string{"dkim/neutral"}},
		{name: "GmailDMARCPassForOtherFrom", raw: reply("Authentication-Results: mx.google.com; dmarc=pass header.from=example.com", receivedGoogle),
			policy: gmail, want: []string{"alignment/none"}},
		{name: "M365Pass", raw: reply(m365Pass, receivedMX), policy: m365, wantPass: true},
		{name: "M365Spoof", raw: reply(m365Spoof, receivedMX), policy: m365,
			want: []string{"spf/fail", "dmarc/fail", "compauth/fail"}},
		{name: "M365ImplicitFail", raw: reply(m365Implicit, receivedMX), policy: m365,
			want: []string{"compauth/fail"}},
		{name: "M365ForgedBelowReal", raw: reply(m365None, receivedMX, forgedUnnamed), policy: m365,
			want: []string{"alignment/none"}},
		{name: "M365NotTrusted", raw: reply(m365Pass, receivedMX), policy: gmail,
			want: []string{"authres/none"}},
		{name: "OpenDKIMAndOpenDMARC", raw: reply(openDMARCPass, openDKIMPass, receivedMX), policy: postfx,
			wantPass: true},
		{name: "OpenDKIMFail", raw: reply(openDKIMFail, spfPolicyd, receivedMX), policy: postfx,
			want: []string{"dkim/fail"}},
		{name: "OpenDMARCTemperror", raw: reply(openDMARCTemp, openDKIMPass, receivedMX), policy: postfx,
			wantTemp: true, want: []string{"dmarc/temperror"}},
		{name: "OpenDKIMTemperror", raw: reply("Authentication-Results: mx.vpubnd.gov.vn; dkim=temperror header.d=bqlkcn.gov.vn",
			spfPolicyd, receivedMX), policy: postfx, wantTemp: true, want: []string{"dkim/temperror"}},
		{name: "TemperrorAndFail", raw: reply(openDMARCTemp, openDKIMFail, receivedMX), policy: postfx,
			want: []string{"dmarc/temperror", "dkim/fail"}},
		{name: "SPFPassAligned", raw: reply(spfPolicyd, receivedMX), policy: postfx, wantPass: true},
		{name: "ZimbraAmavisPass", raw: reply(amavisPass, receivedZimbra), policy: zimbra, wantPass: true},
		{name: "ZimbraAmavisNeutral", raw: reply(amavisNeutral, receivedZimbra), policy: zimbra,
			want: []string{"dkim/neutral"}},
		{name: "ForgedUntrustedID", raw: reply(receivedMX, forgedGmail), policy: postfx,
			want: []string{"authres/none"}},
		{name: "ForgedTrustedIDBelowReceived", raw: reply(openDKIMNone, receivedMX, receivedSender, forgedPostfix),
			policy: postfx, want: []string{"alignment/none"}},
		{name: "TrustedFailureBelowReceivedCounts", raw: reply(openDKIMPass, receivedMX,
			"Authentication-Results: mx.vpubnd.gov.vn; dmarc=fail header.from=bqlkcn.gov.vn"),
			policy: postfx, want: []string{"dmarc/fail"}},
		{name: "UnreadableBelowReceivedIgnored", raw: reply(openDKIMPass, receivedMX,
			"Authentication-Results: mx.vpubnd.gov.vn; dkim=pass (broken"),
			policy: postfx, wantPass: true},
		{name: "TwoTrustedServers", raw: reply(openDKIMPass, receivedMX, gatewaySPFFail,
			"Received: from mail.bqlkcn.gov.vn by gw.vpubnd.gov.vn; Mon, 6 Jan 2025 08:12:02 +0700"),
			policy: Policy{TrustedServers: []string{"mx.vpubnd.gov.vn", "gw.vpubnd.gov.vn"}},
			want:   []string{"spf/fail"}},
		{name: "TrustedUnbalancedComment", raw: reply("Authentication-Results: mx.google.com; dkim=pass (unclosed header.i=@bqlkcn.gov.vn", receivedGoogle),
			policy: gmail, wantTemp: true, want: []string{"authres/temperror"}},
		{name: "TrustedMalformedResult", raw: reply("Authentication-Results: mx.google.com; dkim; spf=pass", receivedGoogle),
			policy: gmail, wantTemp: true, want: []string{"authres/temperror"}},
		{name: "UntrustedMalformedIgnored", raw: reply(gmailPass, "Authentication-Results: evil.example; dkim; (((", receivedGoogle),
			policy: gmail, wantPass: true},
		{name: "FromParameterDiffers", raw: reply(gmailPass, receivedGoogle), from: "khac@bqlkcn.gov.vn", policy: gmail,
			want: []string{"from/fail"}},
		{name: "FromParameterWithName", raw: reply(gmailPass, receivedGoogle), from: "Lãnh đạo <LanhDao@bqlkcn.gov.vn>",
			policy: gmail, wantPass: true},
		{name: "TwoFromFields", raw: reply(gmailPass, "From: lanhdao@bqlkcn.gov.vn", receivedGoogle), policy: gmail,
			want: []string{"from/permerror"}},
		{name: "NothingConfigured", raw: reply(gmailSpoof), policy: Policy{}, wantPass: true},
		{name: "UnreadableHeader", raw: reply("this line has no colon"), policy: Policy{},
			want: []string{"message/permerror"}},
		{name: "EmptyMessage", raw: nil, policy: Policy{}, want: []string{"from/permerror"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := tt.from
			if from == "" {
				from = leader
			}
			v := Check(tt.raw, from, tt.policy)
			checkVerdict(t, v, tt.wantPass, tt.wantTemp, tt.want)
		})
	}
}

// checkVerdict compares a verdict with the expectations and its own invariants.
func checkVerdict(t *testing.T, v Verdict, wantPass, wantTemp bool, want []string) {
	t.Helper()
	var got []string
	for _, f := range v.Failures {
		got = append(got, f.Method+"/"+f.Result)
	}
	if v.Pass != wantPass || v.Temporary != wantTemp || !slices.Equal(got, want) {
		t.Fatalf("got Pass=%v Temporary=%v failures %v (%+v), want Pass=%v Temporary=%v failures %v",
			v.Pass, v.Temporary, got, v.Failures, wantPass, wantTemp, want)
	}
	if v.Pass != (v.Reason == "") {
		t.Errorf("got Pass=%v with Reason %q, want a reason exactly when refused", v.Pass, v.Reason)
	}
	if v.Reason != "" && !norm.NFC.IsNormalString(v.Reason) {
		t.Errorf("got Reason %q, want NFC", v.Reason)
	}
}

func TestAligned(t *testing.T) {
	tests := []struct {
		name    string
		d, from string
		want    bool
	}{
		{"Equal", "bqlkcn.gov.vn", "bqlkcn.gov.vn", true},
		{"EqualCase", "BQLKCN.gov.vn.", "bqlkcn.GOV.vn", true},
		{"Parent", "bqlkcn.gov.vn", "vp.bqlkcn.gov.vn", true},
		{"Child", "vp.bqlkcn.gov.vn", "bqlkcn.gov.vn", false},
		{"Sibling", "ktkh.bqlkcn.gov.vn", "vp.bqlkcn.gov.vn", false},
		{"PublicSuffix", "gov.vn", "bqlkcn.gov.vn", false},
		{"TLD", "vn", "bqlkcn.gov.vn", false},
		{"SuffixNotLabel", "cn.gov.vn", "bqlkcn.gov.vn", false},
		{"Empty", "", "bqlkcn.gov.vn", false},
		{"IDN", "xn--tnh-dlz.vn", "tỉnh.vn", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Aligned(tt.d, tt.from); got != tt.want {
				t.Errorf("Aligned(%q, %q): got %v, want %v", tt.d, tt.from, got, tt.want)
			}
		})
	}
}

func TestAuthservID(t *testing.T) {
	tests := []struct {
		name, field, want string
	}{
		{"Gmail", "mx.google.com;\r\n dkim=pass header.i=@gmail.com", "mx.google.com"},
		{"Version", "mx.google.com 1; dkim=pass", "mx.google.com"},
		{"Amavis", "mail.vpubnd.gov.vn (amavisd-new); dkim=pass", "mail.vpubnd.gov.vn"},
		{"NoResults", "mx.vpubnd.gov.vn; none", "mx.vpubnd.gov.vn"},
		{"Microsoft", "spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=a.vn; dkim=none", ""},
		{"BadVersion", "mx.google.com 2; dkim=pass", ""},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AuthservID(tt.field); got != tt.want {
				t.Errorf("AuthservID(%q): got %q, want %q", tt.field, got, tt.want)
			}
		})
	}
}

func TestStripComments(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        bool
	}{
		{"Semicolon", "dkim=pass (2048-bit key; unprotected) header.d=a.vn", "dkim=pass   header.d=a.vn", false},
		{"Nested", "a (b (c) d) e", "a   e", false},
		{"Quoted", `reason="pass (just generated)" x`, `reason="pass (just generated)" x`, false},
		{"EscapedParen", `a (b \) c) d`, "a   d", false},
		{"Unclosed", "a (b", "a  ", true},
		{"UnclosedQuote", `a "b`, `a "b`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stripComments(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("stripComments(%q): got %q, %v, want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestCheck_Reason(t *testing.T) {
	tests := []struct {
		name   string
		raw    []byte
		policy Policy
		want   []string // substrings of the reason
	}{
		{"Spoof", reply(gmailSpoof), gmail, []string{"lanhdao@bqlkcn.gov.vn", "máy chủ thư mx.google.com",
			"tên miền người gửi không cho phép", "không đạt chính sách xác thực của tên miền người gửi", "Cần hỏi lại trực tiếp người gửi"}},
		{"Temporary", reply(openDMARCTemp, openDKIMPass), postfx, []string{"chưa kiểm tra xong",
			"Có thể kiểm tra lại sau"}},
		{"NotThroughMX", reply(forgedGmail), postfx, []string{"không đi qua máy chủ thư của cơ quan"}},
		{"Microsoft", reply(m365Spoof), m365, []string{"máy chủ thư của cơ quan đánh giá thư là giả mạo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.raw, leader, tt.policy).Reason
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got reason %q, want it to contain %q", got, w)
				}
			}
		})
	}
}
