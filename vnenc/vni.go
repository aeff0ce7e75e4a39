package vnenc

import "unicode/utf8"

// VNI-Windows writes a Vietnamese letter as an ASCII base letter followed by
// one diacritic byte ("aø" = à, "oä" = ộ), except for ơ ư đ and the toned i
// and ỵ, which have bytes of their own. The table below follows the published
// VNI-Windows chart at https://vietunicode.sourceforge.net/charset/, as
// transcribed in the open-source converter duydev/vietnamese-conversion
// (src/charsets.ts); capitals use the same diacritics 0x20 lower (Ø for ø).

// A vniMark is a diacritic byte: what it adds and to which bases.
type vniMark struct {
	mod, tone uint8
	bases     string // ASCII bases it may follow; "" means not a mark
	strong    bool   // never follows a vowel in Western European spelling
}

// vniMarks is indexed by the lowercase diacritic byte.
var vniMarks = map[byte]vniMark{
	0xF8: {modNone, toneGrave, "aeouy", true},  // ø
	0xF9: {modNone, toneAcute, "aeouy", false}, // ù (French "où")
	0xFB: {modNone, toneHook, "aeouy", true},   // û
	0xF5: {modNone, toneTilde, "aeouy", true},  // õ
	0xEF: {modNone, toneDot, "aeouy", false},   // ï (French "naïve")
	0xE2: {modCirc, toneNone, "aeo", true},     // â
	0xE1: {modCirc, toneAcute, "aeo", false},   // á (Irish "Seán")
	0xE0: {modCirc, toneGrave, "aeo", false},   // à
	0xE5: {modCirc, toneHook, "aeo", true},     // å
	0xE3: {modCirc, toneTilde, "aeo", true},    // ã (Portuguese "ão" never decodes validly)
	0xE4: {modCirc, toneDot, "aeo", false},     // ä (Swedish "poäng")
	0xEA: {modBreve, toneNone, "a", true},      // ê
	0xE9: {modBreve, toneAcute, "a", false},    // é (French "aéroport")
	0xE8: {modBreve, toneGrave, "a", true},     // è
	0xFA: {modBreve, toneHook, "a", false},     // ú (Portuguese "baú")
	0xFC: {modBreve, toneTilde, "a", false},    // ü
	0xEB: {modBreve, toneDot, "a", false},      // ë (French "Israël")
}

// vniSingles are the bytes that are letters by themselves, lowercase form.
var vniSingles = map[byte]rune{
	0xF4: 'ơ', // ô
	0xF6: 'ư', // ö
	0xF1: 'đ', // ñ
	0xE6: 'ỉ', // æ
	0xF3: 'ĩ', // ó
	0xF2: 'ị', // ò
	0xEE: 'ỵ', // î
	0xEC: 'ì', // ì, the same in Unicode
	0xED: 'í', // í, the same in Unicode
}

// vniDiacritic looks the byte b up as a mark, folding the capital form.
func vniDiacritic(b byte) (vniMark, bool) {
	if b >= 0xC0 && b < 0xE0 {
		b += 0x20
	}
	m, ok := vniMarks[b]
	return m, ok
}

// vniSingle looks b up as a stand-alone letter, in the case b is written in.
func vniSingle(b byte) (letter, bool) {
	upper := b >= 0xC0 && b < 0xE0
	if upper {
		b += 0x20
	}
	r, ok := vniSingles[b]
	if !ok {
		return letter{}, false
	}
	l := letterOf[r]
	l.upper = upper
	return l, true
}

// decodeVNI reads s as VNI-Windows seen through Windows-1252.
func decodeVNI(s string) []unit { return decodeVNIInto(make([]unit, 0, len(s)), s) }

// decodeVNIInto is decodeVNI appending to units.
func decodeVNIInto(units []unit, s string) []unit {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		u := unit{r: r, start: i, end: i + size}
		b, ok := byteOf(r)
		switch {
		case !ok:
		case b < 0x80:
			u.letter, u.kind = asciiCase(b)
			if isVowel(b | 0x20) {
				vniTakeMark(&u, letterOf[r], s)
			}
		default:
			u.r = cp1252Rune(b)
			if l, ok := vniSingle(b); ok {
				vniSingleUnit(&u, l, s)
			} else if isLatin1Letter(b) {
				u.letter, u.orphan = true, true
			}
		}
		units = append(units, u)
		i = u.end
	}
	return units
}

// vniSingleUnit fills u for a stand-alone letter byte; ơ and ư may take a tone.
func vniSingleUnit(u *unit, l letter, s string) {
	u.letter = true
	u.r, _ = l.compose()
	if l.mod == modHorn {
		u.weight = weakMark
		vniTakeMark(u, l, s)
		return
	}
	if l.tone != toneNone && l.base == 'i' && l.tone <= toneAcute {
		return // ì í read the same in both
	}
	u.weight = weakMark
}

// vniTakeMark composes the letter l in u with the diacritic following it in s, if any.
func vniTakeMark(u *unit, l letter, s string) {
	nb, ok := nextLetterByte(s[u.end:])
	if !ok {
		return
	}
	m, ok := vniDiacritic(nb)
	if !ok || !markFits(m, l) {
		return
	}
	if m.mod != modNone {
		l.mod = m.mod
	}
	l.tone = m.tone
	r, ok := l.compose()
	if !ok {
		return
	}
	_, size := utf8.DecodeRuneInString(s[u.end:])
	u.r, u.end = r, u.end+size
	u.weight = weakMark
	// Keyboard drivers write the diacritic in the case of its base; a
	// mismatch ("eÃ") is more likely UTF-8 mojibake than VNI.
	if (m.strong || l.mod == modHorn) && (nb < 0xE0) == l.upper {
		u.weight = strongMark
	}
}

// markFits reports whether mark m may follow letter l: only an untoned,
// unmodified base it lists, or a tone after ơ/ư.
func markFits(m vniMark, l letter) bool {
	if l.tone != toneNone {
		return false
	}
	if l.mod == modHorn {
		return m.mod == modNone
	}
	if l.mod != modNone {
		return false
	}
	for i := 0; i < len(m.bases); i++ {
		if m.bases[i] == l.base {
			return true
		}
	}
	return false
}

// nextLetterByte returns the legacy byte at the start of rest.
func nextLetterByte(rest string) (byte, bool) {
	r, _ := utf8.DecodeRuneInString(rest)
	if r == utf8.RuneError {
		return 0, false
	}
	b, ok := byteOf(r)
	return b, ok && isLatin1Letter(b)
}
