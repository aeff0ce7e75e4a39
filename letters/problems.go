package letters

import (
	"fmt"
	"strings"
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
	const fill = "Đề nghị đơn vị mở tệp mẫu đã nhận, nhập số liệu, lưu ở định dạng Excel (.xlsx) rồi gửi lại."
	for _, a := range files {
		switch a.Kind {
		case "zip":
			return []form.Problem{{Code: CodeZipNoWorkbook, Field: a.Name, Message: fmt.Sprintf(
				"Tệp nén %s không chứa tệp Excel (.xlsx) nào đọc được. Đề nghị đơn vị đính kèm trực tiếp tệp mẫu "+
					"đã điền, không cần nén, rồi gửi lại.", quoted(a.Name))}}
		case "xls":
			return []form.Problem{{Code: CodeOldFormat, Field: a.Name, Message: fmt.Sprintf(
				"Tệp %s ở định dạng Excel cũ (.xls). %s", quoted(a.Name), fill)}}
		case "ods":
			return []form.Problem{{Code: CodeOldFormat, Field: a.Name, Message: fmt.Sprintf(
				"Tệp %s ở định dạng bảng tính của LibreOffice (.ods), không phải định dạng Excel (.xlsx). %s",
				quoted(a.Name), fill)}}
		}
	}
	return []form.Problem{{Code: CodeNoWorkbook, Message: "Thư không có tệp Excel (.xlsx) đính kèm. " +
		"Đề nghị đơn vị trả lời thư gửi tệp mẫu, đính kèm tệp mẫu đã điền rồi gửi lại."}}
}

// ProblemEncrypted: a file inside an archive is protected by a password.
func ProblemEncrypted(name, container string) form.Problem {
	return form.Problem{Code: CodeEncrypted, Field: name, Message: fmt.Sprintf(
		"Tệp %s trong tệp nén %s được đặt mật khẩu nên không đọc được. Đề nghị đơn vị gửi trực tiếp tệp Excel, "+
			"không nén và không đặt mật khẩu.", quoted(name), quoted(container))}
}

// InFile names the file a problem is about, when a letter lists the problems of several files:
// "Tệp “a.xlsx”, ô C7: …" for a message beginning "Ô C7: …". A letter lists it with the file
// first: "Tệp “a.xlsx”, trang tính “Chỉ tiêu”: Ô C7: …".
func InFile(name, message string) string {
	return inFilePrefix + SafeText(name) + "”, " + lowerFirst(message)
}

const inFilePrefix = "Tệp “"

// ProblemUnitUnknown: a person sent a workbook that names no unit.
func ProblemUnitUnknown(person string) form.Problem {
	return form.Problem{Code: CodeUnitUnknown, Field: "unit", Message: fmt.Sprintf(
		"Tệp không còn ghi tên đơn vị nên không xác định được đồng chí %s gửi báo cáo của đơn vị nào. "+
			"Đề nghị đồng chí dùng đúng tệp mẫu đã gửi cho đơn vị, hoặc đề nghị đơn vị tự gửi từ địa chỉ của đơn vị.", person)}
}

// ProblemNotForPerson: a person sent a unit's workbook without being registered for it.
func ProblemNotForPerson(person, unit, unitName string) form.Problem {
	if unitName == "" {
		unitName = unit
	}
	return form.Problem{Code: CodeNotForPerson, Field: "unit", Message: fmt.Sprintf(
		"Tệp là báo cáo của %s; địa chỉ của đồng chí %s chưa được đăng ký để gửi báo cáo thay %s. "+
			"Đề nghị đơn vị tự gửi từ địa chỉ của đơn vị, hoặc liên hệ theo thông tin cuối thư để được đăng ký.",
		unitName, person, unitName)}
}

// ProblemPeriodClosed is a warning: the workbook is recorded, the clerks decide. label names
// the period: "Tháng 11/2026".
func ProblemPeriodClosed(label string) form.Problem {
	return form.Problem{Code: CodePeriodClosed, Field: "period", Message: fmt.Sprintf(
		"Kỳ báo cáo %s đã chốt số liệu trước khi nhận được tệp này; lần gửi được lưu lại và sẽ được xem xét có đưa "+
			"vào số liệu tổng hợp hay không.", lowerFirst(label))}
}

// ProblemTooLarge: a file over the size limit.
func ProblemTooLarge(name string, size int64) form.Problem {
	return form.Problem{Code: CodeTooLarge, Field: name, Message: fmt.Sprintf(
		"Tệp %s quá lớn, dung lượng %s. Đề nghị đơn vị xóa các trang tính, hình ảnh không cần thiết rồi gửi lại.",
		quoted(name), FormatSize(size))}
}

// ProblemUnverified: the mail carrying the workbook could not be shown to come from its sender
// (the office's mail authentication failed). The clerks read it; the sender is not answered.
func ProblemUnverified() form.Problem {
	return form.Problem{Code: CodeUnverified, Message: "Thư gửi kèm tệp này không qua được bước xác thực người gửi " +
		"nên có thể không phải do đơn vị gửi. Tệp được lưu lại nhưng không được đưa vào số liệu tổng hợp."}
}

