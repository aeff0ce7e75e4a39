package tnef

import (
	"encoding/binary"
	"fmt"
)

// MAPI property types ([MS-OXCDATA] 2.11.1) as TNEF serialises them.
const (
	ptShort    = 0x0002
	ptLong     = 0x0003
	ptFloat    = 0x0004
	ptDouble   = 0x0005
	ptCurrency = 0x0006
	ptAppTime  = 0x0007
	ptError    = 0x000A
	ptBoolean  = 0x000B
	ptObject   = 0x000D
	ptI8       = 0x0014
	ptString8  = 0x001E
	ptUnicode  = 0x001F
	ptSysTime  = 0x0040
	ptCLSID    = 0x0048
	ptServerID = 0x00FB
	ptBinary   = 0x0102
	mvFlag     = 0x1000 // multi-valued
)

// MAPI property ids the decoder reads.
const (
	prMessageClass     = 0x001A
	prBody             = 0x1000
	prHTML             = 0x1013
	prDisplayName      = 0x3001
	prAttachDataBin    = 0x3701 // PT_BINARY bytes, or PT_OBJECT embedded message
	prAttachFilename   = 0x3704
	prAttachMethod     = 0x3705
	prAttachLongName   = 0x3707
	firstNamedProperty = 0x8000
)

// fixedSize is the size of the fixed-length types; every value is padded to
// a multiple of 4 bytes in the stream.
var fixedSize = map[uint16]int{
	ptShort: 2, ptLong: 4, ptFloat: 4, ptDouble: 8, ptCurrency: 8,
	ptAppTime: 8, ptError: 4, ptBoolean: 2, ptI8: 8, ptSysTime: 8, ptCLSID: 16,
}

// isVariable reports types stored as a count of length-prefixed values.
func isVariable(t uint16) bool {
	switch t {
	case ptString8, ptUnicode, ptBinary, ptObject, ptServerID:
		return true
	}
	return false
}

// prop is one single-valued property with its value as a slice of the
// input (unpadded). Multi-valued and named properties are skipped.
type prop struct {
	id, typ uint16
	val     []byte
}

// walkProps calls fn for each single-valued, unnamed property of a MAPI
// property list (attMsgProps, attAttachment).
func walkProps(data []byte, fn func(prop)) error {
	c := &cursor{b: data}
	count, err := c.u32("property count")
	if err != nil {
		return err
	}
	// Each property takes at least 8 bytes, so a hostile count ends with
	// the input instead of spinning.
	for i := uint32(0); i < count; i++ {
		p, keep, err := readProp(c)
		if err != nil {
			return fmt.Errorf("property %d of %d: %w", i, count, err)
		}
		if keep {
			fn(p)
		}
	}
	return nil
}

// readProp reads one property; keep is false for named and multi-valued ones.
func readProp(c *cursor) (p prop, keep bool, err error) {
	if p.typ, err = c.u16("property type"); err != nil {
		return p, false, err
	}
	if p.id, err = c.u16("property id"); err != nil {
		return p, false, err
	}
	if p.id >= firstNamedProperty {
		if err := skipName(c); err != nil {
			return p, false, err
		}
	}
	base, multi := p.typ&^mvFlag, p.typ&mvFlag != 0
	n := uint32(1)
	if multi || isVariable(base) {
		if n, err = c.u32("value count"); err != nil {
			return p, false, err
		}
		if uint64(n)*4 > uint64(c.left()) { // every value takes 4 bytes or more
			return p, false, fmt.Errorf("%w: %d values of property 0x%04x exceed the %d bytes left",
				ErrCorrupt, n, p.id, c.left())
		}
	}
	for i := uint32(0); i < n; i++ {
		v, err := readValue(c, base)
		if err != nil {
			return p, false, fmt.Errorf("property 0x%04x type 0x%04x: %w", p.id, p.typ, err)
		}
		if i == 0 {
			p.val = v
		}
	}
	return p, !multi && p.id < firstNamedProperty && n > 0, nil
}

// skipName skips the name of a named property: a GUID, a kind, and either
// a numeric id or a length-prefixed UTF-16 name padded to 4 bytes.
func skipName(c *cursor) error {
	if _, err := c.take(16, "property set GUID"); err != nil {
		return err
	}
	kind, err := c.u32("name kind")
	if err != nil {
		return err
	}
	if kind == 0 { // MNID_ID
		_, err = c.u32("named property id")
		return err
	}
	n, err := c.length("name length")
	if err != nil {
		return err
	}
	_, err = c.take(padded(n), "property name")
	return err
}

// readValue reads one value of base type t and skips its padding.
func readValue(c *cursor, t uint16) ([]byte, error) {
	size, fixed := fixedSize[t]
	if !fixed {
		if !isVariable(t) {
			return nil, fmt.Errorf("%w: unknown property type 0x%04x at offset %d", ErrCorrupt, t, c.off)
		}
		n, err := c.length("value length")
		if err != nil {
			return nil, err
		}
		size = n
	}
	p, err := c.take(size, "property value")
	if err != nil {
		return nil, err
	}
	// Padding is skipped as far as it exists: some writers drop it after
	// the last value of the stream.
	c.off += min(padded(size)-size, c.left())
	return p, nil
}

// padded rounds n up to a multiple of 4.
func padded(n int) int {
	if r := n % 4; r != 0 && n <= int(^uint(0)>>1)-3 {
		return n + 4 - r
	}
	return n
}

// u32Value reads a PT_LONG value; ok is false for other sizes.
func u32Value(p prop) (uint32, bool) {
	if p.typ != ptLong || len(p.val) != 4 {
		return 0, false
	}
	return binary.LittleEndian.Uint32(p.val), true
}
