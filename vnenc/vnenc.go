// Package vnenc detects Vietnamese text typed in the legacy TCVN3 (ABC) and
// VNI encodings and converts it to Unicode NFC.
//
// Units that still type with .VnTime or VNI-Times fonts hand in workbooks
// whose cells hold the legacy bytes read as Windows-1252 characters:
// "Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3) or "Coäng hoøa xaõ hoäi chuû
// nghóa Vieät Nam" (VNI) for "Cộng hoà xã hội chủ nghĩa Việt Nam". Fix is
// meant to run on every text cell: plain ASCII and proper Unicode return
// after one scan without allocating, and the detection rule (detect.go) is
// built so that genuine text — Unicode Vietnamese, English, French "Café",
// "Müller", "±5%", "½" — is left alone. That caution costs one-word cells
// ("Tèt"); once Fix has found an encoding in a workbook, FixAs converts
// such cells on the looser evidence the workbook context justifies.
package vnenc

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encoding names a legacy Vietnamese text encoding.
type Encoding int

const (
	Unicode Encoding = iota // not legacy: already Unicode (or undecidable)
	TCVN3                   // TCVN 5712:1993 VN3, the "ABC" fonts .VnTime, .VnArial
	VNI                     // VNI-Windows, the VNI-Times fonts
)

// String returns "Unicode", "TCVN3" or "VNI".
func (e Encoding) String() string {
	switch e {
	case Unicode:
		return "Unicode"
	case TCVN3:
		return "TCVN3"
	case VNI:
		return "VNI"
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}

// Detect says which legacy encoding s is written in, Unicode when none is likely.
func Detect(s string) Encoding {
	n, ok := candidate(s)
	if !ok {
		return Unicode
	}
	return detectCandidate(n, true)
}

// Decode converts s, read as Windows-1252 text, from encoding e to Unicode NFC.
// Decode(s, Unicode) returns s. Runes outside Windows-1252 pass through, and
// invalid UTF-8 becomes U+FFFD.
func Decode(s string, e Encoding) string {
	if e != TCVN3 && e != VNI {
		return s
	}
	return decodeCandidate(norm.NFC.String(validUTF8(s)), e)
}

// Fix detects and converts in one step: the NFC Unicode text and the encoding
// it was found in. Text found to be Unicode comes back in NFC (unchanged, and
// without allocating, when it already is); invalid UTF-8 becomes U+FFFD.
func Fix(s string) (string, Encoding) {
	s = validUTF8(s)
	n, ok := candidate(s)
	if !ok {
		return n, Unicode
	}
	e := detectCandidate(n, true)
	if e == Unicode {
		return n, Unicode
	}
	return decodeCandidate(n, e), e
}

// FixAs converts s from e if s reads as text in e, on less evidence than
// Fix asks for: every word the decoding changes must be a valid Vietnamese
// syllable, one at least must not already be Vietnamese as it stands, and
// ASCII words must not outnumber them. It is meant for the short cells
// ("Tèt", "Baùo") of a workbook in which Fix has found e in other cells.
// Text that Fix reads as legacy on its own is converted as Fix does. Other
// text, and text whose conversion would itself read as e, comes back in NFC
// with Unicode, so that FixAs, like Fix, leaves its own output alone.
func FixAs(s string, e Encoding) (string, Encoding) {
	s = validUTF8(s)
	n, ok := candidate(s)
	if !ok {
		return n, Unicode
	}
	found := detectCandidate(n, true)
	if found == Unicode && fitsLoosely(n, e) {
		found = e
	}
	if found == Unicode {
		return n, Unicode
	}
	out := decodeCandidate(n, found)
	if o, ok := candidate(out); ok && (detectCandidate(o, true) != Unicode || fitsLoosely(o, e)) {
		return n, Unicode
	}
	return out, found
}

// fitsLoosely reports whether candidate n reads as text in e with no invalid word.
func fitsLoosely(n string, e Encoding) bool {
	var v verdict
	switch {
	case isUTF8Mojibake(n):
		return false
	case e == TCVN3:
		v = judge(n, decodeTCVN3(n))
	case e == VNI:
		v = judge(n, decodeVNI(n))
	default:
		return false
	}
	return v.invalid == 0 && v.accepted(1, 0)
}

// decodeCandidate decodes n, valid UTF-8 in NFC, from the legacy encoding e.
func decodeCandidate(n string, e Encoding) string {
	var units []unit
	if e == TCVN3 {
		units = decodeTCVN3(n)
		applyCapitals(units)
	} else {
		units = decodeVNI(n)
	}
	return norm.NFC.String(render(units, len(n)))
}

// validUTF8 replaces invalid bytes so that every result is valid UTF-8.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
