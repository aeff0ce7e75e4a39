package report

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/tonghop/tonghop/form"
)

// decodeFilled decodes a submission's stored content as json.Unmarshal does into a
// form.Filled. Its tables, nearly all of a work program's bytes, are read by a scanner of
// their own: encoding/json's reflection, its validity pre-pass and its map assignments were
// a third of consolidating a thousand units from the ledger. The other members go to
// json.Unmarshal; and anything the scanner does not expect (a key of another case, a null, a
// number with a fraction, invalid JSON) sends the whole document to json.Unmarshal, so the
// result, or the error, is always encoding/json's (decode_test.go compares the two).
func decodeFilled(data string, strs *interner) (form.Filled, error) {
	if f, ok := scanFilled(data, strs); ok {
		return f, nil
	}
	var f form.Filled
	if err := json.Unmarshal([]byte(data), &f); err != nil {
		return form.Filled{}, err
	}
	strs.rows(&f)
	return f, nil
}

// filledScanner reads one document; ok turns false at the first thing it does not expect.
// What it keeps of the document is copied (interner.own): a value sharing the document's
// memory would keep every unit's whole JSON alive in the book.
type filledScanner struct {
	data string
	i    int
	ok   bool
	strs *interner
}

func scanFilled(data string, strs *interner) (form.Filled, bool) {
	s := &filledScanner{data: data, ok: true, strs: strs}
	var f form.Filled
	seen := map[string]bool{}
	s.object(func(key string) {
		if seen[key] {
			s.ok = false // json decodes a member given twice over the first one
			return
		}
		seen[key] = true
		switch key {
		case "tables":
			f.Tables = s.tables()
		case "ident", "header", "indicators", "narrative":
			raw := []byte(s.skipValue())
			if !s.ok {
				return
			}
			var err error
			switch key {
			case "ident":
				err = json.Unmarshal(raw, &f.Ident)
			case "header":
				err = json.Unmarshal(raw, &f.Header)
			case "indicators":
				err = json.Unmarshal(raw, &f.Indicators)
			case "narrative":
				err = json.Unmarshal(raw, &f.Narrative)
			}
			s.ok = s.ok && err == nil
		default:
			s.ok = false // json matches keys case-insensitively and skips unknown ones
		}
	})
	s.space()
	return f, s.ok && s.i == len(s.data)
}

// object reads an object, calling member for each key with the scanner at its value.
func (s *filledScanner) object(member func(key string)) {
	if !s.expect('{') {
		return
	}
	s.space()
	if s.peek() == '}' {
		s.i++
		return
	}
	for s.ok {
		key := s.plainString()
		if !s.expect(':') {
			return
		}
		member(key)
		if !s.ok {
			return
		}
		s.space()
		switch s.peek() {
		case ',':
			s.i++
			s.space()
		case '}':
			s.i++
			return
		default:
			s.ok = false
		}
	}
}

// tables reads table key → rows.
func (s *filledScanner) tables() map[string][]form.Row {
	out := map[string][]form.Row{}
	s.object(func(key string) {
		out[s.strs.own(key)] = s.rows(out[key])
	})
	return out
}

// rows reads an array of rows. Into a key given twice, json decodes the second array over
// the first one's slice: the rows it reaches are decoded over the earlier ones.
func (s *filledScanner) rows(prev []form.Row) []form.Row {
	if prev != nil {
		s.ok = false
		return nil
	}
	if !s.expect('[') {
		return nil
	}
	out := []form.Row{}
	s.space()
	if s.peek() == ']' {
		s.i++
		return out
	}
	for s.ok {
		out = append(out, s.row())
		s.space()
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return out
		default:
			s.ok = false
		}
	}
	return nil
}

// row reads {"line": N, "values": {...}}, each member at most once.
func (s *filledScanner) row() form.Row {
	var r form.Row
	seenLine, seenValues := false, false
	s.object(func(key string) {
		switch {
		case key == "line" && !seenLine:
			seenLine = true
			r.Line = s.integer()
		case key == "values" && !seenValues:
			seenValues = true
			r.Values = s.values()
		default:
			s.ok = false
		}
	})
	return r
}

