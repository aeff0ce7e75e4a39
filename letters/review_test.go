package letters

import "testing"

func TestParseReviewToken(t *testing.T) {
	tests := []struct {
		name, subject string
		id            int64
		mac           string
		ok            bool
	}{
		{"Signed", "Re: Xin ý kiến: Chương trình tuần 48 [YK 42 k3F9A1C0E]", 42, "3f9a1c0e", true},
		{"Unsigned", "Re: [YK 7]", 7, "", true},
		{"LastWins", "Re: [YK 7] Fwd: [YK 8 k00000000]", 8, "00000000", true},
		{"Zero", "[YK 0]", 0, "", false},
		{"ApprovalToken", "[TH BM.02.01/KH 2026-11 v2]", 0, "", false},
		{"ShortMAC", "[YK 9 k123]", 0, "", false},
		{"None", "Báo cáo tuần", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, mac, ok := ParseReviewToken(tt.subject)
			if id != tt.id || mac != tt.mac || ok != tt.ok {
				t.Errorf("got %d %q %v, want %d %q %v", id, mac, ok, tt.id, tt.mac, tt.ok)
			}
		})
	}
}

func FuzzParseReviewToken(f *testing.F) {
	f.Add("Re: [YK 42 k3f9a1c0e]")
	f.Add("[YK 99999999999999999999]")
	f.Fuzz(func(t *testing.T, subject string) {
		id, mac, ok := ParseReviewToken(subject)
		if !ok {
			return
		}
		if id < 1 {
			t.Fatalf("id %d read from %q", id, subject)
		}
		// What is read writes back to a token read the same.
		id2, mac2, ok2 := ParseReviewToken(ReviewToken(id, mac))
		if !ok2 || id2 != id || mac2 != mac {
			t.Fatalf("round trip of %d %q: got %d %q %v", id, mac, id2, mac2, ok2)
		}
	})
}
