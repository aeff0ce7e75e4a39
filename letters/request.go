package letters

import (
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/form"
)

// Issue 18 (requests): the texts of one-off requests (tonghop request) — how the request is
// named in letters and templates, its line in the deadlines listing, and the problems of a file
// sent for a request that does not exist or was not asked of the unit.

// Stable codes of the request problems.
const (
	CodeNoRequest = "request_unknown"
	CodeNotAsked  = "request_not_asked"
)

// RequestLabel names a one-off request where a person reads it: label is the period's own
// ("Yêu cầu đột xuất số 03/2026"), followed by what is asked and the time it covers when the
// clerk wrote them: "Yêu cầu đột xuất số 03/2026: Số liệu lao động (6 tháng đầu năm 2026)".
func RequestLabel(label, title, covers string) string {
	title, covers = strings.TrimSpace(title), strings.TrimSpace(covers)
	if title != "" {
		label += ": " + title
	}
	if covers != "" {
		label += " (" + covers + ")"
	}
	return label
}

// RequestNote is the note of a request's line in the deadlines listing: "yêu cầu đột xuất:
// Số liệu lao động".
func RequestNote(title string) string {
	if title = strings.TrimSpace(title); title != "" {
		return "yêu cầu đột xuất: " + title
	}
	return "yêu cầu đột xuất"
}

// ProblemNoRequest: the file names a one-off request (label, "Yêu cầu đột xuất số 03/2026")
// the office never made for its form.
func ProblemNoRequest(label string) form.Problem {
	return form.Problem{Code: CodeNoRequest, Field: "period", Message: fmt.Sprintf(
		"Không có %s đối với biểu mẫu này. Đề nghị đơn vị dùng đúng tệp mẫu đã nhận kèm thư yêu cầu báo cáo.",
		lowerFirst(label))}
}

// ProblemNotAsked: the one-off request the file names (label) was not addressed to the unit.
func ProblemNotAsked(label string) form.Problem {
	return form.Problem{Code: CodeNotAsked, Field: "unit", Message: fmt.Sprintf(
		"%s không được gửi đến đơn vị nên đơn vị không cần gửi báo cáo này. Nếu đơn vị được đề nghị báo cáo, "+
			"đề nghị liên hệ theo thông tin cuối thư.", label)}
}

// oneOffLabel begins the label of every one-off request (period.Label of a Once period).
const oneOffLabel = "Yêu cầu đột xuất số "

// openingWhy is what a template letter opens with: the periodic reporting rules, or for a
// one-off request the direction it serves.
func openingWhy(r Request) string {
	if strings.HasPrefix(strings.TrimSpace(r.Period), oneOffLabel) {
		return "Để kịp thời phục vụ công tác chỉ đạo, điều hành, "
	}
	return "Thực hiện chế độ thông tin, báo cáo định kỳ, "
}

// asked is a period's label (lower-cased) as it follows the report's name: a one-off request is
// what the report answers, "Báo cáo số liệu theo yêu cầu đột xuất số 03/2026"; any other
// period as it is, "Báo cáo số liệu tháng 11/2026".
func asked(label string) string {
	if strings.HasPrefix(label, lowerFirst(oneOffLabel)) {
		return "theo " + label
	}
	return label
}
