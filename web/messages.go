package web

// The board's words, in one place: every text a person reads on a page that is not in a
// template. Vietnamese, NFC (TestMessages_NFC).
const (
	msgLoginTitle    = "Đăng nhập"
	msgLoginFailed   = "Tên đăng nhập hoặc mật khẩu không đúng."
	msgLockedOut     = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."
	msgErrorTitle    = "Không thực hiện được"
	msgNotFound      = "Không tìm thấy trang hoặc tệp được yêu cầu."
	msgForbidden     = "Tài khoản của anh/chị không có quyền thực hiện thao tác này."
	msgSessionNeeded = "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại."
	msgBadToken      = "Biểu mẫu đã cũ hoặc không hợp lệ. Vui lòng tải lại trang và thử lại."
	msgBadRequest    = "Yêu cầu không hợp lệ."
	msgFailed        = "Hệ thống gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau hoặc báo cho người quản trị."
	msgIndexTitle    = "Tình hình gửi báo cáo"
	msgFormTitle     = "Biểu mẫu "
	msgUnitTitle     = "Đơn vị: "
	msgPeriodTitle   = "Kỳ báo cáo: "
	msgDiffTitle     = "So sánh hai lần gửi"
)

// roleLabels name the roles on the pages.
var roleLabels = map[Role]string{RoleClerk: "chuyên viên", RoleLeader: "lãnh đạo", RoleViewer: "người xem"}

// Label is the role's Vietnamese name.
func (r Role) Label() string { return roleLabels[r] }

// msgFilesSent is a cell's tooltip: how many files the unit sent for the period.
const msgFilesSent = "Đơn vị đã gửi %d tệp cho kỳ này"
