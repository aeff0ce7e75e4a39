package intake

import (
	"bufio"
	"bytes"
	"io"
	"mime"
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	gomail "github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
	"github.com/tonghop/tonghop/address"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// maxHeaderBytes bounds one header block; real headers with long Received
// chains stay far below it.
const maxHeaderBytes = 1 << 20

// splitHeader reads the header block at the start of raw, dropping lines that
// are not "Key: value" fields (mbox "From " lines, garbage, stray text) rather
// than failing on them as textproto.ReadHeader does. It returns the header and
// the body that follows the blank line.
func splitHeader(raw []byte) (textproto.Header, []byte) {
	var clean bytes.Buffer
	keep := false // whether continuation lines belong to a kept field
	rest := raw
	for len(rest) > 0 && clean.Len() < maxHeaderBytes {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		content := bytes.TrimRight(line, "\r\n")
		if len(content) == 0 {
			break // end of header
		}
		if content[0] == ' ' || content[0] == '\t' {
			if keep {
				clean.Write(content)
				clean.WriteString("\r\n")
			}
			continue
		}
		keep = validFieldLine(content)
		if keep {
			clean.Write(content)
			clean.WriteString("\r\n")
		}
	}
	clean.WriteString("\r\n")
	// After cleaning ReadHeader cannot fail on syntax; on any other error
	// the fields read so far are still the best we have.
	h, _ := textproto.ReadHeader(bufio.NewReader(&clean))
	return h, rest
}

// validFieldLine reports whether line starts with a field name and a colon.
func validFieldLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	key := bytes.TrimRight(line[:i], " \t")
	if len(key) == 0 {
		return false
	}
	for _, c := range key {
		if c < 33 || c > 126 {
			return false
		}
	}
	return true
}

// fixUTF8 returns b as a string, reading it as windows-1258 when it is not
// UTF-8. Undeclared 8-bit text in mail to Vietnamese offices comes from
// Windows machines set to the Vietnamese code page; for Western text that
// code page agrees with Latin-1 on the letters. Text that is mostly UTF-8
// with a few broken bytes (a name cut mid-character) stays UTF-8, minus the
// broken bytes.
func fixUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	multi, invalid := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			multi++
		}
		i += size
	}
	if multi >= invalid {
		return strings.ToValidUTF8(string(b), "")
	}
	s, err := charmap.Windows1258.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(s)
}

// isUTF8Label reports charset labels that mean "UTF-8, or ASCII that is
// really UTF-8": mislabelled 8-bit mail declares us-ascii all the time.
func isUTF8Label(label string) bool {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "x-utf_8j":
		return true
	}
	return false
}

