package letters

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Text from outside: what a sender wrote and a letter quotes — a subject, a file name, a display
// name, an address, a sheet name, a line of a mail. The sender chose every character of it, so
// it is cut short and cleaned before a letter signed by the office repeats it: a subject full
// of bidirectional controls would otherwise show one thing and say another
// ("báo cáo\u202Excod.exe"), and a subject of a thousand characters would bury the letter.

// MaxQuoted is how many characters of outside text a letter quotes; longer text ends with "…".
const MaxQuoted = 150

// SafeText returns outside text fit to quote in a letter: valid UTF-8 in NFC, on one line,
// without control characters (C0, DEL, C1) or bidirectional formatting characters (U+202A–
// U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), whitespace runs collapsed to one space, at
// most MaxQuoted characters. Every letter that quotes outside text quotes it through SafeText.
func SafeText(s string) string {
	return clip(oneLine(s), MaxQuoted)
}

// oneLine is s as valid NFC on one line, without hidden characters, whitespace collapsed.
func oneLine(s string) string {
	s = norm.NFC.String(strings.Map(hide, strings.ToValidUTF8(s, "\uFFFD")))
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// SafeLines is like SafeText for a text quoted over several lines (an excerpt of a mail): each
// line is cleaned as SafeText cleans one, cut at maxRunes characters, and at most maxLines lines
// are kept, "…" standing for the rest.
func SafeLines(s string, maxLines, maxRunes int) []string {
	var out []string
	for _, l := range strings.Split(strings.ToValidUTF8(s, "\uFFFD"), "\n") {
		if len(out) == maxLines {
			return append(out, "…")
		}
		out = append(out, clip(oneLine(l), maxRunes))
	}
	return out
}

// hide maps a control or bidirectional formatting character to a space (a line break must still
// part two words) or removes it; every other character is kept.
func hide(r rune) rune {
	switch {
	case r < 0x20 || r >= 0x7F && r <= 0x9F:
		return ' '
	case isBidiControl(r):
		return -1
	}
	return r
}

// isBidiControl reports the characters that reorder or hide text: embeddings and overrides
// (U+202A–U+202E), isolates (U+2066–U+2069), the deprecated shaping controls (U+206A–U+206F),
// the directional marks (U+200E, U+200F, U+061C) and the byte-order mark used as a zero-width
// space (U+FEFF).
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x206F ||
		r == 0x200E || r == 0x200F || r == 0x061C || r == 0xFEFF
}

// clip cuts s to at most n characters, "…" included, between whole characters: a letter is not
// parted from the marks that follow it.
func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n - 1
	for cut > 0 && unicode.Is(unicode.M, rs[cut]) {
		cut-- // the first character left out is a mark: its letter goes with it
	}
	return norm.NFC.String(strings.TrimRight(string(rs[:cut]), " ")) + "…"
}
