package daemon

import (
	"fmt"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// Problems the daemon itself finds in a unit's mail, beyond what the templates package finds in
// a workbook. Every text a unit reads is here, in Vietnamese, for review and translation.

// Stable codes of those problems.
const (
	codeNoWorkbook    = "no_workbook"
	codeOldFormat     = "old_format"
	codeUnreadable    = "file_unreadable"
	codeTooLarge      = "file_too_large"
	codeWrongUnit     = "wrong_unit"
	codeFormNotAsked  = "form_not_for_unit"
	codeBadPeriod     = "bad_period"
	codePeriodNotOpen = "period_not_open"
	codeInternal      = "internal"
	codePeriodGuessed = "period_guessed"
	codePeriodClosed  = "period_closed"
	codeEncrypted     = "file_encrypted"
	codeUnitUnknown   = "unit_unknown"
	codeNotForPerson  = "unit_not_allowed"
	codeZipNoWorkbook = "archive_without_workbook"
)

// noWorkbookProblems explains a mail without an .xlsx file, naming old or foreign formats.
func noWorkbookProblems(msg *intake.Message) []form.Problem {
	for _, a := range msg.Attachments {
		switch a.Kind() {
		case intake.KindZip:
			return []form.Problem{{Code: codeZipNoWorkbook, Field: a.Name, Message: fmt.Sprintf(
				"Tệp nén “%s” không chứa tệp Excel (.xlsx) nào đọc được. Hãy đính kèm trực tiếp tệp mẫu đã điền "+
					"(không cần nén) rồi gửi lại.", a.Name)}}
		case "xls", "ods":
			return []form.Problem{{Code: codeOldFormat, Field: a.Name, Message: fmt.Sprintf(
				"Tệp “%s” không ở định dạng Excel .xlsx. Hãy mở tệp mẫu đã nhận, điền và lưu với định dạng "+
					"“Excel Workbook (*.xlsx)”, rồi gửi lại.", a.Name)}}
		}
	}
	return []form.Problem{{Code: codeNoWorkbook, Message: "Thư không có tệp Excel (.xlsx) đính kèm. " +
		"Hãy đính kèm tệp mẫu đã điền (trả lời thư gửi mẫu và đính kèm tệp) rồi gửi lại."}}
}

func problemEncrypted(a intake.Attachment) form.Problem {
	return form.Problem{Code: codeEncrypted, Field: a.Name, Message: fmt.Sprintf(
		"Tệp “%s” trong tệp nén “%s” được đặt mật khẩu nên không đọc được. Hãy gửi tệp Excel trực tiếp, "+
			"không nén và không đặt mật khẩu.", a.Name, a.Container)}
}

func problemUnitUnknown(person string) form.Problem {
	return form.Problem{Code: codeUnitUnknown, Field: "unit", Message: fmt.Sprintf(
		"Tệp không còn ghi tên đơn vị nên không xác định được đồng chí %s gửi báo cáo của đơn vị nào. "+
			"Hãy dùng đúng tệp mẫu đã gửi cho đơn vị, hoặc đề nghị đơn vị tự gửi từ địa chỉ của đơn vị.", person)}
}

func problemNotForPerson(person, unit, unitName string) form.Problem {
	if unitName == "" {
		unitName = unit
	}
	return form.Problem{Code: codeNotForPerson, Field: "unit", Message: fmt.Sprintf(
		"Tệp là báo cáo của %s; địa chỉ của đồng chí %s chưa được đăng ký để gửi báo cáo thay %s. "+
			"Đề nghị đơn vị tự gửi từ địa chỉ của đơn vị, hoặc liên hệ Văn phòng để được đăng ký.", unitName, person, unitName)}
}

// problemPeriodClosed is a warning: the workbook is recorded, the Planning Office decides.
func problemPeriodClosed(p period.Period) form.Problem {
	return form.Problem{Code: codePeriodClosed, Field: "period", Message: fmt.Sprintf(
		"%s đã khóa sổ trước khi nhận được tệp này; bản gửi được lưu lại và Văn phòng sẽ xem xét có đưa vào "+
			"số liệu tổng hợp hay không.", p.Label())}
}

func problemTooLarge(a intake.Attachment) form.Problem {
	return form.Problem{Code: codeTooLarge, Field: a.Name, Message: fmt.Sprintf(
		"Tệp “%s” quá lớn (%d MB). Hãy xóa các trang tính, hình ảnh không cần thiết rồi gửi lại.", a.Name, a.Size>>20)}
}

func problemUnreadable() form.Problem {
	return form.Problem{Code: codeUnreadable, Message: "Không mở được tệp. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại."}
}

func problemInternal() form.Problem {
	return form.Problem{Code: codeInternal, Message: "Hệ thống chưa lưu được tệp này do lỗi kỹ thuật; Văn phòng sẽ kiểm tra. " +
		"Đơn vị không cần gửi lại trừ khi được đề nghị."}
}

func problemWrongUnit(sender config.Unit, fileUnit, fileUnitName string) form.Problem {
	owner := fileUnit
	if fileUnitName != "" {
		owner = fileUnitName
	}
	return form.Problem{Code: codeWrongUnit, Field: "unit", Message: fmt.Sprintf(
		"Tệp này là tệp mẫu của %s, không phải của %s. Hãy dùng đúng tệp mẫu đã gửi cho %s.",
		owner, sender.Name, sender.Name)}
}

func problemFormNotForUnit(code string, unit config.Unit) form.Problem {
	return form.Problem{Code: codeFormNotAsked, Field: "form", Message: fmt.Sprintf(
		"%s không thuộc danh sách đơn vị gửi biểu mẫu %s.", unit.Name, code)}
}

func problemBadPeriod(p string, f *config.Form) form.Problem {
	return form.Problem{Code: codeBadPeriod, Field: "period", Message: fmt.Sprintf(
		"Kỳ báo cáo “%s” ghi trong tệp không hợp lệ với biểu mẫu %s. Hãy dùng tệp mẫu của đúng kỳ đã nhận.", p, f.Code)}
}

// problemPeriodGuessed is a warning: the workbook lost its identification, the period was taken
// from the mail or the calendar.
func problemPeriodGuessed(p string) form.Problem {
	label := p
	if pp, err := period.Parse(p); err == nil {
		label = pp.Label()
	}
	return form.Problem{Code: codePeriodGuessed, Field: "period", Message: fmt.Sprintf(
		"Tệp không còn ghi kỳ báo cáo (có thể do được lưu lại bằng chương trình khác); hệ thống hiểu là báo cáo %s "+
			"theo tiêu đề thư, tên tệp hoặc kỳ đang thu. Nếu không đúng, hãy dùng tệp mẫu của đúng kỳ và gửi lại.", label)}
}

func problemPeriodNotOpen(p period.Period, opens time.Time) form.Problem {
	return form.Problem{Code: codePeriodNotOpen, Field: "period", Message: fmt.Sprintf(
		"%s chưa đến thời gian nhận báo cáo (mẫu sẽ được gửi khoảng ngày %s).", p.Label(), opens.Format("02/01/2006"))}
}

// What a new draft counts differently from the previous one, for the letters about it.

func msgUnitAdded(unit string, version int) string {
	return fmt.Sprintf("%s: số liệu mới (bản %d).", unit, version)
}

func msgUnitResent(unit string, version, was int) string {
	return fmt.Sprintf("%s: gửi lại, dùng bản %d thay bản %d.", unit, version, was)
}

func msgUnitDropped(unit string) string { return unit + ": không còn số liệu hợp lệ." }

// personNames writes "Chánh Văn phòng Trần Thị Bình" or, for a step of several people, joins
// them with "hoặc".
func personNames(people []config.Person) string {
	var s string
	for i, p := range people {
		if i > 0 {
			s += " hoặc "
		}
		s += letters.Person{Title: p.Title, Name: p.Name}.String()
	}
	return s
}

// What a leader's acknowledgement says happens next, and why a reply was not counted.
const (
	msgIssuedNext   = "Báo cáo đã được ban hành tới nơi nhận."
	msgRevisingNext = "Văn phòng sẽ hoàn thiện dự thảo theo ý kiến và trình lại."
	msgNotInChain   = "người gửi không thuộc quy trình duyệt của biểu mẫu này"
)

func msgSentOnTo(next string) string { return "Dự thảo được trình tiếp " + next + "." }

// msgAuthFailed says why a reply that failed authentication was not counted.
func msgAuthFailed(reason string) string {
	return "thư không vượt qua kiểm tra xác thực người gửi (" + reason + "); có thể là thư giả mạo"
}
