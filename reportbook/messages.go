package reportbook

// Everything a civil servant reads in the consolidated workbook is here, in Vietnamese (NFC).

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/status"
)

// Sheet names. Excel compares sheet names without case, so unit sheets must differ from these
// in more than case (see sheetNamer).
const (
	sheetSummary    = "Tổng hợp"
	sheetNarrative  = "Nội dung báo cáo"
	sheetStatus     = "Tình hình gửi"
	sheetProvenance = "Nguồn số liệu"
	sheetUnits      = "Chi tiết đơn vị"
)

// Column headers.
const (
	hdrCode        = "Mã số"
	hdrIndicator   = "Chỉ tiêu"
	hdrMeasure     = "Đơn vị tính"
	hdrPlan        = "Kế hoạch năm"
	hdrPeriod      = "Thực hiện kỳ báo cáo"
	hdrYTD         = "Lũy kế từ đầu năm"
	hdrLastYear    = "Cùng kỳ năm trước"
	hdrLastYearYTD = "Lũy kế cùng kỳ năm trước"
	hdrPctPlan     = "% so với kế hoạch"
	hdrPctLastYear = "% so với cùng kỳ"
	hdrReported    = "Số đơn vị báo cáo"
	hdrNote        = "Ghi chú"
	hdrNo          = "STT"
	hdrUnit        = "Đơn vị"
	hdrUnitCode    = "Mã đơn vị"
	hdrCarried     = "Chuyển từ kỳ trước"
	hdrContent     = "Nội dung"

	// A unit's own figures, on its detail sheet.
	hdrUnitPeriod     = "Thực hiện kỳ"
	hdrOwnYTD         = "Lũy kế đơn vị tự ghi"
	hdrYTDSource      = "Nguồn lũy kế"
	hdrLastYearSource = "Nguồn cùng kỳ"

	hdrState      = "Tình trạng"
	hdrVersion    = "Lần gửi được tính"
	hdrFirstValid = "Thời điểm nhận lần gửi hợp lệ đầu tiên"
	hdrCounted    = "Thời điểm nhận lần gửi được tính"
	hdrSent       = "Số lần gửi"
	hdrReminders  = "Nhắc hạn, đôn đốc"

	hdrSourceVersion = "Lần gửi"
	hdrReceivedAt    = "Thời điểm nhận"
	hdrLate          = "Quá hạn"
	hdrFileName      = "Tên tệp"
	hdrSHA256        = "Mã kiểm tra tệp (SHA-256)"
	hdrMessageID     = "Mã định danh thư"
)

// Marks and notes in cells.
const (
	markYes         = "x"
	noteSubtotal    = "Tổng chưa khớp các chỉ tiêu con"
	noteWarnings    = "Lưu ý khi tổng hợp:"
	noteNoEntry     = "(Không có đơn vị nào ghi nội dung này.)"
	noteUnitMissing = "Đơn vị chưa gửi số liệu cho kỳ báo cáo này."
	noteRatesOver   = "Tỷ lệ tính trên tất cả đơn vị phải gửi, kể cả đơn vị chưa đến hạn."
	titleNarrative  = "NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ"
	titleStatus     = "TÌNH HÌNH GỬI BÁO CÁO"
	titleProvenance = "NGUỒN SỐ LIỆU TỔNG HỢP"
	titleUnits      = "SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ"
	labelRate       = "Tỷ lệ báo cáo"
	labelOnTimeRate = "Tỷ lệ báo cáo đúng hạn"
	contentDraft    = "Dự thảo"
	contentIssued   = "Đã duyệt"
	docCategory     = "Báo cáo tổng hợp"
)

// aggregateNote explains a figure that is not a plain sum of the units' figures.
func aggregateNote(rule string) string {
	switch rule {
	case "avg":
		return "Bình quân các đơn vị"
	case "min":
		return "Số nhỏ nhất của các đơn vị"
	case "max":
		return "Số lớn nhất của các đơn vị"
	case "none":
		return "Không tổng hợp"
	}
	return ""
}

// reportTitle is the summary's title: "TỔNG HỢP BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ".
func reportTitle(formTitle string) string {
	return strings.ToUpper("Tổng hợp " + formTitle)
}

// formLine names the form and the period: "Biểu mẫu BM.02.01/KH — Tháng 11/2026 (…)".
func formLine(code, periodLabel string) string {
	return "Biểu mẫu " + code + " — " + periodLabel
}

// draftLine marks a report not yet approved.
func draftLine(n int) string { return "DỰ THẢO lần " + strconv.Itoa(n) }

// approvalLine says who approved which draft when: "Đã duyệt: Trưởng Ban Nguyễn Văn A,
// 09:15 ngày 20/11/2026 (dự thảo lần 2)".
func approvalLine(a Approval, loc *time.Location) string {
	who := strings.TrimSpace(a.Title + " " + a.Name)
	verb := "Đã duyệt: "
	if a.Initial {
		verb = "Đã ký nháy: "
	}
	s := verb + who + ", " + status.FormatDateTime(a.At.In(loc))
	if a.Version > 0 {
		s += " (dự thảo lần " + strconv.Itoa(a.Version) + ")"
	}
	return s
}