// ProblemUnreadable: the file is not a workbook that opens.
func ProblemUnreadable() form.Problem {
	return form.Problem{Code: CodeUnreadable, Message: "Không mở được tệp. Đề nghị đơn vị mở tệp bằng Excel, lưu lại ở " +
		"định dạng Excel (.xlsx) rồi gửi lại."}
}

// ProblemInternal: tonghop could not store the file.
func ProblemInternal() form.Problem {
	return form.Problem{Code: CodeInternal, Message: "Hệ thống chưa lưu được tệp này do lỗi kỹ thuật; cán bộ phụ trách sẽ " +
		"kiểm tra. Đơn vị không cần gửi lại trừ khi được đề nghị."}
}

// ProblemWrongUnit: the workbook is another unit's template.
func ProblemWrongUnit(senderName, fileUnit, fileUnitName string) form.Problem {
	owner := fileUnit
	if fileUnitName != "" {
		owner = fileUnitName
	}
	return form.Problem{Code: CodeWrongUnit, Field: "unit", Message: fmt.Sprintf(
		"Tệp này là tệp mẫu của %s, không phải của %s. Đề nghị đơn vị dùng đúng tệp mẫu đã gửi cho %s.",
		owner, senderName, senderName)}
}

// ProblemFormNotForUnit: the unit does not report on this form.
func ProblemFormNotForUnit(code, unitName string) form.Problem {
	return form.Problem{Code: CodeFormNotAsked, Field: "form", Message: fmt.Sprintf(
		"%s không thuộc danh sách đơn vị gửi biểu mẫu %s.", unitName, code)}
}

// ProblemBadPeriod: the period written in the file's identification does not fit the form. The
// code written there is not quoted: it is the system's, not the unit's, and says nothing to it.
func ProblemBadPeriod(formCode string) form.Problem {
	return form.Problem{Code: CodeBadPeriod, Field: "period", Message: fmt.Sprintf(
		"Kỳ báo cáo ghi trong thông tin nhận dạng của tệp không phải kỳ báo cáo của biểu mẫu %s. Đề nghị đơn vị dùng "+
			"tệp mẫu của đúng kỳ đã nhận.", formCode)}
}

// ProblemPeriodGuessed is a warning: the workbook lost its identification, the period (label,
// "Tháng 11/2026") was taken from the mail or the calendar.
func ProblemPeriodGuessed(label string) form.Problem {
	return form.Problem{Code: CodePeriodGuessed, Field: "period", Message: fmt.Sprintf(
		"Tệp không còn ghi kỳ báo cáo, có thể do được lưu lại bằng chương trình khác; hệ thống hiểu là báo cáo %s "+
			"theo tiêu đề thư, tên tệp hoặc kỳ đang thu. Nếu không đúng, đề nghị đơn vị dùng tệp mẫu của đúng kỳ và gửi lại.",
		lowerFirst(label))}
}

// ProblemPeriodNotOpen: the file is for a period whose collection has not started.
func ProblemPeriodNotOpen(label string, opens time.Time) form.Problem {
	return form.Problem{Code: CodePeriodNotOpen, Field: "period", Message: fmt.Sprintf(
		"Kỳ báo cáo %s chưa đến thời gian nhận báo cáo; tệp mẫu sẽ được gửi vào khoảng ngày %s.",
		lowerFirst(label), FormatDate(opens))}
}

// What a new draft counts differently from the previous one, for the letters about it.

// UnitAdded, UnitResent and UnitDropped say how a unit's figures changed between drafts; version
// is the unit's n-th file for the period.
func UnitAdded(unit string, version int) string {
	return fmt.Sprintf("%s: có số liệu mới, lần gửi thứ %d.", unit, version)
}

func UnitResent(unit string, version, was int) string {
	return fmt.Sprintf("%s: gửi lại, dùng lần gửi thứ %d thay lần gửi thứ %d.", unit, version, was)
}

func UnitDropped(unit string) string { return unit + ": không còn số liệu hợp lệ." }

// What a leader's acknowledgement says happens next, and why a reply was not counted.
const (
	IssuedNext   = "Báo cáo đã được duyệt và gửi đến các nơi nhận."
	RevisingNext = "Dự thảo sẽ được hoàn thiện theo ý kiến của đồng chí và kính trình lại."
	NotInChain   = "người gửi không thuộc quy trình duyệt của biểu mẫu này"
	// NoMailAuth: nothing authenticates replies and the office did not accept that.
	NoMailAuth = "hệ thống chưa được thiết lập để xác thực thư trả lời của lãnh đạo; đề nghị cán bộ quản trị hệ thống thiết lập"
	// NotBound: the reply answers no request sent to its sender (see approve's binding).
	NotBound = "thư không trả lời thư xin ý kiến nào đã gửi cho chính người gửi: tiêu đề không có mã xác nhận đúng " +
		"và thư không dẫn tới thư xin ý kiến đã gửi cho người đó; có thể là thư giả mạo"
)

// SentOnTo says the draft went on to the next step's people (see PersonNames).
func SentOnTo(next string) string {
	return "Dự thảo đã được kính trình tiếp " + next + "."
}

// AuthFailed says why a reply that failed authentication was not counted; reason is the mail
// check's own account, in sentences.
func AuthFailed(reason string) string {
	return "thư không vượt qua bước xác thực người gửi nên có thể là thư giả mạo. " + strings.TrimSpace(reason)
}
