package intake

import (
	"bytes"
	"errors"
	"fmt"
	nettextproto "net/textproto"
	"strings"
	"time"

	"github.com/emersion/go-message/textproto"
	// Registers the legacy charsets (windows-1258, iso-8859-1, gb2312, …)
	// with go-message; Vietnamese Outlook still sends windows-1258.
	_ "github.com/emersion/go-message/charset"
)

// Address is one mailbox from an address header.
type Address struct {
	Name string // display name, decoded and NFC; may be ""
	Addr string // lower-cased addr-spec, e.g. "vanthu@sokhcn.gov.vn"
}

// Attachment is one non-body part of a message: a file, an inline image, an
// attached message, a delivery report.
type Attachment struct {
	// Name is the decoded file name (RFC 2231 or RFC 2047), NFC, without any
	// directory; "" if the part has none.
	Name string
	// ContentType is the lower-cased media type, e.g.
	// "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".
	ContentType string
	// Data is the decoded content; nil when TooLarge.
	Data []byte
	// Size is the decoded size in bytes, also known when TooLarge.
	Size int64
	// TooLarge reports that the part exceeded Limits.MaxAttachmentBytes or
	// the message's remaining Limits.MaxTotalBytes, so Data was dropped.
	TooLarge bool
	// Forwarded reports that the part came from inside an attached message
	// (message/rfc822): a unit forwarding a colleague's mail with the
	// workbook, or the returned original inside a bounce.
	Forwarded bool
	// Container is the name of the archive (.zip, or Outlook's winmail.dat)
	// the file was taken from; "" for a part of the message itself.
	Container string
	// Encrypted reports a file inside a password-protected archive, which
	// cannot be read.
	Encrypted bool
}

// Message is a parsed mail message. All text is valid UTF-8 in NFC.
type Message struct {
	MessageID  string   // without angle brackets; "" if absent
	InReplyTo  string   // first message ID of In-Reply-To, without brackets
	References []string // message IDs of References, oldest first
	From       Address
	ReplyTo    []Address
	To, Cc     []Address
	Subject    string    // decoded, whitespace runs collapsed to one space
	Date       time.Time // zero if absent or unparseable
	// Text is the plain-text body, or the HTML body reduced to rough text when
	// the message has no plain-text part. Quoted replies are kept; line
	// endings are "\n".
	Text string
	// HTML is the text/html body parts as received (decoded, NFC), "" if none: replies keep
	// their quoted part in a blockquote, which the plain text loses.
	HTML string
	// Attachments lists every part that is not body text, in message order,
	// including the attachments of attached messages (see
	// Attachment.Forwarded) after the attached message itself.
	Attachments []Attachment
	// Auth is the first raw Authentication-Results header field, for later
	// DKIM/SPF/DMARC checks; "" if absent.
	Auth string
	// Header holds the raw (undecoded) top-level header fields by canonical
	// key ("Auto-Submitted", "List-Id", …), for checks this package does not
	// make itself.
	Header map[string][]string
	// Truncated reports that Limits.MaxParts or Limits.MaxDepth cut the MIME
	// tree short, so some parts are missing. Syntax damage (a missing closing
	// boundary, bad base64) does not set it: what could be read is kept.
	Truncated bool
}

// Limits bound the work and memory Parse spends on one message. Zero fields
// take the defaults.
type Limits struct {
	MaxParts           int   // MIME parts visited; default 100
	MaxDepth           int   // nesting of multiparts and attached messages; default 10
	MaxAttachmentBytes int64 // decoded bytes kept per attachment; default 20 MiB
	MaxTotalBytes      int64 // decoded bytes kept per message; default 50 MiB
	MaxArchiveFiles    int   // files read from one archive; default 50
	MaxArchiveDepth    int   // archives inside archives, the outer one counting 1; default 3
}

// Default limits; see Limits.
const (
	DefaultMaxParts           = 100
	DefaultMaxDepth           = 10
	DefaultMaxAttachmentBytes = 20 << 20
	DefaultMaxTotalBytes      = 50 << 20
	DefaultMaxArchiveFiles    = 50
	DefaultMaxArchiveDepth    = 3
)