// replacedLine is the first line of a replacement's approvals.
func replacedLine(r Replaced, loc *time.Location) string {
	s := "Thay thế báo cáo đã gửi ngày " + status.FormatDate(r.At.In(loc))
	if r.Version > 0 {
		s += " (dự thảo lần " + strconv.Itoa(r.Version) + ")"
	}
	return s
}

// unauthenticatedLine ends the approval block of a report whose approvals were counted
// without authenticating the leaders' mail.
const unauthenticatedLine = "CẢNH BÁO: ý kiến duyệt nhận qua thư điện tử KHÔNG được xác thực người gửi, có thể là thư giả mạo"

// builtLine tells when the workbook was made: "Lập lúc 08:30 ngày 21/11/2026".
func builtLine(t time.Time, loc *time.Location) string {
	return "Lập lúc " + status.FormatDateTime(t.In(loc))
}

// deadlineLine gives the period's deadline for units: "Thời hạn gửi: 17:00 ngày 20/11/2026,
// thứ Sáu".
func deadlineLine(t time.Time, loc *time.Location) string {
	return "Thời hạn gửi: " + status.FormatDeadline(t.In(loc))
}

// statusAsOf tells when the status was taken.
func statusAsOf(t time.Time, loc *time.Location) string {
	return "Tính đến " + status.FormatDateTime(t.In(loc))
}

// missingLine lists the units without figures: "Chưa có số liệu: Phòng A, Phòng B."
func missingLine(names []string) string {
	return "Chưa có số liệu: " + strings.Join(names, ", ") + "."
}

// waitingLine lists units whose file is not counted yet, and why: "Chưa tổng hợp, chờ ý kiến
// lãnh đạo phụ trách: Phòng A, Phòng B."
func waitingLine(why string, names []string) string {
	return "Chưa tổng hợp, " + why + ": " + strings.Join(names, ", ") + "."
}

// warningLine is one of the clerk's warnings, named by unit when it is about one.
func warningLine(unitName, message string) string {
	if unitName == "" {
		return "- " + message
	}
	return "- " + unitName + ": " + message
}

// listsOnSummary points from the long detail sheet to a list table on the summary.
func listsOnSummary(title string) string {
	return "Bảng “" + title + "” của tất cả đơn vị: xem trang “" + sheetSummary + "”, cột “" + hdrUnit + "”."
}

// unitTitle heads a unit's detail sheet.
func unitTitle(name, code string) string {
	if name == "" || name == code {
		return "Đơn vị: " + code
	}
	return "Đơn vị: " + name + " (" + code + ")"
}

// stateText is the status column: "đúng hạn", "quá hạn 2 ngày 3 giờ", "chưa gửi, quá hạn 1
// ngày".
func stateText(label string, reported bool, late time.Duration) string {
	switch {
	case late <= 0:
		return label
	case reported:
		return label + " " + status.DelayText(late)
	}
	return label + ", quá hạn " + status.DelayText(late)
}

// unitStateLine sums up a unit's status on its detail sheet: "Tình trạng: đúng hạn; được
// tính: lần gửi thứ 2".
func unitStateLine(state string, version int) string {
	s := "Tình trạng: " + state
	if version > 0 {
		s += "; được tính: " + status.Resubmission(version)
	}
	return s
}

// reminderText is one reminder: "Nhắc hạn lần 1: 07:30 ngày 19/11", "Đôn đốc lần 2: 07:30
// ngày 24/11 (đồng gửi lãnh đạo)".
func reminderText(kind string, n int, at time.Time, cc []string) string {
	name := map[string]string{"reminder": "Nhắc hạn", "nag": "Đôn đốc"}[kind]
	if name == "" {
		name = kind
	}
	s := fmt.Sprintf("%s lần %d: %s ngày %s", name, n, status.FormatClock(at), status.FormatDayMonth(at))
	if len(cc) > 0 {
		s += " (đồng gửi " + strings.Join(cc, ", ") + ")"
	}
	return s
}

// rateCount is the count next to a rate: "3/4 đơn vị".
func rateCount(n, of int) string { return fmt.Sprintf("%d/%d đơn vị", n, of) }

// headerText and footerText are the printed page header and footer (Excel header codes:
// &L left, &R right, &P page, &N pages; a literal & is written &&): "BM.02.01/KH — Tháng
// 11/2026" on the left, the state on the right; period is the period's label.
func headerText(code, period, state string) string {
	// Excel refuses a header of more than 255 characters; a form code is never near that.
	esc := func(s string) string { return strings.ReplaceAll(cutUTF16(s, 60), "&", "&&") }
	return "&L" + esc(code) + " — " + esc(period) + "&R" + esc(state)
}

const footerText = "&CTrang &P/&N"

// docTitle, docSubject and docKeywords are the workbook's document properties; period is the
// period's label ("Tháng 11/2026").
func docTitle(formTitle, periodLabel string) string {
	return "Tổng hợp " + formTitle + " — " + periodLabel
}

