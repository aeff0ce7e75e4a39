package wordfile

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// typedLabelRe matches a label typed at the start of a line, as reports number their sections
// by hand: "I.", "IV.", "II.1.", "1.", "2)", "1.2.", "a)", "đ)", "b."; openLabelRe a number of
// several parts without its closing dot: "1.2".
var (
	typedLabelRe = regexp.MustCompile(`^(?:(?:[IVXLC]{1,7}|[0-9]{1,3})(?:\.[0-9]{1,2})*[.)]|[a-zđ][.)])`)
	openLabelRe  = regexp.MustCompile(`^[0-9]{1,3}(?:\.[0-9]{1,2})+`)
)

// typedLabel splits a typed label off the text. A label must be followed by a space, the end,
// or (after its "." or ")") a letter, so that "2.500 người" and "Cần" are no labels; a number
// without its "." or ")" ("1.2") only before a space and a capital, so that "2.5 tỷ đồng" is
// none.
func typedLabel(text string) (label, rest string) {
	if m := typedLabelRe.FindString(text); m != "" {
		after := text[len(m):]
		r, _ := utf8.DecodeRuneInString(after)
		if after == "" || unicode.IsSpace(r) || unicode.IsLetter(r) {
			return m, strings.TrimSpace(after)
		}
	}
	if m := openLabelRe.FindString(text); m != "" {
		after := text[len(m):]
		r, _ := utf8.DecodeRuneInString(after)
		next, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(after, unicode.IsSpace))
		if unicode.IsSpace(r) && unicode.IsUpper(next) {
			return m, strings.TrimSpace(after)
		}
	}
	return "", text
}

// checkField refuses fields that run something or bring in outside content when the document
// is opened or updated: DDE, and the fields that include other files. INCLUDEPICTURE stays:
// Word writes it for every picture pasted from a web page, keeps the picture in the package,
// and an outside target of its picture is refused with the relationships.
func checkField(instr string) error {
	f := strings.Fields(instr)
	if len(f) == 0 {
		return nil
	}
	switch strings.ToUpper(f[0]) {
	case "DDE", "DDEAUTO":
		return fmt.Errorf("%w: field %s", ErrMacros, f[0])
	case "INCLUDETEXT", "LINK", "IMPORT", "INCLUDE":
		return fmt.Errorf("%w: field %s", ErrExternal, f[0])
	}
	return nil
}
