package intake

import (
	"encoding/base64"
	"encoding/binary"
	"testing"
)

// tnefOfClass is a minimal winmail.dat carrying only a message class, base64 for a MIME part.
func tnefOfClass(class string) string {
	b := binary.LittleEndian.AppendUint32(nil, 0x223E9F78)
	b = append(b, 0x01, 0x00, 0x01)
	b = binary.LittleEndian.AppendUint32(b, 0x00078008)
	data := []byte(class + "\x00")
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = append(b, data...)
	var sum uint16
	for _, c := range data {
		sum += uint16(c)
	}
	return base64.StdEncoding.EncodeToString(binary.LittleEndian.AppendUint16(b, sum))
}

// TestMessage_IsAutomatic_Receipts: read and delivery receipts of every kind are automatic mail;
// a person's short answer under a receipt-like subject, or with a file, is not.
func TestMessage_IsAutomatic_Receipts(t *testing.T) {
	mixed := "Content-Type: multipart/mixed; boundary=b"
	tnefPart := func(class string) string {
		return "--b\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\nContent-Transfer-Encoding: base64\n\n" +
			tnefOfClass(class) + "\n--b--\n"
	}
	const outlookEN = "Your message\n\n  To: Van phong\n  Subject: Bao cao thang 11\n  Sent: Monday, November 16, 2026 9:00:00 AM\n\n" +
		"was read on Monday, November 16, 2026 9:05:12 AM (UTC+07:00) Bangkok, Hanoi, Jakarta."
	xlsx := "--b\nContent-Type: text/plain\n\nXin gửi\n--b\n" +
		"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\"bc.xlsx\"\n\nPK\n--b--\n"
	tests := []struct {
		name   string
		header []string
		body   string
		want   bool
	}{
		{name: "MDN part inside multipart/mixed", header: []string{"Subject: Báo cáo", mixed},
			body: "--b\nContent-Type: text/plain\n\nDisplayed.\n--b\nContent-Type: message/disposition-notification\n\n" +
				"Final-Recipient: rfc822; a@b.vn\nDisposition: manual-action/MDN-sent-manually; displayed\n--b--\n", want: true},
		{name: "delivery status part inside multipart/mixed", header: []string{"Subject: Báo cáo", mixed},
			body: "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.b.vn\n--b--\n", want: true},
		{name: "MDN forwarded inside an attached message", header: []string{"Subject: Fwd: thư", mixed},
			body: "--b\nContent-Type: text/plain\n\nChuyển tiếp\n--b\nContent-Type: message/rfc822\n\n" +
				"Subject: x\nContent-Type: multipart/mixed; boundary=c\n\n--c\nContent-Type: message/disposition-notification\n\nDisposition: displayed\n--c--\n--b--\n",
			want: false},
		{name: "Outlook TNEF read receipt, ordinary subject", header: []string{"Subject: Báo cáo tháng 11", mixed},
			body: tnefPart("REPORT.IPM.Note.IPNRN"), want: true},
		{name: "Outlook TNEF not-read report", header: []string{"Subject: Not read: Báo cáo", mixed},
			body: tnefPart("REPORT.IPM.Note.IPNNRN"), want: true},
		{name: "Outlook TNEF legacy read receipt class", header: []string{"Subject: Báo cáo", mixed},
			body: tnefPart("IPM.Microsoft Mail.Read Receipt"), want: true},
		{name: "Outlook TNEF ordinary note", header: []string{"Subject: Báo cáo tháng 11", mixed},
			body: "--b\nContent-Type: text/plain\n\nEm gửi báo cáo\n" + tnefPart("IPM.Note"), want: false},
		{name: "Read: with Outlook boilerplate", header: []string{"Subject: Read: Bao cao thang 11"}, body: outlookEN, want: true},
		{name: "Đã xem: with no text", header: []string{"Subject: Đã xem: Báo cáo"}, want: true},
		{name: "Read receipt with quoted original only", header: []string{"Subject: Read receipt: Báo cáo"},
			body: "> Kính gửi đơn vị\n> Đề nghị gửi báo cáo", want: true},
		{name: "Đã đọc: but a person wrote a line", header: []string{"Subject: Đã đọc: Báo cáo tháng 11"},
			body: "Em đã đọc, chiều nay em gửi ạ.\n\n" + outlookEN, want: false},
		{name: "Đã xem xét: a person's subject", header: []string{"Subject: Đã xem xét số liệu"},
			body: "Kính gửi Văn phòng, đơn vị xin gia hạn đến thứ Sáu.", want: false},
		{name: "Read: with a workbook", header: []string{"Subject: Read: Báo cáo", mixed}, body: xlsx, want: false},
		{name: "Read: with boilerplate and a workbook", header: []string{"Subject: Read: Báo cáo", mixed},
			body: "--b\nContent-Type: text/plain\n\n" + outlookEN + "\n--b\n" +
				"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\"bc.xlsx\"\n\nPK\n--b--\n", want: false},
		{name: "Read: with boilerplate and a PDF", header: []string{"Subject: Read: Báo cáo", mixed},
			body: "--b\nContent-Type: text/plain\n\n" + outlookEN + "\n--b\n" +
				"Content-Type: application/pdf; name=\"cv.pdf\"\n\n%PDF\n--b--\n", want: false},
		{name: "Read: with long text", header: []string{"Subject: Read: Báo cáo"},
			body: "read on\nread on\nread on\nread on\nread on\nread on\nread on\nread on\nread on\nread on\nread on\nread on\nread on", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := append([]string{"From: Phòng KH <kh@x.vn>"}, tt.header...)
			msg, err := Parse(buildMail(tt.body, header...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got := msg.IsAutomatic(); got != tt.want {
				t.Errorf("IsAutomatic: got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestMessage_IsAutomatic_ReceiptSamples: the receipt samples of testdata are automatic, whatever
// else is in them.
func TestMessage_IsAutomatic_ReceiptSamples(t *testing.T) {
	for _, file := range []string{
		"mdn__mimekit_disposition-notification.eml",
		"receipt__generated_outlook_tnef_ipnrn.eml",
		"receipt__generated_outlook_text_vi.eml",
	} {
		t.Run(file, func(t *testing.T) {
			msg := parseFile(t, file)
			if !msg.IsAutomatic() {
				t.Errorf("IsAutomatic: got false, want true (subject %q)", msg.Subject)
			}
		})
	}
	t.Run("TNEFClassAlone", func(t *testing.T) {
		// The generated Outlook receipt is automatic by its winmail.dat alone, not only by its
		// subject and text.
		msg := parseFile(t, "receipt__generated_outlook_tnef_ipnrn.eml")
		msg.Subject, msg.Text = "Báo cáo", "Em gửi báo cáo"
		if !msg.IsAutomatic() {
			t.Error("IsAutomatic without the receipt's subject and text: got false, want true")
		}
	})
}