// decodeCharset converts b from the named charset to UTF-8, falling back to
// fixUTF8 for unknown or UTF-8-like labels.
func decodeCharset(label string, b []byte) string {
	if isUTF8Label(label) {
		return fixUTF8(b)
	}
	r, err := charset.Reader(label, bytes.NewReader(b))
	if err != nil {
		return fixUTF8(b)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return fixUTF8(b)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// wordDecoder decodes RFC 2047 words in any charset go-message knows; unknown
// charsets fall back to fixUTF8 instead of failing the whole field.
var wordDecoder = &mime.WordDecoder{
	CharsetReader: func(label string, input io.Reader) (io.Reader, error) {
		b, err := io.ReadAll(input)
		if err != nil {
			return nil, err
		}
		return strings.NewReader(decodeCharset(label, b)), nil
	},
}

// decodeText decodes an unstructured header value (Subject, display names,
// file names): RFC 2047 words, raw 8-bit bytes, whitespace runs, NFC.
func decodeText(raw string) string {
	s := fixUTF8([]byte(raw))
	if dec, err := wordDecoder.DecodeHeader(s); err == nil {
		s = dec
	}
	return collapseSpace(norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD")))
}

// collapseSpace trims s and turns every whitespace or control run into one
// space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

var msgIDPattern = regexp.MustCompile(`<([^<>\s]+)>`)

// msgIDList extracts message IDs from an In-Reply-To or References value.
// It is lenient on purpose: IDs without "@" and comments occur in the wild.
func msgIDList(raw string) []string {
	raw = fixUTF8([]byte(raw))
	var ids []string
	for _, m := range msgIDPattern.FindAllStringSubmatch(raw, -1) {
		ids = append(ids, m[1])
	}
	if ids == nil {
		// No angle brackets at all: some clients send bare IDs.
		for _, f := range strings.Fields(raw) {
			if strings.Contains(f, "@") {
				ids = append(ids, strings.Trim(f, "<>,;"))
			}
		}
	}
	return ids
}

func firstMsgID(raw string) string {
	if ids := msgIDList(raw); len(ids) > 0 {
		return ids[0]
	}
	return ""
}

func parseDate(raw string) time.Time {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return time.Time{}
	}
	t, err := mail.ParseDate(raw)
	if err != nil {
		return time.Time{}
	}
	return t
}

// parseAddressList parses an address header, falling back to a lenient
// split when the strict RFC 5322 parser rejects it (trailing commas, raw
// 8-bit names, unquoted dots in names are all common).
func parseAddressList(raw string) []Address {
	raw = strings.TrimSpace(fixUTF8([]byte(raw)))
	if raw == "" {
		return nil
	}
	var out []Address
	if list, err := gomail.ParseAddressList(raw); err == nil {
		for _, a := range list {
			out = appendAddress(out, a.Name, a.Address)
		}
		return out
	}
	for _, piece := range splitOutside(raw, ',', true) {
		name, addr := lenientAddress(piece)
		out = appendAddress(out, name, addr)
	}
	return out
}

// appendAddress adds an address as written with its ASCII letters lower-cased (address.Lower),
// never Unicode case mapping: strings.ToLower would turn a Kelvin sign into "k" and a dotted
// capital I into "i", making a look-alike the address it imitates. Comparing it with another
// address is package address's work.
func appendAddress(list []Address, name, addr string) []Address {
	addr = address.Lower(addr)
	if !strings.Contains(addr, "@") {
		return list
	}
	// decodeText again: encoded words inside quotes ("=?utf-8?b?…?=" <a@b>)
	// are invalid but common, and net/mail leaves them encoded.
	return append(list, Address{Name: decodeText(name), Addr: addr})
}

// lenientAddress reads "Name <addr>", "<addr>", "addr (Name)" or "addr".
func lenientAddress(s string) (name, addr string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '<'); i >= 0 {
		addr = s[i+1:]
		if j := strings.IndexByte(addr, '>'); j >= 0 {
			addr = addr[:j]
		}
		name = strings.TrimSpace(s[:i])
		if k := strings.LastIndexByte(name, ':'); k >= 0 && strings.Count(name, `"`) == 0 {
			name = name[k+1:] // group syntax "team: Name <addr>"
		}
		return strings.Trim(strings.TrimSpace(name), `"'`), strings.TrimSpace(addr)
	}
	for _, f := range strings.Fields(s) {
		if strings.Contains(f, "@") {
			addr = strings.Trim(f, `"'()<>;:`)
			if k := strings.LastIndexByte(addr, ':'); k >= 0 {
				addr = addr[k+1:]
			}
		}
	}
	if i, j := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')'); i >= 0 && j > i {
		name = s[i+1 : j]
	}
	return strings.TrimSpace(name), addr
}

// splitOutside splits s at sep where sep is not inside double quotes (or,
// with angles, inside <…> or (…)).
func splitOutside(s string, sep byte, angles bool) []string {
	var parts []string
	quoted, depth, start := false, 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case angles && (c == '<' || c == '('):
			depth++
		case angles && (c == '>' || c == ')') && depth > 0:
			depth--
		case c == sep && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}