// values reads an object of strings, each key once.
func (s *filledScanner) values() map[string]string {
	out := make(map[string]string, 8)
	s.object(func(key string) {
		if _, twice := out[key]; twice {
			s.ok = false
			return
		}
		s.space()
		out[s.strs.own(key)] = s.text()
	})
	return out
}

// integer reads a JSON integer that fits an int: no fraction, no exponent.
func (s *filledScanner) integer() int {
	s.space()
	start := s.i
	if s.peek() == '-' {
		s.i++
	}
	digits := s.i
	for s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' {
		s.i++
	}
	if s.i == digits || s.data[digits] == '0' && s.i-digits > 1 {
		s.ok = false
		return 0
	}
	n, err := strconv.Atoi(s.data[start:s.i])
	if err != nil {
		s.ok = false
	}
	return n
}

// plainString reads a string without escapes, for keys: a part of the document, to be
// copied if kept.
func (s *filledScanner) plainString() string {
	s.space()
	if !s.expect('"') {
		return ""
	}
	start := s.i
	for s.i < len(s.data) {
		switch c := s.data[s.i]; {
		case c == '"':
			s.i++
			return s.data[start : s.i-1]
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			s.ok = false
			return ""
		}
		s.i++
	}
	s.ok = false
	return ""
}

// text reads a string value: copied as it is when it has no escape and is valid UTF-8,
// else unquoted by encoding/json (which replaces invalid UTF-8 as it does). Short values
// are the interner's shared copies.
func (s *filledScanner) text() string {
	if !s.expect('"') {
		return ""
	}
	start, plain := s.i, true
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			raw := s.data[start : s.i-1]
			if plain && utf8.ValidString(raw) {
				return s.strs.own(raw)
			}
			var v string
			if err := json.Unmarshal([]byte(s.data[start-1:s.i]), &v); err != nil {
				s.ok = false
			}
			return s.strs.str(v)
		case c == '\\':
			plain = false
			s.i += 2
			continue
		case c < 0x20:
			s.ok = false
			return ""
		}
		s.i++
	}
	s.ok = false
	return ""
}

// skipValue passes over one value (checked by json.Unmarshal later) and returns its text.
func (s *filledScanner) skipValue() string {
	s.space()
	start, depth := s.i, 0
	for s.ok && s.i < len(s.data) {
		switch c := s.data[s.i]; c {
		case '"':
			s.skipString()
			if !s.ok {
				return ""
			}
			if depth == 0 {
				return s.data[start:s.i]
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				s.ok = false
				return ""
			}
			depth--
			if depth == 0 {
				s.i++
				return s.data[start:s.i]
			}
		case ',', ':':
			if depth == 0 {
				s.ok = false
				return ""
			}
		default:
			if depth == 0 && !isSpace(c) {
				for s.i < len(s.data) && !isDelimiter(s.data[s.i]) {
					s.i++
				}
				return s.data[start:s.i]
			}
		}
		s.i++
	}
	s.ok = false
	return ""
}

// skipString passes over a string; at its end, s.i is past the closing quote, never past
// the document's end.
func (s *filledScanner) skipString() {
	s.i++ // the opening quote
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case '"':
			s.i++
			return
		case '\\':
			s.i++ // the escaped byte is passed over below
		}
		s.i++
	}
	s.i = len(s.data)
	s.ok = false
}

func (s *filledScanner) expect(c byte) bool {
	s.space()
	if s.i < len(s.data) && s.data[s.i] == c {
		s.i++
		return true
	}
	s.ok = false
	return false
}

func (s *filledScanner) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *filledScanner) space() {
	for s.i < len(s.data) && isSpace(s.data[s.i]) {
		s.i++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isDelimiter(c byte) bool { return isSpace(c) || c == ',' || c == '}' || c == ']' || c == ':' }
