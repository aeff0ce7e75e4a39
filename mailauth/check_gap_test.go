package mailauth

import (
	"strings"
	"testing"
)

// TestCheck_TrustedServerOnly: only a field naming a trusted server exactly may vouch for a
// message: not one without an authserv-id that is not Microsoft's form, nor a server whose name
// merely contains the trusted one. A From field must hold one address. An SPF temperror beside
// an aligned DKIM pass does not hold a genuine reply back.
func TestCheck_TrustedServerOnly(t *testing.T) {
	results := "dkim=pass header.d=bqlkcn.gov.vn; spf=pass smtp.mailfrom=lanhdao@bqlkcn.gov.vn; dmarc=pass header.from=bqlkcn.gov.vn"
	twoFrom := strings.Replace(string(reply("Authentication-Results: mx.vpubnd.gov.vn; "+results, receivedMX)),
		"<lanhdao@bqlkcn.gov.vn>", "<lanhdao@bqlkcn.gov.vn>, <khac@bqlkcn.gov.vn>", 1)
	tests := []struct {
		name   string
		raw    []byte
		policy Policy
		pass   bool
	}{
		{"Genuine", reply("Authentication-Results: mx.vpubnd.gov.vn; "+results, receivedMX), postfx, true},
		{"EmptyAuthservID", reply("Authentication-Results: ; "+results, receivedMX), postfx, false},
		{"EmptyAuthservIDUnderM365", reply("Authentication-Results: ; "+results, receivedMX), m365, false},
		{"NameEndsLikeTrusted", reply("Authentication-Results: fakemx.vpubnd.gov.vn; "+results, receivedMX), postfx, false},
		{"SubdomainOfTrusted", reply("Authentication-Results: x.mx.vpubnd.gov.vn; "+results, receivedMX), postfx, false},
		{"NameStartsLikeTrusted", reply("Authentication-Results: mx.vpubnd.gov.vn.evil.example; "+results, receivedMX), postfx, false},
		{"TwoAddressesInFrom", []byte(twoFrom), postfx, false},
		{"SPFTemperrorBesideDKIMPass", reply("Authentication-Results: mx.vpubnd.gov.vn; dkim=pass header.d=bqlkcn.gov.vn; "+
			"spf=temperror smtp.mailfrom=lanhdao@bqlkcn.gov.vn", receivedMX), postfx, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := Check(tc.raw, leader, tc.policy)
			if v.Pass != tc.pass {
				t.Errorf("got pass %v (%+v), want %v", v.Pass, v.Failures, tc.pass)
			}
		})
	}
}
