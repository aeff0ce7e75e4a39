package letters

import (
	"time"

	"github.com/tonghop/tonghop/form"
)

// The catalogue's letters to units: templates, reminders, nags, receipts and every rejection.

func unitLetters() []entry {
	tpl := func(edit func(*Template)) Letter {
		d := Template{Office: office, Contact: contactHa, Unit: qldn, Request: weekly, FileName: weeklyFile}
		if edit != nil {
			edit(&d)
		}
		return TemplateLetter(d)
	}
	nag := func(copied Person) Letter {
		return NagLetter(Nag{Office: office, Contact: contactHa, Unit: qhxd, Request: monthly, Now: day(20, 8, 0),
			FileName: "BM.02.01-KH_2026-11_QHXD.xlsx", Copied: copied})
	}
	receipt := func(edit func(*Receipt)) Letter {
		d := Receipt{Office: office, Contact: contactHa, Unit: qldn, Request: weekly, Files: []string{weeklyFile},
			Version: 1, ReceivedAt: day(18, 10, 20),
			Items: []ReceiptItem{{File: weeklyFile, Request: weekly, Version: 1, Rows: 6}}}
		if edit != nil {
			edit(&d)
		}
		return ReceiptLetter(d)
	}
	return []entry{
		{name: "unit-template", letter: tpl(nil)},
		{name: "unit-template-monthly", letter: tpl(func(d *Template) {
			d.Request, d.FileName = monthly, monthlyFile
			d.Note = "Đề nghị các đơn vị lưu ý nội dung trình Trưởng Ban trong kỳ."
		})},
		{name: "unit-template-midnight", letter: tpl(func(d *Template) {
			d.Request, d.FileName = quarterly, "BM.03.01-KH_2026-Q4_QLDN.xlsx"
		})},
		{name: "unit-template-resent", letter: tpl(func(d *Template) { d.Resent = true })},
		{name: "unit-template-no-deadline", letter: TemplateLetter(Template{Office: office, Unit: qldn,
			Request: Request{FormTitle: "Báo cáo kết quả thực hiện nhiệm vụ", Period: "Năm 2026"}})},
		{name: "unit-template-late-today", letter: tpl(func(d *Template) { d.Late, d.Now = true, day(19, 9, 30) })},
		{name: "unit-template-late-tomorrow", letter: tpl(func(d *Template) { d.Late, d.Now = true, day(18, 7, 30) })},
		{name: "unit-template-late-past", letter: tpl(func(d *Template) { d.Late, d.Now = true, day(19, 16, 0) })},
		{name: "unit-reminder", letter: ReminderLetter(Reminder{Office: office, Contact: contactHa, Unit: qhxd, Request: monthly,
			Now: day(16, 8, 0), FileName: "BM.02.01-KH_2026-11_QHXD.xlsx"})},
		{name: "unit-reminder-midnight", letter: ReminderLetter(Reminder{Office: office, Contact: contactHa, Unit: qhxd,
			Request: quarterly, Now: time.Date(2026, 12, 15, 8, 0, 0, 0, hanoi)})},
		{name: "unit-nag", letter: nag(Person{})},
		{name: "unit-nag-copied", letter: nag(phoBanBinh)},
		{name: "unit-nag-no-deadline", letter: NagLetter(Nag{Office: office, Unit: qhxd,
			Request: Request{FormTitle: "Báo cáo kết quả thực hiện nhiệm vụ", Period: "Tháng 11/2026"}})},
		{name: "unit-receipt", letter: receipt(nil)},
		{name: "unit-receipt-resent-late", letter: receipt(func(d *Receipt) {
			d.Version, d.ReceivedAt = 2, day(19, 15, 35)
			d.Items[0].Version = 2
			d.Warnings = []form.Problem{{Sheet: "Chương trình", Cell: "F9",
				Message: "Ô F9, Thời gian hoàn thành: “5/12” được hiểu là ngày 05/12/2026; nếu không đúng, đề nghị đơn vị sửa lại."}}
		})},
		{name: "unit-receipt-indicators", letter: receipt(func(d *Receipt) {
			d.Request, d.Files = monthly, []string{monthlyFile}
			d.Items = []ReceiptItem{{File: monthlyFile, Request: monthly, Version: 1, Indicators: 12, Rows: 4}}
		})},
		{name: "unit-receipt-two-files", letter: receipt(func(d *Receipt) {
			d.Files = []string{weeklyFile, monthlyFile}
			d.ReceivedAt = day(19, 9, 15)
			d.Items = []ReceiptItem{{File: weeklyFile, Request: weekly, Version: 2, Rows: 6},
				{File: monthlyFile, Request: monthly, Version: 1, Indicators: 12}}
		})},
		{name: "unit-receipt-after-close", letter: receipt(func(d *Receipt) {
			d.Request, d.Files, d.ReceivedAt = monthly, []string{monthlyFile}, day(25, 9, 0)
			d.Items = []ReceiptItem{{File: monthlyFile, Request: monthly, Version: 3, Indicators: 12, Closed: true,
				Issued: &Issued{At: day(20, 10, 30), Version: 3}}}
		})},
	}
}

