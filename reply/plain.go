package reply

import (
	"strings"
	"unicode/utf8"
)

// Size limits keep reading bounded on hostile or huge bodies. Replies that
// approve are a few words; anything cut by these limits cannot approve.
const (
	maxBody    = 1 << 20  // bytes of each body examined
	maxWritten = 64 << 10 // bytes of the person's own text examined
)

// capBytes cuts s to at most n bytes on a rune boundary.
func capBytes(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], true
}

// stripped is the person's own text found in one body.
type stripped struct {
	text      string // what the person wrote, quote and device lines removed
	structure bool   // a quote, separator or signature marker was found
}

// stripPlain finds what the person wrote in a text/plain body. The text
// above the first quote marker is theirs; with "> " quoting, unquoted lines
// between and below quoted ones are theirs too (Thunderbird bottom-posting,
// inline answers), because dropping them could drop a change request. Hard
// separators (Outlook header blocks, "-----Original Message-----", a line of
// underscores, forward markers, the "-- " signature line) end the text.
func stripPlain(body string) stripped {
	body, _ = capBytes(body, maxBody)
	body = strings.ToValidUTF8(body, "\uFFFD")
	body = strings.ReplaceAll(body, "\r\n", "\n")
	lines := strings.Split(body, "\n")
	folds := newLineFolds(lines)
	var out []string
	found, size := false, 0
	instruction := "" // the part of the request's instruction line seen so far
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if isQuotedLine(line) {
			// A quoted instruction line may wrap onto an unquoted line.
			found, instruction = true, quotedInstruction(folds, i, instruction)
			continue
		}
		f := folds.at(i)
		if isSignatureDash(line) || isSeparator(f) || isHeaderBlock(folds, i) {
			found = true
			break
		}
		if ok, before := attributionLines(folds, i); ok {
			found = true
			out = dropLast(out, before)
			if !quoteFollows(lines, i+1) {
				break
			}
			continue
		}
		if isDeviceLine(f) {
			continue
		}
		if part, ok := instructionPart(f, instruction); ok {
			instruction = part
			continue
		}
		instruction = ""
		out = append(out, removeRequestToken(line))
		if size += len(line) + 1; size > maxWritten {
			break // too long to approve anyway; the rest cannot change that
		}
	}
	return stripped{text: trimBlankLines(out), structure: found}
}

// quotedInstruction follows the instruction line through quoted lines, so
// that its continuation, if the mail program wrapped it without "> ", is
// recognised too.
func quotedInstruction(folds *lineFolds, i int, seen string) string {
	if seen == "" && !strings.Contains(folds.lines[i], ":") {
		return "" // only the first piece has a colon; skip folding the rest of the quote
	}
	part, ok := instructionPart(folds.at(i), seen)
	if !ok {
		return ""
	}
	return part
}

// dropLast removes the last n non-blank lines (and blank lines between them)
// from out: the first lines of a wrapped attribution.
func dropLast(out []string, n int) []string {
	for n > 0 && len(out) > 0 {
		if strings.TrimSpace(out[len(out)-1]) != "" {
			n--
		}
		out = out[:len(out)-1]
	}
	return out
}

// quoteFollows reports whether the first non-blank line from i on is a
// "> " line: then the attribution introduces "> " quoting and text below the
// quote is the person's. Otherwise the original follows unmarked and
// everything below the attribution is quoted.
func quoteFollows(lines []string, i int) bool {
	for ; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" {
			continue
		}
		return isQuotedLine(lines[i])
	}
	return false
}

// trimBlankLines joins lines, trimming trailing spaces of each line and
// blank lines at both ends.
func trimBlankLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimRight(l, " \t\u00a0"))
		b.WriteByte('\n')
	}
	return strings.Trim(b.String(), "\n \t\u00a0")
}
