package templates

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// xmlScan is a small XML tokenizer over a part held in memory, for the one pass that reads a
// worksheet (sheetscan.go). It does not allocate per token: names, attribute values and text are
// slices of the part. It understands only what spreadsheet programs write; anything else
// (CDATA, a DOCTYPE, a carriage return that XML would normalise, an unknown entity, a character
// XML forbids) makes it give up with errBail, and the caller reads the sheet the slow way, with
// excelize, so hostile or odd input is judged exactly as before.
type xmlScan struct {
	data  []byte
	pos   int
	attrs []xmlAttr // of the last start element, reused
	buf   []byte    // text with its entities decoded, reused
	leaf  []byte    // the text leafText returns, reused
	names []byte    // raw names of the open elements, end to end: each end tag checked against its start
	ends  []int     // where each open element's name ends in names
	raw   []byte    // the raw name of the last start element, prefix included

	// A part streamed through a window (xmlwindow.go) rather than held whole: data is the
	// window, base the offset in the part of its first byte.
	src  io.ReadCloser
	base int64
	eof  bool
}

type xmlAttr struct{ name, value []byte }

var errBail = errors.New("not a plain worksheet: read by excelize")

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
	tokSkip // a comment or a processing instruction, passed over inside next
)

// next returns the next token: for tokStart its local name (attributes in s.attrs) and whether
// it closes itself; for tokEnd its local name; for tokText the raw text.
//
// A streamed part's token is read from the window as it stands: a token the window cuts short
// ends in a bail, or, for text, at the window's end, and only then is it read again once the
// window holds it whole (xmlwindow.go); a token read whole from the window is what it is.
func (s *xmlScan) next() (kind tokKind, name []byte, selfClose bool, err error) {
	for {
		at := s.pos
		kind, name, selfClose, err = s.token()
		if s.src != nil && !s.eof && (err != nil || kind == tokEOF || kind == tokText && s.pos == len(s.data)) {
			s.pos = at
			if err := s.ensure(); err != nil {
				return 0, nil, false, err
			}
			kind, name, selfClose, err = s.token()
		}
		if kind != tokSkip || err != nil {
			return kind, name, selfClose, err
		}
	}
}

// token reads the token at pos from the window as it stands; tokSkip for a comment or an
// instruction passed over.
func (s *xmlScan) token() (kind tokKind, name []byte, selfClose bool, err error) {
	if s.pos >= len(s.data) {
		if s.depth() > 0 {
			return 0, nil, false, errBail // cut short: excelize's decoder fails there
		}
		return tokEOF, nil, false, nil
	}
	if s.data[s.pos] != '<' {
		end := bytes.IndexByte(s.data[s.pos:], '<')
		if end < 0 {
			end = len(s.data) - s.pos
		}
		text := s.data[s.pos : s.pos+end]
		s.pos += end
		return tokText, text, false, nil
	}
	rest := s.data[s.pos+1:]
	switch {
	case bytes.HasPrefix(rest, []byte("?")):
		end := bytes.Index(rest[1:], []byte("?>"))
		if end < 0 || !plainInstruction(rest[1:1+end]) {
			return 0, nil, false, errBail
		}
		s.pos += 1 + 1 + end + 2 // <? … ?>
		return tokSkip, nil, false, nil
	case bytes.HasPrefix(rest, []byte("!--")):
		end := bytes.Index(rest[3:], []byte("--"))
		if end < 0 || !bytes.HasPrefix(rest[3+end:], []byte("-->")) {
			return 0, nil, false, errBail // "--" inside a comment is an error for encoding/xml
		}
		s.pos += 1 + 3 + end + 3
		return tokSkip, nil, false, nil
	case bytes.HasPrefix(rest, []byte("!")):
		return 0, nil, false, errBail // CDATA, DOCTYPE
	case bytes.HasPrefix(rest, []byte("/")):
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return 0, nil, false, errBail
		}
		raw := bytes.TrimRight(rest[1:end], " \t\n")
		name, ok := localName(raw)
		if !ok || s.depth() == 0 || !bytes.Equal(s.names[s.nameStart():], raw) {
			return 0, nil, false, errBail
		}
		s.names = s.names[:s.nameStart()]
		s.ends = s.ends[:len(s.ends)-1]
		s.pos += end + 2
		return tokEnd, name, false, nil
	}
	return s.start()
}

// depth is how many elements are open.
func (s *xmlScan) depth() int { return len(s.ends) }

// nameStart is where the innermost open element's name starts in names.
func (s *xmlScan) nameStart() int {
	if len(s.ends) < 2 {
		return 0
	}
	return s.ends[len(s.ends)-2]
}

