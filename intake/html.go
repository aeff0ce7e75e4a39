package intake

import (
	"html"
	"strings"
)

// skippedElements hold no readable text.
var skippedElements = map[string]bool{"script": true, "style": true, "head": true, "title": true}

// blockElements start a new line in the rough text.
var blockElements = map[string]bool{
	"br": true, "p": true, "div": true, "tr": true, "li": true, "table": true,
	"blockquote": true, "hr": true, "ul": true, "ol": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"section": true, "article": true, "header": true, "footer": true,
}

// htmlToText reduces an HTML body to rough text: tags dropped, block
// elements turned into line breaks, entities decoded, spaces collapsed. It is
// for reading a reply's words (a unit's "đã gửi" or question), not for
// rendering, and tolerates any malformed markup.
func htmlToText(s string) string {
	var out strings.Builder
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			out.WriteString(textNode(s))
			break
		}
		out.WriteString(textNode(s[:lt]))
		s = s[lt:]
		if strings.HasPrefix(s, "<!--") {
			s = skipPast(s, "-->")
			continue
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			break // unterminated tag: the rest is markup debris
		}
		name, closing := tagName(s[1:gt])
		s = s[gt+1:]
		switch {
		case skippedElements[name] && !closing:
			s = skipPast(s, "</"+name)
		case blockElements[name]:
			out.WriteByte('\n')
		case name == "td" || name == "th":
			out.WriteByte(' ')
		}
	}
	return tidyLines(out.String())
}

// textNode decodes entities and turns the whitespace of a run of text
// between tags into spaces; HTML whitespace, newlines included, is one space.
// tidyLines collapses the runs.
func textNode(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			return ' '
		}
		return r
	}, html.UnescapeString(s))
}

// tagName returns the lower-cased element name of a tag's inside ("/p",
// "br/", "div class=x") and whether it is a closing tag.
func tagName(inside string) (string, bool) {
	closing := strings.HasPrefix(inside, "/")
	inside = strings.TrimPrefix(inside, "/")
	end := strings.IndexAny(inside, " \t\r\n/")
	if end >= 0 {
		inside = inside[:end]
	}
	return strings.ToLower(inside), closing
}

// skipPast drops s up to and including marker (case-insensitive), or all of
// s when marker is missing.
func skipPast(s, marker string) string {
	i := indexFoldASCII(s, marker)
	if i < 0 {
		return ""
	}
	rest := s[i+len(marker):]
	if gt := strings.IndexByte(rest, '>'); gt >= 0 && !strings.HasPrefix(marker, "-") {
		rest = rest[gt+1:]
	}
	return rest
}

// indexFoldASCII is strings.Index ignoring ASCII case. Lower-casing s first
// would be wrong: some runes change byte length when lower-cased.
func indexFoldASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if equalFoldASCII(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// tidyLines collapses spaces, trims every line and keeps at most one blank line in a row.
func tidyLines(s string) string {
	var lines []string
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			if !blank && len(lines) > 0 {
				lines = append(lines, "")
			}
			blank = true
			continue
		}
		blank = false
		lines = append(lines, line)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
