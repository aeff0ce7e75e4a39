package reply

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// referenceFold is the definition fold implements: lower case, canonical
// decomposition, marks removed, đ as d.
func referenceFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'ð':
			r = 'd'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestFold(t *testing.T) {
	// Latin letters, with and without marks, as precomposed and as NFD.
	for r := rune(0); r < 0x1F00; r++ {
		if r >= 0x250 && r < 0x1E00 {
			continue
		}
		s := string(r) + nfd(string(r))
		if got, want := fold(s), referenceFold(s); got != want {
			t.Errorf("fold(%q U+%04X): got %q, want %q", s, r, got, want)
		}
	}
	for _, s := range []string{"DUYỆT", "Đồng Ý", nfd("Không đồng ý"), "Ðồng ý", "duyet"} {
		if got, want := fold(s), referenceFold(s); got != want {
			t.Errorf("fold(%q): got %q, want %q", s, got, want)
		}
	}
}
