package vnenc

// verdict sums up one encoding's reading of a string (rules 2 and 3 in detect.go).
type verdict struct {
	touched  int             // words the decoding changed, neutral ones excluded
	invalid  int             // touched words that are not Vietnamese syllables
	foreign  int             // untouched ASCII words that are not Vietnamese syllables ("Report", "niveau")
	evidence int             // points from the touched words, each distinct word counted once
	counted  map[string]bool // the words whose points are in
	strong   int             // counted words with a strong mark
}

// accepted applies rules 2 and 3 with the evidence the encoding needs.
func (v verdict) accepted(minEvidence, minStrong int) bool {
	valid := v.touched - v.invalid
	return valid > 0 && v.evidence >= minEvidence && v.strong >= minStrong &&
		v.invalid*10 <= v.touched && v.foreign < valid
}

// judge scores the decoded units of s word by word.
func judge(s string, units []unit) verdict {
	var v verdict
	forEachWord(units, func(i, j int) {
		v.addWord(s, units[i:j])
	})
	return v
}

// addWord adds one word's share to v.
func (v *verdict) addWord(s string, word []unit) {
	var ls [maxSyllable]letter
	fits := len(word) <= maxSyllable
	touched, known, vowels, upper := false, true, false, true
	for k, u := range word {
		touched = touched || u.weight > 0 || u.orphan
		l, ok := letterOf[u.r]
		known = known && ok && !u.orphan
		if k < maxSyllable {
			ls[k] = l
		}
		vowels = vowels || isVowel(l.base)
		upper = upper && l.upper
	}
	orig := s[word[0].start:word[len(word)-1].end]
	switch {
	case !touched:
		// An English or Norwegian word says the line is not Vietnamese;
		// capitals are abbreviations (UBND, KCN) and say nothing.
		if known && len(word) > 1 && !upper && (!fits || !validSyllable(ls[:len(word)])) {
			v.foreign++
		}
		return
	case known && !vowels:
		return // "§VT" = ĐVT, "§/c": abbreviations are neutral
	case !known || !fits || !validSyllable(ls[:len(word)]):
		v.touched++
		v.invalid++
		return
	}
	v.touched++
	if plausibleWord(orig) || v.counted[orig] {
		return
	}
	if v.counted == nil {
		v.counted = map[string]bool{}
	}
	v.counted[orig] = true
	w := wordEvidence(word)
	v.evidence += w
	if w >= int(strongMark) {
		v.strong++
	}
}

// wordEvidence is the strongest mark in a touched word. A TCVN3 symbol code
// is strong only where Latin-1 text never puts that symbol: between letters
// ("c¸c", "nh©n") or opening a longer word ("®Þnh"), and for µ ¸ ¶ · closing
// one ("vµ", "x·"). Elsewhere it is what Latin-1 does with symbols:
// "(€m)", "µm", "Mª", "%s«", "m²", "N·m".
func wordEvidence(word []unit) int {
	best := uint8(0)
	n := len(word)
	for k, u := range word {
		inside := 0 < k && k < n-1
		opening := k == 0 && n >= 3
		closing := k == n-1 && n >= 2
		w := u.weight
		switch {
		case u.symbol == symInside && (inside || opening),
			u.symbol == symFinal && (inside || opening || closing),
			u.symbol == symEnd && closing:
			w = strongMark
		}
		best = max(best, w)
	}
	return int(best)
}
