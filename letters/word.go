package letters

import (
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/form"
)

// Issue 20, part W: what a unit reads about the Word report (.docx) it sent for a form whose
// content is narrative: why the file was not read, which report and period it was taken for,
// and each section of the form the document lacks or leaves empty, named as the form names it
// ("mục “II.1. Kết quả nổi bật”"), as a workbook's problems name the cell.

// Codes of the problems of a Word report.
const (
	CodeWordRefused       = "word_refused"
	CodeWordNoForm        = "word_no_narrative_form"
	CodeWordNeedsWorkbook = "word_needs_workbook"
	CodeWordFormUnclear   = "word_form_unclear"
	CodeWordPeriod        = "word_period"
	CodeSectionMissing    = "word_section_missing"
	CodeSectionEmpty      = "word_section_empty"
	CodeSectionTooLong    = "word_section_too_long"
	CodeSectionRetitled   = "word_section_retitled"
	CodeSectionExtra      = "word_section_extra"
	CodeWordWholeBody     = "word_whole_body"
)

// WordRefusal says why a Word file was not read.
type WordRefusal int

// Reasons a Word file is not read.
const (
	WordUnreadable WordRefusal = iota // damaged, or not a Word document
	WordTooLarge                      // over the size budgets
	WordTooComplex                    // nested too deep, too many parts
	WordMacros                        // macros or active content
	WordExternal                      // links to outside files or addresses
	WordEmbedded                      // embedded objects or documents
)

// ProblemWordRefused: a Word file that is not read, and what to do.
func ProblemWordRefused(name string, why WordRefusal) form.Problem {
	const safe = " nên hệ thống không tiếp nhận, để bảo đảm an toàn thông tin."
	file := "Tệp Word " + quoted(name)
	msg := map[WordRefusal]string{
		WordUnreadable: "Không đọc được tệp Word " + quoted(name) + ": tệp bị hỏng hoặc không phải văn bản Word (.docx). " +
			"Đề nghị đơn vị mở tệp bằng Microsoft Word hoặc LibreOffice Writer, lưu lại ở định dạng Word (.docx) rồi gửi lại.",
		WordTooLarge: file + " quá lớn để hệ thống đọc. Đề nghị đơn vị bỏ bớt hình ảnh, chỉ giữ phần nội dung báo cáo " +
			"rồi gửi lại.",
		WordTooComplex: file + " có cấu trúc quá phức tạp (nhiều tầng lồng nhau) nên hệ thống không đọc được. Đề nghị " +
			"đơn vị sao chép nội dung sang một văn bản mới, lưu ở định dạng Word (.docx) rồi gửi lại.",
		WordMacros: file + " có chứa macro hoặc mã lệnh tự động" + safe + " Đề nghị đơn vị lưu lại văn bản ở định dạng " +
			"Word thông thường (.docx, không phải .docm) rồi gửi lại.",
		WordExternal: file + " có liên kết tới tệp hoặc địa chỉ bên ngoài văn bản" + safe + " Đề nghị đơn vị bỏ các " +
			"liên kết đó, dán trực tiếp nội dung và hình ảnh vào văn bản rồi gửi lại.",
		WordEmbedded: file + " có nhúng đối tượng hoặc tệp khác (bảng tính, văn bản nhúng…)" + safe + " Đề nghị đơn vị " +
			"dán trực tiếp nội dung vào văn bản thay cho đối tượng nhúng rồi gửi lại.",
	}[why]
	return form.Problem{Code: CodeWordRefused, Field: name, Message: msg}
}

// ProblemWordNoForm: a unit sent a Word file, but none of its reports is written in words alone.
func ProblemWordNoForm(name, unit string) form.Problem {
	return form.Problem{Code: CodeWordNoForm, Field: name, Message: "Tệp Word " + quoted(name) + " chưa được tiếp " +
		"nhận: hệ thống chỉ nhận văn bản Word (.docx) đối với báo cáo bằng lời văn, gồm các mục nội dung; các báo cáo của " +
		unitName(unit) + " được lập trên tệp mẫu Excel. Đề nghị đơn vị điền tệp mẫu Excel đã nhận rồi gửi lại."}
}

// ProblemWordNeedsWorkbook: the Word file is for a form that also holds figures.
func ProblemWordNeedsWorkbook(code, title string) form.Problem {
	return form.Problem{Code: CodeWordNeedsWorkbook, Field: code, Message: "Báo cáo theo biểu mẫu " + code + " (" +
		title + ") có phần số liệu nên phải gửi bằng tệp mẫu Excel, không gửi bằng văn bản Word. Đề nghị đơn vị " +
		"nhập số liệu và nội dung vào tệp mẫu Excel đã nhận rồi gửi lại."}
}

