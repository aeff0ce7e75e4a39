package vnenc

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// StripMarks removes Vietnamese diacritics, as text typed without a Vietnamese keyboard reads:
// "Hoàn thành" becomes "Hoan thanh", "Đang" becomes "Dang". Matching such text against the
// proper words is the caller's business; this only folds.
func StripMarks(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		case r == 'Đ':
			b.WriteRune('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