// start reads a start element at s.pos.
func (s *xmlScan) start() (tokKind, []byte, bool, error) {
	i := s.pos + 1
	n := nameEnd(s.data, i)
	n0 := n
	s.raw = s.data[i:n]
	name, ok := localName(s.raw)
	if !ok {
		return 0, nil, false, errBail
	}
	s.attrs = s.attrs[:0]
	i = n
	for {
		i = skipSpace(s.data, i)
		if i >= len(s.data) {
			return 0, nil, false, errBail
		}
		switch s.data[i] {
		case '>':
			if s.depth() >= maxXMLDepth {
				return 0, nil, false, errBail
			}
			s.names = append(s.names, s.data[s.pos+1:n0]...)
			s.ends = append(s.ends, len(s.names))
			s.pos = i + 1
			return tokStart, name, false, nil
		case '/':
			if i+1 >= len(s.data) || s.data[i+1] != '>' {
				return 0, nil, false, errBail
			}
			s.pos = i + 2
			return tokStart, name, true, nil
		}
		n = nameEnd(s.data, i)
		an, ok := localName(s.data[i:n])
		if !ok {
			return 0, nil, false, errBail
		}
		i = skipSpace(s.data, n)
		if i >= len(s.data) || s.data[i] != '=' {
			return 0, nil, false, errBail
		}
		i = skipSpace(s.data, i+1)
		if i >= len(s.data) || (s.data[i] != '"' && s.data[i] != '\'') {
			return 0, nil, false, errBail
		}
		q := s.data[i]
		end := bytes.IndexByte(s.data[i+1:], q)
		if end < 0 {
			return 0, nil, false, errBail
		}
		v := s.data[i+1 : i+1+end]
		if bytes.ContainsAny(v, "&<\r\t\n") || !utf8.Valid(v) || hasControl(v) {
			return 0, nil, false, errBail
		}
		s.attrs = append(s.attrs, xmlAttr{an, v})
		i += end + 2
	}
}

// plainInstruction says whether a processing instruction is one encoding/xml passes over as
// this tokenizer does: not an XML declaration, or one of version 1.0 in UTF-8.
func plainInstruction(pi []byte) bool {
	target := pi[:nameEnd(pi, 0)]
	if _, ok := localName(target); !ok || bytes.ContainsRune(target, ':') || len(target) < len(pi) && pi[len(target)] != ' ' && pi[len(target)] != '\t' && pi[len(target)] != '\n' {
		return false // encoding/xml wants a name first, then space
	}
	if !bytes.HasPrefix(pi, []byte("xml")) || len(pi) > 3 && pi[3] != ' ' && pi[3] != '\t' && pi[3] != '\n' {
		return utf8.Valid(pi)
	}
	lower := bytes.ToLower(pi)
	for _, kv := range []struct{ key, want string }{{"version", "1.0"}, {"encoding", "utf-8"}} {
		i := bytes.Index(lower, []byte(kv.key))
		if i < 0 {
			continue
		}
		v := bytes.TrimLeft(lower[i+len(kv.key):], " \t\n")
		if !bytes.HasPrefix(v, []byte("=")) {
			return false
		}
		v = bytes.TrimLeft(v[1:], " \t\n")
		if !bytes.HasPrefix(v, []byte(`"`+kv.want+`"`)) && !bytes.HasPrefix(v, []byte(`'`+kv.want+`'`)) {
			return false
		}
	}
	return true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n') {
		i++
	}
	return i
}

// nameEnd is where the name starting at i ends.
func nameEnd(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r', '>', '/', '=':
			return i
		}
		i++
	}
	return i
}

// localName is a name without its namespace prefix; only plain ASCII names are taken.
func localName(b []byte) ([]byte, bool) {
	if len(b) == 0 {
		return nil, false
	}
	colon := -1
	for i, c := range b {
		switch {
		case c == ':':
			if colon >= 0 {
				return nil, false
			}
			colon = i
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case (c == '-' || c == '.' || c >= '0' && c <= '9') && i > 0: // not first, as encoding/xml wants
		default:
			return nil, false
		}
	}
	if colon == 0 || colon == len(b)-1 {
		return nil, false
	}
	return b[colon+1:], true
}

// skip passes over the rest of the element just started (not self-closed), bounded in depth.
func (s *xmlScan) skip() error {
	depth := 1
	for depth > 0 {
		kind, name, self, err := s.next()
		switch {
		case err != nil:
			return err
		case kind == tokEOF:
			return errBail
		case kind == tokStart && !self:
			if depth++; depth > maxXMLDepth {
				return errBail
			}
		case kind == tokEnd:
			depth--
		case kind == tokText:
			if err := s.check(name); err != nil {
				return err
			}
		}
	}
	return nil
}
