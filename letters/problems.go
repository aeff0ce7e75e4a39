package letters

import (
	"fmt"
	"time"

	"github.com/tonghop/tonghop/form"
)

// Problems found in a unit's mail beyond what the templates package finds in a workbook, and
// the short texts of the approval cycle. Every text a person reads is here, in Vietnamese, for
// review and translation.

// Stable codes of those problems.
const (
	CodeNoWorkbook    = "no_workbook"
	CodeOldFormat     = "old_format"
	CodeUnreadable    = "file_unreadable"
	CodeTooLarge      = "file_too_large"
	CodeWrongUnit     = "wrong_unit"
	CodeFormNotAsked  = "form_not_for_unit"
	CodeBadPeriod     = "bad_period"
	CodePeriodNotOpen = "period_not_open"
	CodeInternal      = "internal"
	CodePeriodGuessed = "period_guessed"
	CodePeriodClosed  = "period_closed"
	CodeEncrypted     = "file_encrypted"
	CodeUnitUnknown   = "unit_unknown"
	CodeNotForPerson  = "unit_not_allowed"
	CodeZipNoWorkbook = "archive_without_workbook"
	// CodeUnverified marks a workbook whose mail failed the office's mail authentication: it
	// is recorded, never counted, and its sender is not answered.
	CodeUnverified = "unverified_sender"
)

// AttachedFile is a file attached to a mail, by name and kind ("zip", "xls", "ods", "xlsx"…).
type AttachedFile struct{ Name, Kind string }

// NoWorkbookProblems explains a mail without an .xlsx file, naming old or foreign formats.
func NoWorkbookProblems(files []AttachedFile) []form.Problem {
	for _, a := range files {
		switch a.Kind {
		case "zip":
			return []form.Problem{{Code: CodeZipNoWorkbook, Field: a.Name, Message: fmt.Sprintf(
				"Tệp nén %s không chứa tệp Excel (.xlsx) nào đọc được. Hãy đính kèm trực tiếp tệp mẫu đã điền "+
					"(không cần nén) rồi gửi lại.", quoted(a.Name))}}
		case "xls", "ods":
			return []form.Problem{{Code: CodeOldFormat, Field: a.Name, Message: fmt.Sprintf(
				"Tệp %s không ở định dạng Excel .xlsx. Hãy mở tệp mẫu đã nhận, điền và lưu với định dạng "+
					"“Excel Workbook (*.xlsx)”, rồi gửi lại.", quoted(a.Name))}}
		}
	}
	return []form.Problem{{Code: CodeNoWorkbook, Message: "Thư không có tệp Excel (.xlsx) đính kèm. " +
		"Hãy đính kèm tệp mẫu đã điền (trả lời thư gửi mẫu và đính kèm tệp) rồi gửi lại."}}
}

// ProblemEncrypted: a file inside an archive is protected by a password.
func ProblemEncrypted(name, container string) form.Problem {
	return form.Problem{Code: CodeEncrypted, Field: name, Message: fmt.Sprintf(
		"Tệp %s trong tệp nén %s được đặt mật khẩu nên không đọc được. Hãy gửi tệp Excel trực tiếp, "+
			"không nén và không đặt mật khẩu.", quoted(name), quoted(container))}
}

// InFile names the file a problem is about, when a letter lists the problems of several files:
// "(tệp “a.xlsx”) Ô C7: …".
func InFile(name, message string) string {
	return "(tệp " + quoted(name) + ") " + message
}

// ProblemUnitUnknown: a person sent a workbook that names no unit.
func ProblemUnitUnknown(person string) form.Problem {
	return form.Problem{Code: CodeUnitUnknown, Field: "unit", Message: fmt.Sprintf(
		"Tệp không còn ghi tên đơn vị nên không xác định được đồng chí %s gửi báo cáo của đơn vị nào. "+
			"Hãy dùng đúng tệp mẫu đã gửi cho đơn vị, hoặc đề nghị đơn vị tự gửi từ địa chỉ của đơn vị.", person)}
}

// ProblemNotForPerson: a person sent a unit's workbook without being registered for it.
func ProblemNotForPerson(person, unit, unitName string) form.Problem {
	if unitName == "" {
		unitName = unit
	}
	return form.Problem{Code: CodeNotForPerson, Field: "unit", Message: fmt.Sprintf(
		"Tệp là báo cáo của %s; địa chỉ của đồng chí %s chưa được đăng ký để gửi báo cáo thay %s. "+
			"Đề nghị đơn vị tự gửi từ địa chỉ của đơn vị, hoặc liên hệ Văn phòng để được đăng ký.", unitName, person, unitName)}
}

// ProblemPeriodClosed is a warning: the workbook is recorded, the Planning Office decides.
// label names the period: "Tháng 11/2026".
func ProblemPeriodClosed(label string) form.Problem {
	return form.Problem{Code: CodePeriodClosed, Field: "period", Message: fmt.Sprintf(
		"%s đã khóa sổ trước khi nhận được tệp này; bản gửi được lưu lại và Văn phòng sẽ xem xét có đưa vào "+
			"số liệu tổng hợp hay không.", label)}
}

// ProblemTooLarge: a file over the size limit.
func ProblemTooLarge(name string, size int64) form.Problem {
	return form.Problem{Code: CodeTooLarge, Field: name, Message: fmt.Sprintf(
		"Tệp %s quá lớn (%d MB). Hãy xóa các trang tính, hình ảnh không cần thiết rồi gửi lại.", quoted(name), size>>20)}
}

