package vnenc

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNFCStable backs the shortcut in candidate: every rune nfcStable accepts
// is NFC on its own and starts a new normalisation segment, so no rune
// before it can combine with it.
func TestNFCStable(t *testing.T) {
	for r := rune(0x80); r < 0x2200; r++ {
		if !nfcStable(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("U+%04X: NFC normal %v, boundary before %v, ccc %d; want true, true, 0",
				r, norm.NFC.IsNormalString(s), p.BoundaryBefore(), p.CCC())
		}
	}
}
