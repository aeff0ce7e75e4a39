package intake

import (
	"sort"
	"strconv"
	"strings"
)

// parseMediaHeader parses a Content-Type or Content-Disposition value into
// its lower-cased value and its parameters (keys lower-cased). Unlike
// mime.ParseMediaType it never gives up on the whole field: raw 8-bit file
// names, duplicate or malformed parameters and unterminated quotes are all
// found in real mail. RFC 2231 continuations and charsets are decoded;
// RFC 2047 words in values are left for decodeFileName.
func parseMediaHeader(raw string) (value string, params map[string]string) {
	segments := splitOutside(raw, ';', false)
	value = strings.ToLower(strings.TrimSpace(segments[0]))
	if i := strings.IndexAny(value, " \t("); i >= 0 {
		value = value[:i]
	}
	params = make(map[string]string)
	extended := make(map[string][]section)
	for _, seg := range segments[1:] {
		k, v, ok := strings.Cut(seg, "=")
		if !ok {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k))
		v = unquote(strings.TrimSpace(v))
		if key == "" {
			continue
		}
		if name, sec, ok := parseSection(key, v); ok {
			extended[name] = append(extended[name], sec)
			continue
		}
		if _, dup := params[key]; !dup {
			params[key] = v
		}
	}
	for name, secs := range extended {
		// RFC 2231: the extended form wins over a plain one sent for old
		// clients.
		params[name] = joinSections(secs)
	}
	return value, params
}

// section is one piece of an RFC 2231 parameter: name*N or name*N*.
type section struct {
	n       int
	value   string
	encoded bool
}

// parseSection recognises RFC 2231 keys: "name*", "name*0", "name*0*".
func parseSection(key, value string) (string, section, bool) {
	name, rest, ok := strings.Cut(key, "*")
	if !ok || name == "" {
		return "", section{}, false
	}
	sec := section{value: value}
	if strings.HasSuffix(rest, "*") {
		sec.encoded = true
		rest = strings.TrimSuffix(rest, "*")
	} else if rest == "" {
		sec.encoded = true // "name*=" is the single-section extended form
	}
	if rest != "" {
		n, err := strconv.Atoi(rest)
		if err != nil || n < 0 || n > 999 {
			return "", section{}, false
		}
		sec.n = n
	}
	return name, sec, true
}

// joinSections orders and decodes RFC 2231 sections. The charset is named
// in the first encoded section as charset'language'value.
func joinSections(secs []section) string {
	sort.SliceStable(secs, func(i, j int) bool { return secs[i].n < secs[j].n })
	label := ""
	var buf []byte
	for i, s := range secs {
		v := s.value
		if s.encoded && i == 0 {
			if parts := strings.SplitN(v, "'", 3); len(parts) == 3 {
				label, v = parts[0], parts[2]
			}
		}
		if s.encoded {
			buf = append(buf, percentDecode(v)...)
		} else {
			buf = append(buf, v...)
		}
	}
	return decodeCharset(label, buf)
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			out = append(out, byte(n))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unquote removes surrounding double quotes. A backslash only escapes a quote
// or a backslash: Windows paths in file names keep their separators.
func unquote(v string) string {
	if !strings.HasPrefix(v, `"`) {
		return v
	}
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) && (v[i+1] == '"' || v[i+1] == '\\') {
			b.WriteByte(v[i+1])
			i++
			continue
		}
		if c == '"' {
			break
		}
		b.WriteByte(c)
	}
	return b.String()
}

// decodeFileName decodes a file name parameter and drops any directory part
// some clients include.
func decodeFileName(raw string) string {
	name := decodeText(raw)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}
