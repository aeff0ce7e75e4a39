package reply

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanText makes any bytes safe to read: invalid UTF-8 becomes U+FFFD (an
// unknown symbol, so a garbled reply can never read as an approval), the text
// is composed to NFC (NFD input from macOS and some phones), invisible format
// characters that would split words (zero-width space, BOM, soft hyphen) are
// removed, and the Icelandic Ð/ð that legacy Vietnamese fonts use for Đ/đ is
// mapped to Đ/đ.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == 'Ð':
			return 'Đ'
		case r == 'ð':
			return 'đ'
		case r == '\r':
			return -1
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
}

// fold lower-cases s and strips its diacritics (đ becomes d), so that
// "DUYỆT", "duyệt", "duyet" and NFD "duyệt" compare equal. It works rune by
// rune with a table built once from the Unicode decompositions, which keeps
// it fast on megabyte bodies.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r < rune(len(baseLetter)) && baseLetter[r] != 0:
			r = baseLetter[r]
		case r >= 0x300 && unicode.Is(unicode.Mn, r):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// baseLetter maps each precomposed Latin letter (up to Latin Extended
// Additional, where Vietnamese lives) to its letter without marks.
var baseLetter = buildBaseLetters()

func buildBaseLetters() []rune {
	table := make([]rune, 0x1F00)
	for r := rune(0xC0); r < rune(len(table)); r++ {
		if r >= 0x250 && r < 0x1E00 {
			continue // not Latin
		}
		d := []rune(norm.NFD.String(string(r)))
		if len(d) > 1 && unicode.IsLetter(d[0]) {
			table[r] = unicode.ToLower(d[0])
		}
	}
	for _, r := range "đĐðÐ" {
		table[r] = 'd'
	}
	return table
}

// token is one word, number or emoji of the written text.
type token struct {
	orig   string // lower case NFC with diacritics (teen code expanded)
	fold   string // orig without diacritics
	marked bool   // orig carries diacritics, so it is matched exactly
	upper  bool   // written with a capital first letter
	name   bool   // letters only: could be a person's name
	number bool   // digits, possibly with / . - inside (11/2026)
	seg    int    // clause number: punctuation and line breaks end a clause
	sent   int    // sentence number: . ! ? ; … and line breaks end a sentence
	line   int    // line number in the text
	start  int    // byte offsets of the word in the text, for quoting
	end    int
}

// teenCode maps the abbreviations people type on phones to the word they
// stand for. Keys are lower case as typed.
var teenCode = map[string]string{
	"ko": "không", "k": "không", "khg": "không", "kh": "không", "hok": "không",
	"hong": "không", "k0": "không", "hk": "không", "kg": "không", "khum": "không",
	"hem": "không", "kô": "không", "hông": "không", "hổng": "không", "khôg": "không",
	"dc": "được", "đc": "được", "dk": "được", "đk": "được",
	"oke": "ok", "okie": "ok", "oki": "ok", "okay": "ok", "okê": "ok", "ôkê": "ok",
	"okey": "ok", "okela": "ok", "okla": "ok", "oce": "ok", "okk": "ok", "okok": "ok",
	"uhm": "ừ", "uh": "ừ", "ừm": "ừ", "um": "ừ", "ừa": "ừ",
	"don’t": "don't", "can’t": "can't", "won’t": "won't",
}

// tokenize splits text into tokens and reports whether it contains a
// question mark. It runs in one pass over the text.
func tokenize(text string) (toks []token, question bool) {
	seg, line, sent := 0, 0, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			seg, line, sent = seg+1, line+1, sent+1
			i += size
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end := wordEnd(text, i)
			toks = append(toks, newToken(text, i, end, seg, line, sent))
			i = end
		case isSymbol(r):
			end := symbolEnd(text, i+size)
			toks = append(toks, token{orig: symbolKey(text[i:end]), fold: symbolKey(text[i:end]),
				seg: seg, line: line, sent: sent, start: i, end: end})
			i = end
		default:
			if r == '?' || r == '？' || r == '¿' {
				question = true
			}
			if strings.ContainsRune(".!?;…。？！", r) {
				sent++
			}
			seg++
			i += size
		}
	}
	return toks, question
}

// wordEnd returns where the word starting at i ends: letters, combining
// marks, digits, an apostrophe between letters (don't), and / . - between
// digits (11/2026).
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(text[i+size:])
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		joinsWords := (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next)
		joinsDigits := (r == '/' || r == '.' || r == '-') && unicode.IsDigit(prev) && unicode.IsDigit(next)
		if i+size < len(text) && nsize > 0 && (joinsWords || joinsDigits) {
			i += size
			continue
		}
		break
	}
	return i
}

func newToken(text string, start, end, seg, line, sent int) token {
	word := text[start:end]
	first, _ := utf8.DecodeRuneInString(word)
	t := token{seg: seg, line: line, sent: sent, start: start, end: end,
		upper: unicode.IsUpper(first), number: unicode.IsDigit(first)}
	t.orig = strings.ToLower(word)
	// "KH" in capitals is the acronym of kế hoạch or khoa học (Sở KH&CN),
	// not "không"; "KO" and "K" in capitals still are.
	if full, ok := teenCode[t.orig]; ok && word != "KH" {
		t.orig = full
	}
	t.fold = fold(t.orig)
	t.marked = t.fold != t.orig
	t.name = !t.number && strings.IndexFunc(word, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r)
	}) < 0
	return t
}

// isSymbol reports emoji and other pictographs: each is a token of its own,
// so that 👍 can be harmless filler while 👎 or ❌ stay unknown.
func isSymbol(r rune) bool {
	return unicode.Is(unicode.So, r) || r == '\uFFFD'
}

// symbolEnd skips the variation selectors and skin-tone modifiers that
// follow an emoji.
func symbolEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !(unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Sk, r) || (r >= 0x1F3FB && r <= 0x1F3FF)) {
			break
		}
		i += size
	}
	return i
}

// symbolKey keeps only the base pictograph of an emoji sequence.
func symbolKey(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return string(r)
}
