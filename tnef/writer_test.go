package tnef

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
)

// Full attribute ids (type in the high word) as Outlook writes them.
const (
	idOemCodepage    = 0x00069007
	idMessageClass   = 0x00078008
	idBody           = 0x0002800C
	idMsgProps       = 0x00069003
	idAttachRendData = 0x00069002
	idAttachTitle    = 0x00018010
	idAttachData     = 0x0006800F
	idAttachment     = 0x00069005
)

// streamWriter builds TNEF streams for tests.
type streamWriter struct{ buf bytes.Buffer }

// newStream starts a stream: signature and legacy key.
func newStream() *streamWriter {
	w := &streamWriter{}
	w.u32(signature)
	w.u16(0x0001)
	return w
}

func (w *streamWriter) u16(v uint16) { w.buf.Write(binary.LittleEndian.AppendUint16(nil, v)) }
func (w *streamWriter) u32(v uint32) { w.buf.Write(binary.LittleEndian.AppendUint32(nil, v)) }

// attr writes one attribute with a correct checksum.
func (w *streamWriter) attr(level byte, id uint32, data []byte) *streamWriter {
	return w.attrSum(level, id, data, checksum(data))
}

// attrSum writes one attribute with the given checksum.
func (w *streamWriter) attrSum(level byte, id uint32, data []byte, sum uint16) *streamWriter {
	w.buf.WriteByte(level)
	w.u32(id)
	w.u32(uint32(len(data)))
	w.buf.Write(data)
	w.u16(sum)
	return w
}

// codePage writes attOemCodepage.
func (w *streamWriter) codePage(cp uint32) *streamWriter {
	return w.attr(levelMessage, idOemCodepage, binary.LittleEndian.AppendUint32(
		binary.LittleEndian.AppendUint32(nil, cp), 0))
}

// file writes one attachment: rendering, title, data and, when props is not
// nil, its MAPI properties. A nil title or data is left out.
func (w *streamWriter) file(title, data []byte, props *propList) *streamWriter {
	w.attr(levelAttachment, idAttachRendData, make([]byte, 14))
	if title != nil {
		w.attr(levelAttachment, idAttachTitle, append(title, 0))
	}
	if data != nil {
		w.attr(levelAttachment, idAttachData, data)
	}
	if props != nil {
		w.attr(levelAttachment, idAttachment, props.bytes())
	}
	return w
}

// bytes returns the stream so far.
func (w *streamWriter) bytes() []byte { return bytes.Clone(w.buf.Bytes()) }

// propList builds a MAPI property list (attMsgProps, attAttachment).
type propList struct {
	n   uint32
	buf bytes.Buffer
}

func (p *propList) u32(v uint32) { p.buf.Write(binary.LittleEndian.AppendUint32(nil, v)) }

// head writes type and id, and for a named id its GUID and numeric name.
func (p *propList) head(typ, id uint16) {
	p.n++
	p.buf.Write(binary.LittleEndian.AppendUint16(nil, typ))
	p.buf.Write(binary.LittleEndian.AppendUint16(nil, id))
	if id >= firstNamedProperty {
		p.buf.Write(bytes.Repeat([]byte{0xAB}, 16))
		p.u32(0)
		p.u32(0x8233)
	}
}

// pad writes zero bytes up to a multiple of 4.
func (p *propList) pad(n int) { p.buf.Write(make([]byte, padded(n)-n)) }

// value writes one length-prefixed padded value.
func (p *propList) value(v []byte) {
	p.u32(uint32(len(v)))
	p.buf.Write(v)
	p.pad(len(v))
}

// variable writes a single-valued variable-length property.
func (p *propList) variable(typ, id uint16, v []byte) *propList {
	p.head(typ, id)
	p.u32(1)
	p.value(v)
	return p
}

// unicode writes a PT_UNICODE property, NUL-terminated as Outlook does.
func (p *propList) unicode(id uint16, s string) *propList {
	var v []byte
	for _, u := range utf16.Encode([]rune(s + "\x00")) {
		v = binary.LittleEndian.AppendUint16(v, u)
	}
	return p.variable(ptUnicode, id, v)
}

// string8 writes a PT_STRING8 property.
func (p *propList) string8(id uint16, s []byte) *propList {
	return p.variable(ptString8, id, append(bytes.Clone(s), 0))
}

// long writes a PT_LONG property.
func (p *propList) long(id uint16, v uint32) *propList {
	p.head(ptLong, id)
	p.u32(v)
	return p
}

// boolean writes a PT_BOOLEAN property (2 bytes, padded).
func (p *propList) boolean(id uint16) *propList {
	p.head(ptBoolean, id)
	p.buf.Write([]byte{1, 0, 0, 0})
	return p
}

// namedString writes a named property with a string name.
func (p *propList) namedString(name string, v uint32) *propList {
	p.n++
	p.buf.Write([]byte{0x03, 0x00, 0x01, 0x81})
	p.buf.Write(bytes.Repeat([]byte{0xCD}, 16))
	p.u32(1)
	var n []byte
	for _, u := range utf16.Encode([]rune(name + "\x00")) {
		n = binary.LittleEndian.AppendUint16(n, u)
	}
	p.value(n)
	p.u32(v)
	return p
}

// multiString writes a multi-valued PT_MV_STRING8 property.
func (p *propList) multiString(id uint16, vals ...string) *propList {
	p.head(ptString8|mvFlag, id)
	p.u32(uint32(len(vals)))
	for _, v := range vals {
		p.value(append([]byte(v), 0))
	}
	return p
}

// multiShort writes a multi-valued PT_MV_SHORT property.
func (p *propList) multiShort(id uint16, vals ...uint16) *propList {
	p.head(ptShort|mvFlag, id)
	p.u32(uint32(len(vals)))
	for _, v := range vals {
		p.buf.Write(binary.LittleEndian.AppendUint16(nil, v))
		p.pad(2)
	}
	return p
}

// bytes returns the list with its count.
func (p *propList) bytes() []byte {
	return append(binary.LittleEndian.AppendUint32(nil, p.n), p.buf.Bytes()...)
}
