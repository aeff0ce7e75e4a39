package ledger

import (
	"context"
	"testing"
	"time"
)

// CountMailTo's LIKE prefilter (recipientPattern) must never drop a row the exact comparison
// counts: local parts holding LIKE's wildcards, its escape, '&' (which JSON escapes) and other
// atext, in any ASCII case, and an address with spaces around it.
func TestCountMailTo_Pattern(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	base := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	recipients := []string{
		"A_B@kcn.vn", "a%b@kcn.vn", "axb@kcn.vn", "T&M@kcn.vn", "o'hara+x@kcn.vn", " Pad@kcn.vn ",
		"{x}=y?@kcn.vn", "dup@kcn.vn", "DUP@KCN.VN",
	}
	for i, to := range recipients {
		m := OutMail{Key: "k" + to, Kind: "receipt", To: []string{to}, Subject: "s", CreatedAt: base.Add(time.Duration(i) * time.Minute)}
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatalf("enqueue %q: %v", to, err)
		}
	}
	for addr, want := range map[string]int{
		"a_b@kcn.vn": 1, "a%b@kcn.vn": 1, "aXb@kcn.vn": 1, "t&m@kcn.vn": 1, "O'Hara+X@kcn.vn": 1,
		"pad@kcn.vn": 1, "{X}=Y?@kcn.vn": 1, "dup@kcn.vn": 2, "b@kcn.vn": 0, "a@kcn.vn": 0,
	} {
		if got, err := l.CountMailTo(ctx, addr, base, "receipt"); err != nil || got != want {
			t.Errorf("CountMailTo(%q) = %d, %v; want %d", addr, got, err, want)
		}
	}
	for key, want := range map[string]string{"a_b@kcn.vn": `%a\_b@%`, `a%b@x.vn`: `%a\%b@%`} {
		if got, ok := recipientPattern(key); !ok || got != want {
			t.Errorf("recipientPattern(%q) = %q, %v; want %q", key, got, ok, want)
		}
	}
	for _, key := range []string{"t&m@kcn.vn", "not an address", "x@\u212Acn.vn"} {
		if got, ok := recipientPattern(key); ok {
			t.Errorf("recipientPattern(%q) = %q; want none", key, got)
		}
	}
}
