package letters

import (
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
)

// The letters to the units: templates, receipts, rejections, reminders and nags.

// TemplateLetter sends a unit its template for a period and says how to send it back.
func TemplateLetter(d Template) Letter {
	what := requested(d.Request)
	subject := "Đề nghị gửi: " + upperFirst(brief(d.Request))
	opening := openingWhy(d.Request) + desk(d.Office) + " đề nghị " +
		unitName(d.Unit) + " lập " + what + " theo tệp mẫu gửi kèm thư này."
	if d.Request.FormCode != "" {
		opening = strings.TrimSuffix(opening, " theo tệp mẫu gửi kèm thư này.") +
			" theo biểu mẫu " + d.Request.FormCode + ", sử dụng tệp mẫu gửi kèm thư này."
	}
	if d.Resent {
		subject = "Gửi lại tệp mẫu: " + upperFirst(brief(d.Request))
		opening = desk(d.Office) + " gửi lại tệp mẫu " + withCode(d.Request) +
			"; đề nghị đơn vị sử dụng tệp này thay cho tệp đã gửi trước đó."
	}
	due := deadlineLine(d.Request)
	if !d.Request.Deadline.IsZero() {
		subject += " – hạn " + FormatDate(DeadlineDay(d.Request.Deadline))
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
			"3. Trả lời thư này bằng nút “Trả lời”, đính kèm tệp đã điền và gửi đi.",
		"Hệ thống sẽ tự động kiểm tra tệp và gửi thư xác nhận; nếu tệp còn lỗi, thư trả lời "+
			"sẽ chỉ rõ ô cần sửa để đơn vị sửa và gửi lại.",
		strings.TrimSpace(d.Note),
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// ReceiptLetter confirms that a unit's workbook was received and accepted.
func ReceiptLetter(d Receipt) Letter {
	items := d.Items
	if len(items) == 0 {
		items = []ReceiptItem{{Request: d.Request, Version: d.Version}}
		if len(d.Files) == 1 {
			items[0].File = d.Files[0]
		}
	}
	subject := "Đã tiếp nhận: " + upperFirst(brief(d.Request))
	switch {
	case len(items) > 1:
		subject += fmt.Sprintf(" và %d báo cáo khác", len(items)-1)
	case items[0].Version >= 2:
		subject += fmt.Sprintf(" (lần gửi thứ %d)", items[0].Version)
	}
	var warnings string
	if len(d.Warnings) > 0 {
		warnings = "Một số điểm đơn vị cần lưu ý, không ảnh hưởng đến việc tiếp nhận:\n" + problemList(d.Warnings, "điểm")
	}
	return letter(d.Request, subject,
		greeting(d.Unit), receivedFiles(d, items), recorded(d.Office, items, d.ReceivedAt), d.Review, warnings,
		"Nếu cần điều chỉnh, đơn vị trả lời thư này và đính kèm tệp đã sửa; lần gửi sau sẽ thay thế lần gửi này.",
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// receivedFiles is the receipt's first paragraph: what arrived, when, and that it is accepted.
func receivedFiles(d Receipt, items []ReceiptItem) string {
	at := ""
	if !d.ReceivedAt.IsZero() {
		at = " lúc " + FormatDateTime(d.ReceivedAt)
	}
	if len(items) > 1 {
		return desk(d.Office) + " đã nhận được thư của đơn vị" + at + ", kèm các tệp " + fileList(d.Files) +
			". Các tệp đã được kiểm tra, hợp lệ và được tiếp nhận."
	}
	s := desk(d.Office) + " đã nhận được " + requested(items[0].Request) + " của đơn vị" + at
	if len(d.Files) > 0 {
		s += ", tệp " + fileList(d.Files)
	}
	return s + ". Tệp đã được kiểm tra, hợp lệ và được tiếp nhận."
}

// recorded says what was recorded: in sentences for one workbook, as a list for several.
func recorded(o Office, items []ReceiptItem, receivedAt time.Time) string {
	if len(items) == 1 {
		it := items[0]
		var parts []string
		if it.Version >= 2 {
			parts = append(parts, fmt.Sprintf("Đây là lần gửi thứ %d của đơn vị cho kỳ báo cáo này, thay thế lần gửi trước.", it.Version))
		}
		c, t := contents(it), timeliness(it.Request.Deadline, receivedAt)
		switch {
		case c != "" && t != "":
			parts = append(parts, "Báo cáo gồm "+c+", được "+t+".")
		case c != "":
			parts = append(parts, "Báo cáo gồm "+c+".")
		case t != "":
			parts = append(parts, "Báo cáo được "+t+".")
		}
		if it.Closed {
			parts = append(parts, afterIssueLine(o, it.Issued))
		}
		return strings.Join(parts, " ")
	}
	lines := make([]string, len(items))
	for i, it := range items {
		line := fmt.Sprintf("%d. ", i+1)
		if it.File != "" {
			line += "Tệp " + quoted(it.File) + ": "
		}
		line += upperFirst(requested(it.Request))
		if it.Version > 0 {
			line += fmt.Sprintf(", lần gửi thứ %d", it.Version)
			if it.Version >= 2 {
				line += ", thay thế lần gửi trước"
			}
		}
		if c := contents(it); c != "" {
			line += "; gồm " + c
		}
		if t := timeliness(it.Request.Deadline, receivedAt); t != "" {
			line += "; " + t
		}
		line += "."
		if it.Closed {
			line += " " + afterIssueLine(o, it.Issued)
		}
		lines[i] = line
	}
	return "Nội dung đã ghi nhận:\n" + strings.Join(lines, "\n")
}

// contents is "12 dòng", "9 chỉ tiêu có số liệu", both, the sections of a Word report, or "".
func contents(it ReceiptItem) string {
	var parts []string
	if it.Rows > 0 {
		parts = append(parts, count(it.Rows)+" dòng")
	}
	if it.Indicators > 0 {
		parts = append(parts, count(it.Indicators)+" chỉ tiêu có số liệu")
	}
	if s := sectionsRead(it.Sections); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " và ")
}

// timeliness is "gửi đúng hạn" or "gửi quá hạn 35 phút so với thời hạn 15:00 ngày 19/11/2026, thứ
// Năm"; "" when the deadline or the time received is not known.
func timeliness(deadline, receivedAt time.Time) string {
	switch {
	case deadline.IsZero() || receivedAt.IsZero():
		return ""
	case receivedAt.After(deadline):
		return "gửi quá hạn " + FormatDuration(receivedAt.Sub(deadline)) + " so với thời hạn " + FormatDeadline(deadline)
	}
	return "gửi đúng hạn"
}

// RejectionLetter tells a unit its mail was not accepted, lists what is wrong and asks it
// to send again by the deadline.
func RejectionLetter(d Rejection) Letter {
	what := requested(d.Request)
	subject := "Chưa tiếp nhận: " + upperFirst(brief(d.Request)) + " – đề nghị gửi lại"
	if d.Reason == RejectInvalid {
		subject = "Chưa tiếp nhận: " + upperFirst(brief(d.Request)) + " – đề nghị sửa và gửi lại"
	}
	if d.Template != "" {
		subject = "Chưa tiếp nhận: " + upperFirst(brief(d.Request)) + " – " + freshTemplateSubject
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
		return noWorkbookCause(d, files)
	case RejectUnreadable:
		cause := "không mở được " + files + ": tệp có thể bị hỏng, được đặt mật khẩu hoặc không ở định dạng Excel (.xlsx)."
		if len(d.Problems) > 0 {
			cause += "\n" + problemList(d.Problems, "lỗi")
		}
		return cause
	case RejectUnknownForm:
		return files + " không phải tệp mẫu do " + desk(d.Office) + " gửi, nên không xác định được biểu mẫu báo cáo."
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
		return "thư có " + count(d.Count) + " tệp, kể cả các tệp trong tệp nén, vượt quá " + count(d.MaxCount) +
			" tệp mỗi thư nên hệ thống chưa đọc các tệp."
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
	return files + " còn " + count(len(d.Problems)) + " lỗi cần sửa:\n" + problemList(d.Problems, "lỗi")
}

// noWorkbookCause says a mail had no workbook, and what the files it had are: the problems found
// in them (an old Excel file, an archive without a workbook), or that they are not Excel files.
func noWorkbookCause(d Rejection, files string) string {
	var found []form.Problem
	for _, p := range d.Problems {
		if p.Code != CodeNoWorkbook {
			found = append(found, p)
		}
	}
	switch {
	case len(found) > 0:
		return "thư không có tệp Excel (.xlsx) đính kèm:\n" + problemList(found, "lỗi")
	case len(d.Files) > 0:
		return "thư không có tệp Excel (.xlsx) đính kèm; " + files + " không phải tệp Excel."
	}
	return "thư không có tệp Excel (.xlsx) đính kèm."
}

// rejectionRequest says what to do; resendBy completes the sentence with the deadline.
func rejectionRequest(d Rejection) string {
	const reply = " rồi trả lời thư này, đính kèm "
	if d.Template != "" {
		return freshTemplateRequest(d)
	}
	switch d.Reason {
	case RejectNoWorkbook:
		return "Đề nghị đơn vị trả lời thư này, đính kèm tệp mẫu đã điền, lưu ở định dạng Excel (.xlsx)"
	case RejectUnreadable:
		return "Đề nghị đơn vị mở lại tệp bằng Microsoft Excel hoặc LibreOffice Calc, bỏ mật khẩu nếu có, " +
			"lưu ở định dạng Excel (.xlsx)" + reply + "tệp đã lưu"
	case RejectUnknownForm, RejectWrongUnit:
		return "Đề nghị đơn vị nhập số liệu vào đúng tệp mẫu do " + desk(d.Office) + " gửi cho đơn vị, " +
			"không tạo tệp mới và không sao chép sang tệp khác," + reply + "tệp đã điền"
	case RejectTooLarge, RejectTooManyFiles:
		return "Đề nghị đơn vị trả lời thư này, chỉ đính kèm tệp báo cáo đã điền, định dạng Excel (.xlsx), không kèm " +
			"hình ảnh hay tài liệu khác; nếu cần, đơn vị gửi các tệp khác trong thư riêng"
	case RejectWrongPeriod:
		return "Đề nghị đơn vị sử dụng tệp mẫu " + periodOr(d.Request.Period, "của kỳ được đề nghị") +
			" do " + desk(d.Office) + " gửi" + reply + "tệp đã điền"
	}
	return "Đề nghị đơn vị sửa các lỗi nêu trên" + reply + "tệp đã sửa, giữ nguyên tên tệp"
}

// resendBy ends the request: by the deadline, or as soon as possible once it has passed.
func resendBy(deadline, received time.Time) string {
	switch {
	case deadline.IsZero():
		return "."
	case !received.IsZero() && received.After(deadline):
		return ". Do đã quá thời hạn gửi, " + FormatDeadline(deadline) + ", đề nghị đơn vị gửi lại sớm nhất."
	}
	return ", " + byDeadline(deadline) + "."
}

// ReminderLetter reminds a unit, before the deadline, that its report has not arrived.
func ReminderLetter(d Reminder) Letter {
	what := requested(d.Request)
	subject := "Nhắc hạn gửi: " + upperFirst(brief(d.Request))
	due := deadlineLine(d.Request)
	if dl := d.Request.Deadline; !dl.IsZero() {
		subject += " – hạn " + FormatDate(DeadlineDay(dl))
		if !d.Now.IsZero() && d.Now.Before(dl) {
			due = strings.TrimSuffix(due, ".") + "; thời gian còn lại: " + FormatDuration(dl.Sub(d.Now)) + "."
		}
	}
	return letter(d.Request, subject,
		greeting(d.Unit),
		asOf(d.Now)+desk(d.Office)+" chưa nhận được "+what+" của đơn vị.",
		due,
		"Đề nghị đơn vị hoàn thành và gửi báo cáo đúng hạn bằng cách trả lời thư này, "+
			"đính kèm tệp mẫu đã điền, giữ nguyên tên tệp."+templateAgain(d.FileName),
		notYetConfirmed(d.Office),
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// NagLetter tells a unit, after the deadline, that its report is overdue; when the supervising
// leader is copied, it says so and names them.
func NagLetter(d Nag) Letter {
	what := requested(d.Request)
	overdue := "đã quá hạn"
	if dl := d.Request.Deadline; !dl.IsZero() && !d.Now.IsZero() {
		if n := DaysOverdue(dl, d.Now); n > 0 {
			overdue = fmt.Sprintf("đã quá hạn %d ngày", n)
		}
	}
	state := asOf(d.Now) + desk(d.Office) + " vẫn chưa nhận được " + what + " của đơn vị; báo cáo " + overdue + "."
	if dl := d.Request.Deadline; !dl.IsZero() {
		state = "Thời hạn gửi " + what + " là " + FormatDeadline(dl) + ". " +
			asOf(d.Now) + desk(d.Office) + " vẫn chưa nhận được báo cáo của đơn vị; báo cáo " + overdue + "."
	}
	var copied string
	if d.Copied.Name != "" {
		copied = "Thư này được đồng gửi " + supervisor(d.Copied) + ", để biết và chỉ đạo."
	}
	return letter(d.Request, "Đôn đốc gửi: "+upperFirst(brief(d.Request))+" – "+overdue,
		greeting(d.Unit),
		state,
		"Đề nghị đơn vị khẩn trương hoàn thành và gửi ngay bằng cách trả lời thư này, "+
			"đính kèm tệp mẫu đã điền, giữ nguyên tên tệp. Việc gửi báo cáo quá hạn ảnh hưởng đến "+
			"tiến độ tổng hợp chung của cơ quan."+templateAgain(d.FileName),
		copied,
		notYetConfirmed(d.Office),
		contactLine(d.Office, d.Contact),
		signature(d.Office))
}

// supervisor names the leader copied on a nag: "đồng chí Trần Thị Bình, Phó Trưởng Ban phụ trách
// đơn vị", the post being theirs over the unit.
func supervisor(p Person) string {
	title := strings.TrimSpace(p.Title)
	if title == "" {
		title = "lãnh đạo"
	}
	return "đồng chí " + strings.TrimSpace(p.Name) + ", " + title + " phụ trách đơn vị"
}
