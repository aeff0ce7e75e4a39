package templates

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Sanitize rewrites the parts it keeps token by token: what is read with RawToken is written
// back with the same prefixes, so nothing of the namespaces changes, and whatever is not
// written is gone. The reader checks what RawToken does not: that end tags match their start
// tags, and that the document has one root.

var errXMLShape = errors.New("XML not well-formed")

// xmlIn reads the tokens of one part.
type xmlIn struct {
	d     *xml.Decoder
	stack []xml.Name
	roots int
}

func newXMLIn(r io.Reader) *xmlIn {
	d := xml.NewDecoder(r)
	d.Strict = true
	return &xmlIn{d: d}
}

// next returns the next token, copied; io.EOF once the root is closed and the input ends. Text
// outside the root (white space, a byte-order mark) is skipped.
func (in *xmlIn) next() (xml.Token, error) {
	for {
		tok, err := in.d.RawToken()
		if err == io.EOF {
			if len(in.stack) > 0 || in.roots == 0 {
				return nil, fmt.Errorf("%w: unexpected end", errXMLShape)
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", errXMLShape, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(in.stack) == 0 {
				if in.roots++; in.roots > 1 {
					return nil, fmt.Errorf("%w: two root elements", errXMLShape)
				}
			}
			in.stack = append(in.stack, t.Name)
		case xml.EndElement:
			if len(in.stack) == 0 || in.stack[len(in.stack)-1] != t.Name {
				return nil, fmt.Errorf("%w: unexpected </%s>", errXMLShape, qname(t.Name))
			}
			in.stack = in.stack[:len(in.stack)-1]
		case xml.CharData:
			if len(in.stack) > 0 {
				break
			}
			if strings.Trim(string(t), " \t\r\n\ufeff") != "" {
				return nil, fmt.Errorf("%w: text outside the root", errXMLShape)
			}
			continue
		case xml.Directive:
			return nil, errXMLDoctype // no part of a workbook needs one; checkStructure refuses them too
		}
		return xml.CopyToken(tok), nil
	}
}

// depth is the number of elements open, the one just started included.
func (in *xmlIn) depth() int { return len(in.stack) }

// skip consumes the rest of the element just started.
func (in *xmlIn) skip() error {
	d := in.depth()
	for in.depth() >= d {
		if _, err := in.next(); err != nil {
			return err
		}
	}
	return nil
}

// text consumes the rest of the element just started and returns its text, nested elements'
// included.
func (in *xmlIn) text() (string, error) {
	var b strings.Builder
	d := in.depth()
	for in.depth() >= d {
		tok, err := in.next()
		if err != nil {
			return "", err
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
	return b.String(), nil
}

// xmlOut writes tokens as text.
type xmlOut struct {
	w *bufio.Writer
}

func newXMLOut(w io.Writer) *xmlOut {
	o := &xmlOut{w: bufio.NewWriter(w)}
	o.w.WriteString(xml.Header)
	return o
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func (o *xmlOut) start(el xml.StartElement) {
	o.w.WriteString("<" + qname(el.Name))
	for _, a := range el.Attr {
		o.w.WriteString(" " + qname(a.Name) + `="`)
		escape(o.w, a.Value, true)
		o.w.WriteByte('"')
	}
	o.w.WriteByte('>')
}

func (o *xmlOut) end(name xml.Name) { o.w.WriteString("</" + qname(name) + ">") }

func (o *xmlOut) text(s string) { escape(o.w, s, false) }

// element writes a whole element holding only text.
func (o *xmlOut) element(el xml.StartElement, text string) {
	o.start(el)
	o.text(text)
	o.end(el.Name)
}

// token writes a token read from a part; comments, processing instructions and directives are
// left out.
func (o *xmlOut) token(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		o.start(t)
	case xml.EndElement:
		o.end(t.Name)
	case xml.CharData:
		o.text(string(t))
	}
}

func (o *xmlOut) flush() error { return o.w.Flush() }

// escape writes s as XML text; in attributes, white space other than the space is written as
// character references, so that it survives attribute normalisation.
func escape(w *bufio.Writer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"' && attr:
			esc = "&quot;"
		case c == '\r':
			esc = "&#xD;"
		case (c == '\n' || c == '\t') && attr:
			esc = fmt.Sprintf("&#x%X;", c)
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// withoutAttrs returns el without the attributes drop names (by local name, for attributes
// without a prefix) and without relationship ids (any prefixed "id").
func withoutAttrs(el xml.StartElement, drop ...string) xml.StartElement {
	out := el
	out.Attr = nil
	for _, a := range el.Attr {
		if isRelID(a) {
			continue
		}
		if a.Name.Space == "" && slices.Contains(drop, a.Name.Local) {
			continue
		}
		out.Attr = append(out.Attr, a)
	}
	return out
}

// attr returns the value of an attribute without a prefix.
func attr(el xml.StartElement, local string) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// isRelID reports whether an attribute is a relationship id (r:id, whatever the prefix): no
// attribute of SpreadsheetML is a prefixed "id" but that one.
func isRelID(a xml.Attr) bool {
	return a.Name.Space != "" && a.Name.Space != "xmlns" && a.Name.Local == "id"
}

// relID returns the relationship id of an element.
func relID(el xml.StartElement) string {
	for _, a := range el.Attr {
		if isRelID(a) {
			return a.Value
		}
	}
	return ""
}
