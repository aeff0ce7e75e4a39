package letters

import (
	"fmt"
	"strings"
)

// Part A (figures): the opening-figures workbook the Planning Office fills with the figures
// of the periods before it went live (package history), and the problems found in it.

// Opening holds what the workbook's texts name.
type Opening struct {
	Office      string // "Ban Quản lý các khu công nghiệp tỉnh …"
	FormCode    string // "BM.02.01/KH"
	FormTitle   string
	FormVersion int
	Column      string // the title of the column whose figures are asked: "Thực hiện kỳ báo cáo"
	From, To    string // the first and last period of the workbook: "Tháng 01/2025"
	Current     string // the first period reported from the ledger: "Tháng 11/2026"
	Sheets      []string
}

// Sheet names and fixed texts of the opening-figures workbook.
const (
	OpeningCoverSheet = "Hướng dẫn"
	OpeningTitle      = "BẢNG SỐ LIỆU CÁC KỲ TRƯỚC"
	OpeningUnitCode   = "Mã đơn vị"
	OpeningUnit       = "Đơn vị"
	OpeningCode       = "Mã số"
	OpeningIndicator  = "Chỉ tiêu"
	OpeningMeasure    = "Đơn vị tính"
)

// OpeningCover is the cover sheet: what the workbook is for, label → text lines first, then
// the steps.
func OpeningCover(o Opening) (facts [][2]string, steps []string) {
	facts = [][2]string{
		{"Biểu mẫu", o.FormCode + " – " + o.FormTitle},
		{"Số liệu các kỳ", "Từ " + lowerFirst(o.From) + " đến " + lowerFirst(o.To)},
		{"Kỳ đầu tiên tổng hợp từ báo cáo đơn vị gửi", o.Current},
	}
	quoted := make([]string, len(o.Sheets))
	for i, s := range o.Sheets {
		quoted[i] = "“" + s + "”"
	}
	steps = []string{
		"Bảng này đưa vào sổ tổng hợp số liệu các kỳ trước khi bắt đầu nhận báo cáo qua thư điện tử, " +
			"để lũy kế từ đầu năm và số liệu cùng kỳ năm trước được tính đúng ngay từ báo cáo đầu tiên.",
		fmt.Sprintf("Trên trang tính %s, mỗi dòng là một chỉ tiêu của một đơn vị, mỗi cột là một kỳ. "+
			"Ghi số liệu “%s” của đơn vị trong kỳ đó, lấy từ báo cáo đơn vị đã gửi.", strings.Join(quoted, ", "), o.Column),
		"Để trống ô của kỳ chưa có số liệu; ghi 0 nếu trong kỳ đơn vị không phát sinh. Ô để trống không được " +
			"coi là 0: khi sổ thiếu số liệu một kỳ, lũy kế của đơn vị lấy theo số đơn vị tự ghi trong báo cáo.",
		"Số thập phân ghi dấu phẩy (ví dụ 1.234,5) hoặc nhập trực tiếp dạng số.",
		"Không thêm, xóa hay đổi thứ tự các cột, không sửa mã đơn vị và mã chỉ tiêu, không xóa các dòng, " +
			"trang tính ẩn. Có thể sắp xếp hoặc lọc các dòng.",
		"Số liệu nhập sau thay thế số liệu nhập trước của cùng đơn vị, chỉ tiêu và kỳ. Báo cáo đơn vị gửi " +
			"qua thư điện tử luôn được dùng thay cho số liệu nhập của cùng kỳ.",
	}
	return facts, steps
}

// OpeningSheetTitle heads an indicator table's sheet.
func OpeningSheetTitle(table string) string { return OpeningTitle + " — " + strings.ToUpper(table) }

// OpeningSheetHint is the line under the title of an indicator table's sheet.
func OpeningSheetHint(o Opening) string {
	return fmt.Sprintf("Biểu mẫu %s. Ghi số liệu “%s” của từng đơn vị, từng kỳ; để trống kỳ chưa có số liệu, ghi 0 nếu không phát sinh.",
		o.FormCode, o.Column)
}

// OpeningField names a figure's cell in a problem: "Tháng 01/2026 – chỉ tiêu 1.1 (Dự án đầu
// tư trong nước) của Phòng Quản lý đầu tư".
func OpeningField(periodLabel, code, name, unit string) string {
	return fmt.Sprintf("%s – chỉ tiêu %s (%s) của %s", periodLabel, code, name, unit)
}

// Stable codes of the problems of an opening-figures workbook.
const (
	CodeOpeningTag       = "opening_tag_mismatch"
	CodeOpeningForm      = "opening_unknown_form"
	CodeOpeningPeriod    = "opening_bad_period"
	CodeOpeningSheet     = "opening_missing_sheet"
	CodeOpeningHeader    = "opening_missing_header"
	CodeOpeningColumn    = "opening_bad_column"
	CodeOpeningUnit      = "opening_unknown_unit"
	CodeOpeningCode      = "opening_unknown_indicator"
	CodeOpeningDuplicate = "opening_duplicate_row"
	CodeOpeningTooMany   = "opening_too_many_problems"
	CodeOpeningEmpty     = "opening_no_figures"
	CodeOpeningNoKey     = "opening_row_without_codes"
	CodeOpeningSubtotal  = "opening_subtotal_mismatch"
)

