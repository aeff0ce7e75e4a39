package tnef

import "strings"

// Message classes. A TNEF stream names the kind of Outlook item it carries: "IPM.Note" for
// ordinary mail, "REPORT.IPM.Note.IPNRN" for a read receipt, "REPORT.IPM.Note.IPNNRN" for a
// not-read report, "REPORT.IPM.Note.DR" and "REPORT.IPM.Note.NDR" for delivery reports.

// legacyClasses maps the Microsoft Mail names that attMessageClass may hold to the MAPI classes
// Outlook uses ([MS-OXTNEF] 2.1.3.3.1); other names are kept as they are.
var legacyClasses = map[string]string{
	"ipm.microsoft mail.note":         "IPM.Note",
	"ipm.microsoft mail.read receipt": "Report.IPM.Note.IPNRN",
	"ipm.microsoft mail.non-delivery": "Report.IPM.Note.NDR",
}

// classState collects the two places a stream names its message class: the attMessageClass
// attribute and PR_MESSAGE_CLASS among the message properties.
type classState struct {
	legacy []byte // attMessageClass, 8-bit
	prop   prop   // PR_MESSAGE_CLASS
}

// take keeps the class from a message-level attribute; it reads attMsgProps only for the class.
func (c *classState) take(a attribute) {
	switch uint16(a.id) {
	case attMessageClass:
		c.legacy = a.data
	case attMsgProps:
		_ = walkProps(a.data, c.keep) // damage is the decoder's to report; the class is best effort
	}
}

// keep takes PR_MESSAGE_CLASS from a property list.
func (c *classState) keep(p prop) {
	if p.id == prMessageClass {
		c.prop = p
	}
}

// class is the message class, attMessageClass first (legacy names mapped), then
// PR_MESSAGE_CLASS; "" when the stream names none.
func (c *classState) class(cp uint32) string {
	if s := strings.TrimSpace(decode8(c.legacy, cp)); s != "" {
		if mapped, ok := legacyClasses[strings.ToLower(strings.TrimPrefix(s, "Microsoft Mail v3.0 "))]; ok {
			return mapped
		}
		return cleanClass(s)
	}
	s, _ := textValue(c.prop, cp)
	return cleanClass(s)
}

// maxClassRunes bounds a class name: real ones are short, and a hostile one should not reach a
// log line whole.
const maxClassRunes = 128

func cleanClass(s string) string {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s))
	if r := []rune(s); len(r) > maxClassRunes {
		s = string(r[:maxClassRunes])
	}
	return s
}

// MessageClass returns the class of the message a TNEF stream carries ("IPM.Note",
// "REPORT.IPM.Note.IPNRN"…), reading only the message's own attributes: no file is copied, so
// it is cheap on any input. Damage ends the reading and returns the class found before it with
// an error wrapping ErrCorrupt; input that is not TNEF returns ErrNotTNEF.
func MessageClass(data []byte) (string, error) {
	if !IsTNEF(data) {
		return "", ErrNotTNEF
	}
	c := &cursor{b: data, off: 4}
	if _, err := c.u16("legacy key"); err != nil {
		return "", err
	}
	var cls classState
	cp := uint32(defaultCodePage)
	for c.left() > 0 {
		a, err := c.nextAttribute()
		if err != nil {
			return cls.class(cp), err
		}
		if a.level != levelMessage {
			continue
		}
		if uint16(a.id) == attOemCodepage {
			cp = oemCodePage(a.data)
		}
		cls.take(a)
	}
	return cls.class(cp), nil
}

// IsReport reports whether a message class is a read, not-read or delivery report
// ("REPORT.IPM.Note.IPNRN" and the like, in any case): mail a program sent, not a person.
func IsReport(class string) bool {
	return len(class) >= len("report.") && strings.EqualFold(class[:len("report.")], "report.")
}
