package daemon

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// The mail corpus in testdata/mail is written by TestGenerateMailCorpus, run by hand:
//
//	go test ./daemon/ -run TestGenerateMailCorpus -gen-corpus
//
// Every .eml is generated, so the corpus can be rebuilt after the test office changes (its
// workbooks carry the HMAC identification of testKey). Messages taken from public test suites
// are read from testdata/mail/orig (see testdata/mail/SOURCES.tsv) and adapted here: headers
// rewritten to the test office's addresses, their attachments replaced by test workbooks. Dates,
// Message-IDs, boundaries and zip timestamps are fixed, so regeneration changes only workbook
// bytes. MANIFEST.tsv, the expected outcome of each file, is written by hand.
var genCorpus = flag.Bool("gen-corpus", false, "rewrite testdata/mail/*.eml (TestGenerateMailCorpus)")

const (
	corpusDir      = "testdata/mail"
	corpusXLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	// tonghopRef is a Message-ID of the form tonghop gives its own mail.
	tonghopRef = "<5f2c9a01b7e44d3c8e6a0b1c2d3e4f50@kcn.example>"
)

// corpusCase is one file of the corpus and how it is built.
type corpusCase struct {
	file  string
	build func(g *corpusGen) []byte
}

func TestGenerateMailCorpus(t *testing.T) {
	t.Parallel()
	if !*genCorpus {
		t.Skip("rewrites testdata/mail; run with -gen-corpus")
	}
	g := &corpusGen{t: t, e: newEnv(t), books: map[string][]byte{}}
	old, _ := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range corpusCases() {
		if want := fmt.Sprintf("%02d-", i+1); !strings.HasPrefix(c.file, want) {
			t.Fatalf("case %d is named %s: want the prefix %s", i+1, c.file, want)
		}
		g.n = i + 1
		if err := os.WriteFile(filepath.Join(corpusDir, c.file), c.build(g), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// corpusGen holds what the builders share: the test office and the number of the file built.
type corpusGen struct {
	t     *testing.T
	e     *env
	books map[string][]byte
	n     int
}

// book returns unit's filled workbook, valid or with a subtotal error.
func (g *corpusGen) book(unit string, mistakes bool) []byte {
	key := fmt.Sprint(unit, mistakes)
	if g.books[key] == nil {
		g.books[key] = g.e.workbook(g.t, unit, mistakes)
	}
	return g.books[key]
}

func (g *corpusGen) orig(name string) string {
	data, err := os.ReadFile(filepath.Join(corpusDir, "orig", name))
	if err != nil {
		g.t.Fatal(err)
	}
	return string(data)
}

// date is the Date of the file being built: ten minutes apart from 2026-11-16 08:50 (+0700).
func (g *corpusGen) date() string {
	base := time.Date(2026, 11, 16, 8, 50, 0, 0, time.FixedZone("+0700", 7*3600))
	return base.Add(time.Duration(g.n) * 10 * time.Minute).Format(time.RFC1123Z)
}

func (g *corpusGen) id(domain string) string { return fmt.Sprintf("<corpus-%02d@%s>", g.n, domain) }

func (g *corpusGen) boundary(tag string) string { return fmt.Sprintf("=_corpus%02d_%s", g.n, tag) }

// mail writes a message from from: the standard header fields, extra lines, and root, a MIME
// entity (its own header fields, a blank line, its body).
func (g *corpusGen) mail(from, subject string, extra []string, root string) []byte {
	_, domain, _ := strings.Cut(emlAddr(from), "@")
	h := []string{"From: " + from, "To: tonghop@kcn.example", "Date: " + g.date(),
		"Message-ID: " + g.id(strings.ToLower(domain)), "MIME-Version: 1.0"}
	if subject != "" {
		h = append(h, "Subject: "+emlWord(subject))
	}
	return []byte(strings.Join(append(h, extra...), "\r\n") + "\r\n" + root)
}

// unitMail is a unit's plain mail with its valid workbook attached under name.
func (g *corpusGen) unitMail(unit, subject, name string, extra ...string) []byte {
	return g.mail(emlUnitFrom(unit), subject, extra, emlMixed(g.boundary("m"),
		emlText("Kính gửi Văn phòng,\r\nPhòng "+unit+" gửi báo cáo tháng 11/2026.\r\n"),
		emlXLSX(name, g.book(unit, false))))
}

func emlUnitFrom(unit string) string { return strings.ToLower(unit) + "@kcn.example" }

func emlAddr(from string) string {
	if i := strings.LastIndex(from, "<"); i >= 0 {
		return strings.Trim(from[i:], "<>")
	}
	return from
}

// encodeWord writes a header text as RFC 2047 UTF-8 when it is not plain ASCII.
func emlWord(s string) string { return mime.BEncoding.Encode("UTF-8", s) }

// entity is a MIME entity from header lines and a body.
func emlEntity(body string, header ...string) string {
	return strings.Join(header, "\r\n") + "\r\n\r\n" + body
}

func emlText(body string) string {
	return emlEntity(body, "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit")
}

func emlHTML(body string) string {
	return emlEntity(body, "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: 8bit")
}

// multipart joins parts under boundary; the closing delimiter is left out when open.
func emlMultipart(subtype, boundary string, open bool, parts ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Content-Type: multipart/%s;\r\n\tboundary=\"%s\"\r\n\r\n", subtype, boundary)
	for _, p := range parts {
		fmt.Fprintf(&b, "--%s\r\n%s\r\n", boundary, strings.TrimRight(p, "\r\n"))
	}
	if !open {
		fmt.Fprintf(&b, "--%s--\r\n", boundary)
	}
	return b.String()
}

func emlMixed(boundary string, parts ...string) string {
	return emlMultipart("mixed", boundary, false, parts...)
}

// attachment is a base64 part with the given header lines.
func emlAttachment(data []byte, width int, header ...string) string {
	return emlEntity(emlB64(data, width), append(header, "Content-Transfer-Encoding: base64")...)
}

func emlXLSX(name string, data []byte) string {
	return emlAttachment(data, 76, fmt.Sprintf("Content-Type: %s; name=\"%s\"", corpusXLSXType, name),
		fmt.Sprintf("Content-Disposition: attachment; filename=\"%s\"", name))
}

// b64 encodes data in lines of width characters (the last one shorter).
func emlB64(data []byte, width int) string {
	enc := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	for len(enc) > width {
		b.WriteString(enc[:width] + "\r\n")
		enc = enc[width:]
	}
	return b.String() + enc + "\r\n"
}

// b64Ragged encodes data in lines whose lengths cycle through widths, as some gateways write.
func emlB64Ragged(data []byte, widths ...int) string {
	enc := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	for i := 0; len(enc) > 0; i++ {
		n := min(widths[i%len(widths)], len(enc))
		b.WriteString(enc[:n] + "\r\n")
		enc = enc[n:]
	}
	return b.String()
}

func emlQP(s string) string {
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return b.String()
}

// rfc2231 percent-encodes s for an extended parameter value (without the charset prefix).
func emlRFC2231(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// windows1258 encodes Vietnamese as Vietnamese Windows does: letters with circumflex, breve or
// horn precomposed, tone marks as separate combining characters.
func emlWindows1258(s string) []byte {
	var out []rune
	for _, r := range norm.NFD.String(s) {
		if r != '\u0302' && r != '\u0306' && r != '\u031B' {
			out = append(out, r)
			continue
		}
		// A vowel modifier: compose it into the last letter, past any tone mark NFD put first.
		j := len(out) - 1
		for j > 0 && out[j] >= '\u0300' && out[j] <= '\u036F' {
			j--
		}
		out[j] = []rune(norm.NFC.String(string([]rune{out[j], r})))[0]
	}
	b, err := charmap.Windows1258.NewEncoder().Bytes([]byte(string(out)))
	if err != nil {
		panic(fmt.Sprintf("windows-1258 %q: %v", s, err))
	}
	return b
}

// qWord writes bytes in charset as RFC 2047 Q encoded-words.
func emlQWord(charset string, data []byte) string {
	var words []string
	for len(data) > 0 {
		n := min(24, len(data))
		var b strings.Builder
		for _, c := range data[:n] {
			switch {
			case c == ' ':
				b.WriteByte('_')
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-':
				b.WriteByte(c)
			default:
				fmt.Fprintf(&b, "=%02X", c)
			}
		}
		words = append(words, "=?"+charset+"?Q?"+b.String()+"?=")
		data = data[n:]
	}
	return strings.Join(words, "\r\n ")
}

// zipOf packs files (name, data pairs) with a fixed timestamp, deflated.
func emlZip(t *testing.T, files ...any) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for i := 0; i < len(files); i += 2 {
		h := &zip.FileHeader{Name: files[i].(string), Method: zip.Deflate,
			Modified: time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)}
		if files[i].(string) == "mimetype" {
			h.Method = zip.Store
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(files[i+1].([]byte)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipBomb is a small zip whose one entry inflates to 101 MiB of zeros.
func emlZipBomb(t *testing.T, name string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate,
		Modified: time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(f, emlZeros{}, 101<<20); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type emlZeros struct{}

func (emlZeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// tnefStream writes a minimal TNEF stream ([MS-OXTNEF]) as Outlook puts in winmail.dat: the
// message attributes, then one file attachment named in attAttachTitle and in the MAPI
// property PR_ATTACH_LONG_FILENAME.
func emlTNEF(name string, data []byte) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, 0x223E9F78))
	b.Write(le.AppendUint16(nil, 0x0001))
	attr := func(level byte, id uint32, payload []byte) {
		b.WriteByte(level)
		b.Write(le.AppendUint32(nil, id))
		b.Write(le.AppendUint32(nil, uint32(len(payload))))
		b.Write(payload)
		var sum uint16
		for _, c := range payload {
			sum += uint16(c)
		}
		b.Write(le.AppendUint16(nil, sum))
	}
	attr(1, 0x00089006, le.AppendUint32(nil, 0x00010000))                   // attTnefVersion
	attr(1, 0x00069007, le.AppendUint32(le.AppendUint32(nil, 1258), 0))     // attOemCodepage
	attr(1, 0x00078008, []byte("IPM.Microsoft Mail.Note\x00"))              // attMessageClass
	rend := le.AppendUint16(nil, 1)                                         // afByValue
	rend = le.AppendUint32(rend, 0xFFFFFFFF)                                // position
	rend = append(le.AppendUint16(le.AppendUint16(rend, 0), 0), 0, 0, 0, 0) // width, height, flags
	attr(2, 0x00069002, rend)                                               // attAttachRendData
	attr(2, 0x00018010, []byte(name+"\x00"))                                // attAttachTitle
	attr(2, 0x0006800F, data)                                               // attAttachData
	props := le.AppendUint32(nil, 1)
	props = le.AppendUint16(props, 0x001E) // PT_STRING8
	props = le.AppendUint16(props, 0x3707) // PR_ATTACH_LONG_FILENAME
	props = le.AppendUint32(props, 1)
	props = le.AppendUint32(props, uint32(len(name)+1))
	props = append(props, name+"\x00"...)
	for len(props)%4 != 0 {
		props = append(props, 0)
	}
	attr(2, 0x00069005, props) // attAttachment
	return b.Bytes()
}

// splitFields returns the header fields of head, each with its continuation lines.
func emlFields(head string) []string {
	var fields []string
	for _, line := range strings.Split(head, "\r\n") {
		if (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) && len(fields) > 0 {
			fields[len(fields)-1] += "\r\n" + line
		} else if line != "" {
			fields = append(fields, line)
		}
	}
	return fields
}

// adapt rewrites the top-level header fields of a message from orig: each pair sets a field
// (replacing the first of that name, dropping the others, appending it if absent) or, with the
// value "", drops it. Line endings become CRLF.
func emlAdapt(raw string, pairs ...string) string {
	raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\n", "\r\n")
	head, body, _ := strings.Cut(raw, "\r\n\r\n")
	fields := emlFields(head)
	for i := 0; i < len(pairs); i += 2 {
		key, value, done := pairs[i], pairs[i+1], false
		var kept []string
		for _, f := range fields {
			name, _, _ := strings.Cut(f, ":")
			if !strings.EqualFold(strings.TrimSpace(name), key) {
				kept = append(kept, f)
			} else if !done && value != "" {
				kept, done = append(kept, key+": "+value), true
			}
		}
		if !done && value != "" {
			kept = append(kept, key+": "+value)
		}
		fields = kept
	}
	return strings.Join(fields, "\r\n") + "\r\n\r\n" + body
}

// withAttachment turns an adapted single-entity message into multipart/mixed: its old body
// (with its Content-Type and Content-Transfer-Encoding) becomes the first part, then parts.
func emlWithAttachment(raw, boundary string, parts ...string) string {
	head, body, _ := strings.Cut(raw, "\r\n\r\n")
	var top, inner []string
	for _, f := range emlFields(head) {
		name, _, _ := strings.Cut(strings.ToLower(f), ":")
		if name == "content-type" || name == "content-transfer-encoding" {
			inner = append(inner, f)
		} else {
			top = append(top, f)
		}
	}
	if len(inner) == 0 {
		inner = []string{"Content-Type: text/plain; charset=us-ascii"}
	}
	first := emlEntity(body, inner...)
	return strings.Join(top, "\r\n") + "\r\n" + emlMixed(boundary, append([]string{first}, parts...)...)
}

// corpusCases lists the corpus in the order TestMailCorpus ingests it; MANIFEST.tsv says what
// each should come to.
func corpusCases() []corpusCase {
	var cases []corpusCase
	add := func(file string, build func(g *corpusGen) []byte) {
		cases = append(cases, corpusCase{fmt.Sprintf("%02d-%s.eml", len(cases)+1, file), build})
	}
	same := func(orig string) func(g *corpusGen) []byte {
		return func(g *corpusGen) []byte { return []byte(g.orig(orig)) }
	}
	add("not-a-mail", func(g *corpusGen) []byte {
		return []byte("%PDF-1.4\n% tệp quét, không phải thư\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
	})
	add("bounce-exim-dsn", same("bounce__webklex_example_bounce_exim.eml"))
	add("bounce-aol-mailbox-full", same("bounce__flanker_mailbox-full.eml"))
	add("autoreply-rfc3834", same("autoreply__sisimai_rfc3834-06.eml"))
	add("autoreply-polish-subject-only", same("autoreply__mimeparser_issue212_polish.eml"))
	add("bounce-dsn-from-unit", func(g *corpusGen) []byte {
		return []byte(emlAdapt(g.orig("bounce__sisimai_outlook-01_utf7.eml"), "From", "qldt@kcn.example",
			"To", "tonghop@kcn.example", "Return-Path", "", "Message-ID", g.id("kcn.example")))
	})
	add("autoreply-from-unit", func(g *corpusGen) []byte {
		return []byte(emlAdapt(g.orig("autoreply__sisimai_rfc3834-06.eml"), "From", "<qlmt@kcn.example>",
			"To", "<tonghop@kcn.example>", "Return-Path", "", "Precedence", "", "Reply-To", "",
			"Message-ID", g.id("kcn.example")))
	})
	add("outlook-ooo-vietnamese-unit", genOutOfOffice)
	add("x-autoreply-unit", func(g *corpusGen) []byte {
		return g.mail("qldn@kcn.example", "Re: Báo cáo tháng 11/2026", []string{"X-Autoreply: yes"},
			emlText("Tôi đang đi công tác đến hết ngày 20/11.\r\n"))
	})
	add("list-id-unit", func(g *corpusGen) []byte {
		return g.mail("qldt@kcn.example", "[KCN] Bản tin tuần: báo cáo, kế hoạch", []string{
			"List-Id: Ban tin KCN <bantin.kcn.example>", "Precedence: list"},
			emlText("Bản tin nội bộ tuần 47.\r\n"))
	})
	add("null-return-path-unit", func(g *corpusGen) []byte {
		return g.mail("qlmt@kcn.example", "Thông báo đã nhận thư", []string{"Return-Path: <>"},
			emlText("Thư của quý cơ quan đã được chuyển đến hộp thư phòng.\r\n"))
	})
	add("postmaster-sender", func(g *corpusGen) []byte {
		return g.mail("Mail System <postmaster@kcn.example>", "Thư không chuyển được", nil,
			emlText("Không chuyển được thư đến qlxx@kcn.example: hộp thư không tồn tại.\r\n"))
	})
	add("precedence-bulk-stranger", func(g *corpusGen) []byte {
		return g.mail("Hoi thao <news@other.example>", "Mời tham dự hội thảo chuyển đổi số", []string{"Precedence: bulk"},
			emlText("Kính mời quý cơ quan tham dự hội thảo.\r\n"))
	})
	add("own-address", func(g *corpusGen) []byte {
		return g.mail("tonghop@kcn.example", "Biên nhận báo cáo BM.02.01/KH tháng 11/2026", nil,
			emlText("Văn phòng đã nhận báo cáo.\r\n"))
	})
	add("stranger-first", func(g *corpusGen) []byte {
		return g.mail("stranger@other.example", "Gửi báo cáo tháng 11", nil, emlMixed(g.boundary("m"),
			emlText("Gửi anh chị báo cáo.\r\n"), emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
	add("stranger-second", func(g *corpusGen) []byte {
		return g.mail("stranger@other.example", "Hỏi về mẫu báo cáo", nil,
			emlText("Cho tôi hỏi mẫu báo cáo tháng này ở đâu?\r\n"))
	})
	add("too-many-attachments", func(g *corpusGen) []byte {
		parts := []string{emlText("Gửi báo cáo và ảnh hiện trường.\r\n"),
			emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))}
		for i := 1; i <= 20; i++ {
			name := fmt.Sprintf("anh-%02d.jpg", i)
			parts = append(parts, emlAttachment([]byte("\xff\xd8\xff\xe0 JFIF "+name), 76,
				"Content-Type: image/jpeg; name=\""+name+"\"", "Content-Disposition: attachment; filename=\""+name+"\""))
		}
		return g.mail("qldn@kcn.example", "Báo cáo tháng 11 kèm ảnh", nil, emlMixed(g.boundary("m"), parts...))
	})
	add("zip-30-workbooks", func(g *corpusGen) []byte {
		var files []any
		for i := 1; i <= 30; i++ {
			files = append(files, fmt.Sprintf("BM.02.01-KH_QLDT_%02d.xlsx", i), g.book("QLDT", false))
		}
		return g.zipMail("QLDT", "Báo cáo tháng 11 (nén)", "bao-cao.zip", emlZip(g.t, files...))
	})
	add("valid-qldn", func(g *corpusGen) []byte {
		return g.unitMail("QLDN", "Báo cáo tháng 11/2026", "BM.02.01-KH_2026-11_QLDN.xlsx")
	})
	add("invalid-subtotal-qldt", func(g *corpusGen) []byte {
		return g.mail("qldt@kcn.example", "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"),
			emlText("Gửi Văn phòng.\r\n"), emlXLSX("BM.02.01-KH_2026-11_QLDT.xlsx", g.book("QLDT", true))))
	})
	add("mixed-valid-invalid-qhxd", func(g *corpusGen) []byte {
		return g.mail("qhxd@kcn.example", "Báo cáo tháng 11/2026 (2 tệp)", nil, emlMixed(g.boundary("m"),
			emlText("Gửi Văn phòng hai tệp.\r\n"), emlXLSX("QHXD_ban-1.xlsx", g.book("QHXD", false)),
			emlXLSX("QHXD_ban-2.xlsx", g.book("QHXD", true))))
	})
	add("forgot-attachment-qlmt", func(g *corpusGen) []byte {
		return g.mail("qlmt@kcn.example", "Gửi báo cáo BM.02.01/KH tháng 11/2026", nil,
			emlText("Kính gửi Văn phòng,\r\nPhòng QLMT gửi kèm báo cáo tháng 11.\r\nTrân trọng.\r\n"))
	})
	add("reply-later-to-tonghop-qlmt", func(g *corpusGen) []byte {
		return g.mail("qlmt@kcn.example", "Re: [Nhắc hạn] Báo cáo BM.02.01/KH tháng 11/2026",
			[]string{"In-Reply-To: " + tonghopRef, "References: " + tonghopRef},
			emlText("Dạ em sẽ gửi chiều nay ạ.\r\n\r\n> Văn phòng nhắc hạn nộp báo cáo.\r\n"))
	})
	add("pdf-only-qlmt", func(g *corpusGen) []byte {
		return g.fileMail("QLMT", "bao-cao-thang-11.pdf", "application/pdf",
			[]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
	})
	add("docx-only-qhxd", func(g *corpusGen) []byte {
		return g.fileMail("QHXD", "Báo cáo tháng 11.docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			emlZip(g.t, "[Content_Types].xml", []byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
				"word/document.xml", []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`)))
	})
	add("ods-qldt", func(g *corpusGen) []byte {
		return g.fileMail("QLDT", "BM.02.01-KH_2026-11_QLDT.ods", "application/vnd.oasis.opendocument.spreadsheet",
			emlZip(g.t, "mimetype", []byte("application/vnd.oasis.opendocument.spreadsheet"),
				"content.xml", []byte(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`)))
	})
	add("xls-no-converter-qldt", func(g *corpusGen) []byte {
		return g.fileMail("QLDT", "Bao cao thang 11.xls", "application/vnd.ms-excel", []byte(g.orig("readxl__vietnamese-utf8.xls")))
	})
	addReadingCases(add)
	addArchiveCases(add)
	addPeopleCases(add)
	return cases
}

// fileMail is a unit's mail carrying one file of the given type.
func (g *corpusGen) fileMail(unit, name, ctype string, data []byte) []byte {
	return g.mail(emlUnitFrom(unit), "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"),
		emlText("Gửi Văn phòng báo cáo.\r\n"),
		emlAttachment(data, 76, fmt.Sprintf("Content-Type: %s; name=\"%s\"", ctype, emlWord(name)),
			fmt.Sprintf("Content-Disposition: attachment; filename=\"%s\"", emlWord(name)))))
}

func (g *corpusGen) zipMail(unit, subject, name string, data []byte) []byte {
	return g.fileMail(unit, name, "application/x-zip-compressed", data)
}

// genOutOfOffice is the notice Outlook's automatic replies rule sends from a Vietnamese
// mailbox: nothing in the header marks it but the subject.
func genOutOfOffice(g *corpusGen) []byte {
	b := g.boundary("alt")
	return g.mail("Phòng QHXD <qhxd@kcn.example>", "Trả lời tự động: Báo cáo tháng 11/2026", []string{
		"Thread-Topic: Báo cáo tháng 11/2026", "Thread-Index: AdtYq2fW3n0b5cRkQ0mJ1xv8LmN9ZQ==",
		"Content-Language: vi-VN", "X-MS-Has-Attach:", "X-Auto-Response-Suppress: All",
		"X-MS-Exchange-Organization-AuthAs: Internal"},
		emlMultipart("alternative", b, false,
			emlText("Tôi đang nghỉ phép đến ngày 20/11/2026. Việc gấp xin liên hệ đồng chí Hùng.\r\n"),
			emlHTML("<html><body><p>Tôi đang nghỉ phép đến ngày 20/11/2026.</p></body></html>\r\n")))
}

type addCase func(file string, build func(g *corpusGen) []byte)

// addReadingCases adds valid workbooks in the shapes real clients send them.
func addReadingCases(add addCase) {
	add("rfc2231-filename-qldn", func(g *corpusGen) []byte {
		name := emlRFC2231("Báo cáo tháng 11 - QLDN.xlsx")
		return g.mail("qldn@kcn.example", "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"),
			emlText("Gửi Văn phòng.\r\n"),
			emlAttachment(g.book("QLDN", false), 76, "Content-Type: "+corpusXLSXType+"; name*=UTF-8''"+name,
				"Content-Disposition: attachment; filename*=UTF-8''"+name)))
	})
	add("rfc2231-continuations-qldt", func(g *corpusGen) []byte {
		// Webklex's long-name message: its first file becomes the workbook, named in RFC 2231
		// continuations; the two .txt parts after it are kept.
		orig := emlAdapt(g.orig("fname__webklex_attachment_long_filename.eml"), "From", "qldt@kcn.example",
			"To", "tonghop@kcn.example", "Date", g.date(), "Message-ID", g.id("kcn.example"),
			"Subject", emlWord("Báo cáo tháng 11/2026"), "MIME-Version", "1.0")
		head, body, _ := strings.Cut(orig, "\r\n\r\n")
		rest := body[strings.Index(body[2:], "--BOUNDARY")+2:]
		name := emlRFC2231("Báo cáo kết quả thực hiện kế hoạch tháng 11 năm 2026 - Phòng Quản lý doanh nghiệp.xlsx")
		var ct, cd strings.Builder
		ct.WriteString("Content-Type: " + corpusXLSXType + ";")
		cd.WriteString("Content-Disposition: attachment;")
		for i := 0; len(name) > 0; i++ {
			n := min(60, len(name))
			for n < len(name) && n > 2 && strings.Contains(name[n-2:n], "%") {
				n-- // do not split a %XX escape
			}
			prefix := ""
			if i == 0 {
				prefix = "utf-8''"
			}
			sep := ";"
			if n == len(name) {
				sep = ""
			}
			fmt.Fprintf(&ct, "\r\n name*%d*=%s%s%s", i, prefix, name[:n], sep)
			fmt.Fprintf(&cd, "\r\n filename*%d*=%s%s%s", i, prefix, name[:n], sep)
			name = name[n:]
		}
		part := emlEntity(emlB64(g.book("QLDT", false), 76), ct.String(), cd.String(), "Content-Transfer-Encoding: base64")
		return []byte(head + "\r\n\r\n--BOUNDARY\r\n" + part + "\r\n" + rest)
	})
	add("rfc2047-b-name-vi-display-qhxd", func(g *corpusGen) []byte {
		name := emlWord("Báo cáo tháng 11 - Phòng Quy hoạch xây dựng.xlsx")
		return g.mail(emlWord("Phòng Quy hoạch – Xây dựng")+" <qhxd@kcn.example>", "Báo cáo tháng 11/2026", nil,
			emlMixed(g.boundary("m"), emlText("Gửi Văn phòng.\r\n"),
				emlAttachment(g.book("QHXD", false), 76, "Content-Type: "+corpusXLSXType+";\r\n\tname=\""+name+"\"",
					"Content-Disposition: attachment;\r\n\tfilename=\""+name+"\"")))
	})
	add("rfc2047-q-windows-1258-name-qlmt", func(g *corpusGen) []byte {
		// Webklex's issue-410b: an encoded-word inside the quoted filename, here in windows-1258.
		name := emlQWord("windows-1258", emlWindows1258("Báo cáo tháng 11 Phòng Quản lý môi trường.xlsx"))
		raw := emlAdapt(g.orig("fname__webklex_issue-410b_xlsx.eml"), "From", "qlmt@kcn.example",
			"To", "tonghop@kcn.example", "Date", g.date(), "Message-ID", g.id("kcn.example"),
			"Subject", emlQWord("windows-1258", emlWindows1258("Báo cáo tháng 11/2026")))
		raw = strings.ReplaceAll(raw, "=?iso-8859-1?Q?2021=5FM=E4ngelliste=5F0819306.xlsx?=", strings.ReplaceAll(name, "\r\n ", " "))
		raw = strings.Replace(raw, "SGkh\r\n", emlB64(g.book("QLMT", false), 76), 1)
		return []byte(strings.Replace(raw, "size=11641", fmt.Sprintf("size=%d", len(g.book("QLMT", false))), 1))
	})
	add("windows-1258-subject-body-qldn", func(g *corpusGen) []byte {
		body := emlEntity(emlQP(string(emlWindows1258("Kính gửi Văn phòng,\r\nPhòng Quản lý doanh nghiệp gửi báo cáo tháng 11.\r\nTrân trọng.\r\n"))),
			"Content-Type: text/plain; charset=\"windows-1258\"", "Content-Transfer-Encoding: quoted-printable")
		return g.mail(emlQWord("windows-1258", emlWindows1258("Nguyễn Thị Hằng"))+" <qldn@kcn.example>",
			"", []string{"Subject: " + emlQWord("windows-1258", emlWindows1258("Báo cáo tháng 11/2026 - Phòng Quản lý doanh nghiệp"))},
			emlMixed(g.boundary("m"), body, emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
	add("octet-stream-named-qldt", func(g *corpusGen) []byte {
		// Webklex's mixed_filename: an .xlsx sent as application/octet-stream, with a
		// Content-Transfer-Encoding on the multipart itself.
		raw := emlAdapt(g.orig("fname__webklex_mixed_filename_xlsx_cp1251.eml"), "From", "qldt@kcn.example",
			"To", "tonghop@kcn.example", "Date", g.date(), "Message-ID", g.id("kcn.example"))
		start := strings.Index(raw, "UEsDB")
		end := strings.Index(raw[start:], "--=_743251f7a933f6b30c004fcb14eabb57--")
		return []byte(raw[:start] + emlB64(g.book("QLDT", false), 72) + raw[start+end:])
	})
	add("octet-stream-nameless-ragged-base64-qhxd", func(g *corpusGen) []byte {
		return g.mail("qhxd@kcn.example", "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"),
			emlText("Gửi Văn phòng (tệp không tên).\r\n"),
			emlEntity(emlB64Ragged(g.book("QHXD", false), 76, 64, 57, 4, 76, 1000), "Content-Type: application/octet-stream",
				"Content-Transfer-Encoding: base64")))
	})
	add("nested-multipart-qlmt", func(g *corpusGen) []byte {
		png := []byte("\x89PNG\r\n\x1a\n con dấu")
		related := emlMultipart("related", g.boundary("rel"), false,
			emlHTML(`<html><body><p>Gửi Văn phòng báo cáo.</p><img src="cid:logo@kcn"></body></html>`+"\r\n"),
			emlAttachment(png, 76, "Content-Type: image/png", "Content-ID: <logo@kcn>", "Content-Disposition: inline"))
		alt := emlMultipart("alternative", g.boundary("alt"), false, emlText("Gửi Văn phòng báo cáo.\r\n"), related)
		return g.mail("qlmt@kcn.example", "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"), alt,
			emlXLSX("BM.02.01-KH_2026-11_QLMT.xlsx", g.book("QLMT", false))))
	})
	add("html-only-qldn", func(g *corpusGen) []byte {
		return g.mail("qldn@kcn.example", "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"),
			emlHTML("<div dir=\"ltr\">Kính gửi Văn phòng,<br>Phòng gửi báo cáo.</div>\r\n"),
			emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
	add("quoted-printable-nfd-subject-qldt", func(g *corpusGen) []byte {
		body := emlEntity(emlQP("Kính gửi Văn phòng,\r\nPhòng Quản lý đầu tư gửi báo cáo tháng 11 năm 2026, "+
			"số liệu đã được lãnh đạo phòng rà soát và ký duyệt theo đúng quy định hiện hành.\r\n"),
			"Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable")
		return g.mail("qldt@kcn.example", norm.NFD.String("Báo cáo tháng 11/2026 – Phòng Quản lý đầu tư"), nil,
			emlMixed(g.boundary("m"), body, emlXLSX("BM.02.01-KH_2026-11_QLDT.xlsx", g.book("QLDT", false))))
	})
	addClientCases(add)
}

// addClientCases adds workbooks sent from the mail clients units use, adapted from real
// messages of those clients.
func addClientCases(add addCase) {
	add("apple-mail-inline-qhxd", func(g *corpusGen) []byte {
		// Talon's Apple Mail reply; Apple Mail puts the file inline between two text parts.
		raw := emlAdapt(g.orig("reply__talon_apple_mail.eml"), "Subject", emlWord("Báo cáo tháng 11/2026"),
			"From", emlWord("Trần Văn Hải")+" <qhxd@kcn.example>", "Date", g.date(),
			"Message-ID", g.id("kcn.example"), "To", "tonghop@kcn.example")
		book := emlAttachment(g.book("QHXD", false), 76, "Content-Disposition: inline;\r\n\tfilename=BM02-QHXD.xlsx",
			"Content-Type: "+corpusXLSXType+";\r\n\tx-unix-mode=0644;\r\n\tname=\"BM02-QHXD.xlsx\"")
		tail := emlEntity("\r\n\r\nSent from my Mac\r\n", "Content-Type: text/plain; charset=us-ascii", "Content-Transfer-Encoding: 7bit")
		return []byte(emlWithAttachment(raw, g.boundary("apple"), book, tail))
	})
	add("gmail-reply-with-workbook-qlmt", func(g *corpusGen) []byte {
		// Talon's Gmail reply, answering tonghop's request and carrying the workbook.
		raw := emlAdapt(g.orig("reply__talon_gmail.eml"), "Subject", emlWord("Re: Đề nghị gửi báo cáo BM.02.01/KH tháng 11/2026"),
			"From", emlWord("Lê Minh Tâm")+" <qlmt@kcn.example>", "To", "tonghop@kcn.example", "Date", g.date(),
			"Message-Id", g.id("kcn.example"), "In-Reply-To", tonghopRef, "References", tonghopRef)
		return []byte(emlWithAttachment(raw, g.boundary("gmail"), emlXLSX("BM.02.01-KH_2026-11_QLMT.xlsx", g.book("QLMT", false))))
	})
	add("outlook-vi-qldn", func(g *corpusGen) []byte {
		// Talon's Outlook reply, with the header fields Vietnamese Outlook adds.
		raw := emlAdapt(g.orig("reply__talon_outlook.eml"), "Subject", emlWord("Báo cáo tháng 11/2026 - Phòng QLDN"),
			"From", emlWord("Phạm Quốc Anh")+" <qldn@kcn.example>", "To", "tonghop@kcn.example",
			"X-Mailgun-Tag", "", "X-Mailgun-Mailing-List-Id", "", "Date", g.date(), "Message-ID", g.id("kcn.example"),
			"Thread-Topic", emlWord("Báo cáo tháng 11/2026 - Phòng QLDN"), "Thread-Index", "AdtYq3Lm0QzX5r2bS1+Yc9kFq8nWvA==",
			"Accept-Language", "vi-VN, en-US", "Content-Language", "vi-VN", "X-MS-Has-Attach", "yes",
			"X-MS-TNEF-Correlator", "")
		return []byte(emlWithAttachment(raw, g.boundary("outlook"), emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
	add("zimbra-qldt", func(g *corpusGen) []byte {
		// The header of Zimbra's web client (from php-mime-mail-parser's issue158d) on a mail with the workbook.
		raw := emlAdapt(g.orig("fwd__mimeparser_issue158d_zimbra.eml"), "From", emlWord("Võ Thị Lan")+" <qldt@kcn.example>",
			"To", "tonghop@kcn.example", "Date", g.date(), "Message-ID", g.id("kcn.example"), "In-Reply-To", "",
			"References", "", "Subject", emlWord("Báo cáo tháng 11/2026"), "Thread-Topic", emlWord("Báo cáo tháng 11/2026"))
		head, _, _ := strings.Cut(raw, "\r\n\r\n")
		var fields []string
		for _, f := range emlFields(head) {
			if !strings.HasPrefix(strings.ToLower(f), "content-type:") {
				fields = append(fields, f)
			}
		}
		alt := emlMultipart("alternative", "----=_Part_226414_202573469.1505469984034", false,
			emlEntity("Gửi Văn phòng báo cáo tháng 11.\r\n", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"),
			emlEntity("<html><body><div>Gửi Văn phòng báo cáo tháng 11.</div></body></html>\r\n", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: 8bit"))
		return []byte(strings.Join(fields, "\r\n") + "\r\n" + emlMixed("----=_Part_226413_1101864383.1505469984034", alt,
			emlXLSX("BM.02.01-KH_2026-11_QLDT.xlsx", g.book("QLDT", false))))
	})
	add("thunderbird-flowed-qhxd", func(g *corpusGen) []byte {
		// Talon's Thunderbird reply (format=flowed) with the workbook.
		raw := emlAdapt(g.orig("reply__talon_thunderbird.eml"), "From", "qhxd <qhxd@kcn.example>", "Sender", "qhxd@kcn.example",
			"To", "tonghop@kcn.example", "Date", g.date(), "Message-Id", g.id("kcn.example"), "Subject", emlWord("Báo cáo tháng 11/2026"))
		return []byte(emlWithAttachment(raw, g.boundary("tb"), emlXLSX("BM.02.01-KH_2026-11_QHXD.xlsx", g.book("QHXD", false))))
	})
	add("missing-closing-boundary-qlmt", func(g *corpusGen) []byte {
		return g.mail("qlmt@kcn.example", "Báo cáo tháng 11/2026", nil, emlMultipart("mixed", g.boundary("m"), true,
			emlText("Gửi Văn phòng.\r\n"), emlXLSX("BM.02.01-KH_2026-11_QLMT.xlsx", g.book("QLMT", false))))
	})
	add("uppercase-address-qldn", func(g *corpusGen) []byte {
		return g.mail("QLDN <QLDN@KCN.EXAMPLE>", "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"),
			emlText("Gửi Văn phòng.\r\n"), emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
}

// addArchiveCases adds workbooks packed in zip and TNEF files, and forwarded.
func addArchiveCases(add addCase) {
	add("zip-workbook-qlmt", func(g *corpusGen) []byte {
		return g.zipMail("QLMT", "Báo cáo tháng 11/2026", "bao-cao-QLMT.zip",
			emlZip(g.t, "BM.02.01-KH_2026-11_QLMT.xlsx", g.book("QLMT", false)))
	})
	add("zip-in-zip-qlmt", func(g *corpusGen) []byte {
		inner := emlZip(g.t, "Báo cáo/BM.02.01-KH_2026-11_QLMT.xlsx", g.book("QLMT", false))
		return g.zipMail("QLMT", "Báo cáo tháng 11/2026", "ho-so.zip", emlZip(g.t, "bao-cao.zip", inner, "doc-truoc.txt", []byte("Xem tệp bên trong.\r\n")))
	})
	add("zip-text-only-qhxd", func(g *corpusGen) []byte {
		return g.zipMail("QHXD", "Báo cáo tháng 11/2026", "bao-cao.zip",
			emlZip(g.t, "bao-cao.txt", []byte("Số liệu tháng 11: xem bản giấy.\r\n")))
	})
	add("zip-bomb-qldt", func(g *corpusGen) []byte {
		return g.zipMail("QLDT", "Báo cáo tháng 11/2026", "bao-cao.zip", emlZipBomb(g.t, "BM.02.01-KH_2026-11_QLDT.xlsx"))
	})
	add("tnef-winmail-qhxd", func(g *corpusGen) []byte {
		// MimeKit's Exchange Online message; its winmail.dat replaced by one carrying the workbook.
		raw := emlAdapt(g.orig("tnef__mimekit_ukr_exchange_online.eml"), "From", emlWord("Đỗ Văn Bình")+" <qhxd@kcn.example>",
			"To", "tonghop@kcn.example", "Subject", emlWord("Báo cáo tháng 11/2026"), "Thread-Topic", emlWord("Báo cáo tháng 11/2026"),
			"Date", g.date(), "Message-ID", g.id("kcn.example"), "X-MS-TNEF-Correlator", g.id("kcn.example"),
			"Content-Language", "vi-VN", "X-MS-Has-Attach", "yes")
		marker := "Content-Type: application/ms-tnef; name=\"winmail.dat\"\r\n\r\n"
		start := strings.Index(raw, marker) + len(marker)
		end := strings.Index(raw[start:], "\r\n--_000_")
		stream := emlTNEF("BM.02.01-KH_2026-11_QHXD.xlsx", g.book("QHXD", false))
		return []byte(raw[:start] + emlB64(stream, 76) + raw[start+end+2:])
	})
	add("forwarded-rfc822-qlmt", func(g *corpusGen) []byte {
		// Flanker's Thunderbird forward-as-attachment; the enclosed mail now comes from a
		// colleague and carries the workbook.
		raw := strings.TrimLeft(g.orig("fwd__flanker_enclosed.eml"), " \n")
		raw = emlAdapt(raw, "From", "qlmt <qlmt@kcn.example>", "To", "tonghop@kcn.example", "Date", g.date(),
			"Message-Id", g.id("kcn.example"), "Subject", emlWord("Fwd: Báo cáo tháng 11/2026"),
			"Delivered-To", "", "Received", "", "Return-Path", "", "Received-SPF", "", "Authentication-Results", "",
			"DKIM-Signature", "", "DomainKey-Signature", "", "X-Example-Sid", "")
		oldInner := "Content-Type: multipart/alternative;\r\n boundary=\"===============4360815924781479146==\"\r\n"
		i := strings.Index(raw, oldInner)
		j := strings.Index(raw, "--===============4360815924781479146==--")
		innerHead, innerBody, _ := strings.Cut(raw[i+len(oldInner):j], "\r\n\r\n")
		innerHead = strings.NewReplacer("Kirk Douglas <dan@example.com>", "Nguyen Van Khoa <khoa.qlmt@kcn.example>",
			"Subject: Thanks!", "Subject: "+emlWord("Báo cáo tháng 11/2026 (bản ký)")).Replace(innerHead)
		alt := "Content-Type: multipart/alternative;\r\n boundary=\"===============4360815924781479146==\"\r\n\r\n" +
			innerBody + "--===============4360815924781479146==--\r\n"
		inner := innerHead + "\r\n" + emlMixed("===============4360815924781479147==", alt,
			emlXLSX("BM.02.01-KH_2026-11_QLMT.xlsx", g.book("QLMT", false)))
		rest := raw[j+len("--===============4360815924781479146==--\r\n"):]
		return []byte(raw[:i] + inner + rest)
	})
}

// addPeopleCases adds resubmissions, duplicates and mail from people who are not units.
func addPeopleCases(add addCase) {
	var resubmission []byte
	add("resubmission-qldn", func(g *corpusGen) []byte {
		resubmission = g.unitMail("QLDN", "Báo cáo tháng 11/2026 (bản sửa)", "BM.02.01-KH_2026-11_QLDN_v2.xlsx")
		return resubmission
	})
	add("resubmission-qldn-same-bytes", func(*corpusGen) []byte { return resubmission })
	add("resubmission-qldn-redelivered", func(*corpusGen) []byte {
		return append([]byte("Received: from mx2.kcn.example (mx2.kcn.example [10.0.0.12])\r\n"+
			"\tby mail.kcn.example with ESMTP id 4B7C2; Mon, 16 Nov 2026 15:21:07 +0700\r\n"), resubmission...)
	})
	add("clerk-sends-qhxd", func(g *corpusGen) []byte {
		return g.mail(emlWord("Lê Thị Thu")+" <vanthu@kcn.example>", "Báo cáo tháng 11/2026 của Phòng QHXD (gửi hộ)", nil,
			emlMixed(g.boundary("m"), emlText("Văn thư gửi hộ Phòng QHXD.\r\n"),
				emlXLSX("BM.02.01-KH_2026-11_QHXD.xlsx", g.book("QHXD", false))))
	})
	add("supervisor-sends-qldn", func(g *corpusGen) []byte {
		return g.mail(emlWord("Trần Thị Bình")+" <ptb@kcn.example>", "Báo cáo tháng 11/2026 của Phòng QLDN", nil,
			emlMixed(g.boundary("m"), emlText("Gửi hộ Phòng QLDN.\r\n"),
				emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
	add("approver-sends-workbook", func(g *corpusGen) []byte {
		return g.mail(emlWord("Nguyễn Văn An")+" <tb@kcn.example>", "Re: Báo cáo tổng hợp tháng 11/2026",
			[]string{"In-Reply-To: " + tonghopRef}, emlMixed(g.boundary("m"), emlText("Đồng ý.\r\n"),
				emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
	add("unit-sends-other-units-workbook", func(g *corpusGen) []byte {
		return g.mail("qldt@kcn.example", "Báo cáo tháng 11/2026", nil, emlMixed(g.boundary("m"),
			emlText("Gửi Văn phòng.\r\n"), emlXLSX("BM.02.01-KH_2026-11_QLDN.xlsx", g.book("QLDN", false))))
	})
	add("supervisor-sends-qldt-not-allowed", func(g *corpusGen) []byte {
		return g.mail(emlWord("Trần Thị Bình")+" <ptb@kcn.example>", "Báo cáo tháng 11/2026 của Phòng QLDT", nil,
			emlMixed(g.boundary("m"), emlText("Gửi hộ Phòng QLDT.\r\n"),
				emlXLSX("BM.02.01-KH_2026-11_QLDT.xlsx", g.book("QLDT", false))))
	})
}
