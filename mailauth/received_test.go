package mailauth

import (
	"strings"
	"testing"
)

// Header fields of the hop tests: the office's MX is mx.vpubnd.gov.vn.
const (
	lmtpHop = "Received: from mx.vpubnd.gov.vn\r\n\tby mx.vpubnd.gov.vn (Dovecot) with LMTP id 8Jd0LrElAGSOaAAA\r\n" +
		"\tfor <tonghop@vpubnd.gov.vn>; Mon, 06 Jan 2025 08:12:04 +0700"
	reinjectHop = "Received: from localhost (localhost [127.0.0.1])\r\n\tby mx.vpubnd.gov.vn (Postfix) with ESMTP id 77AA;\r\n" +
		"\tMon,  6 Jan 2025 08:12:04 +0700 (+07)"
	forgedHop = "Received: from x by mx.vpubnd.gov.vn (Postfix) with ESMTPS id 1; Mon, 6 Jan 2025 08:12:00 +0700"
	// heloHop is the MX's own field for a forger who said "HELO by": the HELO is one word.
	heloHop = "Received: from by (unknown [45.77.1.2])\r\n\tby mx.vpubnd.gov.vn (Postfix) with ESMTP id 2;\r\n" +
		"\tMon, 6 Jan 2025 08:12:03 +0700"
	// brokenHop is the MX's own field for a forger whose HELO opens a comment.
	brokenHop = "Received: from a(b (unknown [45.77.1.2])\r\n\tby mx.vpubnd.gov.vn (Postfix) with ESMTP id 3;\r\n" +
		"\tMon, 6 Jan 2025 08:12:03 +0700"
	mx1Hop = "Received: from mail.bqlkcn.gov.vn (mail.bqlkcn.gov.vn [203.162.10.20])\r\n" +
		"\tby mx1.vpubnd.gov.vn (Postfix) with ESMTPS id 4; Mon, 6 Jan 2025 08:12:03 +0700"
)

// TestCheck_Hop: only fields above the trusted server's own Received field vouch (RFC 8601
// section 5); forged fields below it, or with no such field at all, never do.
func TestCheck_Hop(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		policy   Policy
		wantPass bool
		want     []string
	}{
		{name: "AboveHop", raw: reply(forgedPostfix, receivedMX), policy: postfx, wantPass: true},
		{name: "ForgedBelowHop", raw: reply(receivedMX, forgedPostfix), policy: postfx, want: []string{"authres/none"}},
		{name: "ForgedBelowHopNextToRealNone", raw: reply(openDKIMNone, receivedMX, forgedPostfix), policy: postfx,
			want: []string{"alignment/none"}},
		{name: "ForgedWithForgedHopBelowRealHop", raw: reply(receivedMX, forgedPostfix, forgedHop), policy: postfx,
			want: []string{"authres/none"}},
		{name: "NoHopAtAll", raw: reply(forgedPostfix), policy: postfx, want: []string{"authres/none"}},
		{name: "OtherHostsHopOnly", raw: reply(forgedPostfix, receivedSender), policy: postfx, want: []string{"authres/none"}},
		// A mail that never passed the MX (no field of it on top) cannot be told from this
		// one: the office's mailbox must receive mail only through its MX.
		{name: "NeverPassedTheMX", raw: reply(forgedPostfix, forgedHop), policy: postfx, wantPass: true},
		{name: "BelowDeliveryHop", raw: reply(lmtpHop, openDKIMPass, receivedMX), policy: postfx, wantPass: true},
		{name: "ForgedBelowDeliveryAndHop", raw: reply(lmtpHop, receivedMX, forgedPostfix), policy: postfx,
			want: []string{"authres/none"}},
		{name: "BelowReinjection", raw: reply(reinjectHop, amavisPass, receivedMX),
			policy: Policy{TrustedServers: []string{"mx.vpubnd.gov.vn"}}, want: []string{"authres/none"}},
		{name: "HeloBy", raw: reply(heloHop, forgedPostfix, forgedHop), policy: postfx, want: []string{"authres/none"}},
		{name: "UnreadableHopStopsSearch", raw: reply(brokenHop, forgedPostfix, forgedHop), policy: postfx,
			want: []string{"authres/none"}},
		{name: "AboveUnreadableHop", raw: reply(openDKIMPass, brokenHop, forgedHop), policy: postfx, wantPass: true},
		{name: "ReceivedHostsAlias", raw: reply(openDKIMPass, mx1Hop),
			policy: Policy{TrustedServers: postfx.TrustedServers, ReceivedHosts: []string{"MX1.vpubnd.gov.vn"}}, wantPass: true},
		{name: "AliasNotConfigured", raw: reply(openDKIMPass, mx1Hop), policy: postfx, want: []string{"authres/none"}},
		{name: "FailureBelowHopStillRefuses", raw: reply(openDKIMPass, receivedMX,
			"Authentication-Results: mx.vpubnd.gov.vn; dmarc=fail header.from=bqlkcn.gov.vn"), policy: postfx,
			want: []string{"dmarc/fail"}},
		{name: "UnnamedNeedsNoHop", raw: reply(m365Pass), policy: m365, wantPass: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkVerdict(t, Check(tt.raw, leader, tt.policy), tt.wantPass, false, tt.want)
		})
	}
}

func TestParseReceived(t *testing.T) {
	tests := []struct {
		name     string
		value    string
		by       string
		delivery bool
		ok       bool
	}{
		{"Postfix", strings.TrimPrefix(receivedMX, "Received: "), "mx.vpubnd.gov.vn", false, true},
		{"Gmail", strings.TrimPrefix(receivedGoogle, "Received: "), "mx.google.com", false, true},
		{"LMTP", strings.TrimPrefix(lmtpHop, "Received: "), "mx.vpubnd.gov.vn", true, true},
		{"Local", "from userid 0 by mx.vpubnd.gov.vn with local; Mon, 6 Jan 2025", "", false, false},
		{"PostfixPickup", "by mx.vpubnd.gov.vn (Postfix, from userid 1000) id 4Y; Mon, 6 Jan 2025", "mx.vpubnd.gov.vn", false, true},
		{"ExchangeLocal", "from a.example (10.0.0.1) by B.Example. with local; date", "b.example", true, true},
		{"HeloBy", strings.TrimPrefix(heloHop, "Received: "), "mx.vpubnd.gov.vn", false, true},
		{"UnbalancedComment", strings.TrimPrefix(brokenHop, "Received: "), "", false, false},
		{"OddHost", "from a by b)c with ESMTP; date", "", false, false},
		{"NoBy", "from a.example (a [1.2.3.4]) with ESMTP; date", "", false, false},
		{"Empty", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := parseReceived(tt.value)
			if ok != tt.ok || r.by != tt.by || r.delivery != tt.delivery {
				t.Errorf("parseReceived(%q): got %+v %v, want by %q delivery %v ok %v", tt.value, r, ok, tt.by, tt.delivery, tt.ok)
			}
		})
	}
}

func FuzzParseReceived(f *testing.F) {
	for _, s := range []string{receivedMX, receivedGoogle, lmtpHop, heloHop, brokenHop, "by x", "from (a) by b with"} {
		f.Add(strings.TrimPrefix(s, "Received: "))
	}
	f.Fuzz(func(t *testing.T, value string) {
		r, ok := parseReceived(value)
		if !ok && (r.by != "" || r.delivery) {
			t.Fatalf("unreadable field with a result: %+v", r)
		}
		if ok && (r.by == "" || strings.ContainsAny(r.by, " \t\r\n();")) {
			t.Fatalf("got host %q from %q", r.by, value)
		}
	})
}
