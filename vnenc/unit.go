package vnenc

import "unicode/utf8"

// A unit is one character of a decoded string together with the span of the
// source it came from and what it says about the source being legacy text.
// Both decoders produce units; the detector judges words of them and Decode
// writes their runes out.
type unit struct {
	r          rune // the decoded (or passed-through) character
	start, end int  // byte span in the source string
	letter     bool // counts as part of a word
	// weight is the evidence this unit gives for the legacy reading:
	// 0 when it reads the same either way, weakMark or strongMark otherwise.
	weight uint8
	// symbol classes a TCVN3 code whose Windows-1252 face is not a letter
	// (¸ µ ¶ ® …): strong evidence in some places of a word, see wordEvidence.
	symbol symbolKind
	// orphan marks a Latin-1 letter the encoding cannot place (VNI only).
	orphan bool
	kind   caseKind
}

// Evidence weights: a weak mark is a character Latin-1 text also uses
// (é, ò, ñ), a strong one something Latin-1 text never shows inside a word.
const (
	weakMark   uint8 = 1
	strongMark uint8 = 3
)

// symbolKind says where in a word a TCVN3 symbol code is strong evidence.
type symbolKind uint8

const (
	symNone   symbolKind = iota
	symInside            // between letters, or opening a word of three letters or more
	symFinal             // as symInside, and closing a word: µ ¸ ¶ (à á ả end many words)
	symEnd               // only closing a word: · (ã); between letters it is a unit dot, "N·m"
)

// tcvn3Symbol classes byte b, a TCVN3 code whose Windows-1252 face is not a letter.
func tcvn3Symbol(b byte) symbolKind {
	switch b {
	case 0xB5, 0xB6, 0xB8:
		return symFinal
	case 0xB7:
		return symEnd
	}
	return symInside
}

// caseKind tells the TCVN3 capitalisation rule where a letter's case came from.
type caseKind uint8

const (
	caseNone   caseKind = iota
	asciiLower          // a–z typed as such
	asciiUpper          // A–Z typed as such
	codeLower           // a lowercase code, drawn as a capital by the .VnTimeH fonts
	codeUpper           // one of the few capital codes (Ă Â Ê Ô Ơ Ư Đ, VN1 capitals)
)

// forEachWord calls fn with the bounds [i, j) of every maximal run of letter units.
func forEachWord(units []unit, fn func(i, j int)) {
	for i := 0; i < len(units); {
		if !units[i].letter {
			i++
			continue
		}
		j := i + 1
		for j < len(units) && units[j].letter {
			j++
		}
		fn(i, j)
		i = j
	}
}

// render writes the units' runes out.
func render(units []unit, sizeHint int) string {
	buf := make([]byte, 0, sizeHint+sizeHint/2)
	for _, u := range units {
		buf = utf8.AppendRune(buf, u.r)
	}
	return string(buf)
}
