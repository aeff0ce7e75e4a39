package mailer

import (
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
	"golang.org/x/text/unicode/norm"
)

// This file holds every text a civil servant reads in tonghop's mail: keep it in
// Vietnamese, NFC, with correct diacritics, in the polite administrative register.
// Dates follow Decree 30/2020/NĐ-CP, as the period package's labels do: days below 10
// and the months 1 and 2 take a leading zero ("05/3/2026", "18/01/2026").

// Weekday returns the Vietnamese name of a weekday standing alone: "Thứ Hai" … "Thứ Bảy",
// "Chủ nhật".
func Weekday(d time.Weekday) string {
	return [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}[d%7]
}

// weekdayInText is the weekday inside a sentence: "thứ Tư", but "Chủ nhật".
func weekdayInText(d time.Weekday) string {
	return strings.Replace(Weekday(d), "Thứ", "thứ", 1)
}

// FormatDate writes a date as "18/11/2026" ("05/3/2026", "18/01/2026"), in t's location.
func FormatDate(t time.Time) string {
	y, m, d := t.Date()
	month := fmt.Sprint(int(m))
	if m < time.March {
		month = fmt.Sprintf("%02d", int(m))
	}
	return fmt.Sprintf("%02d/%s/%d", d, month, y)
}

// FormatTime writes a time of day as "17:00".
func FormatTime(t time.Time) string {
	return fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute())
}

// FormatDateTime writes "09:15 ngày 17/11/2026 (thứ Ba)".
func FormatDateTime(t time.Time) string {
	return FormatTime(t) + " ngày " + FormatDate(t) + " (" + weekdayInText(t.Weekday()) + ")"
}

// FormatDeadline writes a deadline as a letter states it: "trước 17:00 ngày 18/11/2026
// (thứ Tư)". A deadline at the very end of a day (23:59 or midnight) reads "trong ngày
// 18/11/2026 (thứ Tư)", midnight counting as the end of the day before.
func FormatDeadline(t time.Time) string {
	switch {
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		t = t.Add(-time.Minute)
		fallthrough
	case t.Hour() == 23 && t.Minute() == 59:
		return "trong ngày " + FormatDate(t) + " (" + weekdayInText(t.Weekday()) + ")"
	}
	return "trước " + FormatDateTime(t)
}

