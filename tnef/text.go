package tnef

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// defaultCodePage applies when the stream has no attOemCodepage.
const defaultCodePage = 1252

// codePageUTF8 is Windows' number for UTF-8.
const codePageUTF8 = 65001

// maxNameRunes caps a file name: no file system takes more, and a hostile
// name should not reach a log line whole.
const maxNameRunes = 255

// codePages maps the Windows code pages Outlook writes in attOemCodepage
// to decoders. Vietnamese Windows uses 1258, whose tone marks are combining
// characters; the NFC pass afterwards composes them.
var codePages = map[uint32]encoding.Encoding{
	437: charmap.CodePage437, 850: charmap.CodePage850, 866: charmap.CodePage866,
	874: charmap.Windows874, 1250: charmap.Windows1250, 1251: charmap.Windows1251,
	1252: charmap.Windows1252, 1253: charmap.Windows1253, 1254: charmap.Windows1254,
	1255: charmap.Windows1255, 1256: charmap.Windows1256, 1257: charmap.Windows1257,
	1258: charmap.Windows1258, 28591: charmap.ISO8859_1,
}

// oemCodePage reads attOemCodepage: two uint32, the first being the code
// page of the 8-bit strings. Unknown or missing values fall back to 1252.
func oemCodePage(data []byte) uint32 {
	if len(data) < 4 {
		return defaultCodePage
	}
	cp := binary.LittleEndian.Uint32(data)
	if _, ok := codePages[cp]; !ok && cp != codePageUTF8 {
		return defaultCodePage
	}
	return cp
}

// decode8 decodes an 8-bit, possibly NUL-terminated string to UTF-8 NFC.
func decode8(p []byte, cp uint32) string {
	if i := bytes.IndexByte(p, 0); i >= 0 {
		p = p[:i]
	}
	enc, ok := codePages[cp]
	if !ok {
		return norm.NFC.String(strings.ToValidUTF8(string(p), "\uFFFD"))
	}
	// Single-byte charmaps decode every byte, so the error is always nil.
	out, _ := enc.NewDecoder().Bytes(p)
	return norm.NFC.String(string(out))
}

// decodeUTF16 decodes a UTF-16LE, possibly NUL-terminated string to UTF-8
// NFC; unpaired surrogates become U+FFFD.
func decodeUTF16(p []byte) string {
	units := make([]uint16, 0, len(p)/2)
	for i := 0; i+1 < len(p); i += 2 {
		u := binary.LittleEndian.Uint16(p[i:])
		if u == 0 {
			break
		}
		units = append(units, u)
	}
	return norm.NFC.String(string(utf16.Decode(units)))
}

// textValue decodes a PT_STRING8 or PT_UNICODE property; ok is false for
// other types.
func textValue(p prop, cp uint32) (string, bool) {
	switch p.typ {
	case ptString8:
		return decode8(p.val, cp), true
	case ptUnicode:
		return decodeUTF16(p.val), true
	}
	return "", false
}

// cleanName keeps the last path element of a sender's file name and drops
// control characters, so the name is safe to show and to join to a
// directory. "." and ".." become empty.
func cleanName(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	if len(s) >= 2 && s[1] == ':' && s[0] < utf8.RuneSelf && unicode.IsLetter(rune(s[0])) {
		s = s[2:] // drive-relative "C:name"
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if s == "." || s == ".." {
		return ""
	}
	return truncateName(s)
}

// truncateName shortens a name to maxNameRunes, keeping a short extension:
// callers pick workbooks by it.
func truncateName(s string) string {
	r := []rune(s)
	if len(r) <= maxNameRunes {
		return s
	}
	var ext []rune
	if i := strings.LastIndexByte(s, '.'); i >= 0 && utf8.RuneCountInString(s[i:]) <= 16 {
		ext = []rune(s[i:])
	}
	return string(r[:maxNameRunes-len(ext)]) + string(ext)
}
