package mailer

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
	"golang.org/x/text/unicode/norm"
)

// Headers that keep automatic answers away. RFC 3834 responders (Sieve vacation, most
// servers) stay silent on any Auto-Submitted other than "no"; Exchange and Outlook look at
// X-Auto-Response-Suppress instead. We suppress everything but non-delivery reports: a
// bounce is how the office learns that a unit's address is wrong. No "Precedence: bulk":
// it is non-standard (RFC 2076 calls it discouraged), RFC 3834 makes Auto-Submitted the
// signal, and these are personal, expected letters that spam filters should not down-rank
// as bulk mail.
const (
	headerAutoSubmitted    = gomail.Header("Auto-Submitted")
	autoResponseSuppressed = "DR, RN, NRN, OOF, AutoReply"
	userAgent              = "tonghop"
	maxFileNameRunes       = 80  // keeps the RFC 2231 filename* parameter well under 998 bytes a line
	maxReferences          = 20  // RFC 5322 §3.6.4 allows trimming long threads
	maxMessageIDLen        = 250 // longer ids from outside are dropped, not echoed
	maxSubjectRunes        = 250 // a subject is a line a person reads; readers cap header size
)

// Compose returns the exact bytes of the message as it would be sent: go-mail's WriteTo.
// The same Message composes to the same bytes, so they can be archived and compared.
// Errors that no resend can cure (no key, bad recipient address) wrap ErrPermanent.
func Compose(cfg Config, m Message) ([]byte, error) {
	msg, _, err := build(cfg, m)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := msg.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("write message: %w", err)
	}
	return buf.Bytes(), nil
}

// build turns a Message into the go-mail Msg that sends it (the envelope, see fields.go) and
// returns its Message-ID.
func build(cfg Config, m Message) (*gomail.Msg, string, error) {
	if m.Key == "" {
		return nil, "", fmt.Errorf("compose: %w: message has no idempotency key", ErrPermanent)
	}
	id := cfg.MessageID(m.Key)
	msg := gomail.NewMsg(gomail.WithBoundary(boundary(m.Key)), gomail.WithNoDefaultUserAgent())
	env, err := addressFields(msg, cfg, m)
	if err != nil {
		return nil, id, fmt.Errorf("compose %s: %w", id, err)
	}
	msg.SetGenHeader(gomail.HeaderSubject, encodeText(subjectText(m.Subject)))
	date := m.Date
	if date.IsZero() {
		date = time.Now()
	}
	msg.SetDateWithValue(date)
	if err := applyDKIM(env, cfg, date); err != nil {
		return nil, id, fmt.Errorf("compose %s: %w", id, err)
	}
	msg.SetGenHeader(gomail.HeaderMessageID, id)
	if irt := cleanMessageID(m.InReplyTo); irt != "" {
		msg.SetGenHeader(gomail.HeaderInReplyTo, irt)
	}
	if refs := references(m.References); refs != "" {
		msg.SetGenHeader(gomail.HeaderReferences, refs)
	}
	switch {
	case m.AutoReply:
		msg.SetGenHeader(headerAutoSubmitted, "auto-replied")
	case !m.Submission:
		msg.SetGenHeader(headerAutoSubmitted, "auto-generated")
	}
	msg.SetGenHeader(gomail.HeaderXAutoResponseSuppress, autoResponseSuppressed)
	msg.SetGenHeader(gomail.HeaderUserAgent, userAgent)
	msg.SetBodyString(gomail.TypeTextPlain, bodyText(m.Body))
	for _, a := range m.Attachments {
		if err := attach(msg, a); err != nil {
			return nil, id, fmt.Errorf("compose %s: %w", id, err)
		}
	}
	return env, id, nil
}

