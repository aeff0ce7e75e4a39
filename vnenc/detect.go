package vnenc

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The detection rule. A cell is read as legacy text only when all of this holds:
//
//  1. Every rune is ASCII or a Windows-1252/Latin-1 character (checked on the
//     NFC form) and one at least lies in U+00A1–U+00FF. Any other rune — a
//     real Vietnamese letter such as ộ, ư, đ — means Unicode. So does a string
//     whose bytes form valid multi-byte UTF-8: that is UTF-8 read as
//     Windows-1252 ("chÆ°Æ¡ng" for "chương"), not legacy text.
//  2. Decoded under the encoding, the words that changed ("touched" words)
//     are valid Vietnamese syllables (syllable.go): at most one in ten may
//     fail, none when there are fewer than ten. Words without vowels
//     ("§VT" = ĐVT) are neutral. ASCII words that are not syllables either
//     ("Report", "niveau") must be fewer than the valid touched words, so a
//     foreign sentence with a few accented words stays foreign.
//  3. Evidence reaches 3 points for TCVN3, with one strong mark at least,
//     and 2 points for VNI. Each distinct touched
//     word scores its strongest mark, and only if it is not already a
//     plausible Unicode Vietnamese word as it stands ("Tên", "Hà", "Hoàng" fit
//     in Latin-1 and must stay). A weak mark, 1 point, is a character Latin-1
//     words also have (TCVN3 é ò ñ …; VNI aù oä eá oï, the standalone ô ö ñ).
//     A strong mark, 3 points, is something Latin-1 text does not do: in
//     TCVN3 a symbol code between letters ("c¸c", "nh©n"), opening a longer
//     word ("®Þnh") or, for µ ¸ ¶ ·, closing one ("vµ", "x·"), a Latin-1
//     capital right after a lowercase letter ("kÕt", "ViÖt"), and a Latin-1
//     lowercase letter between capitals ("NéI", "CHøC"); in VNI a
//     diacritic never seen after a vowel in Western spelling (ø û õ â ê ã å
//     è), in the case of its base letter, or a tone after ơ/ư ("öø").
//  4. If both encodings qualify, the one with more evidence wins; a tie is
//     undecidable and reads as Unicode. Finally the decoded text must not
//     itself look like legacy text, which keeps Fix idempotent.
//
// So TCVN3 needs a strong mark ("B¸O", "Hµ"), VNI a strong mark ("Haø") or
// weak ones in two different words ("Caùc ñôn"), and "Café", "Müller", "Où", "naïve", "på", "Seán", "poäng",
// "(€m)", "µm", "Mª", "m²" never get there. VNI may do with weak marks
// because they are vowel pairs that rarely decode into valid syllables by
// chance, while TCVN3's are single letters: Norwegian "Nå må vi gå på do"
// decodes into valid syllables throughout. The thresholds were tuned on 2.7 million
// strings — the lines and words of the gettext catalogs of 25 Latin-script
// languages, Latin-1-only Vietnamese words, Vietnamese UTF-8 mojibake — with
// one false positive left (the printf format "%s·%s"); recall on Vietnamese
// lines was 97% (TCVN3) and 93% (VNI), lower for one-word cells (see FixAs).
const (
	minEvidenceTCVN3 = 3
	minEvidenceVNI   = 2
)

// candidate returns the NFC form of s and whether it may be legacy text
// (rule 1). It never allocates unless s is not NFC. Plain ASCII costs one
// byte scan, other text one rune scan, plus an NFC check only when s holds
// runes outside the ranges nfcStable vouches for.
func candidate(s string) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s, false
	}
	legacy, high, stable := scan(s[i:])
	if legacy {
		return s, high // Windows-1252 text is always NFC
	}
	if stable || norm.NFC.QuickSpanString(s) == len(s) { // IsNormalString would allocate
		return s, false
	}
	n := norm.NFC.String(s)
	legacy, high, _ = scan(n)
	return n, legacy && high
}

// scan reports whether every rune of s maps to a legacy byte, whether one of
// them is in 0xA1–0xFF where the legacy letters live, and whether every rune
// is nfcStable. It stops as soon as the answer cannot change.
func scan(s string) (legacy, high, stable bool) {
	legacy, stable = true, true
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if r > 0xA0 && r <= 0xFF {
			high = true
			continue
		}
		stable = stable && nfcStable(r)
		if legacy {
			_, ok := byteOf(r)
			legacy = ok && r != utf8.RuneError
		}
		if !legacy && !stable {
			break
		}
	}
	return legacy, high, stable
}

// nfcStable reports whether r is in a block where every character is left
// alone by NFC and never combines with what precedes it: Latin up to the
// combining marks, Latin Extended Additional (all of Vietnamese), general
// punctuation and currency signs (₫). A string of such runes is NFC.
// TestNFCStable checks this claim rune by rune.
func nfcStable(r rune) bool {
	return r < 0x300 || (r >= 0x1E00 && r < 0x1F00) ||
		(r >= 0x2010 && r < 0x205F) || (r >= 0x20A0 && r < 0x20D0) || r == 0x2122
}

// unitBuffers hold the decodings detectCandidate judges, reused from one text to the next: a
// workbook's cells are judged one after another, and each decoding is a unit per byte.
var unitBuffers = sync.Pool{New: func() any { return new([]unit) }}

// maxPooledUnits is the longest decoding kept for the next text (a cell of 32,767 characters
// would hold a megabyte).
const maxPooledUnits = 4096

// detectCandidate applies rules 2–4 to n, a candidate in NFC.
func detectCandidate(n string, guard bool) Encoding {
	if isUTF8Mojibake(n) {
		return Unicode
	}
	// The decodings are judged, not kept: one buffer serves both, and the next candidate.
	buf := unitBuffers.Get().(*[]unit)
	*buf = decodeTCVN3Into((*buf)[:0], n)
	t := judge(n, *buf)
	*buf = decodeVNIInto((*buf)[:0], n)
	v := judge(n, *buf)
	if cap(*buf) <= maxPooledUnits {
		unitBuffers.Put(buf)
	}
	e := Unicode
	tOK, vOK := t.accepted(minEvidenceTCVN3, 1), v.accepted(minEvidenceVNI, 0)
	switch {
	case tOK && (!vOK || t.evidence > v.evidence):
		e = TCVN3
	case vOK && (!tOK || v.evidence > t.evidence):
		e = VNI
	}
	if e == Unicode || !guard {
		return e
	}
	if d, ok := candidate(decodeCandidate(n, e)); ok && detectCandidate(d, false) != Unicode {
		return Unicode
	}
	return e
}

// isUTF8Mojibake reports whether the bytes behind s form valid UTF-8 with at
// least one multi-byte sequence: then s is UTF-8 read as Windows-1252
// ("chÆ°Æ¡ng" for "chương"), not legacy text, whose high bytes practically
// never pair up into UTF-8 sequences across a whole string.
func isUTF8Mojibake(s string) bool {
	var buf [64]byte
	b := buf[:0]
	for _, r := range s {
		c, _ := byteOf(r)
		b = append(b, c)
	}
	return utf8.Valid(b) && !isASCII(b)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
