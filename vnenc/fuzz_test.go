package vnenc_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/vnenc"
)

// FuzzFix checks what the workbook reader relies on for any cell text: no
// panic, valid UTF-8 in NFC, Detect agreeing with Fix, Unicode text coming
// back unchanged but for normalisation, and a fixed cell staying fixed,
// with Fix and with FixAs.
func FuzzFix(f *testing.F) {
	for _, cases := range [][]fixCase{tcvn3Cases, vniCases, genuineCases} {
		for _, tc := range cases {
			f.Add(tc.in)
		}
	}
	f.Add("a\u0092a \u0081\u0083 ¸\u00b3 aø öôù ÑÔ ñ")
	f.Add(strings.Repeat("B¸o ", 40))
	f.Add("Å\u212b K\u212a")

	f.Fuzz(func(t *testing.T, s string) {
		out, enc := vnenc.Fix(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Fix(%q) = %q: invalid UTF-8", s, out)
		}
		if !norm.NFC.IsNormalString(out) {
			t.Fatalf("Fix(%q) = %q: not NFC", s, out)
		}
		if d := vnenc.Detect(s); d != enc {
			t.Fatalf("Detect(%q) = %v, but Fix says %v", s, d, enc)
		}
		if valid := strings.ToValidUTF8(s, "\uFFFD"); enc == vnenc.Unicode && out != norm.NFC.String(valid) {
			t.Fatalf("Fix(%q) = %q, Unicode; want the input in NFC", s, out)
		}
		if again, enc2 := vnenc.Fix(out); enc2 != vnenc.Unicode || again != out {
			t.Fatalf("Fix(%q) = %q, %v; Fix of that = %q, %v; want it unchanged, Unicode", s, out, enc, again, enc2)
		}
		for _, e := range []vnenc.Encoding{vnenc.TCVN3, vnenc.VNI} {
			if d := vnenc.Decode(s, e); !utf8.ValidString(d) || !norm.NFC.IsNormalString(d) {
				t.Fatalf("Decode(%q, %v) = %q: not valid NFC UTF-8", s, e, d)
			}
			out, got := vnenc.FixAs(s, e)
			if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
				t.Fatalf("FixAs(%q, %v) = %q: not valid NFC UTF-8", s, e, out)
			}
			if again, got2 := vnenc.FixAs(out, e); got != vnenc.Unicode && (got2 != vnenc.Unicode || again != out) {
				t.Fatalf("FixAs(%q, %v) = %q, %v; FixAs of that = %q, %v; want it unchanged, Unicode", s, e, out, got, again, got2)
			}
		}
	})
}