// headerText is NFC on one line: a CR or LF from a caller must never start a new header.
func headerText(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// subjectText is headerText cut to maxSubjectRunes.
func subjectText(s string) string {
	s = headerText(s)
	if r := []rune(s); len(r) > maxSubjectRunes {
		s = strings.TrimSpace(string(r[:maxSubjectRunes-1])) + "…"
	}
	return s
}

// bodyText is NFC with LF line ends; the quoted-printable writer turns them into CRLF.
func bodyText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return norm.NFC.String(s)
}

// cleanMessageID returns id in angle brackets, or "" when it cannot be a msg-id: these come
// from other people's mail and must not break, or inject into, our headers.
func cleanMessageID(id string) string {
	id = strings.TrimSpace(id)
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	if id == "" || len(id) > maxMessageIDLen || !strings.Contains(id, "@") {
		return ""
	}
	for _, r := range id {
		if r <= ' ' || r >= 0x7f || r == '<' || r == '>' {
			return ""
		}
	}
	return "<" + id + ">"
}

// references keeps the first and the most recent ids of a long thread.
func references(ids []string) string {
	var clean []string
	for _, id := range ids {
		if c := cleanMessageID(id); c != "" {
			clean = append(clean, c)
		}
	}
	if len(clean) > maxReferences {
		clean = append(clean[:1], clean[len(clean)-maxReferences+1:]...)
	}
	return strings.Join(clean, " ")
}

func attach(msg *gomail.Msg, a Attachment) error {
	name := fileName(a.Name)
	if name == "" {
		return errors.New("attachment without a name")
	}
	ctype := a.ContentType
	if ctype == "" {
		ctype = contentTypeFor(name)
	}
	if _, _, err := mime.ParseMediaType(ctype); err != nil {
		return fmt.Errorf("attachment %q: content type %q: %w", name, ctype, err)
	}
	setHeaders := func(f *gomail.File) {
		f.Header.Set(string(gomail.HeaderContentType), ctype+";\r\n name="+quotedWord(name))
		f.Header.Set(string(gomail.HeaderContentDisposition), disposition(name))
	}
	if err := msg.AttachReader(name, bytes.NewReader(a.Data), setHeaders); err != nil {
		return fmt.Errorf("attachment %q: %w", name, err)
	}
	return nil
}

// disposition names the file twice: filename* (RFC 2231), which current clients read,
// and an RFC 2047 encoded word in filename, which older Outlook versions read. RFC 2231
// readers prefer filename*. Parameters go on folded lines to stay short.
func disposition(name string) string {
	if isPlainASCII(name) {
		return mime.FormatMediaType("attachment", map[string]string{"filename": name})
	}
	ext := mime.FormatMediaType("attachment", map[string]string{"filename": name})
	ext = strings.TrimPrefix(ext, "attachment; ")
	return "attachment;\r\n filename=" + quotedWord(name) + ";\r\n " + ext
}

func quotedWord(name string) string {
	return `"` + mime.BEncoding.Encode("UTF-8", name) + `"`
}

func isPlainASCII(s string) bool {
	for _, r := range s {
		if r < ' ' || r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fileName is the base name in NFC, without characters that are unsafe in a quoted MIME
// parameter or a file system, shortened to maxFileNameRunes keeping the extension.
func fileName(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`"\/:*?<>|`, r) {
			return '_'
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= maxFileNameRunes {
		return s
	}
	ext := []rune(path.Ext(s))
	if len(ext) > 10 {
		ext = nil
	}
	stem := []rune(strings.TrimSuffix(s, string(ext)))
	return strings.TrimSpace(string(stem[:maxFileNameRunes-len(ext)])) + string(ext)
}

// contentTypeFor knows the office formats that mime.TypeByExtension may not (it depends
// on the system's mime.types).
func contentTypeFor(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".xlsx":
		return ContentTypeXLSX
	case ".xlsm":
		return "application/vnd.ms-excel.sheet.macroEnabled.12"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".pdf":
		return "application/pdf"
	case ".csv":
		return "text/csv; charset=UTF-8"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