// rejections is one letter for every reason a unit's mail is not accepted.
func rejections() []entry {
	reject := func(r RejectReason, edit func(*Rejection)) Letter {
		d := Rejection{Office: office, Contact: contactHa, Unit: qhxd, Request: monthly, Reason: r,
			Files: []string{"BM.02.01-KH_2026-11_QHXD.xlsx"}, ReceivedAt: day(17, 10, 42),
			OriginalSubject: "Re: Đề nghị gửi: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 – hạn 18/11/2026 [BM.02.01/KH]"}
		if edit != nil {
			edit(&d)
		}
		return RejectionLetter(d)
	}
	return []entry{
		{name: "unit-rejection-errors", letter: reject(RejectInvalid, func(d *Rejection) {
			d.Problems, d.Warnings = cellErrors, []form.Problem{cellWarning}
		})},
		{name: "unit-rejection-errors-late", letter: reject(RejectInvalid, func(d *Rejection) {
			d.Problems, d.ReceivedAt = cellErrors[:1], day(19, 8, 0)
		})},
		{name: "unit-rejection-errors-many", letter: reject(RejectInvalid, func(d *Rejection) {
			for i := range 60 {
				d.Problems = append(d.Problems, form.Problem{Sheet: "Nhiệm vụ", Cell: "C" + itoa(7+i),
					Message: "Ô C" + itoa(7+i) + ", Đơn vị chủ trì: chưa nhập; đây là nội dung bắt buộc."})
			}
		})},
		{name: "unit-rejection-errors-two-files", letter: reject(RejectInvalid, func(d *Rejection) {
			d.Files = []string{"BM.02.01-KH_2026-11_QHXD.xlsx", "BM.04.01-KH_2026-W48_QHXD.xlsx"}
			d.Problems = []form.Problem{
				{Sheet: "Chỉ tiêu", Message: InFile(d.Files[0], cellErrors[0].Message)},
				{Sheet: "Chương trình", Message: InFile(d.Files[1], "Ô C8, Đơn vị chủ trì: chưa nhập; đây là nội dung bắt buộc.")},
			}
		})},
		{name: "unit-rejection-no-subject", letter: reject(RejectInvalid, func(d *Rejection) {
			d.Problems, d.OriginalSubject, d.ReceivedAt = cellErrors[2:3], "", time.Time{}
		})},
		{name: "unit-rejection-no-workbook", letter: reject(RejectNoWorkbook, func(d *Rejection) {
			d.Files, d.Request, d.Problems = nil, Request{}, NoWorkbookProblems(nil)
		})},
		{name: "unit-rejection-pdf", letter: reject(RejectNoWorkbook, func(d *Rejection) {
			d.Files, d.Problems = []string{"Báo cáo tháng 11.pdf"}, NoWorkbookProblems([]AttachedFile{{"Báo cáo tháng 11.pdf", "pdf"}})
		})},
		{name: "unit-rejection-xls", letter: reject(RejectNoWorkbook, func(d *Rejection) {
			d.Files, d.Problems = []string{"BC thang 11.xls"}, NoWorkbookProblems([]AttachedFile{{"BC thang 11.xls", "xls"}})
		})},
		{name: "unit-rejection-ods", letter: reject(RejectNoWorkbook, func(d *Rejection) {
			d.Files, d.Problems = []string{"bao-cao.ods"}, NoWorkbookProblems([]AttachedFile{{"bao-cao.ods", "ods"}})
		})},
		{name: "unit-rejection-zip", letter: reject(RejectNoWorkbook, func(d *Rejection) {
			d.Files, d.Problems = []string{"bao-cao.zip"}, NoWorkbookProblems([]AttachedFile{{"bao-cao.zip", "zip"}})
		})},
		{name: "unit-rejection-unreadable", letter: reject(RejectUnreadable, func(d *Rejection) {
			d.Problems = []form.Problem{ProblemUnreadable()}
		})},
		{name: "unit-rejection-encrypted", letter: reject(RejectUnreadable, func(d *Rejection) {
			d.Files = []string{"bao-cao.zip"}
			d.Problems = []form.Problem{ProblemEncrypted("BM.02.01-KH_2026-11_QHXD.xlsx", "bao-cao.zip")}
		})},
		{name: "unit-rejection-unknown-form", letter: reject(RejectUnknownForm, func(d *Rejection) {
			d.Request, d.Files = Request{}, []string{"Bao cao tu lap.xlsx"}
		})},
		{name: "unit-rejection-wrong-period", letter: reject(RejectWrongPeriod, func(d *Rejection) { d.FoundPeriod = "Tháng 10/2026" })},
		{name: "unit-rejection-wrong-unit", letter: reject(RejectWrongUnit, func(d *Rejection) { d.FoundUnit = qldn })},
		{name: "unit-rejection-too-large", letter: reject(RejectTooLarge, func(d *Rejection) {
			d.Size, d.MaxSize, d.Request, d.Files = 33<<20, 30<<20, Request{}, nil
		})},
		{name: "unit-rejection-too-many-files", letter: reject(RejectTooManyFiles, func(d *Rejection) {
			d.Count, d.MaxCount, d.Request, d.Files = 31, 20, Request{}, nil
		})},
		{name: "unit-rejection-other-template", letter: reject(RejectOtherTemplate, func(d *Rejection) {
			d.Template = "BM.02.01-KH_2026-11_QHXD.xlsx"
			d.Problems = []form.Problem{{Code: "template_other_key", Message: "Tệp được lập từ tệp mẫu cũ hoặc tệp mẫu " +
				"của cơ quan khác, không phải tệp mẫu hiện hành đã gửi cho đơn vị."}}
		})},
		{name: "unit-rejection-by-person", letter: reject(RejectInvalid, func(d *Rejection) {
			d.Unit = "Đinh Thu Hà"
			d.Problems = []form.Problem{ProblemNotForPerson("Đinh Thu Hà", "QLMT", "Phòng Quản lý môi trường")}
		})},
	}
}

