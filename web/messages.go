package web

import (
	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ledger"
)

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

// outStatusLabels name where an outbox mail stands.
var outStatusLabels = map[string]string{
	ledger.OutPending: "chờ gửi", ledger.OutSending: "đang gửi", ledger.OutSent: "đã gửi",
	ledger.OutFailed: "gửi không được", ledger.OutCancelled: "đã hủy",
}

// Where a changed cell is, on the comparison of two versions.
const (
	msgDiffHeader    = "Thông tin chung"
	msgDiffRow       = "%s, dòng %d"
	msgDiffIndicator = "Chỉ tiêu %s %s"
	msgDiffNarrative = "Phần thuyết minh"
)

// triggerLabels say why a draft was built.
var triggerLabels = map[string]string{
	ledger.TriggerAllIn: "đủ đơn vị gửi", ledger.TriggerDeadline: "hết hạn gửi", ledger.TriggerDemand: "theo yêu cầu",
	ledger.TriggerResubmission: "đơn vị gửi lại", ledger.TriggerEdited: "lãnh đạo sửa trực tiếp",
}

// approvalStatusLabels say where a period's approval stands.
var approvalStatusLabels = map[approval.Status]string{
	approval.Waiting: "chưa có dự thảo", approval.Reviewing: "đang trình duyệt", approval.Revising: "đang chỉnh sửa theo ý kiến",
	approval.Issued: "đã duyệt, ban hành", approval.Correcting: "đang điều chỉnh báo cáo đã ban hành",
}

// decisionKindLabels name a leader's answer in the chain.
var decisionKindLabels = map[string]string{
	approval.Approve: "duyệt", approval.Revise: "yêu cầu sửa", approval.Initialed: "ký nháy",
	approval.Agreed: "nhất trí", approval.Commented: "góp ý",
}