func docSubject(code, period string) string {
	return "Báo cáo tổng hợp biểu mẫu " + code + ", " + lowerFirst(period)
}

func docKeywords(code, period string) string {
	return code + "; " + period
}

// Where a year to date or last year's figure comes from (package consolidate's Basis): the
// notes under each summary table and the source columns of the units' details.

// basisLabel is a unit's figure's source in its detail row.
func basisLabel(b consolidate.Basis) string {
	switch b {
	case consolidate.BasisLedger:
		return "Sổ theo dõi (các kỳ đã gửi)"
	case consolidate.BasisImported:
		return "Sổ theo dõi, có số liệu nhập từ tệp"
	case consolidate.BasisTyped:
		return "Đơn vị tự ghi"
	case consolidate.BasisMissing:
		return "Chưa có"
	}
	return ""
}

// ytdHow and lastYearHow say, after "của <đơn vị>", where their figures come from.
func ytdHow(b consolidate.Basis) string {
	switch b {
	case consolidate.BasisLedger:
		return "cộng từ số liệu các kỳ đơn vị đã gửi"
	case consolidate.BasisImported:
		return "cộng từ số liệu các kỳ trong sổ theo dõi, có kỳ lấy từ tệp số liệu đã nhập, xem trang “" + sheetProvenance + "”"
	case consolidate.BasisTyped:
		return "theo số liệu đơn vị tự báo cáo, do sổ theo dõi chưa có đủ số liệu các kỳ trước"
	case consolidate.BasisMissing:
		return "chưa có vì sổ theo dõi chưa có đủ số liệu các kỳ trước và đơn vị cũng không ghi, nên lũy kế tổng hợp của các chỉ tiêu đó để trống"
	}
	return ""
}

func lastYearHow(b consolidate.Basis) string {
	switch b {
	case consolidate.BasisLedger:
		return "theo báo cáo cùng kỳ đơn vị đã gửi"
	case consolidate.BasisImported:
		return "theo số liệu đã nhập từ tệp, xem trang “" + sheetProvenance + "”"
	case consolidate.BasisTyped:
		return "theo số liệu đơn vị tự báo cáo"
	case consolidate.BasisMissing:
		return "chưa có số liệu, nên số tổng hợp cùng kỳ của các chỉ tiêu đó để trống"
	}
	return ""
}

// lowerFirst lowers the first letter of a label inside a sentence ("tháng 11/2026").
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// Subjects of the notes.
const (
	noteYTD      = "Lũy kế từ đầu năm"
	noteLastYear = "Cùng kỳ năm trước"
)

// basisNote is one note: "Lũy kế từ đầu năm của Phòng A, Phòng B (chỉ tiêu 2) theo số liệu
// đơn vị tự báo cáo; của Phòng C cộng từ số liệu các kỳ đơn vị đã gửi." all says every unit's
// figures have the one basis of parts.
func basisNote(subject string, parts []notePart, all bool) string {
	if all && len(parts) == 1 {
		return subject + " của tất cả các đơn vị " + parts[0].how + "."
	}
	clauses := make([]string, len(parts))
	for i, p := range parts {
		clauses[i] = "của " + strings.Join(p.units, ", ") + " " + p.how
	}
	return subject + " " + strings.Join(clauses, "; ") + "."
}

// notePart is the units whose figures have one basis, each named as unitWithCodes does.
type notePart struct {
	units []string
	how   string
}

// unitWithCodes names a unit in a note, with the indicators concerned when not all of them.
func unitWithCodes(name string, codes []string, all bool) string {
	if all {
		return name
	}
	return name + " (chỉ tiêu " + strings.Join(codes, ", ") + ")"
}

// Provenance of imported figures.
const (
	titleHistory     = "SỐ LIỆU CÁC KỲ TRƯỚC NHẬP TỪ TỆP"
	hdrHistoryPeriod = "Kỳ"
	hdrImportedAt    = "Thời điểm nhập"
	hdrImportKind    = "Loại tệp"
	hdrImportedBy    = "Người nhập"
)

// importKindLabel names the kind of an imported file.
func importKindLabel(kind string) string {
	switch kind {
	case consolidate.ImportPastWorkbook:
		return "Báo cáo cũ của đơn vị"
	case consolidate.ImportOpening:
		return "Bảng số liệu đầu kỳ"
	}
	return kind
}

// groupsNote says which units a row limited to groups counts: "Tính từ 14/16 UBND các
// phường"; without the groups' names, "Tính từ 14/16 đơn vị thuộc nhóm được giao".
func groupsNote(counted, expected int, names []string) string {
	who := "đơn vị thuộc nhóm được giao"
	if len(names) > 0 {
		who = strings.Join(names, " và ")
	}
	return fmt.Sprintf("Tính từ %d/%d %s", counted, expected, who)
}

// groupNames are the names people read of groups, in the row's order; nil when one has none
// (a key such as "phuong" is not shown).
func groupNames(keys []string, names map[string]string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		n, ok := names[k]
		if !ok || n == "" {
			return nil
		}
		out = append(out, n)
	}
	return out
}
