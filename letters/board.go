package letters

import (
	"fmt"
	"net/url"
	"strings"
)

// Issue 22 (part A): the letters of the clerk's actions on the board. A decision taken on the
// board is told as the same decision by mail is; only who decided, and how, differs.

// Extension tells a unit its deadline for one period was moved.
type Extension struct {
	Office  Office
	Contact Contact
	Unit    string
	Request Request // Deadline: the new deadline
	Reason  string  // the clerk's words, verbatim; "" none
}

// ExtensionLetter tells a unit its new deadline: reminders and nags count from it.
func ExtensionLetter(e Extension) Letter {
	reason := ""
	if r := strings.TrimSpace(e.Reason); r != "" {
		reason = "Lý do:\n" + indent(r)
	}
	return letter(e.Request, "Gia hạn thời hạn gửi: "+upperFirst(brief(e.Request))+" – hạn "+FormatDate(DeadlineDay(e.Request.Deadline)),
		greeting(e.Unit),
		fmt.Sprintf("%s thông báo gia hạn thời hạn gửi %s của đơn vị. Thời hạn gửi mới: %s.",
			desk(e.Office), requested(e.Request), FormatDeadline(e.Request.Deadline)),
		reason,
		"Nếu đơn vị đã có tệp mẫu, đề nghị tiếp tục sử dụng tệp đó và trả lời thư đã nhận, đính kèm tệp đã điền.",
		contactLine(e.Office, e.Contact),
		signature(e.Office))
}

// LateFileBoardLetter tells the clerks that a decision about a late file was taken on the
// board by an account (by), and what follows: the notice's answer by mail is no longer needed.
func LateFileBoardLetter(f LateFile, by Person, taken bool) Letter {
	decision, next := f.decided(taken)
	return tokenLetter(f.token(), "Đã ghi nhận quyết định: báo cáo "+lateSubject+" – "+unitName(f.Unit),
		toDesk(f.Office),
		fmt.Sprintf("Hệ thống đã ghi nhận quyết định %s lần gửi thứ %d của %s, %s, do %s chọn trên trang theo dõi báo cáo.",
			decision, f.Version, unitName(f.Unit), requested(f.Request), by.Named()),
		next,
		"Không cần trả lời thư hỏi ý kiến về lần gửi này nữa.",
		signature(f.Office))
}

// PeriodPage is the address of a form's period on the board at board (its public address):
// the page where a clerk builds a draft, decides a late file or starts a correction. The board's
// own link to the page (web.PeriodURL) is held to the same text by its test.
func PeriodPage(board, form, period string) string {
	return strings.TrimRight(board, "/") + "/period?" + url.Values{"f": {form}, "p": {period}}.Encode()
}

// redraftLine says how the clerks have the draft built again without new figures: on the
// board's page of the period (linked when the board has a public address), else through whoever
// runs the system.
func redraftLine(d Draft) string {
	return "Nếu cần tổng hợp lại mà không có số liệu mới của đơn vị, đề nghị " + redraftAsked(d)
}

// redraftAsked is who builds the next draft without new figures, and where, ending a sentence:
// the clerks on the board's page, or the clerks asking for it.
func redraftAsked(d Draft) string {
	switch {
	case d.Office.Board != "":
		return deskYou(d.Office) + " chọn “Lập dự thảo ngay” tại trang theo dõi kỳ báo cáo: " +
			PeriodPage(d.Office.Board, d.Request.FormCode, d.Period)
	case d.Office.HasBoard:
		return deskYou(d.Office) + " chọn “Lập dự thảo ngay” tại trang theo dõi báo cáo, mục kỳ báo cáo này."
	}
	return deskYou(d.Office) + " liên hệ cán bộ quản trị hệ thống."
}

// lateOnBoard offers the board's page as the other way to decide about a late file; "" without
// a board.
func lateOnBoard(f LateFile) string {
	switch {
	case f.Office.Board != "":
		return upperFirst(deskYou(f.Office)) + " cũng có thể quyết định tại trang theo dõi kỳ báo cáo: " +
			PeriodPage(f.Office.Board, f.Request.FormCode, f.Period)
	case f.Office.HasBoard:
		return upperFirst(deskYou(f.Office)) + " cũng có thể quyết định tại trang theo dõi báo cáo, mục kỳ báo cáo này."
	}
	return ""
}
