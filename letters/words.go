package letters

import (
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
)

// Texts of part D of issue 17 ("words"): the warnings an error letter carries beside the errors,
// the template sent late for a close deadline, and the template that replaces one signed with
// a key the office no longer holds.

// alsoCheck lists, in an error letter, the warnings found in the same files: what the unit
// should look at while it corrects the errors, so that the letter holds everything the check
// of the file found.
func alsoCheck(warnings []form.Problem) string {
	if len(warnings) == 0 {
		return ""
	}
	return "Ngoài ra, khi sửa tệp, đề nghị đơn vị xem lại các điểm sau; đây không phải lỗi và không ảnh hưởng đến việc tiếp nhận:\n" +
		problemList(warnings, "điểm")
}

// freshTemplateSubject ends the subject of an error letter that carries a fresh template.
const freshTemplateSubject = "đề nghị dùng tệp mẫu mới gửi kèm"

// otherTemplateCause completes "… chưa thể tiếp nhận báo cáo, vì …" for a workbook made from a
// template signed with a key the office does not hold, then lists what the check found.
func otherTemplateCause(d Rejection, files string) string {
	cause := files + " được lập từ tệp mẫu cũ hoặc tệp mẫu của cơ quan khác, không phải tệp mẫu hiện hành " +
		desk(d.Office) + " gửi cho đơn vị."
	if len(d.Problems) > 0 {
		cause += "\nKết quả kiểm tra tệp:\n" + problemList(d.Problems, "lỗi")
	}
	return cause
}

// freshTemplateRequest asks the unit to fill the template attached to the letter, for the form,
// unit and period of the file it sent.
func freshTemplateRequest(d Rejection) string {
	return "Đề nghị đơn vị nhập số liệu vào tệp mẫu mới " + quoted(d.Template) + " gửi kèm thư này, là tệp mẫu " +
		"hiện hành của " + desk(d.Office) + " cho đơn vị" + periodOf(d.Request) + "; giữ nguyên tên tệp, " +
		"rồi trả lời thư này, đính kèm tệp đã điền"
}

// periodOf is " cho kỳ báo cáo tháng 11/2026" for a request that names its period, else "".
func periodOf(r Request) string {
	if p := strings.TrimSpace(r.Period); p != "" {
		return " cho kỳ báo cáo " + lowerFirst(p)
	}
	return ""
}

// closeDeadline states the deadline of a template sent late, as it stands when the letter
// arrives (now): today, tomorrow, a few days away, or past. It replaces the plain "Thời hạn gửi"
// line, and the template stands for the reminder the unit would otherwise get with it.
func closeDeadline(r Request, now time.Time) string {
	dl := r.Deadline
	if dl.IsZero() || now.IsZero() {
		return deadlineLine(r)
	}
	if !now.Before(dl) {
		return "Tệp mẫu được gửi muộn nên thời hạn gửi báo cáo, " + FormatDeadline(dl) + ", đã qua; " +
			"đề nghị đơn vị hoàn thành và gửi báo cáo sớm nhất."
	}
	left := "; thời gian còn lại: " + FormatDuration(dl.Sub(now)) + "."
	switch DaysOverdue(now, DeadlineDay(dl)) {
	case 0:
		return "Thời hạn gửi: " + FormatDeadline(dl) + ", tức là hôm nay" + left + " Tệp mẫu được gửi sát hạn; " +
			"đề nghị đơn vị khẩn trương hoàn thành và gửi báo cáo trong hôm nay."
	case 1:
		return "Thời hạn gửi: " + FormatDeadline(dl) + ", tức là ngày mai" + left + " Tệp mẫu được gửi sát hạn; " +
			"đề nghị đơn vị khẩn trương hoàn thành và gửi báo cáo đúng hạn."
	}
	return "Thời hạn gửi: " + FormatDeadline(dl) + left + " Tệp mẫu được gửi sát hạn; " +
		"đề nghị đơn vị sắp xếp hoàn thành và gửi báo cáo đúng hạn."
}

// closeDeadlineSubject completes the subject "… – hạn 18/11/2026" of a template sent late.
func closeDeadlineSubject(r Request, now time.Time) string {
	dl := r.Deadline
	switch {
	case dl.IsZero() || now.IsZero():
		return ""
	case !now.Before(dl):
		return " (đã quá hạn)"
	case DaysOverdue(now, DeadlineDay(dl)) == 0:
		return " (hôm nay)"
	case DaysOverdue(now, DeadlineDay(dl)) == 1:
		return " (ngày mai)"
	}
	return ""
}
