package intake

import (
	"strings"

	"github.com/tonghop/tonghop/tnef"
	"github.com/tonghop/tonghop/vnenc"
)

// Read and delivery receipts. A mail program that confirms a mail was read (or deleted unread,
// or delivered) is a machine answering tonghop: answering it back makes the next receipt, and so
// on. They come in three shapes: an RFC 8098 disposition notification or an RFC 3464 delivery
// status notification (a report part, usually inside multipart/report), Outlook's receipt in a
// winmail.dat whose message class is REPORT.IPM.Note.IPNRN (read), IPNNRN (not read), DR or
// NDR, and, from programs that write a receipt as an ordinary mail, a "Read: …" subject over
// a few lines of boilerplate and nothing else.

// reportTypes are the media types of the machine-readable part of a receipt or a bounce.
var reportTypes = map[string]bool{
	"message/disposition-notification":        true,
	"message/global-disposition-notification": true,
	"message/delivery-status":                 true,
	"message/global-delivery-status":          true,
}

// hasReportPart reports whether the message itself (not a message attached to it) carries a
// disposition or delivery status part, wherever a gateway put it.
func (m *Message) hasReportPart() bool {
	for _, a := range m.Attachments {
		if !a.Forwarded && reportTypes[a.ContentType] {
			return true
		}
	}
	return false
}

// isOutlookReport reports whether the message's winmail.dat is an Outlook read, not-read or
// delivery report, by the message class inside it.
func (m *Message) isOutlookReport() bool {
	for _, a := range m.Attachments {
		if a.Forwarded || a.Container != "" || a.Data == nil || a.Kind() != KindTNEF {
			continue
		}
		if class, _ := tnef.MessageClass(a.Data); tnef.IsReport(class) {
			return true
		}
	}
	return false
}

// receiptSubjects start the subjects of read receipts written as ordinary mail, lower-case, NFC.
var receiptSubjects = []string{
	"read:", "not read:", "read receipt", "read-receipt", "return receipt",
	"đã đọc:", "chưa đọc:", "đã xem", "xác nhận đã đọc",
	"gelesen:", "ungelesen:", "lu :", "lu:", "non lu :", "leído:", "no leído:", "letto:",
}

func hasReceiptSubject(subject string) bool {
	s := strings.ToLower(strings.TrimSpace(subject))
	for _, p := range receiptSubjects {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isTextReceipt reports a receipt written as an ordinary mail: a receipt subject on a mail with
// nothing of its own, no file and no line of its own text beyond the quoted original and the
// receipt's boilerplate. A person who answers "Đã xem, chiều em gửi" wrote a line of their own.
func (m *Message) isTextReceipt() bool {
	return hasReceiptSubject(m.Subject) && !m.hasOwnFiles() && isReceiptBoilerplate(ownText(m.Text))
}

// hasOwnFiles reports whether the sender attached anything: a part that is not the quoted
// original, a report part or Outlook's winmail.dat wrapper (the files inside one count).
func (m *Message) hasOwnFiles() bool {
	for _, a := range m.Attachments {
		switch {
		case a.Forwarded, isAttachedMessage(a.ContentType), reportTypes[a.ContentType],
			a.ContentType == "text/rfc822-headers", a.Kind() == KindTNEF && a.Container == "":
			continue
		}
		return true
	}
	return false
}

// ownText is the text above the first quote marker: what the sender wrote, not what they answer.
func ownText(text string) []string {
	var own []string
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, ">") || strings.HasPrefix(t, "-----Original Message") ||
			strings.HasPrefix(t, "From:") || strings.HasPrefix(t, "Từ:") ||
			strings.HasPrefix(t, "On ") && strings.HasSuffix(t, "wrote:") ||
			strings.HasPrefix(t, "Vào ") && strings.HasSuffix(t, "đã viết:") {
			break
		}
		if t != "" {
			own = append(own, t)
		}
	}
	return own
}

// maxReceiptLines bounds the boilerplate of a receipt: Outlook writes seven lines.
const maxReceiptLines = 12

// receiptFields start the lines of a receipt that repeat the original's header, and receiptWords
// are the words of its sentences, both without diacritics and lower-case: Outlook writes "Your
// message / To: / Subject: / Sent: / was read on …", in Vietnamese "Thư của bạn / Tới: /
// Chủ đề: / Đã gửi: / đã được đọc vào …".
var (
	receiptFields = []string{"to:", "subject:", "sent:", "date:", "cc:", "toi:", "den:", "chu de:", "tieu de:",
		"da gui:", "gui:", "ngay gui:", "nguoi nhan:", "thoi gian gui:", "an:", "betreff:", "gesendet:"}
	receiptWords = []string{"your message", "thu cua ban", "was read", "been read", "was displayed",
		"been displayed", "without being read", "receipt", "read on", "displayed on", "no guarantee",
		"da duoc doc", "da duoc xem", "da bi xoa", "khong duoc doc", "chua duoc doc", "xac nhan da doc",
		"khong dam bao", "wurde gelesen", "a ete lu"}
)

// isReceiptBoilerplate reports whether every line is a receipt's: a header it repeats or a
// sentence of its own kind, and not many of them. No text at all is a receipt too.
func isReceiptBoilerplate(lines []string) bool {
	if len(lines) > maxReceiptLines {
		return false
	}
	for _, l := range lines {
		if !isReceiptLine(strings.ToLower(vnenc.StripMarks(l))) {
			return false
		}
	}
	return true
}

func isReceiptLine(l string) bool {
	for _, f := range receiptFields {
		if strings.HasPrefix(l, f) {
			return true
		}
	}
	for _, w := range receiptWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