// cellErrors are errors as the check of a workbook reports them, in the register the templates'
// messages keep: the cell, the column, what is wrong, what to do.
var (
	cellErrors = []form.Problem{
		{Sheet: "Chỉ tiêu", Cell: "E9", Message: "Ô E9, Thực hiện kỳ báo cáo, chỉ tiêu 1 “Số dự án thu hút mới”: 15 khác " +
			"tổng các chỉ tiêu thành phần 1.1, 1.2 là 13; đề nghị kiểm tra lại."},
		{Sheet: "Nhiệm vụ", Cell: "F7", Message: "Ô F7, Thời hạn hoàn thành: “31/11/2026” không phải ngày hợp lệ; " +
			"nhập ngày dạng ngày/tháng/năm, ví dụ 18/11/2026."},
		{Sheet: "Nhiệm vụ", Cell: "C8", Message: "Ô C8, Đơn vị chủ trì: chưa nhập; đây là nội dung bắt buộc."},
		{Sheet: "Nội dung báo cáo", Message: "Mục “I. Kết quả thực hiện nhiệm vụ” chưa có nội dung; đây là mục bắt buộc."},
	}
	cellWarning = form.Problem{Sheet: "Chỉ tiêu", Cell: "D12", Message: "Ô D12, Kế hoạch năm, chỉ tiêu 3 “Vốn đầu tư " +
		"đăng ký”: “1.234,5” được hiểu là 1234,5; nếu không đúng, đề nghị sửa lại."}
)

func itoa(n int) string { return FormatNumber(int64(n)) }
