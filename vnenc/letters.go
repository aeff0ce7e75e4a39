package vnenc

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A letter is a Vietnamese letter taken apart: its ASCII base, the vowel
// modifier (or the stroke of đ), the tone and the case. Both legacy encodings
// build letters out of such parts, and the syllable check reasons on them.
type letter struct {
	base  byte // lowercase ASCII base letter
	mod   uint8
	tone  uint8
	upper bool
}

// Vowel modifiers; modStroke is the bar of đ/Đ.
const (
	modNone uint8 = iota
	modCirc
	modBreve
	modHorn
	modStroke
)

// The five written tones (ngang, the level tone, is toneNone).
const (
	toneNone uint8 = iota
	toneGrave
	toneAcute
	toneHook
	toneTilde
	toneDot
)

// letterOf holds every ASCII letter and the 134 precomposed Vietnamese
// letters; a rune missing from it is not a letter of Vietnamese. runeOf is
// its inverse: how to write a letter in NFC.
var letterOf, runeOf = letterTables()

func letterTables() (map[rune]letter, map[letter]rune) {
	of, back := map[rune]letter{}, map[letter]rune{}
	// ASCII, Latin-1 Supplement, Latin Extended-A/B up to ư, Latin Extended
	// Additional: every precomposed Vietnamese letter lives in these ranges.
	for _, span := range [][2]rune{{'A', 'z'}, {0xC0, 0x1B0}, {0x1EA0, 0x1EF9}} {
		for r := span[0]; r <= span[1]; r++ {
			if l, ok := decompose(r); ok {
				of[r] = l
				back[l] = r
			}
		}
	}
	return of, back
}

// decompose takes r apart with NFD and accepts only the combinations that
// Vietnamese spelling uses (â ê ô, ă, ơ ư, đ, and tones on vowels).
func decompose(r rune) (letter, bool) {
	switch r {
	case 'đ':
		return letter{base: 'd', mod: modStroke}, true
	case 'Đ':
		return letter{base: 'd', mod: modStroke, upper: true}, true
	}
	var buf [16]byte
	d := norm.NFD.Append(nil, buf[:utf8.EncodeRune(buf[:], r)]...)
	base, size := utf8.DecodeRune(d)
	if !isASCIILetter(base) {
		return letter{}, false
	}
	l := letter{base: byte(base | 0x20), upper: base < 'a'}
	for _, m := range string(d[size:]) {
		if !l.addMark(m) {
			return letter{}, false
		}
	}
	return l, l.allowed()
}

// addMark applies one combining mark, refusing a second modifier or tone.
func (l *letter) addMark(m rune) bool {
	mod, tone := modNone, toneNone
	switch m {
	case 0x0302:
		mod = modCirc
	case 0x0306:
		mod = modBreve
	case 0x031B:
		mod = modHorn
	case 0x0300:
		tone = toneGrave
	case 0x0301:
		tone = toneAcute
	case 0x0309:
		tone = toneHook
	case 0x0303:
		tone = toneTilde
	case 0x0323:
		tone = toneDot
	default:
		return false
	}
	if mod != modNone {
		if l.mod != modNone {
			return false
		}
		l.mod = mod
		return true
	}
	if l.tone != toneNone {
		return false
	}
	l.tone = tone
	return true
}

// allowed says whether the modifier and tone fit the base in Vietnamese.
func (l letter) allowed() bool {
	if l.tone != toneNone && !isVowel(l.base) {
		return false
	}
	switch l.mod {
	case modCirc:
		return l.base == 'a' || l.base == 'e' || l.base == 'o'
	case modBreve:
		return l.base == 'a'
	case modHorn:
		return l.base == 'o' || l.base == 'u'
	}
	return true
}

// compose writes l as one precomposed rune; ok is false when no such letter exists.
func (l letter) compose() (rune, bool) {
	r, ok := runeOf[l]
	return r, ok
}

// isVowel reports whether the ASCII base b is a Vietnamese vowel letter.
func isVowel(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isASCIILetter(r rune) bool {
	return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
}
