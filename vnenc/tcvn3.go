package vnenc

import "unicode/utf8"

// tcvn3High maps bytes 0x80–0xFF of TCVN 5712:1993 to Unicode. It is glibc's
// TCVN5712-1 table (iconv/gconv "TCVN5712-1", the full VN1 level), generated
// with `iconv -f TCVN5712-1 -t UTF-8` and checked against it by the tests.
// The ABC fonts (.VnTime) implement the VN3 subset: lowercase letters with
// tones plus the capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7. The other capitals are
// VN1 only and rare in practice; 0xB0–0xB4 are combining tone marks.
var tcvn3High = [128]rune{
	0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, // 0x80
	0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128, // 0x88
	0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, // 0x90
	0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, // 0x98
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // 0xA0
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // 0xA8
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, // 0xB0
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // 0xB8
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // 0xC0
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // 0xC8
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // 0xD0
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // 0xD8
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // 0xE0
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // 0xE8
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // 0xF0
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // 0xF8
}

// tcvn3Tones are the tones of the combining marks 0xB0–0xB4, in byte order.
var tcvn3Tones = [5]uint8{toneGrave, toneHook, toneTilde, toneAcute, toneDot}

// decodeTCVN3 reads s as TCVN3 seen through Windows-1252. Where it departs
// from glibc, it does so because spreadsheet text is not a byte stream:
//   - bytes below 0x20 stay control characters (glibc maps 0x01–0x17 to
//     capitals such as Ú and Ỵ; in a cell they are only ever \t, \n, \r);
//   - 0x80–0x9F become VN1 capitals only next to a letter (see vn1Capital);
//     elsewhere they keep their Windows-1252 face (“ ” – — … •);
//   - the tone marks 0xB0–0xB4 combine only with a preceding toneless vowel;
//     elsewhere they stay ° ± ² ³ ´ (think "25°C", "±5%").
func decodeTCVN3(s string) []unit { return decodeTCVN3Into(make([]unit, 0, len(s)), s) }

// decodeTCVN3Into is decodeTCVN3 appending to units.
func decodeTCVN3Into(units []unit, s string) []unit {
	var prev byte // the previous source byte, for the mixed-case evidence
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		u := unit{r: r, start: i, end: i + size}
		b, ok := byteOf(r)
		switch {
		case !ok: // not legacy text: passed through, a word boundary
		case b < 0x80:
			u.letter, u.kind = asciiCase(b)
			if u.kind == asciiUpper {
				markCapitalSandwich(units, prev)
			}
		case b < 0xA0:
			u.r = cp1252Rune(b)
			prevLetter := len(units) > 0 && units[len(units)-1].letter
			if vn1Capital(b, prevLetter, tcvn3LetterAhead(s[i+size:])) {
				u.r = tcvn3High[b-0x80]
				u.letter, u.weight, u.kind = true, weakMark, codeUpper
				if b != 0x8A && b != 0x8C && b != 0x8E && b < 0x9A { // not Š Œ Ž š œ ž Ÿ ("cœur")
					u.symbol = symInside
				}
			}
		case b >= 0xB0 && b <= 0xB4:
			if n := len(units); n > 0 && addTone(&units[n-1], tcvn3Tones[b-0xB0]) {
				units[n-1].end = i + size
				prev = b
				i += size
				continue
			}
		case b > 0xA0:
			tcvn3Letter(&u, b, prev)
		}
		units = append(units, u)
		prev = b
		i += size
	}
	return units
}

// vn1Capital says whether byte b in 0x80–0x9F stands for a VN1 capital
// letter, given whether letters stand before and after it. VN3 fonts draw the
// Windows-1252 punctuation there, so quotes, dashes, bullets and the ellipsis
// count as letters only inside a word, and the apostrophe ’ never does: it
// belongs in names such as "K’Bang" or "Đăk R’Lấp".
func vn1Capital(b byte, prevLetter, nextLetter bool) bool {
	switch b {
	case 0x92:
		return false
	case 0x82, 0x84, 0x85, 0x8B, 0x91, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9B:
		return prevLetter && nextLetter
	}
	return prevLetter || nextLetter
}

// tcvn3Letter fills u for a byte 0xA1–0xFF other than the tone marks.
func tcvn3Letter(u *unit, b, prev byte) {
	src := u.r
	u.r = tcvn3High[b-0x80]
	u.letter = true
	u.kind = codeLower
	if l := letterOf[u.r]; l.upper {
		u.kind = codeUpper
	}
	if u.r == src {
		return // ý reads the same in both
	}
	u.weight = weakMark
	if b < 0xC0 || b == 0xD7 || b == 0xF7 {
		u.symbol = tcvn3Symbol(b)
	}
	// A Latin-1 capital right after a lowercase letter ("kÕt", "ViÖt") is a
	// case pattern no Western word has, and the commonest TCVN3 signature.
	if b >= 0xC0 && b <= 0xDE && b != 0xD7 && isLatin1Lower(prev) {
		u.weight = strongMark
	}
}

// markCapitalSandwich strengthens a code with a Latin-1 lowercase face
// (prev, the byte of the last unit) that stands between two capitals, as in
// "NéI" or "CHøC": Western capitals do not enclose lowercase letters, while
// .VnTimeH headings do it all the time.
func markCapitalSandwich(units []unit, prev byte) {
	n := len(units)
	if n < 2 || prev < 0xDF || prev == 0xF7 || units[n-1].weight == 0 {
		return
	}
	if k := units[n-2].kind; k == asciiUpper || k == codeUpper {
		units[n-1].weight = strongMark
	}
}

// addTone puts the combining tone t on the letter in u if u is a toneless
// vowel, as iconv composes "a" + 0xB0 into "à".
func addTone(u *unit, t uint8) bool {
	if !u.letter {
		return false
	}
	l, ok := letterOf[u.r]
	if !ok || !isVowel(l.base) || l.tone != toneNone {
		return false
	}
	l.tone = t
	r, ok := l.compose()
	if !ok {
		return false
	}
	u.r = r
	u.weight = max(u.weight, weakMark)
	u.symbol = symInside
	return true
}

// tcvn3LetterAhead reports whether rest starts with a letter under TCVN3.
func tcvn3LetterAhead(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	b, ok := byteOf(r)
	if !ok || r == utf8.RuneError {
		return false
	}
	return isASCIILetter(rune(b)) || (b > 0xA0 && (b < 0xB0 || b > 0xB4))
}

// asciiCase says whether ASCII byte b is a letter and of which case.
func asciiCase(b byte) (bool, caseKind) {
	switch {
	case 'a' <= b && b <= 'z':
		return true, asciiLower
	case 'A' <= b && b <= 'Z':
		return true, asciiUpper
	}
	return false, caseNone
}
