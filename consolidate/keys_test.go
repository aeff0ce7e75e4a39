package consolidate

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestContentKeyFastPaths checks the shortcuts of contentKeys against the plain definition:
// NFC, then ToLower(ToUpper(r)) rune by rune, white space collapsed.
func TestContentKeyFastPaths(t *testing.T) {
	k := newContentKeys()
	for _, s := range []string{
		"Báo cáo quý", norm.NFD.String("Báo cáo quý"), "HOÀN THÀNH", "  Rà  soát\tHỒ SƠ ",
		"ĐẦU TƯ Ỹ ỵ", "Straße ǅ ǈ ſ", "Ωmega ΣΣ", "a\u0323\u0302", "\xff bad", "Ⅻ ⓐ",
		"\v\fA\u00a0B\u0085C\u2003D\r\n", "\ufffd\xed\xa0\x80 end", "Ǆ\U0001D400 ǆ",
	} {
		if got, want := k.key(s), plainKey(s); got != want {
			t.Errorf("key(%q) = %q, want %q", s, got, want)
		}
	}
	for r := range rune(foldTableSize) {
		if got, want := fold(r), unicode.ToLower(unicode.ToUpper(r)); got != want {
			t.Fatalf("fold(%U) = %U, want %U", r, got, want)
		}
	}
}

// plainKey is a content key by its definition: NFC, then ToLower(ToUpper(r)) rune by rune,
// white space collapsed.
func plainKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		b.WriteRune(unicode.ToLower(unicode.ToUpper(r)))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func FuzzContentKey(f *testing.F) {
	for _, s := range []string{"Báo cáo quý", "  Rà  soát\tHỒ SƠ ", "\xff bad", "a\u0323\u0302", "\u00a0x\u0085"} {
		f.Add(s)
	}
	k := newContentKeys()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := k.key(s), plainKey(s); got != want {
			t.Errorf("key(%q) = %q, want %q", s, got, want)
		}
	})
}
