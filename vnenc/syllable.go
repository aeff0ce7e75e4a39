package vnenc

// Vietnamese is written in syllables of a fixed shape: an optional initial
// consonant, a vowel nucleus with optional glides, an optional final
// consonant from a short list, and at most one tone mark; finals c, ch, p, t
// allow only the sắc or nặng tone. Legacy text decodes into such syllables,
// Latin-1 words decoded by mistake almost never do ("Café" → "Cafộ").
//
// The check works on a one-byte spelling of the toneless letters so that the
// tables below can be plain string sets: ă=A â=B ê=E ô=O ơ=P ư=U đ=D.

// maxSyllable is the longest syllable in letters ("nghiêng").
const maxSyllable = 8

// initials, longest first so that "ngh" is tried before "ng" and "n".
var initials = []string{
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "D", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}

var (
	// openRimes end the syllable without a final consonant.
	openRimes = bareSet("a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi " +
		"ua uê ui uơ uy ưa ưi ưu iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu")
	// closedNuclei take a final consonant.
	closedNuclei = bareSet("a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe oo uâ uê uy uyê")
	// chNhNuclei may precede the finals ch and nh ("ách", "ênh", "uỳnh").
	chNhNuclei = bareSet("a ê i oa uê uy y")
	// ngCNuclei may precede the finals ng and c ("ăng", "ước", "xoong").
	ngCNuclei = bareSet("a ă â e ê o ô u ư iê yê uô ươ oa oă oo uâ")
)

// bareSet builds a set of bare spellings from space-separated Vietnamese.
func bareSet(words string) map[string]bool {
	set := map[string]bool{}
	var w []byte
	for _, r := range words + " " {
		if r == ' ' {
			set[string(w)] = true
			w = w[:0]
			continue
		}
		w = append(w, bareByte(letterOf[r]))
	}
	return set
}

// bareByte spells a letter without its tone in the one-byte alphabet.
func bareByte(l letter) byte {
	switch l.mod {
	case modBreve:
		return 'A'
	case modCirc:
		if l.base == 'a' {
			return 'B'
		}
		return l.base - 0x20 // ê → E, ô → O
	case modHorn:
		if l.base == 'o' {
			return 'P'
		}
		return 'U'
	case modStroke:
		return 'D'
	}
	return l.base
}

// isBareVowel reports whether c spells a vowel in the one-byte alphabet.
func isBareVowel(c byte) bool {
	switch c {
	case 'a', 'A', 'B', 'e', 'E', 'i', 'o', 'O', 'P', 'u', 'U', 'y':
		return true
	}
	return false
}

// validSyllable reports whether the letters spell one Vietnamese syllable.
func validSyllable(ls []letter) bool {
	if len(ls) == 0 || len(ls) > maxSyllable {
		return false
	}
	var buf [maxSyllable]byte
	tone := toneNone
	for i, l := range ls {
		if l.tone != toneNone {
			if tone != toneNone {
				return false
			}
			tone = l.tone
		}
		switch l.base {
		case 'f', 'j', 'w', 'z':
			return false
		}
		buf[i] = bareByte(l)
	}
	return parseSyllable(buf[:len(ls)], tone)
}

// parseSyllable tries every initial that bare starts with.
func parseSyllable(bare []byte, tone uint8) bool {
	for _, ini := range initials {
		if len(bare) <= len(ini) || string(bare[:len(ini)]) != ini {
			continue
		}
		rest := bare[len(ini):]
		if !isBareVowel(rest[0]) {
			continue
		}
		switch ini {
		case "gh", "ngh":
			if rest[0] != 'e' && rest[0] != 'E' && rest[0] != 'i' {
				continue
			}
		case "c":
			if rest[0] == 'e' || rest[0] == 'E' || rest[0] == 'i' || rest[0] == 'y' {
				continue
			}
		}
		if validRime(rest, tone) {
			return true
		}
	}
	return false
}

// validRime checks the vowel group and final consonant after the initial.
func validRime(rest []byte, tone uint8) bool {
	n := 0
	for n < len(rest) && isBareVowel(rest[n]) {
		n++
	}
	nucleus, final := rest[:n], rest[n:]
	for _, c := range final {
		if isBareVowel(c) {
			return false
		}
	}
	switch string(final) {
	case "":
		return openRimes[string(nucleus)]
	case "c", "ch", "p", "t":
		if tone != toneAcute && tone != toneDot {
			return false
		}
	case "k": // only in Central Highlands names, spelled both "Đắk" and "Đăk"
		if tone != toneAcute && tone != toneDot && tone != toneNone {
			return false
		}
	case "m", "n", "ng", "nh":
	default:
		return false
	}
	if !closedNuclei[string(nucleus)] {
		return false
	}
	switch string(final) {
	case "ch", "nh":
		return chNhNuclei[string(nucleus)]
	case "c", "ng":
		return ngCNuclei[string(nucleus)]
	}
	return true
}

// plausibleWord reports whether w, taken as it is, is a Vietnamese word in
// sane capitalisation: Unicode Vietnamese such as "Tên" or "Hoàng" that
// happens to fit in Latin-1 must not be "decoded" into "Tờn" or "Hồng".
func plausibleWord(w string) bool {
	var ls [maxSyllable]letter
	n := 0
	for _, r := range w {
		l, ok := letterOf[r]
		if !ok || n == maxSyllable {
			return false
		}
		if n >= 2 && l.upper != ls[1].upper || n == 1 && l.upper && !ls[0].upper {
			return false
		}
		ls[n] = l
		n++
	}
	return validSyllable(ls[:n])
}
