package intake

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime/quotedprintable"
	"strings"

	"github.com/emersion/go-message/textproto"
	"golang.org/x/text/unicode/norm"
)

// walker visits the MIME tree of one message, collecting body text and
// attachments within Limits. It is go-message's mail.Reader with the things
// tonghop needs and mail.Reader lacks: limits on parts, depth and bytes,
// descent into attached messages, and lenient Content-Type parameters.
type walker struct {
	lim         Limits
	parts       int
	kept        int64 // decoded bytes kept in Text and attachments so far
	truncated   bool
	plain, html []string
	attachments []Attachment
}

func newWalker(lim Limits) *walker { return &walker{lim: lim} }

// walk handles one entity: h is its header, body its undecoded content,
// depth the number of enclosing multiparts and messages. Parts inside an
// attached message are forwarded: their text is not the sender's body.
func (w *walker) walk(h textproto.Header, body io.Reader, depth int, forwarded bool) {
	w.parts++
	if w.parts > w.lim.MaxParts {
		w.truncated = true
		return
	}
	ctype, cparams := parseMediaHeader(h.Get("Content-Type"))
	if !strings.Contains(ctype, "/") {
		ctype = "text/plain" // RFC 2045 5.2: missing or invalid means text/plain
	}
	if strings.HasPrefix(ctype, "multipart/") {
		w.walkMultipart(body, cparams["boundary"], depth, forwarded, ctype == "multipart/digest")
		return
	}
	disp, dparams := parseMediaHeader(h.Get("Content-Disposition"))
	name := dparams["filename"]
	if name == "" {
		name = cparams["name"]
	}
	name = decodeFileName(name)
	content := decodeTransfer(h.Get("Content-Transfer-Encoding"), body)

	if name == "" && disp != "attachment" && (ctype == "text/plain" || ctype == "text/html") {
		if !forwarded {
			w.addText(ctype, cparams["charset"], content)
		}
		return
	}
	att := w.readAttachment(name, ctype, content)
	att.Forwarded = forwarded
	w.attachments = append(w.attachments, att)
	switch att.Kind() {
	case KindZip:
		if att.Data != nil {
			w.expandZip(att, 0)
		}
		return
	case KindTNEF:
		if att.Data != nil {
			w.expandTNEF(att)
		}
		return
	}
	if isAttachedMessage(ctype) && att.Data != nil {
		if depth+1 >= w.lim.MaxDepth {
			w.truncated = true
			return
		}
		inner, innerBody := splitHeader(att.Data)
		w.walk(inner, bytes.NewReader(innerBody), depth+1, true)
	}
}

func isAttachedMessage(ctype string) bool {
	return ctype == "message/rfc822" || ctype == "message/global"
}

// walkMultipart walks the parts of one multipart; in a digest, a part without a Content-Type
// is an attached message (RFC 2046 5.1.5), never text of the sender's own.
func (w *walker) walkMultipart(body io.Reader, boundary string, depth int, forwarded, digest bool) {
	if boundary == "" {
		return // nothing can be split; the content is unusable
	}
	if depth+1 >= w.lim.MaxDepth {
		w.truncated = true
		return
	}
	mr := textproto.NewMultipartReader(body, boundary)
	for w.parts <= w.lim.MaxParts {
		p, err := mr.NextPart()
		if err != nil {
			// io.EOF ends the multipart; anything else (a missing closing
			// boundary, garbage) ends it too, keeping what was read.
			return
		}
		if digest && p.Header.Get("Content-Type") == "" {
			p.Header.Set("Content-Type", "message/rfc822")
		}
		w.walk(p.Header, p, depth+1, forwarded)
	}
}

// addText keeps one body part's text within the byte budget.
func (w *walker) addText(ctype, label string, content io.Reader) {
	b, _ := io.ReadAll(io.LimitReader(content, w.budget()))
	w.kept += int64(len(b))
	s := strings.ReplaceAll(decodeCharset(label, b), "\r\n", "\n")
	s = norm.NFC.String(s)
	if ctype == "text/html" {
		w.html = append(w.html, s)
	} else {
		w.plain = append(w.plain, s)
	}
}

// readAttachment reads one part's content, dropping it when it exceeds the
// per-attachment or remaining per-message budget. A decoding error keeps what
// was decoded: a corrupt workbook is reported by the validator with a better
// message than "unreadable part".
func (w *walker) readAttachment(name, ctype string, content io.Reader) Attachment {
	att := Attachment{Name: name, ContentType: ctype}
	budget := w.budget()
	data, _ := io.ReadAll(io.LimitReader(content, budget+1))
	att.Size = int64(len(data))
	if att.Size > budget {
		rest, _ := io.Copy(io.Discard, content)
		att.Size += rest
		att.TooLarge = true
		return att
	}
	w.kept += att.Size
	att.Data = data
	return att
}

func (w *walker) budget() int64 {
	return max(0, min(w.lim.MaxAttachmentBytes, w.lim.MaxTotalBytes-w.kept))
}

// text is the message body: the plain-text parts, or the HTML ones reduced to
// text when there is no plain text.
func (w *walker) text() string {
	if len(w.plain) > 0 {
		return strings.TrimSpace(strings.Join(w.plain, "\n"))
	}
	var parts []string
	for _, h := range w.html {
		parts = append(parts, htmlToText(h))
	}
	return strings.TrimSpace(strings.Join(parts, "\n"))
}

// decodeTransfer undoes the Content-Transfer-Encoding. Unknown encodings are
// passed through: the bytes are the best guess there is.
func decodeTransfer(enc string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "base64":
		return base64.NewDecoder(base64.RawStdEncoding, &base64Filter{r: r})
	case "quoted-printable":
		return quotedprintable.NewReader(&controlFilter{r: r})
	}
	return r
}

// base64Filter drops everything but the base64 alphabet, padding included,
// so that line breaks, stray spaces and junk characters (all seen in real
// attachments) do not stop decoding; RawStdEncoding then accepts the
// unpadded tail.
type base64Filter struct{ r io.Reader }

func (f *base64Filter) Read(p []byte) (int, error) {
	for {
		n, err := f.r.Read(p)
		kept := 0
		for _, c := range p[:n] {
			if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' {
				p[kept] = c
				kept++
			}
		}
		if kept > 0 || err != nil {
			return kept, err
		}
	}
}

// controlFilter turns control bytes other than tab, CR and LF into spaces,
// which the standard quoted-printable reader would otherwise stop at.
type controlFilter struct{ r io.Reader }

func (f *controlFilter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	for i, c := range p[:n] {
		if c < ' ' && c != '\t' && c != '\r' && c != '\n' || c == 0x7f {
			p[i] = ' '
		}
	}
	return n, err
}
