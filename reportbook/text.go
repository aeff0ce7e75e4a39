package reportbook

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// Text from units (task contents, narrative, file names, Message-IDs) reaches the workbook
// only through safeText, which:
//
//   - writes it as a string cell (excelize's stream writer writes inline strings, never
//     formulas), so Excel and LibreOffice show "=HYPERLINK(…)" as the text it is;
//   - gives a text that an application could take for a formula when it is edited or
//     exported (first character =, +, -, @, tab, CR or LF, or =+-@ after leading spaces)
//     the quoted twin of its style (styles.go). That is Excel's own quotePrefix mark: the
//     cell keeps showing exactly what the unit wrote, and stays text when a clerk presses
//     F2 and Enter. OWASP's advice for CSV, a leading apostrophe, is for files that carry
//     no types; in a workbook the apostrophe would become part of the text the leadership
//     reads and every copy of it;
//   - drops characters XML 1.0 cannot carry (control characters other than tab and line
//     breaks), so the file stays well-formed, and repairs invalid UTF-8;
//   - turns CR LF and lone CR into LF, the line break of a cell (Alt+Enter);
//   - normalises to NFC, so the same Vietnamese word is the same text for search and sort;
//   - caps the text at Excel's 32,767 characters (UTF-16 code units), ending it with "…".

// maxCellChars is Excel's limit on the characters of one cell, in UTF-16 code units.
const maxCellChars = excelize.TotalCellChars

// safeText returns a text cell in the given style, or its quoted twin when the text could be
// read as a formula.
func (s *styles) safeText(v string, style int) excelize.Cell {
	v = cleanText(v)
	if formulaLike(v) {
		if q, ok := s.quoted[style]; ok {
			style = q
		}
	}
	return excelize.Cell{StyleID: style, Value: v}
}

// cleanText makes outside text fit for a cell; see the comment at the top of the file.
func cleanText(s string) string {
	switch scanText(s) {
	case textFit:
		return s
	case textNFC:
		return capText(norm.NFC.String(s))
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case unfit(r):
			return -1
		}
		return r
	}, s)
	return capText(norm.NFC.String(s))
}

// What scanText finds in a text.
const (
	textFit   = iota // nothing to do: printable, NFC, short enough
	textNFC          // maybe not NFC or too long, but valid and without characters to drop
	textUnfit        // invalid UTF-8, CR or a character XML cannot carry
)

// scanText looks at a text once, to leave the common case, Vietnamese text in precomposed
// letters, without any copy. Runes below U+0300 and the Latin Extended Additional block
// (U+1E00–U+1EFF, where Vietnamese letters with two marks live) are NFC starters that never
// combine with a neighbour of the same ranges (TestScanText_FastRanges checks this), so a
// text made only of them is NFC; anything else is left to the norm package.
func scanText(s string) int {
	result := textFit
	if len(s) > maxCellChars {
		result = textNFC
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return textUnfit
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, unfit(r):
			return textUnfit
		case r >= 0x300 && (r < 0x1e00 || r > 0x1eff):
			result = textNFC
		}
		i += size
	}
	return result
}

// unfit reports a rune that cleanText removes or rewrites: CR, and what XML 1.0 forbids.
func unfit(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return true
	}
	return false
}

// capText cuts s to Excel's cell limit at a rune boundary, marking the cut with "…".
func capText(s string) string {
	if len(s) <= maxCellChars { // a UTF-16 unit takes at least one byte of UTF-8
		return s
	}
	units, cut := 0, -1
	for i, r := range s {
		units += utf16Len(r)
		if cut < 0 && units > maxCellChars-1 {
			cut = i // where the text is cut, leaving room for "…"
		}
		if units > maxCellChars {
			return s[:cut] + "…"
		}
	}
	return s
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// formulaLike reports whether a spreadsheet or a CSV importer could read the text as a
// formula: OWASP's list of leading characters (=, +, -, @, tab, CR), LF, and =, +, -, @
// after leading spaces, which some importers trim.
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '\t', '\r', '\n':
		return true
	}
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return false
	}
	switch t[0] {
	case '=', '+', '-', '@':
		return true
	}
	return false
}
