package web

import (
	"strconv"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// The words of the clerk's actions (issue 22, part A), in one place: the page's title, the
// reasons an action is refused, and the names of a draft's trigger and a late file's decision.
const (
	msgClerkTitle       = "Thao tác: "
	msgLateDecided      = "Lần gửi này đã được quyết định (qua thư hoặc bởi chuyên viên khác). Vui lòng tải lại trang."
	msgChanged          = "Dữ liệu vừa thay đổi (qua thư hoặc bởi chuyên viên khác). Vui lòng tải lại trang và thử lại."
	msgNoResend         = "Kỳ báo cáo đã đóng hoặc báo cáo đã được duyệt: không gửi lại tệp mẫu."
	msgNotIssued        = "Báo cáo kỳ này chưa được duyệt, hoặc đang được điều chỉnh. Các lần gửi nhận được khi kỳ đóng được tính khi mở lại kỳ."
	msgNoWords          = "Vui lòng ghi nội dung cần điều chỉnh."
	msgIssuedNoDraft    = "Báo cáo kỳ này đã được duyệt. Để lập dự thảo mới, vui lòng đề nghị điều chỉnh báo cáo trước."
	msgAlreadyClosed    = "Kỳ báo cáo đã được đóng."
	msgAlreadyOpen      = "Kỳ báo cáo đang mở."
	msgIssuedReopen     = "Báo cáo kỳ này đã được duyệt. Để tính thêm số liệu, vui lòng đề nghị điều chỉnh báo cáo."
	msgUnknownUnit      = "Không tìm thấy biểu mẫu, kỳ báo cáo hoặc đơn vị."
	msgBadDeadline      = "Thời hạn mới không hợp lệ: vui lòng chọn ngày và giờ."
	msgDeadlineNotLater = "Thời hạn mới phải sau thời hạn đang áp dụng cho đơn vị."
)

// triggerNames say why a draft was built.
var triggerNames = map[string]string{
	ledger.TriggerAllIn:        "đủ số liệu các đơn vị",
	ledger.TriggerDeadline:     "đến hạn",
	ledger.TriggerDemand:       "theo yêu cầu",
	ledger.TriggerResubmission: "có số liệu mới",
	ledger.TriggerEdited:       "lãnh đạo sửa",
}

// decisionNames say what was decided about a late file.
var decisionNames = map[ledger.Decision]string{
	ledger.DecisionTaken:   "đã đưa vào",
	ledger.DecisionLeftOut: "không đưa vào",
}

// periodName is a period as people read it ("Tháng 11/2026"); a text that is not one stays.
func periodName(p string) string {
	if per, err := period.Parse(p); err == nil {
		return per.Label()
	}
	return p
}

func itoa(n int) string { return strconv.Itoa(n) }