// ProblemUnverified: the mail carrying the workbook could not be shown to come from its sender
// (the office's mail authentication failed). The clerks read it; the sender is not answered.
func ProblemUnverified() form.Problem {
	return form.Problem{Code: CodeUnverified, Message: "Thư gửi kèm tệp này không qua được bước xác thực người gửi " +
		"nên có thể không phải do đơn vị gửi. Tệp được lưu lại nhưng không được đưa vào số liệu tổng hợp."}
}

// ProblemUnreadable: the file is not a workbook that opens.
func ProblemUnreadable() form.Problem {
	return form.Problem{Code: CodeUnreadable, Message: "Không mở được tệp. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại."}
}

// ProblemInternal: tonghop could not store the file.
func ProblemInternal() form.Problem {
	return form.Problem{Code: CodeInternal, Message: "Hệ thống chưa lưu được tệp này do lỗi kỹ thuật; Văn phòng sẽ kiểm tra. " +
		"Đơn vị không cần gửi lại trừ khi được đề nghị."}
}

// ProblemWrongUnit: the workbook is another unit's template.
func ProblemWrongUnit(senderName, fileUnit, fileUnitName string) form.Problem {
	owner := fileUnit
	if fileUnitName != "" {
		owner = fileUnitName
	}
	return form.Problem{Code: CodeWrongUnit, Field: "unit", Message: fmt.Sprintf(
		"Tệp này là tệp mẫu của %s, không phải của %s. Hãy dùng đúng tệp mẫu đã gửi cho %s.",
		owner, senderName, senderName)}
}

// ProblemFormNotForUnit: the unit does not report on this form.
func ProblemFormNotForUnit(code, unitName string) form.Problem {
	return form.Problem{Code: CodeFormNotAsked, Field: "form", Message: fmt.Sprintf(
		"%s không thuộc danh sách đơn vị gửi biểu mẫu %s.", unitName, code)}
}

// ProblemBadPeriod: the period written in the file does not fit the form.
func ProblemBadPeriod(p, formCode string) form.Problem {
	return form.Problem{Code: CodeBadPeriod, Field: "period", Message: fmt.Sprintf(
		"Kỳ báo cáo %s ghi trong tệp không hợp lệ với biểu mẫu %s. Hãy dùng tệp mẫu của đúng kỳ đã nhận.", quoted(p), formCode)}
}

// ProblemPeriodGuessed is a warning: the workbook lost its identification, the period (label,
// "Tháng 11/2026") was taken from the mail or the calendar.
func ProblemPeriodGuessed(label string) form.Problem {
	return form.Problem{Code: CodePeriodGuessed, Field: "period", Message: fmt.Sprintf(
		"Tệp không còn ghi kỳ báo cáo (có thể do được lưu lại bằng chương trình khác); hệ thống hiểu là báo cáo %s "+
			"theo tiêu đề thư, tên tệp hoặc kỳ đang thu. Nếu không đúng, hãy dùng tệp mẫu của đúng kỳ và gửi lại.", label)}
}

// ProblemPeriodNotOpen: the file is for a period whose collection has not started.
func ProblemPeriodNotOpen(label string, opens time.Time) form.Problem {
	return form.Problem{Code: CodePeriodNotOpen, Field: "period", Message: fmt.Sprintf(
		"%s chưa đến thời gian nhận báo cáo (mẫu sẽ được gửi khoảng ngày %s).", label, opens.Format("02/01/2006"))}
}

// What a new draft counts differently from the previous one, for the letters about it.

// UnitAdded, UnitResent and UnitDropped say how a unit's figures changed between drafts.
func UnitAdded(unit string, version int) string {
	return fmt.Sprintf("%s: số liệu mới (bản %d).", unit, version)
}

func UnitResent(unit string, version, was int) string {
	return fmt.Sprintf("%s: gửi lại, dùng bản %d thay bản %d.", unit, version, was)
}

func UnitDropped(unit string) string { return unit + ": không còn số liệu hợp lệ." }

// PersonNames writes "Chánh Văn phòng Trần Thị Bình" or, for a step of several people, joins
// them with "hoặc".
func PersonNames(people []Person) string {
	var s string
	for i, p := range people {
		if i > 0 {
			s += " hoặc "
		}
		s += p.String()
	}
	return s
}

// What a leader's acknowledgement says happens next, and why a reply was not counted.
const (
	IssuedNext   = "Báo cáo đã được ban hành tới nơi nhận."
	RevisingNext = "Văn phòng sẽ hoàn thiện dự thảo theo ý kiến và trình lại."
	NotInChain   = "người gửi không thuộc quy trình duyệt của biểu mẫu này"
	// NoMailAuth: nothing authenticates replies and the office did not accept that.
	NoMailAuth = "hệ thống chưa được thiết lập để xác thực thư trả lời của lãnh đạo; đề nghị cán bộ quản trị hệ thống thiết lập"
	// NotBound: the reply answers no request sent to its sender (see approve's binding).
	NotBound = "thư không trả lời thư xin ý kiến nào đã gửi cho chính người gửi (tiêu đề không có mã xác nhận đúng " +
		"và thư không dẫn tới thư xin ý kiến đã gửi cho người đó); có thể là thư giả mạo"
)

// SentOnTo says the draft went on to the next step's people.
func SentOnTo(next string) string { return "Dự thảo được trình tiếp " + next + "." }

// AuthFailed says why a reply that failed authentication was not counted.
func AuthFailed(reason string) string {
	return "thư không vượt qua kiểm tra xác thực người gửi (" + reason + "); có thể là thư giả mạo"
}
