// Command genreceipt writes the generated read receipts of intake's tests: no real Outlook
// receipt in TNEF form was found in a public corpus with a licence to copy, so these are built
// by hand after [MS-OXTNEF] and Outlook's receipt text. Run it from intake/testdata:
//
//	go run ./genreceipt
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"log"
	"mime"
	"os"
	"strings"
	"unicode/utf16"
)

const receiptText = "Thư của bạn\r\n\r\n" +
	"    Tới: Văn phòng Ban Quản lý các khu công nghiệp\r\n" +
	"    Chủ đề: Báo cáo kết quả thực hiện tháng 11/2026\r\n" +
	"    Đã gửi: Thứ Hai, 16 tháng 11, 2026 09:00:00 (UTC+07:00) Bangkok, Hà Nội, Jakarta\r\n\r\n" +
	"đã được đọc vào Thứ Hai, 16 tháng 11, 2026 09:05:12 (UTC+07:00) Bangkok, Hà Nội, Jakarta.\r\n"

const subject = "Đã đọc: Báo cáo kết quả thực hiện tháng 11/2026"

func main() {
	tnefMail := mail("<receipt-tnef@kcn.example>", part("text/plain; charset=\"utf-8\"", "", []byte(receiptText))+
		part("application/ms-tnef; name=\"winmail.dat\"", "attachment; filename=\"winmail.dat\"", stream("REPORT.IPM.Note.IPNRN")))
	textMail := mail("<receipt-text@kcn.example>", part("text/plain; charset=\"utf-8\"", "", []byte(receiptText)))
	for name, data := range map[string]string{
		"receipt__generated_outlook_tnef_ipnrn.eml": tnefMail,
		"receipt__generated_outlook_text_vi.eml":    textMail,
	} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func mail(id, parts string) string {
	return "From: =?utf-8?B?" + base64.StdEncoding.EncodeToString([]byte("Phòng Quản lý doanh nghiệp")) + "?= <qldn@kcn.example>\r\n" +
		"To: baocao@kcn.example\r\n" +
		"Subject: " + mime.BEncoding.Encode("utf-8", subject) + "\r\n" +
		"Date: Mon, 16 Nov 2026 09:05:12 +0700\r\n" +
		"Message-ID: " + id + "\r\n" +
		"In-Reply-To: <th-receipt-0001@kcn.example>\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"_000_receipt_\"\r\n\r\n" +
		parts + "--_000_receipt_--\r\n"
}

func part(ctype, disp string, data []byte) string {
	h := "--_000_receipt_\r\nContent-Type: " + ctype + "\r\nContent-Transfer-Encoding: base64\r\n"
	if disp != "" {
		h += "Content-Disposition: " + disp + "\r\n"
	}
	enc := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return h + "\r\n" + b.String()
}

// stream is a TNEF stream as Outlook writes a read receipt: version, code page, the class in
// attMessageClass and in PR_MESSAGE_CLASS_W, the subject and the receipt's text.
func stream(class string) []byte {
	var b bytes.Buffer
	u32 := func(v uint32) { b.Write(binary.LittleEndian.AppendUint32(nil, v)) }
	attr := func(id uint32, data []byte) {
		b.WriteByte(1) // message level
		u32(id)
		u32(uint32(len(data)))
		b.Write(data)
		var sum uint16
		for _, c := range data {
			sum += uint16(c)
		}
		b.Write(binary.LittleEndian.AppendUint16(nil, sum))
	}
	u32(0x223E9F78)
	b.Write([]byte{0x01, 0x00})
	attr(0x00089006, binary.LittleEndian.AppendUint32(nil, 0x00010000)) // attTnefVersion
	attr(0x00069007, []byte{0xEA, 0x04, 0, 0, 0, 0, 0, 0})              // attOemCodepage 1258
	attr(0x00078008, []byte(class+"\x00"))                              // attMessageClass
	props := [][2]any{{uint16(0x001A), class}, {uint16(0x0037), subject}, {uint16(0x1000), strings.ReplaceAll(receiptText, "\r\n", "\n")}}
	var p bytes.Buffer
	p.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(props))))
	for _, pr := range props {
		v := unicode(pr[1].(string))
		p.Write(binary.LittleEndian.AppendUint16(nil, 0x001F)) // PT_UNICODE
		p.Write(binary.LittleEndian.AppendUint16(nil, pr[0].(uint16)))
		p.Write(binary.LittleEndian.AppendUint32(nil, 1))
		p.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(v))))
		p.Write(v)
		p.Write(make([]byte, (4-len(v)%4)%4))
	}
	attr(0x00069003, p.Bytes()) // attMsgProps
	return b.Bytes()
}

func unicode(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s + "\x00")) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}
