package tnef

import (
	"encoding/binary"
	"fmt"
)

// Attribute levels.
const (
	levelMessage    = 0x01
	levelAttachment = 0x02
)

// Attribute ids, low 16 bits only: the high word is the attribute's type,
// which some writers get wrong, and the low words are unique in the spec.
const (
	attMessageClass   = 0x8008 // the message's class, 8-bit: "IPM.Note", "REPORT.IPM.Note.IPNRN"
	attBody           = 0x800C // message text, 8-bit
	attAttachData     = 0x800F // attachment bytes
	attAttachTitle    = 0x8010 // 8-bit short name
	attAttachRendData = 0x9002 // opens each attachment
	attMsgProps       = 0x9003 // MAPI properties of the message
	attAttachment     = 0x9005 // MAPI properties of the attachment
	attOemCodepage    = 0x9007 // code page of 8-bit strings
)

// cursor reads little-endian fields from a byte slice and reports, rather
// than panics on, reads past its end.
type cursor struct {
	b   []byte
	off int
}

// left is the number of unread bytes.
func (c *cursor) left() int { return len(c.b) - c.off }

// take returns the next n bytes as a slice of the input.
func (c *cursor) take(n int, what string) ([]byte, error) {
	if n < 0 || n > c.left() {
		return nil, fmt.Errorf("%w: %s at offset %d needs %d bytes, %d left",
			ErrCorrupt, what, c.off, n, c.left())
	}
	p := c.b[c.off : c.off+n]
	c.off += n
	return p, nil
}

// u16 reads a uint16.
func (c *cursor) u16(what string) (uint16, error) {
	p, err := c.take(2, what)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint16(p), nil
}

// u32 reads a uint32.
func (c *cursor) u32(what string) (uint32, error) {
	p, err := c.take(4, what)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(p), nil
}

// length reads a uint32 length and checks it against the unread input, so
// a huge declared length fails here instead of reaching an allocation.
func (c *cursor) length(what string) (int, error) {
	n, err := c.u32(what)
	if err != nil {
		return 0, err
	}
	if uint64(n) > uint64(c.left()) {
		return 0, fmt.Errorf("%w: %s %d at offset %d exceeds the %d bytes left",
			ErrCorrupt, what, n, c.off-4, c.left())
	}
	return int(n), nil
}

// attribute is one level/id/length/data/checksum record of the stream.
type attribute struct {
	level      byte
	id         uint32
	data       []byte // slice of the input
	checksumOK bool
}

// nextAttribute reads one attribute record.
func (c *cursor) nextAttribute() (attribute, error) {
	var a attribute
	start := c.off
	lvl, err := c.take(1, "attribute level")
	if err != nil {
		return a, err
	}
	a.level = lvl[0]
	if a.level != levelMessage && a.level != levelAttachment {
		return a, fmt.Errorf("%w: unknown attribute level 0x%02x at offset %d", ErrCorrupt, a.level, start)
	}
	if a.id, err = c.u32("attribute id"); err != nil {
		return a, err
	}
	n, err := c.length("attribute length")
	if err != nil {
		return a, fmt.Errorf("attribute 0x%08x: %w", a.id, err)
	}
	a.data, _ = c.take(n, "attribute data") // length already checked
	sum, err := c.u16("attribute checksum")
	if err != nil {
		return a, fmt.Errorf("attribute 0x%08x: %w", a.id, err)
	}
	a.checksumOK = sum == checksum(a.data)
	return a, nil
}

// checksum is the attribute checksum: the sum of the data bytes modulo 65536.
func checksum(p []byte) uint16 {
	var s uint16
	for _, b := range p {
		s += uint16(b)
	}
	return s
}
