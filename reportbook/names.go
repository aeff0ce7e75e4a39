package reportbook

import (
	"strconv"
	"strings"
	"unicode"
)

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not starting or
// ending with an apostrophe, not "History" (reserved for change tracking), unique without
// regard to case. A name breaking them makes Excel refuse or "repair" the file.
const maxSheetName = 31

// sheetNamer hands out valid, distinct sheet names.
type sheetNamer struct {
	used map[string]bool // folded names already taken
}

func newSheetNamer(reserved ...string) *sheetNamer {
	n := &sheetNamer{used: map[string]bool{"history": true}}
	for _, r := range reserved {
		n.used[foldName(r)] = true
	}
	return n
}

// name returns a sheet name made from want, or from fallback when nothing usable is left of
// want, made distinct from every name handed out or reserved by a " (2)", " (3)" … suffix.
func (n *sheetNamer) name(want, fallback string) string {
	base := sanitizeSheetName(want)
	if base == "" {
		base = sanitizeSheetName(fallback)
	}
	if base == "" {
		base = "Sheet"
	}
	name := base
	for i := 2; n.used[foldName(name)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		name = strings.TrimRight(cutUTF16(base, maxSheetName-len(suffix)), " '") + suffix
	}
	n.used[foldName(name)] = true
	return name
}

// sanitizeSheetName applies Excel's rules to one name, without regard to uniqueness.
func sanitizeSheetName(s string) string {
	s = cleanText(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r):
			return '-'
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(cutUTF16(strings.Trim(s, "' "), maxSheetName), "' ")
	return s
}

// cutUTF16 returns the longest prefix of s of at most n UTF-16 code units (Excel's unit of
// characters).
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16Len(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}

// foldName is the key under which Excel compares sheet names.
func foldName(s string) string { return strings.ToLower(strings.ToUpper(s)) }
