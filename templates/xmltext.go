package templates

// The character data of xmlScan's tokens: checked as encoding/xml would take it, or decoded.

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// check checks character data whose content is not read (whitespace between elements, text
// passed over): only that encoding/xml would take it.
func (s *xmlScan) check(raw []byte) error {
	for _, c := range raw {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return errBail
		}
	}
	if bytes.IndexByte(raw, '&') >= 0 {
		for len(raw) > 0 { // each reference must be one encoding/xml knows
			amp := bytes.IndexByte(raw, '&')
			if amp < 0 {
				break
			}
			semi := bytes.IndexByte(raw[amp:], ';')
			if semi < 0 {
				return errBail
			}
			if _, ok := entity(raw[amp+1 : amp+semi]); !ok {
				return errBail
			}
			raw = raw[amp+semi+1:]
		}
	}
	if !utf8.Valid(raw) || bytes.ContainsRune(raw, 0xFFFE) || bytes.ContainsRune(raw, 0xFFFF) {
		return errBail
	}
	return nil
}

// blank says whether text is whitespace only.
func blank(b []byte) bool { return len(bytes.Trim(b, " \t\r\n")) == 0 }

// text decodes character data as encoding/xml would, or bails on what it would change or refuse
// in ways not followed here.
func (s *xmlScan) text(raw []byte) ([]byte, error) {
	for _, c := range raw {
		if c < 0x20 && c != '\t' && c != '\n' || c == '\r' {
			return nil, errBail
		}
	}
	if !utf8.Valid(raw) || bytes.ContainsRune(raw, 0xFFFE) || bytes.ContainsRune(raw, 0xFFFF) {
		return nil, errBail
	}
	if bytes.IndexByte(raw, '&') < 0 {
		return raw, nil
	}
	s.buf = s.buf[:0]
	for len(raw) > 0 {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			s.buf = append(s.buf, raw...)
			break
		}
		s.buf = append(s.buf, raw[:amp]...)
		semi := bytes.IndexByte(raw[amp:], ';')
		if semi < 0 {
			return nil, errBail
		}
		r, ok := entity(raw[amp+1 : amp+semi])
		if !ok {
			return nil, errBail
		}
		s.buf = utf8.AppendRune(s.buf, r)
		raw = raw[amp+semi+1:]
	}
	return s.buf, nil
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// entity is the character an entity reference names: the five of XML and character references.
func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if len(name) > 9 {
		return 0, false
	}
	if name[1] == 'x' {
		n, err = strconv.ParseUint(string(name[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(name[1:]), 10, 32)
	}
	r := rune(n)
	// Only what encoding/xml takes the same way: printable, not a control character.
	if err != nil || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r > utf8.MaxRune || r >= 0xD800 && r < 0xE000 {
		return 0, false
	}
	return r, true
}