// ProblemWordFormUnclear: the Word file could be the report of several forms.
func ProblemWordFormUnclear(name string, titles []string) form.Problem {
	q := make([]string, len(titles))
	for i, t := range titles {
		q[i] = quoted(t)
	}
	return form.Problem{Code: CodeWordFormUnclear, Field: name, Message: "Không xác định được tệp Word " + quoted(name) +
		" là báo cáo nào trong các báo cáo " + strings.Join(q, ", ") + ". Đề nghị đơn vị ghi rõ tên báo cáo ở phần " +
		"tiêu đề văn bản, hoặc ghi mã biểu mẫu ở tiêu đề thư, rồi gửi lại."}
}

// PeriodSource says where a Word report's period was found.
type PeriodSource int

// Where a Word report's period is found, in the order looked at.
const (
	PeriodInDocument PeriodSource = iota // the title and summary of the document
	PeriodInSubject                      // the mail's subject
	PeriodInFileName                     // the file's name
	PeriodCollected                      // none: the period being collected
)

// ProblemWordPeriod tells, in the receipt, which period a Word report was taken for and why.
func ProblemWordPeriod(label string, from PeriodSource) form.Problem {
	why := map[PeriodSource]string{
		PeriodInDocument: "theo kỳ báo cáo ghi ở phần tiêu đề văn bản",
		PeriodInSubject:  "theo kỳ báo cáo ghi ở tiêu đề thư",
		PeriodInFileName: "theo kỳ báo cáo ghi ở tên tệp",
		PeriodCollected:  "tức kỳ đang thu báo cáo, vì văn bản, tiêu đề thư và tên tệp đều không ghi kỳ báo cáo",
	}[from]
	return form.Problem{Code: CodeWordPeriod, Field: "period", Message: "Văn bản được ghi nhận là báo cáo " +
		lowerFirst(label) + ", " + why + "; nếu không đúng, đề nghị đơn vị ghi rõ kỳ báo cáo ở phần tiêu đề văn bản " +
		"(ví dụ “tháng 11 năm 2026”) rồi gửi lại."}
}

// ProblemSectionMissing: a required section of the form has no heading in the document.
func ProblemSectionMissing(key, title string) form.Problem {
	return form.Problem{Code: CodeSectionMissing, Field: key, Message: "Không tìm thấy mục " + quoted(title) +
		" trong văn bản; đây là mục bắt buộc. Đề nghị đơn vị đặt tiêu đề mục đúng số thứ tự và tên như biểu mẫu " +
		"rồi gửi lại."}
}

// ProblemSectionEmpty: a required section's heading has nothing under it.
func ProblemSectionEmpty(key, title, heading string) form.Problem {
	msg := "Mục " + quoted(title) + " chưa có nội dung; đây là mục bắt buộc."
	if heading != "" && heading != title {
		msg = "Mục " + quoted(title) + " (trong văn bản là " + quoted(heading) + ") chưa có nội dung; đây là mục bắt buộc."
	}
	return form.Problem{Code: CodeSectionEmpty, Field: key, Message: msg}
}

// ProblemSectionTooLong: a section is longer than the form allows.
func ProblemSectionTooLong(key, title string, n, maxLen int) form.Problem {
	return form.Problem{Code: CodeSectionTooLong, Field: key, Message: fmt.Sprintf(
		"Mục %s dài %s ký tự, vượt quá %s ký tự cho phép; đề nghị rút gọn.", quoted(title), count(n), count(maxLen))}
}

// ProblemSectionRetitled: a heading taken for a section by its number, its title being another.
func ProblemSectionRetitled(key, title, heading string) form.Problem {
	return form.Problem{Code: CodeSectionRetitled, Field: key, Message: "Mục " + quoted(heading) + " trong văn bản " +
		"được ghi nhận là mục " + quoted(title) + " của biểu mẫu; nếu không đúng, đề nghị đơn vị sửa tiêu đề mục rồi gửi lại."}
}

// ProblemSectionExtra: a part of the document the form has no section for.
func ProblemSectionExtra(heading string) form.Problem {
	return form.Problem{Code: CodeSectionExtra, Message: "Mục " + quoted(heading) + " không có trong biểu mẫu nên " +
		"nội dung của mục này không được đưa vào báo cáo tổng hợp."}
}

// ProblemWordWholeBody: a document without headings, for a form of one section.
func ProblemWordWholeBody(key, title string) form.Problem {
	return form.Problem{Code: CodeWordWholeBody, Field: key, Message: "Văn bản không có tiêu đề mục nên toàn bộ " +
		"nội dung được ghi nhận vào mục " + quoted(title) + "."}
}

// sectionsRead is "3 mục nội dung (I. …; III. …; IV. …)", what a Word report's receipt says it held.
func sectionsRead(titles []string) string {
	if len(titles) == 0 {
		return ""
	}
	return count(len(titles)) + " mục nội dung (" + strings.Join(titles, "; ") + ")"
}
