package vnenc

import "unicode"

// TCVN3 (VN3) has codes for lowercase toned letters only, plus Ă Â Ê Ô Ơ Ư Đ.
// Headings are typed with the .VnTimeH fonts, which draw those lowercase codes
// as capitals, so "B¸O C¸O" on screen reads BÁO CÁO. The font is lost in the
// cell, so the case is inferred from the letters typed around the code:
//
//   - a word with no ASCII lowercase letter and at least two capitals
//     ("B¸O", "HîP", "§¥N"), or with a capital typed after a lowercase code
//     ("ñY"), is a capital word: all its letters go uppercase;
//   - a word with an ASCII lowercase letter ("Phßng", "kÕt") stays as decoded;
//   - a word with at most one capital and no ASCII lowercase letter ("Hµ",
//     "VÞ", "ë") is ambiguous: it goes uppercase only if a neighbouring word is
//     a capital word that itself contains a legacy code, and neither neighbour
//     has lowercase letters. So "Hµ NéI" is HÀ NỘI, but a name cell "Hµ" or
//     "Vò Hµ" stays Hà, Vũ Hà, and "UBND Hµ" stays UBND Hà.

// wordCase classifies one word for the rule above.
type wordCase struct {
	i, j      int  // unit bounds
	capital   bool // capital word
	lower     bool // has an ASCII lowercase letter
	codes     bool // contains a legacy code
	lowerCode bool // contains a lowercase legacy code the font may have drawn as a capital
}

// applyCapitals uppercases the TCVN3 letters the rule says were drawn as capitals.
func applyCapitals(units []unit) {
	var words []wordCase
	forEachWord(units, func(i, j int) {
		words = append(words, classifyWord(units, i, j))
	})
	for k, w := range words {
		if !w.lowerCode || w.lower {
			continue
		}
		if w.capital || ambiguousUpper(words, k) {
			for x := w.i; x < w.j; x++ {
				units[x].r = unicode.ToUpper(units[x].r)
			}
		}
	}
}

// classifyWord counts the cases of the letters in units[i:j].
func classifyWord(units []unit, i, j int) wordCase {
	w := wordCase{i: i, j: j}
	capitals, upperAfterCode := 0, false
	for _, u := range units[i:j] {
		switch u.kind {
		case asciiLower:
			w.lower = true
		case asciiUpper:
			capitals++
			upperAfterCode = upperAfterCode || w.lowerCode
		case codeUpper:
			capitals++
			w.codes = true
		case codeLower:
			w.codes, w.lowerCode = true, true
		}
	}
	w.capital = !w.lower && (capitals >= 2 || upperAfterCode)
	return w
}

// ambiguousUpper decides an ambiguous word k from its neighbours.
func ambiguousUpper(words []wordCase, k int) bool {
	evidence := false
	for _, n := range []int{k - 1, k + 1} {
		if n < 0 || n >= len(words) {
			continue
		}
		if words[n].lower {
			return false
		}
		evidence = evidence || (words[n].capital && words[n].codes)
	}
	return evidence
}