func (l Limits) withDefaults() Limits {
	if l.MaxParts <= 0 {
		l.MaxParts = DefaultMaxParts
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxAttachmentBytes <= 0 {
		l.MaxAttachmentBytes = DefaultMaxAttachmentBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = DefaultMaxTotalBytes
	}
	if l.MaxArchiveFiles <= 0 {
		l.MaxArchiveFiles = DefaultMaxArchiveFiles
	}
	if l.MaxArchiveDepth <= 0 {
		l.MaxArchiveDepth = DefaultMaxArchiveDepth
	}
	return l
}

// ErrNoHeader is returned by Parse for input that has none of the header
// fields mail carries (From, Sender, To, Subject, Date, Message-ID,
// MIME-Version, Content-Type), so it is not a mail message at all.
var ErrNoHeader = errors.New("no usable mail header")

// Parse parses one raw RFC 5322 message. Malformed header lines, parameters
// and parts are skipped with best effort; only input without a usable header
// is an error. Parse never panics.
func Parse(raw []byte, lim Limits) (msg *Message, err error) {
	defer func() {
		// Defence in depth: a bug in a decoder must cost one message, not
		// the daemon. FuzzParse calls parse directly so bugs still surface.
		if r := recover(); r != nil {
			msg, err = nil, fmt.Errorf("parse message: internal error: %v", r)
		}
	}()
	return parse(raw, lim)
}

func parse(raw []byte, lim Limits) (*Message, error) {
	lim = lim.withDefaults()
	h, body := splitHeader(raw)
	if !hasMailFields(h) {
		return nil, fmt.Errorf("parse message: %w", ErrNoHeader)
	}
	msg := &Message{Header: headerMap(h)}
	fillEnvelope(msg, h)

	w := newWalker(lim)
	w.walk(h, bytes.NewReader(body), 0, false)
	msg.Text = w.text()
	msg.HTML = strings.TrimSpace(strings.Join(w.html, "\n"))
	msg.Attachments = w.attachments
	msg.Truncated = w.truncated
	return msg, nil
}

func hasMailFields(h textproto.Header) bool {
	for _, k := range []string{"From", "Sender", "To", "Subject", "Date", "Message-Id", "Mime-Version", "Content-Type"} {
		if h.Has(k) {
			return true
		}
	}
	return false
}

func headerMap(h textproto.Header) map[string][]string {
	m := make(map[string][]string)
	for f := h.Fields(); f.Next(); {
		k := nettextproto.CanonicalMIMEHeaderKey(f.Key())
		m[k] = append(m[k], f.Value())
	}
	return m
}

// fillEnvelope decodes the top-level header fields into msg.
func fillEnvelope(msg *Message, h textproto.Header) {
	msg.MessageID = firstMsgID(h.Get("Message-Id"))
	msg.InReplyTo = firstMsgID(h.Get("In-Reply-To"))
	msg.References = msgIDList(allValues(h, "References"))
	if from := parseAddressList(h.Get("From")); len(from) > 0 {
		msg.From = from[0]
	} else if sender := parseAddressList(h.Get("Sender")); len(sender) > 0 {
		msg.From = sender[0]
	}
	msg.ReplyTo = parseAddressList(allValues(h, "Reply-To"))
	msg.To = parseAddressList(allValues(h, "To"))
	msg.Cc = parseAddressList(allValues(h, "Cc"))
	msg.Subject = decodeText(h.Get("Subject"))
	msg.Date = parseDate(h.Get("Date"))
	msg.Auth = strings.TrimSpace(h.Get("Authentication-Results"))
}

// allValues joins repeated fields (some clients split To over two lines).
func allValues(h textproto.Header, key string) string {
	var vs []string
	for f := h.FieldsByKey(key); f.Next(); {
		vs = append(vs, f.Value())
	}
	return strings.Join(vs, ", ")
}

// HeaderValue returns the first raw value of the named top-level header field,
// trimmed; "" if absent.
func (m *Message) HeaderValue(key string) string {
	vs := m.Header[nettextproto.CanonicalMIMEHeaderKey(key)]
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// ParseHeader parses only the header of a raw message (or a header alone, as FetchHeader
// returns it): envelope fields, no body and no attachments. It is for mail too large to parse
// whole, and for recognising a message already recorded before spending a full parse on it.
func ParseHeader(raw []byte) (msg *Message, err error) {
	defer func() {
		if r := recover(); r != nil {
			msg, err = nil, fmt.Errorf("parse header: internal error: %v", r)
		}
	}()
	h, _ := splitHeader(raw)
	if !hasMailFields(h) {
		return nil, fmt.Errorf("parse header: %w", ErrNoHeader)
	}
	msg = &Message{Header: headerMap(h)}
	fillEnvelope(msg, h)
	return msg, nil
}
