package mailer

import (
	"strings"
	"unicode/utf8"
)

// Encoded words (RFC 2047) for the header fields a person reads: the subject and the names in
// From, To and Cc.
//
// Go's mime.WordEncoder, which go-mail and net/mail use, cuts a long text into encoded words
// wherever the 75-character limit falls, between two letters of a word: "khu c" | "ông",
// "t" | "ỉnh". RFC 2047 readers join adjacent encoded words, but some mail programs show the
// cut as a space ("t ỉnh"). Here a text is cut only between words, the space that separates
// them kept at the end of the first word ("_"), so a reader that does not join shows at worst a
// double space; only a single word longer than an encoded word is cut inside, between letters.

const (
	wordPrefix = "=?UTF-8?q?"
	wordSuffix = "?="
	// maxWordLen is the longest encoded word RFC 2047 allows, prefix and suffix included.
	maxWordLen = 75
	maxEncoded = maxWordLen - len(wordPrefix) - len(wordSuffix)
)

// encodeText writes unstructured text (a subject) for a header: as is when it is printable
// ASCII that cannot be read as an encoded word, else as encoded words cut between words.
func encodeText(s string) string {
	if isPrintableASCII(s) && !strings.Contains(s, "=?") {
		return s
	}
	return encodedWords(s)
}

// encodePhrase writes a display name for an address field: as is when it is made of letters,
// digits and spaces only, quoted when it is other printable ASCII, else as encoded words cut
// between words.
func encodePhrase(s string) string {
	switch {
	case isAtomText(s):
		return s
	case isPrintableASCII(s):
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return encodedWords(s)
}

// encodedWords writes s as Q-encoded words separated by spaces, each holding whole words of s
// (with the space after them) as long as they fit.
func encodedWords(s string) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, wordPrefix+cur.String()+wordSuffix)
			cur.Reset()
		}
	}
	for _, w := range splitAfterSpaces(s) {
		enc := qEncode(w)
		if cur.Len()+len(enc) > maxEncoded {
			flush()
		}
		if len(enc) <= maxEncoded {
			cur.WriteString(enc)
			continue
		}
		for _, r := range w { // one word longer than an encoded word: cut between letters
			e := qEncode(string(r))
			if cur.Len()+len(e) > maxEncoded {
				flush()
			}
			cur.WriteString(e)
		}
	}
	flush()
	return strings.Join(words, " ")
}

// splitAfterSpaces cuts s after each space: "a b  c" gives "a ", "b ", " ", "c"; joined they
// are s again.
func splitAfterSpaces(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return append(out, s)
		}
		out, s = append(out, s[:i+1]), s[i+1:]
	}
	return out
}

// qEncode is the Q encoding of RFC 2047 as a phrase allows it (section 5, rule 3): letters,
// digits and "!*+-/" as they are, a space as "_", every other byte as "=XX". It suits a
// subject as well.
func qEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('_')
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("!*+-/", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('=')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0x0f])
		}
	}
	return b.String()
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return utf8.ValidString(s)
}

// isAtomText is true for letters, digits and single spaces between them: a display name that
// needs neither quotes nor encoding, and cannot be mistaken for an encoded word.
func isAtomText(s string) bool {
	if s == "" || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ' ') {
			return false
		}
	}
	return true
}
