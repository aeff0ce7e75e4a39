package letters

import (
	"strings"
	"testing"
)

func TestSignedApprovalToken(t *testing.T) {
	tests := []struct {
		name, subject string
		code, period  string
		version       int
		mac           string
		ok            bool
	}{
		{"Signed", SignedApprovalToken("BM.02.01/KH", "2026-11", 2, "3f9a1c0e") + " Xin ý kiến duyệt", "BM.02.01/KH", "2026-11", 2, "3f9a1c0e", true},
		{"Unsigned", ApprovalToken("BM.02.01/KH", "2026-11", 2), "BM.02.01/KH", "2026-11", 2, "", true},
		{"NoMACGivesPlain", SignedApprovalToken("KT-XH", "2026", 1, ""), "KT-XH", "2026", 1, "", true},
		{"UpperCase", "Re: [TH BM.02.01/KH 2026-11 V2 K3F9A1C0E]", "BM.02.01/KH", "2026-11", 2, "3f9a1c0e", true},
		{"LastWins", "Re: [TH A 2026-10 v1 k00000000] [TH B 2026-11 v3]", "B", "2026-11", 3, "", true},
		{"ShortMAC", "[TH BM 2026-11 v1 k3f9a]", "", "", 0, "", false},
		{"LongMAC", "[TH BM 2026-11 v1 k3f9a1c0e1]", "", "", 0, "", false},
		{"NotHex", "[TH BM 2026-11 v1 kzzzzzzzz]", "", "", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, p, v, mac, ok := ParseSignedApprovalToken(tt.subject)
			if code != tt.code || p != tt.period || v != tt.version || mac != tt.mac || ok != tt.ok {
				t.Errorf("ParseSignedApprovalToken(%q) = %q %q %d %q %v; want %q %q %d %q %v",
					tt.subject, code, p, v, mac, ok, tt.code, tt.period, tt.version, tt.mac, tt.ok)
			}
		})
	}
}

func FuzzParseSignedApprovalToken(f *testing.F) {
	f.Add("Re: [TH BM.02.01/KH 2026-11 v2 k3f9a1c0e] Xin ý kiến")
	f.Add("[TH x 2026-W01 v9 kAAAAAAAA]")
	f.Fuzz(func(t *testing.T, subject string) {
		code, p, v, mac, ok := ParseSignedApprovalToken(subject)
		if !ok {
			return
		}
		if v < 1 || code == "" || p == "" || (mac != "" && len(mac) != 8) || mac != strings.ToLower(mac) {
			t.Fatalf("ok with %q %q %d %q", code, p, v, mac)
		}
		c2, p2, v2, mac2, ok2 := ParseSignedApprovalToken(SignedApprovalToken(code, p, v, mac))
		if !ok2 || c2 != code || p2 != p || v2 != v || mac2 != mac {
			t.Fatalf("token of %q %q %d %q does not read back", code, p, v, mac)
		}
	})
}

// TestLetters_SignedToken: a request to a person carries the MAC in its subject; the warning
// of unauthenticated approvals is in the issue letter exactly when asked for.
func TestLetters_SignedToken(t *testing.T) {
	d := sampleDraft()
	d.MAC = "0badcafe"
	if l := ApprovalRequestLetter(d, Person{Name: "An"}, nil, 0); !strings.Contains(l.Subject, " k0badcafe]") {
		t.Errorf("request subject %q has no MAC", l.Subject)
	}
	for _, unauth := range []bool{false, true} {
		d.Unauthenticated = unauth
		l := IssueLetter(d, nil)
		if got := strings.Contains(l.Body, UnauthenticatedApprovals); got != unauth {
			t.Errorf("Unauthenticated=%v: warning in the issue letter %v, want %v", unauth, got, unauth)
		}
	}
}
