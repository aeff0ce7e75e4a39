// Package tnef extracts attached files from TNEF streams (winmail.dat,
// MIME type application/ms-tnef, spec [MS-OXTNEF]) that Outlook and
// Exchange send instead of ordinary MIME attachments.
//
// The decoder reads hostile input: every length in the stream is checked
// against the remaining input before it is used, attribute data is sliced
// from the input rather than allocated, and Limits bound the number and
// total size of the files it copies out. It never panics.
//
// Checksums: each attribute carries a 16-bit sum of its data bytes. A wrong
// checksum is tolerated, not fatal: the lengths around it already proved the
// framing sane, and senders in the wild (old gateways, mail filters that
// rewrite names) produce bad sums on otherwise good files. DecodeMessage
// counts them in Message.BadChecksums so a caller can log it.
package tnef

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// signature opens every TNEF stream (little-endian 0x223E9F78).
const signature = 0x223E9F78

// Default limits used for zero fields of Limits.
const (
	DefaultMaxFiles = 50
	DefaultMaxBytes = 50 << 20
)

// maxDepth bounds how deep DecodeMessage follows messages attached to
// messages; each level re-reads a part of the input, so the work stays
// within maxDepth times the input length.
const maxDepth = 4

var (
	// ErrNotTNEF reports input that does not start with the TNEF signature.
	ErrNotTNEF = errors.New("tnef: not a TNEF stream (wrong signature)")
	// ErrTooLarge reports a stream with more files or decoded bytes than Limits allow.
	ErrTooLarge = errors.New("tnef: limits exceeded")
	// ErrCorrupt reports a damaged stream: a length past the end of the
	// input, an unknown level or property type, a truncated value. Errors
	// from Decode wrap it with the offset and the field that was wrong.
	ErrCorrupt = errors.New("tnef: corrupt stream")
)

// File is one attachment found in a TNEF stream.
type File struct {
	// Name is the long file name (PR_ATTACH_LONG_FILENAME) when present,
	// else attAttachTitle, PR_ATTACH_FILENAME or PR_DISPLAY_NAME; decoded to
	// UTF-8 NFC (8-bit names use the stream's OEM code page attribute:
	// windows-1258 for Vietnamese, the other windows-125x pages, 437, 850,
	// 866 and UTF-8 are understood, anything else is read as windows-1252),
	// without directories or control characters, at most 255 characters.
	// It is empty when the stream names the file nowhere.
	Name string
	// Data is a copy of the attachment's bytes; it does not alias the input.
	Data []byte
}

// Limits bound the work on one stream; zero fields take defaults.
type Limits struct {
	MaxFiles int   // default 50
	MaxBytes int64 // total decoded bytes of all files; default 50 MiB
}

// withDefaults fills zero (or negative) fields with the defaults.
func (l Limits) withDefaults() Limits {
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultMaxFiles
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	return l
}

// Message is a decoded TNEF stream: its files, its text, and the messages
// attached to it.
type Message struct {
	// Files are the attached files in stream order (attach method by value).
	Files []File
	// Body is the plain-text body (PR_BODY or attBody) as UTF-8 NFC; empty
	// when the sender kept only compressed RTF, which is not decoded.
	Body string
	// HTML is the HTML body (PR_HTML) as stored, in the charset its own
	// <meta> declares.
	HTML []byte
	// Embedded are the messages attached to this one (attach method
	// embedded message, e.g. "forward as attachment"), decoded the same way
	// up to a small depth.
	Embedded []Message
	// Class is the message class ("IPM.Note", "REPORT.IPM.Note.IPNRN" for a read receipt; see
	// MessageClass); PR_MESSAGE_CLASS is read only by DecodeMessage.
	Class string
	// BadChecksums counts attributes whose checksum did not match.
	BadChecksums int
}

// Decode returns the attached files in order. Messages attached to the
// message are skipped (DecodeMessage reads them). Corrupt input returns the
// files read before the damage plus an error wrapping ErrCorrupt; too many
// files or bytes return the files within the limits plus ErrTooLarge.
func Decode(data []byte, lim Limits) ([]File, error) {
	d := newDecoder(lim, false)
	m, err := d.message(data, 0)
	return m.Files, err
}

// DecodeMessage decodes the whole stream: files, plain-text and HTML body,
// and attached messages (recursively, to a depth of 4). Limits apply to the
// whole tree: files at every depth and body text count towards MaxFiles and
// MaxBytes. Errors are those of Decode; the returned Message holds what was
// read before them.
func DecodeMessage(data []byte, lim Limits) (Message, error) {
	d := newDecoder(lim, true)
	return d.message(data, 0)
}

// IsTNEF reports whether data starts with the TNEF signature.
func IsTNEF(data []byte) bool {
	return len(data) >= 4 && binary.LittleEndian.Uint32(data) == signature
}

// iidMessage is IID_IMessage, {00020307-0000-0000-C000-000000000046}, which
// opens a PR_ATTACH_DATA_OBJ value that holds an embedded TNEF message.
var iidMessage = []byte{
	0x07, 0x03, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
}

// embeddedStream returns the TNEF stream inside a PR_ATTACH_DATA_OBJ value,
// or nil when the value holds something else (an OLE object).
func embeddedStream(obj []byte) []byte {
	if len(obj) < len(iidMessage) || !bytes.Equal(obj[:len(iidMessage)], iidMessage) {
		return nil
	}
	if rest := obj[len(iidMessage):]; IsTNEF(rest) {
		return rest
	}
	return nil
}
