package tnef

import (
	"errors"
	"fmt"
)

// decoder holds what the limits count across a message and the messages
// attached to it.
type decoder struct {
	lim   Limits
	full  bool // read bodies and attached messages too (DecodeMessage)
	files int
	bytes int64
}

func newDecoder(lim Limits, full bool) *decoder {
	return &decoder{lim: lim.withDefaults(), full: full}
}

// msgState is the state of one message while its attributes are read.
// Strings are kept raw and decoded at the end, because attOemCodepage may
// come after them.
type msgState struct {
	cp       uint32
	att      *attachment // the attachment being read, nil before the first
	attBody  []byte
	body     prop
	html     []byte
	cls      classState
	inner    error // first damage inside a property list; decoding went on
	depth    int
	embedded int
}

// attachment collects the attributes of one attachment until the next
// attAttachRendData or the end of the stream.
type attachment struct {
	title                       []byte
	longName, fileName, display prop
	data                        []byte // attAttachData
	dataBin                     []byte // PR_ATTACH_DATA_BIN
	hasData, hasDataBin         bool
	object                      []byte // PR_ATTACH_DATA_OBJ
	method                      uint32
}

// message decodes one TNEF stream. Framing damage stops it; damage inside a
// property list is remembered and returned at the end, after every file the
// framing still delivered.
func (d *decoder) message(data []byte, depth int) (Message, error) {
	var m Message
	if !IsTNEF(data) {
		return m, ErrNotTNEF
	}
	c := &cursor{b: data, off: 4}
	if _, err := c.u16("legacy key"); err != nil {
		return m, err
	}
	st := &msgState{cp: defaultCodePage, depth: depth}
	for c.left() > 0 {
		a, err := c.nextAttribute()
		if err != nil {
			return m, d.stop(st, &m, err)
		}
		if !a.checksumOK {
			m.BadChecksums++
		}
		if err := d.apply(st, &m, a); err != nil {
			return m, d.stop(st, &m, err)
		}
	}
	if err := d.finish(st, &m); err != nil {
		return m, err
	}
	return m, st.inner
}

// stop ends a damaged stream: the attachment in hand is kept when its data
// was read whole, and the body too.
func (d *decoder) stop(st *msgState, m *Message, cause error) error {
	if errors.Is(cause, ErrTooLarge) {
		return cause
	}
	if err := d.finish(st, m); err != nil {
		return err
	}
	return cause
}

// apply takes one attribute into the message state.
func (d *decoder) apply(st *msgState, m *Message, a attribute) error {
	id := uint16(a.id)
	if a.level == levelMessage {
		switch id {
		case attOemCodepage:
			st.cp = oemCodePage(a.data)
		case attBody:
			st.attBody = a.data
		case attMessageClass:
			st.cls.legacy = a.data
		case attMsgProps:
			if d.full {
				st.note(walkProps(a.data, st.messageProp), "message properties")
			}
		}
		return nil
	}
	if id == attAttachRendData || st.att == nil {
		if err := d.flush(st, m); err != nil {
			return err
		}
		st.att = &attachment{}
	}
	switch id {
	case attAttachTitle:
		st.att.title = a.data
	case attAttachData:
		st.att.data, st.att.hasData = a.data, true
	case attAttachment:
		st.note(walkProps(a.data, st.att.take), "attachment properties")
	}
	return nil
}

// note remembers the first damage found inside a property list.
func (st *msgState) note(err error, what string) {
	if err != nil && st.inner == nil {
		st.inner = fmt.Errorf("%s: %w", what, err)
	}
}

// messageProp keeps the body properties of the message.
func (st *msgState) messageProp(p prop) {
	switch {
	case p.id == prBody && (p.typ == ptUnicode || p.typ == ptString8):
		st.body = p
	case p.id == prHTML && (p.typ == ptBinary || p.typ == ptString8):
		st.html = p.val
	case p.id == prMessageClass:
		st.cls.prop = p
	}
}

// take keeps the attachment properties the decoder uses.
func (a *attachment) take(p prop) {
	switch p.id {
	case prAttachLongName:
		a.longName = p
	case prAttachFilename:
		a.fileName = p
	case prDisplayName:
		a.display = p
	case prAttachMethod:
		a.method, _ = u32Value(p)
	case prAttachDataBin:
		if p.typ == ptBinary {
			a.dataBin, a.hasDataBin = p.val, true
		} else if p.typ == ptObject {
			a.object = p.val
		}
	}
}
