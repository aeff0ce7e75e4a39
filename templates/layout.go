package templates

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/form"
)

// partKind tells which kind of form part a sheet holds.
type partKind int

const (
	kindTable partKind = iota
	kindIndicators
	kindNarrative
)

// Keys of the fixed columns of indicator and narrative sheets; they cannot clash with column keys,
// which form.ValidKey keeps to lowercase letters, digits and underscores starting with a letter.
const (
	keySTT      = "#stt"
	keyCode     = "#code"
	keyName     = "#name"
	keyUnit     = "#unit"
	keySecTitle = "#title"
	keySecText  = "#text"
)

// headerCol is one expected column title of a part, with the key it is read under.
type headerCol struct {
	key      string
	title    string
	required bool // printed with a "(*)" marker
}

// part is one sheet-sized piece of a form with the header that locates it.
type part struct {
	kind    partKind
	key     string // table or indicator table key; "" for the narrative
	title   string // printed title
	sheet   string // planned sheet name
	headers []headerCol
	table   *form.Table
	ind     *form.IndicatorTable
}

// parts plans the sheets of a form in order, giving each a valid, unique sheet name.
func parts(f *form.Form) []part {
	used := map[string]bool{norm2(CoverSheet): true, norm2(NarrativeSheet): true, norm2(IdentSheet): true}
	var out []part
	for i := range f.Tables {
		t := &f.Tables[i]
		hs := []headerCol{{key: keySTT, title: labelSTT}}
		for _, c := range t.Columns {
			hs = append(hs, headerCol{key: c.Key, title: c.Title, required: c.Required})
		}
		out = append(out, part{kind: kindTable, key: t.Key, title: t.Title, sheet: uniqueSheetName(t.Title, used), headers: hs, table: t})
	}
	for i := range f.Indicators {
		it := &f.Indicators[i]
		hs := []headerCol{{key: keyCode, title: labelCode}, {key: keyName, title: labelIndicator}, {key: keyUnit, title: labelUnit}}
		for _, c := range it.Columns {
			hs = append(hs, headerCol{key: c.Key, title: c.Title})
		}
		out = append(out, part{kind: kindIndicators, key: it.Key, title: it.Title, sheet: uniqueSheetName(it.Title, used), headers: hs, ind: it})
	}
	if len(f.Narrative) > 0 {
		hs := []headerCol{{key: keySecTitle, title: labelSection}, {key: keySecText, title: labelSectionText}}
		out = append(out, part{kind: kindNarrative, title: titleNarrative, sheet: NarrativeSheet, headers: hs})
	}
	return out
}

// uniqueSheetName makes a title a valid Excel sheet name (no []:*?/\, at most 31 characters, not
// starting or ending with an apostrophe) that no earlier sheet of the workbook uses.
func uniqueSheetName(title string, used map[string]bool) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, norm.NFC.String(strings.TrimSpace(title)))
	base = strings.Trim(base, "' ")
	if base == "" {
		base = defaultSheetName
	}
	name := truncateRunes(base, 31)
	for n := 2; used[norm2(name)]; n++ {
		suffix := " (" + strconv.Itoa(n) + ")"
		name = strings.TrimRight(truncateRunes(base, 31-len(suffix)), "' ") + suffix
	}
	used[norm2(name)] = true
	return name
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// norm2 normalises a label for matching: NFC, case-folded, whitespace collapsed, required markers
// ("*", "(*)") and trailing colons removed. Labels typed by people and rewritten by converters
// differ in exactly these ways.
func norm2(s string) string {
	s = norm.NFC.String(s)
	s = strings.Join(strings.FieldsFunc(s, isSpace), " ")
	for {
		t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "(*)"), "*"), ":"))
		if t == s {
			break
		}
		s = t
	}
	// A Caser is stateful, so each call makes its own: Read may run in several goroutines.
	return norm.NFC.String(cases.Fold().String(s))
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u200b'
}

// cleanText is what a text cell is normalised to: NFC, line ends as \n, surrounding space trimmed.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimFunc(norm.NFC.String(s), isSpace)
}
