package letters

import (
	"fmt"
	"strings"
	"time"
)

// The letters to the units: templates, receipts, rejections, reminders and nags.

// TemplateLetter sends a unit its template for a period and says how to send it back.
func TemplateLetter(d Template) Letter {
	what := requested(d.Request)
	subject := "Đề nghị gửi " + what
	opening := "Thực hiện chế độ thông tin, báo cáo định kỳ, " + desk(d.Office) + " đề nghị " +
		unitName(d.Unit) + " lập " + what + " theo tệp mẫu gửi kèm thư này."
	if d.Request.FormCode != "" {
		opening = strings.TrimSuffix(opening, " theo tệp mẫu gửi kèm thư này.") +
			" theo biểu mẫu " + d.Request.FormCode + ", sử dụng tệp mẫu gửi kèm thư này."
	}
	if d.Resent {
		subject = "Gửi lại tệp mẫu " + what
		opening = desk(d.Office) + " gửi lại tệp mẫu " + what + formCode(d.Request) +
			"; đề nghị đơn vị sử dụng tệp này thay cho tệp đã gửi trước đó."
	}
	due := deadlineLine(d.Request)
	if !d.Request.Deadline.IsZero() {
		subject += " – hạn " + FormatDate(d.Request.Deadline)
	}
	if d.Late {
		subject += closeDeadlineSubject(d.Request, d.Now)
		due = closeDeadline(d.Request, d.Now)
	}
	file := "tệp đính kèm"
	if d.FileName != "" {
		file += " " + quoted(d.FileName)
	}
	return letter(d.Request, subject,
		greeting(d.Unit),
		opening,
		due,
		"Cách gửi báo cáo:\n"+
			"1. Mở "+file+" bằng Microsoft Excel hoặc LibreOffice Calc và điền vào các ô để trống; "+
			"không thêm, xóa, đổi tên trang tính và không sửa các dòng tiêu đề.\n"+
			"2. Lưu tệp ở định dạng Excel (.xlsx) và giữ nguyên tên tệp.\n"+
			"3. Trả lời thư này (nút “Trả lời”), đính kèm tệp đã điền và gửi đi.",
		"Hệ thống sẽ tự động kiểm tra tệp và gửi thư xác nhận; nếu tệp còn lỗi, thư trả lời "+
			"sẽ chỉ rõ ô cần sửa để đơn vị sửa và gửi lại.",
		strings.TrimSpace(d.Note),
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// ReceiptLetter confirms that a unit's workbook was received and accepted.
func ReceiptLetter(d Receipt) Letter {
	what := requested(d.Request)
	subject := "Đã tiếp nhận " + what
	if d.Unit != "" {
		subject += " – " + d.Unit
	}
	received := desk(d.Office) + " đã nhận được " + what + " của đơn vị" + formCode(d.Request)
	if !d.ReceivedAt.IsZero() {
		received += " lúc " + FormatDateTime(d.ReceivedAt)
	}
	if len(d.Files) > 0 {
		received += ", tệp " + fileList(d.Files)
	}
	received += ". Tệp đã được kiểm tra, hợp lệ và được tiếp nhận."
	var version, late, warnings string
	if len(d.Items) > 0 {
		version = "Nội dung đã ghi nhận:\n" + receiptItems(d.Items, d.ReceivedAt)
	} else if d.Version >= 2 {
		subject += fmt.Sprintf(" (lần gửi thứ %d)", d.Version)
		version = fmt.Sprintf("Đây là lần gửi thứ %d; bản này thay thế bản đơn vị đã gửi trước đó.", d.Version)
	}
	if dl := d.Request.Deadline; len(d.Items) == 0 && !dl.IsZero() && !d.ReceivedAt.IsZero() && d.ReceivedAt.After(dl) {
		late = "Lưu ý: báo cáo nộp muộn so với hạn gửi " + FormatDeadline(dl) +
			"; thời gian chậm: " + FormatDuration(d.ReceivedAt.Sub(dl)) + "."
	}
	if len(d.Warnings) > 0 {
		warnings = "Một số điểm đơn vị cần lưu ý (không ảnh hưởng đến việc tiếp nhận):\n" +
			problemList(d.Warnings, "điểm")
	}
	return letter(d.Request, subject,
		greeting(d.Unit), received, version, late, warnings,
		"Nếu cần điều chỉnh, đơn vị trả lời thư này và đính kèm tệp đã sửa; bản gửi sau sẽ thay thế bản này.",
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// RejectionLetter tells a unit its mail was not accepted, lists what is wrong and asks it
// to send again by the deadline.
func RejectionLetter(d Rejection) Letter {
	what := requested(d.Request)
	subject := "Chưa tiếp nhận " + what + " – đề nghị gửi lại"
	if d.Reason == RejectInvalid {
		subject = "Chưa tiếp nhận " + what + " – đề nghị sửa và gửi lại"
	}
	if d.Template != "" {
		subject = "Chưa tiếp nhận " + what + " – " + freshTemplateSubject
	}
	opening := desk(d.Office) + " đã nhận được thư của đơn vị"
	if !d.ReceivedAt.IsZero() {
		opening += " lúc " + FormatDateTime(d.ReceivedAt)
	}
	if s := headerText(d.OriginalSubject); s != "" {
		opening += " với tiêu đề " + quoted(s)
	}
	opening += " nhưng chưa thể tiếp nhận " + what + ", vì " + rejectionCause(d)
	return letter(d.Request, subject,
		greeting(d.Unit), opening, alsoCheck(d.Warnings),
		rejectionRequest(d)+resendBy(d.Request.Deadline, d.ReceivedAt),
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// rejectionCause completes "… chưa thể tiếp nhận báo cáo, vì …".
func rejectionCause(d Rejection) string {
	files := "tệp đính kèm"
	if len(d.Files) > 0 {
		files = "tệp " + fileList(d.Files)
	}
	switch d.Reason {
	case RejectNoWorkbook:
		if len(d.Files) > 0 {
			return "thư không có tệp Excel (.xlsx) đính kèm; " + files + " không phải tệp Excel."
		}
		return "thư không có tệp Excel (.xlsx) đính kèm."
	case RejectUnreadable:
		cause := "không mở được " + files + ": tệp có thể bị hỏng, được đặt mật khẩu hoặc không phải định dạng Excel (.xlsx)."
		if len(d.Problems) > 0 {
			cause += "\n" + problemList(d.Problems, "lỗi")
		}
		return cause
	case RejectUnknownForm:
		return files + " không phải tệp mẫu do " + desk(d.Office) + " gửi (không nhận diện được biểu mẫu)."
	case RejectWrongPeriod:
		if d.FoundPeriod != "" {
			return files + " là báo cáo " + lowerFirst(d.FoundPeriod) + ", không phải " +
				periodOr(d.Request.Period, "kỳ") + " như đề nghị."
		}
		return files + " không đúng kỳ báo cáo " + periodOr(d.Request.Period, "được đề nghị") + "."
	case RejectTooLarge:
		return fmt.Sprintf("thư có dung lượng %s, vượt giới hạn %s nên hệ thống chưa đọc nội dung thư.",
			FormatSize(d.Size), FormatSize(d.MaxSize))
	case RejectTooManyFiles:
		return fmt.Sprintf("thư có %d tệp (kể cả các tệp trong tệp nén), vượt quá %d tệp mỗi thư nên hệ thống chưa đọc các tệp.",
			d.Count, d.MaxCount)
	case RejectOtherTemplate:
		return otherTemplateCause(d, files)
	case RejectWrongUnit:
		owner := "đơn vị khác"
		if d.FoundUnit != "" {
			owner = d.FoundUnit
		}
		return files + " là tệp mẫu của " + owner + ", không phải của " + unitName(d.Unit) + "."
	}
	if len(d.Problems) == 0 {
		return files + " chưa hợp lệ."
	}
	return fmt.Sprintf("%s còn %d lỗi cần sửa:\n", files, len(d.Problems)) + problemList(d.Problems, "lỗi")
}

// rejectionRequest says what to do; resendBy completes the sentence with the deadline.
func rejectionRequest(d Rejection) string {
	const reply = " rồi trả lời thư này, đính kèm "
	if d.Template != "" {
		return freshTemplateRequest(d)
	}
	switch d.Reason {
	case RejectNoWorkbook:
		return "Đề nghị đơn vị trả lời thư này, đính kèm tệp mẫu đã điền (định dạng .xlsx)"
	case RejectUnreadable:
		return "Đề nghị đơn vị mở lại tệp bằng Microsoft Excel hoặc LibreOffice Calc, bỏ mật khẩu nếu có, " +
			"lưu ở định dạng Excel (.xlsx)" + reply + "tệp đã lưu"
	case RejectUnknownForm, RejectWrongUnit:
		return "Đề nghị đơn vị điền vào đúng tệp mẫu do " + desk(d.Office) + " gửi cho đơn vị " +
			"(không tạo tệp mới, không sao chép sang tệp khác)" + reply + "tệp đã điền"
	case RejectTooLarge, RejectTooManyFiles:
		return "Đề nghị đơn vị trả lời thư này, chỉ đính kèm tệp báo cáo đã điền (định dạng .xlsx, không kèm hình ảnh " +
			"hay tài liệu khác; nếu cần, gửi các tệp khác trong thư riêng)"
	case RejectWrongPeriod:
		return "Đề nghị đơn vị sử dụng tệp mẫu " + periodOr(d.Request.Period, "của kỳ được đề nghị") +
			" do " + desk(d.Office) + " gửi" + reply + "tệp đã điền"
	}
	return "Đề nghị đơn vị sửa các lỗi nêu trên" + reply + "tệp đã sửa (giữ nguyên tên tệp)"
}

func resendBy(deadline, received time.Time) string {
	switch {
	case deadline.IsZero():
		return "."
	case !received.IsZero() && received.After(deadline):
		return ". Hạn gửi " + FormatDeadline(deadline) + " đã qua, đề nghị đơn vị gửi lại sớm nhất."
	}
	return ", " + FormatDeadline(deadline) + "."
}

// ReminderLetter reminds a unit, before the deadline, that its report has not arrived.
func ReminderLetter(d Reminder) Letter {
	what := requested(d.Request)
	subject := "Nhắc hạn gửi " + what
	due := deadlineLine(d.Request)
	if dl := d.Request.Deadline; !dl.IsZero() {
		subject += " – hạn " + FormatDate(dl)
		if !d.Now.IsZero() && d.Now.Before(dl) {
			due = strings.TrimSuffix(due, ".") + "; thời gian còn lại: " + FormatDuration(dl.Sub(d.Now)) + "."
		}
	}
	return letter(d.Request, subject,
		greeting(d.Unit),
		asOf(d.Now)+desk(d.Office)+" chưa nhận được "+what+" của đơn vị"+formCode(d.Request)+".",
		due,
		"Đề nghị đơn vị hoàn thành và gửi báo cáo đúng hạn bằng cách trả lời thư này, "+
			"đính kèm tệp mẫu đã điền (giữ nguyên tên tệp)."+templateAgain(d.FileName),
		notYetConfirmed(d.Office),
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// NagLetter tells a unit, after the deadline, that its report is overdue; escalated, it
// says the supervising leader is copied.
func NagLetter(d Nag) Letter {
	what := requested(d.Request)
	overdue := "đã quá hạn"
	if dl := d.Request.Deadline; !dl.IsZero() && !d.Now.IsZero() {
		if n := DaysOverdue(dl, d.Now); n > 0 {
			overdue = fmt.Sprintf("đã quá hạn %d ngày", n)
		}
	}
	state := asOf(d.Now) + desk(d.Office) + " vẫn chưa nhận được " + what + " của đơn vị" +
		formCode(d.Request) + "; báo cáo " + overdue + "."
	if dl := d.Request.Deadline; !dl.IsZero() {
		state = "Hạn gửi " + what + " là " + FormatDeadline(dl) + ". " +
			asOf(d.Now) + desk(d.Office) + " vẫn chưa nhận được báo cáo của đơn vị; báo cáo " + overdue + "."
	}
	var copied string
	if d.Escalated {
		copied = "Thư này được đồng gửi " + supervisor(d) + " phụ trách đơn vị để biết và chỉ đạo."
	}
	return letter(d.Request, "Đôn đốc gửi "+what+" – "+overdue,
		greeting(d.Unit),
		state,
		"Đề nghị đơn vị khẩn trương hoàn thành và gửi ngay bằng cách trả lời thư này, "+
			"đính kèm tệp mẫu đã điền (giữ nguyên tên tệp). Việc chậm gửi báo cáo ảnh hưởng đến "+
			"tiến độ tổng hợp chung của cơ quan."+templateAgain(d.FileName),
		copied,
		notYetConfirmed(d.Office),
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

func supervisor(d Nag) string {
	title := strings.TrimSpace(d.SupervisorTitle)
	if title == "" {
		title = "Phó Trưởng Ban"
	}
	if name := strings.TrimSpace(d.SupervisorName); name != "" {
		return "đồng chí " + name + ", " + title
	}
	return title
}

// receiptItems numbers what a receipt recorded, one line per workbook.
func receiptItems(items []ReceiptItem, receivedAt time.Time) string {
	lines := make([]string, len(items))
	for i, it := range items {
		line := fmt.Sprintf("%d. ", i+1)
		if it.File != "" {
			line += "Tệp " + quoted(it.File) + ": "
		}
		line += upperFirst(requested(it.Request)) + formCode(it.Request)
		if it.Version > 0 {
			line += fmt.Sprintf(", lần gửi thứ %d", it.Version)
			if it.Version >= 2 {
				line += " (thay thế bản gửi trước)"
			}
		}
		line += contents(it) + "; " + timeliness(it.Request.Deadline, receivedAt)
		if it.Closed {
			line += " " + afterIssueLine(it.Issued)
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

func contents(it ReceiptItem) string {
	var parts []string
	if it.Rows > 0 {
		parts = append(parts, fmt.Sprintf("%d dòng", it.Rows))
	}
	if it.Indicators > 0 {
		parts = append(parts, fmt.Sprintf("%d chỉ tiêu có số liệu", it.Indicators))
	}
	if len(parts) == 0 {
		return ""
	}
	return ", gồm " + strings.Join(parts, " và ")
}

func timeliness(deadline, receivedAt time.Time) string {
	switch {
	case deadline.IsZero() || receivedAt.IsZero():
		return "đã ghi nhận."
	case receivedAt.After(deadline):
		return "nộp muộn " + FormatDuration(receivedAt.Sub(deadline)) + " so với hạn " + FormatDeadline(deadline) + "."
	}
	return "nộp đúng hạn (hạn " + FormatDeadline(deadline) + ")."
}