// FormatDuration writes a length of time with its two largest units: "2 ngày 3 giờ",
// "5 giờ 20 phút", "45 phút". Anything under a minute, or negative, is "1 phút".
func FormatDuration(d time.Duration) string {
	minutes := int(d / time.Minute)
	if minutes < 1 {
		minutes = 1
	}
	days, hours, mins := minutes/(24*60), minutes/60%24, minutes%60
	var parts []string
	switch {
	case days > 0:
		parts = append(parts, fmt.Sprintf("%d ngày", days))
		if hours > 0 {
			parts = append(parts, fmt.Sprintf("%d giờ", hours))
		}
	case hours > 0:
		parts = append(parts, fmt.Sprintf("%d giờ", hours))
		if mins > 0 {
			parts = append(parts, fmt.Sprintf("%d phút", mins))
		}
	default:
		parts = append(parts, fmt.Sprintf("%d phút", mins))
	}
	return strings.Join(parts, " ")
}

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
	if !d.Request.Deadline.IsZero() {
		subject += " – hạn " + FormatDate(d.Request.Deadline)
	}
	file := "tệp đính kèm"
	if d.FileName != "" {
		file += " " + quoted(d.FileName)
	}
	return letter(d.Request, subject,
		greeting(d.Unit),
		opening,
		deadlineLine(d.Request),
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
	opening := desk(d.Office) + " đã nhận được thư của đơn vị"
	if !d.ReceivedAt.IsZero() {
		opening += " lúc " + FormatDateTime(d.ReceivedAt)
	}
	if s := headerText(d.OriginalSubject); s != "" {
		opening += " với tiêu đề " + quoted(s)
	}
	opening += " nhưng chưa thể tiếp nhận " + what + ", vì " + rejectionCause(d)
	return letter(d.Request, subject,
		greeting(d.Unit), opening,
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

// letter joins the non-empty paragraphs and prefixes the subject with the form code, so
// that a reply's subject still names the form.
func letter(r Request, subject string, paragraphs ...string) Letter {
	if r.FormCode != "" {
		subject = "[" + r.FormCode + "] " + subject
	}
	var kept []string
	for _, p := range paragraphs {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return Letter{
		Subject: headerText(subject),
		Body:    norm.NFC.String(strings.Join(kept, "\n\n") + "\n"),
	}
}

func greeting(unit string) string { return "Kính gửi: " + unitName(unit) }

func unitName(unit string) string {
	if unit = strings.TrimSpace(unit); unit != "" {
		return unit
	}
	return "Quý đơn vị"
}

func desk(o Office) string {
	if d := strings.TrimSpace(o.Desk); d != "" {
		return d
	}
	return "Văn phòng"
}

// officeName is the full name: "Văn phòng Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh".
func officeName(o Office) string {
	return strings.TrimSpace(desk(o) + " " + strings.TrimSpace(o.Name))
}

// requested names what is asked for inside a sentence: "Chương trình công tác trọng tâm
// tháng 11/2026", or "báo cáo" when the request is not known.
func requested(r Request) string {
	what := strings.TrimSpace(r.FormTitle)
	if what == "" {
		what = "báo cáo"
	}
	if p := strings.TrimSpace(r.Period); p != "" {
		what += " " + lowerFirst(p)
	}
	return what
}

func formCode(r Request) string {
	if r.FormCode == "" {
		return ""
	}
	return " (biểu mẫu " + r.FormCode + ")"
}

func periodOr(label, otherwise string) string {
	if label = strings.TrimSpace(label); label != "" {
		return lowerFirst(label)
	}
	return otherwise
}

func deadlineLine(r Request) string {
	if r.Deadline.IsZero() {
		return ""
	}
	return "Thời hạn gửi: " + FormatDeadline(r.Deadline) + "."
}

func asOf(now time.Time) string {
	if now.IsZero() {
		return "Đến nay, "
	}
	return "Đến " + FormatDateTime(now) + ", "
}

func templateAgain(fileName string) string {
	if fileName == "" {
		return ""
	}
	return " Tệp mẫu " + quoted(fileName) + " được gửi kèm thư này để đơn vị tiện sử dụng."
}

func notYetConfirmed(o Office) string {
	return "Nếu đơn vị đã gửi nhưng chưa nhận được thư xác nhận, đề nghị liên hệ " + desk(o) + "."
}

func contactLine(o Office, c Contact) string {
	if name := strings.TrimSpace(c.Name); name != "" {
		s := "Mọi vướng mắc xin liên hệ đồng chí " + name
		for _, part := range []struct{ label, value string }{
			{"", c.Title}, {"điện thoại ", c.Phone}, {"thư điện tử ", c.Email},
		} {
			if v := strings.TrimSpace(part.value); v != "" {
				s += ", " + part.label + v
			}
		}
		return s + "."
	}
	phone, email := strings.TrimSpace(o.Phone), strings.TrimSpace(o.Email)
	switch {
	case phone != "" && email != "":
		return "Mọi vướng mắc xin liên hệ " + desk(o) + " qua số điện thoại " + phone + " hoặc thư điện tử " + email + "."
	case phone != "":
		return "Mọi vướng mắc xin liên hệ " + desk(o) + " qua số điện thoại " + phone + "."
	case email != "":
		return "Mọi vướng mắc xin liên hệ " + desk(o) + " qua thư điện tử " + email + "."
	}
	return ""
}

// signature closes every letter. "-- " marks the signature for mail programs.
func signature(o Office) string {
	lines := []string{"Trân trọng./.", "", "-- ", strings.ToUpper(desk(o))}
	if name := strings.TrimSpace(o.Name); name != "" {
		lines = append(lines, strings.ToUpper(name))
	}
	for _, part := range []struct{ label, value string }{
		{"Địa chỉ: ", o.Address}, {"Điện thoại: ", o.Phone}, {"Thư điện tử: ", o.Email},
	} {
		if v := strings.TrimSpace(part.value); v != "" {
			lines = append(lines, part.label+v)
		}
	}
	lines = append(lines, "", "Thư này do hệ thống tổng hợp báo cáo gửi tự động.")
	return strings.Join(lines, "\n")
}

// problemList numbers up to MaxListedProblems problems, then counts the rest with the
// given noun: "… và 12 lỗi khác.".
func problemList(problems []form.Problem, noun string) string {
	var lines []string
	for i, p := range problems {
		if i == MaxListedProblems {
			lines = append(lines, fmt.Sprintf("… và %d %s khác.", len(problems)-i, noun))
			break
		}
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, problemLine(p)))
	}
	return strings.Join(lines, "\n")
}

// problemLine writes "Trang tính “Chương trình”, ô C12: <message>".
func problemLine(p form.Problem) string {
	var where []string
	if s := headerText(p.Sheet); s != "" {
		where = append(where, "trang tính "+quoted(s))
	}
	msg := headerText(p.Message)
	// Messages from the templates package already begin "Ô F5 (…)": name the cell once.
	if c := headerText(p.Cell); c != "" && !strings.HasPrefix(msg, "Ô "+c) {
		where = append(where, "ô "+c)
	}
	if msg == "" {
		msg = "giá trị không hợp lệ"
	}
	if len(where) == 0 {
		return upperFirst(msg)
	}
	return upperFirst(strings.Join(where, ", ")) + ": " + msg
}

func quoted(s string) string { return "“" + s + "”" }

func fileList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoted(n)
	}
	return strings.Join(q, ", ")
}