// ProblemOpeningTag: the identification does not match the office's key.
func ProblemOpeningTag() string {
	return "Thông tin nhận dạng của bảng số liệu các kỳ trước không khớp: bảng không do hệ thống lập " +
		"hoặc đã bị sửa. Đề nghị lập bảng mới và điền lại số liệu."
}

// ProblemOpeningForm: a form the office does not have.
func ProblemOpeningForm(code string) string {
	return fmt.Sprintf("Bảng số liệu các kỳ trước lập cho biểu mẫu “%s”, biểu mẫu này không có trong danh mục biểu mẫu.", code)
}

// ProblemOpeningPeriod: the period in the identification is not one of the form's.
func ProblemOpeningPeriod(text, code string) string {
	return fmt.Sprintf("Kỳ “%s” ghi trong thông tin nhận dạng không phải kỳ báo cáo của biểu mẫu %s.", text, code)
}

// ProblemOpeningSheet: the sheet of an indicator table is gone.
func ProblemOpeningSheet(table string) string {
	return fmt.Sprintf("Không tìm thấy trang tính số liệu của bảng “%s”: dòng ẩn đầu trang tính hoặc cả trang tính đã bị xóa.", table)
}

// ProblemOpeningHeader: the header row of a sheet is gone.
func ProblemOpeningHeader() string {
	return "Không tìm thấy dòng tiêu đề có cột “" + OpeningUnitCode + "” trên trang tính."
}

// ProblemOpeningColumn: a column's hidden period code is not one of the workbook's periods.
func ProblemOpeningColumn(text string) string {
	return fmt.Sprintf("Cột có mã kỳ “%s” không thuộc các kỳ của bảng, do dòng ẩn đầu trang tính đã bị sửa; số liệu cột này không được nhập.", text)
}

// ProblemOpeningColumnTwice: two columns carry the same period.
func ProblemOpeningColumnTwice(label, first string) string {
	return fmt.Sprintf("Kỳ %s đã có ở cột %s; số liệu cột này không được nhập.", lowerFirst(label), first)
}

// ProblemOpeningUnit: a row of a unit that does not report on the form.
func ProblemOpeningUnit(code, formCode string) string {
	return fmt.Sprintf("Mã đơn vị “%s” không phải đơn vị báo cáo biểu mẫu %s.", code, formCode)
}

// ProblemOpeningIndicator: a row of an indicator the table does not have.
func ProblemOpeningIndicator(code, table string) string {
	return fmt.Sprintf("Mã chỉ tiêu “%s” không có trong bảng “%s”.", code, table)
}

// ProblemOpeningDuplicate: a unit's indicator given on two rows.
func ProblemOpeningDuplicate(unit, code string, first int) string {
	return fmt.Sprintf("Chỉ tiêu %s của đơn vị %s đã có ở dòng %d; dòng này không được nhập.", code, unit, first)
}

// ProblemOpeningTooMany: reading stopped after so many problems.
func ProblemOpeningTooMany(n int) string {
	return "Bảng có quá nhiều lỗi; chỉ liệt kê " + count(n) + " lỗi đầu tiên. Đề nghị kiểm tra lại bảng."
}

// ProblemOpeningEmpty: a workbook without a single figure.
func ProblemOpeningEmpty() string {
	return "Bảng chưa có số liệu nào."
}

// ProblemOpeningNoKey: figures on a row without a unit or an indicator code.
func ProblemOpeningNoKey() string {
	return "Dòng có số liệu nhưng thiếu mã đơn vị hoặc mã chỉ tiêu; số liệu dòng này không được nhập."
}

// ProblemOpeningSubtotal: a subtotal that is not the sum of its indicators, in one period.
func ProblemOpeningSubtotal(cell, field, total string, children []string, sum string) string {
	return fmt.Sprintf("Ô %s, %s: số tổng là %s, khác tổng các chỉ tiêu %s là %s.", cell, field, total, strings.Join(children, ", "), sum)
}

// Problems of a unit's past workbook brought in as history, beyond those of its judgement.
const (
	CodeImportUnitUnknown   = "import_unit_unknown"
	CodeImportPeriodUnknown = "import_period_unknown"
	CodeImportPeriodDiffers = "import_period_differs"
	CodeImportNoFigures     = "import_no_figures"
)

// ProblemImportUnitUnknown: the file no longer names its unit.
func ProblemImportUnitUnknown() string {
	return "Tệp không còn ghi mã đơn vị nên không xác định được là báo cáo của đơn vị nào; cần cho biết đơn vị của tệp khi nhập."
}

// ProblemImportPeriodUnknown: neither the file nor its name says its period.
func ProblemImportPeriodUnknown() string {
	return "Tệp không còn ghi kỳ báo cáo và tên tệp không cho biết kỳ nào; cần cho biết kỳ của tệp khi nhập."
}

// ProblemImportPeriodDiffers: the file is of another period than the one given.
func ProblemImportPeriodDiffers(file, given string) string {
	return fmt.Sprintf("Tệp là báo cáo %s, không phải %s như đã cho biết khi nhập.", file, given)
}

// ProblemImportNoFigures: a workbook without any indicator figure.
func ProblemImportNoFigures() string {
	return "Tệp không có số liệu chỉ tiêu nào để nhập: biểu mẫu không có bảng chỉ tiêu, hoặc các ô để trống."
}
