package tnef

import (
	"errors"
	"fmt"
)

// Attachment methods (PR_ATTACH_METHOD) that hold no file of their own.
const (
	attachMethodEmbedded = 5 // a message, read by DecodeMessage
	attachMethodOLE      = 6 // an OLE object drawn in a rich-text body
)

// finish ends a message: the last attachment and the body.
func (d *decoder) finish(st *msgState, m *Message) error {
	if err := d.flush(st, m); err != nil {
		return err
	}
	m.Class = st.cls.class(st.cp)
	if !d.full {
		return nil
	}
	return d.body(st, m)
}

// flush turns the attachment in hand into a file or an attached message.
func (d *decoder) flush(st *msgState, m *Message) error {
	a := st.att
	st.att = nil
	if a == nil {
		return nil
	}
	if stream := embeddedStream(a.object); a.method == attachMethodEmbedded || stream != nil {
		return d.embedded(st, m, stream)
	}
	if a.method == attachMethodOLE {
		return nil
	}
	data, ok := a.data, a.hasData
	if !ok {
		data, ok = a.dataBin, a.hasDataBin
	}
	if !ok {
		return nil // by reference, or never sent
	}
	return d.addFile(m, a.name(st.cp), data)
}

// embedded decodes a message attached to the message, when DecodeMessage
// asked for them and the depth allows. Damage inside it is remembered; only
// ErrTooLarge stops the outer message.
func (d *decoder) embedded(st *msgState, m *Message, stream []byte) error {
	if !d.full || stream == nil || st.depth+1 >= maxDepth {
		return nil
	}
	st.embedded++
	sub, err := d.message(stream, st.depth+1)
	m.Embedded = append(m.Embedded, sub)
	if errors.Is(err, ErrTooLarge) {
		return err
	}
	st.note(err, fmt.Sprintf("attached message %d", st.embedded))
	return nil
}

// addFile copies one file out of the input within the limits.
func (d *decoder) addFile(m *Message, name string, data []byte) error {
	if d.files >= d.lim.MaxFiles {
		return fmt.Errorf("%w: more than %d files", ErrTooLarge, d.lim.MaxFiles)
	}
	if err := d.count(len(data)); err != nil {
		return err
	}
	d.files++
	m.Files = append(m.Files, File{Name: name, Data: append([]byte(nil), data...)})
	return nil
}

// count adds n decoded bytes to the total and checks it against MaxBytes.
func (d *decoder) count(n int) error {
	if d.bytes+int64(n) > d.lim.MaxBytes {
		return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, d.lim.MaxBytes)
	}
	d.bytes += int64(n)
	return nil
}

// name picks the attachment's file name: the long name, else the 8-bit
// title, else the short MAPI name, else the display name.
func (a *attachment) name(cp uint32) string {
	if s := propName(a.longName, cp); s != "" {
		return s
	}
	if s := cleanName(decode8(a.title, cp)); s != "" {
		return s
	}
	if s := propName(a.fileName, cp); s != "" {
		return s
	}
	return propName(a.display, cp)
}

// propName decodes and cleans a name property; empty when p is no string.
func propName(p prop, cp uint32) string {
	s, _ := textValue(p, cp)
	return cleanName(s)
}

// body decodes the plain-text body within MaxBytes; PR_BODY wins over the
// older attBody.
func (d *decoder) body(st *msgState, m *Message) error {
	text, ok := textValue(st.body, st.cp)
	if !ok && st.attBody != nil {
		text = decode8(st.attBody, st.cp)
	}
	if err := d.count(len(text) + len(st.html)); err != nil {
		return err
	}
	m.Body = text
	if st.html != nil {
		m.HTML = append([]byte(nil), st.html...)
	}
	return nil
}
