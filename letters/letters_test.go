package letters

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/status"
	"golang.org/x/text/unicode/norm"
)

var ict = time.FixedZone("ICT", 7*3600)

func at(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, ict) }

var (
	sampleOffice = Office{
		Name:  "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh",
		Phone: "0222 3822 123", Email: "tonghop@bqlkcn.example",
		Address: "Số 10 đường Lý Thái Tổ, phường Suối Hoa",
	}
	sampleContact = Contact{Name: "Nguyễn Thị Hoa", Title: "chuyên viên Văn phòng", Phone: "0912 345 678", Email: "hoa.nt@bqlkcn.example"}
	sampleRequest = Request{
		FormCode: "BM.04.01/KH", FormTitle: "Chương trình công tác trọng tâm",
		Period: "Tháng 11/2026", Deadline: at(18, 17, 0), // a Wednesday
	}
	weekRequest = Request{
		FormCode: "BM.04.01/KH", FormTitle: "Chương trình công tác trọng tâm",
		Period: "Tuần 47 (16/11 – 22/11/2026)", Deadline: at(19, 15, 0),
	}
	sampleUnit = "Phòng Quản lý doanh nghiệp"
	sampleFile = "BM.04.01-KH_QLDN_Tháng 11-2026.xlsx"
)

func problems(n int) []form.Problem {
	out := make([]form.Problem, n)
	for i := range out {
		out[i] = form.Problem{
			Sheet: "Chương trình", Cell: fmt.Sprintf("C%d", 7+i),
			Code: "required", Message: "Nội dung công việc không được để trống.",
		}
	}
	return out
}

// sampleLetters covers every letter and its variants.
func sampleLetters() map[string]Letter {
	rejection := func(r RejectReason, edit func(*Rejection)) Letter {
		d := Rejection{
			Office: sampleOffice, Contact: sampleContact, Unit: sampleUnit, Request: sampleRequest,
			Reason: r, Files: []string{sampleFile}, ReceivedAt: at(17, 9, 15),
			OriginalSubject: "Re: [BM.04.01/KH] Đề nghị gửi",
		}
		if edit != nil {
			edit(&d)
		}
		return RejectionLetter(d)
	}
	nag := func(title, name string) Letter {
		return NagLetter(Nag{Office: sampleOffice, Contact: sampleContact, Unit: sampleUnit, Request: sampleRequest,
			Now: at(20, 8, 0), Copied: Person{Title: title, Name: name}, FileName: sampleFile})
	}
	return map[string]Letter{
		"Template": TemplateLetter(Template{Office: sampleOffice, Contact: sampleContact, Unit: sampleUnit,
			Request: sampleRequest, FileName: sampleFile}),
		"TemplateWeekResent": TemplateLetter(Template{Office: Office{Desk: "Phòng Kế hoạch - Tổng hợp"}, Unit: sampleUnit,
			Request: weekRequest, FileName: sampleFile, Resent: true, Note: "Đề nghị các đơn vị lưu ý nội dung trình Trưởng Ban."}),
		"TemplateBare": TemplateLetter(Template{Request: Request{FormTitle: "Báo cáo kết quả thực hiện", Period: "Quý IV/2026"}}),
		"TemplateLateToday": TemplateLetter(Template{Office: sampleOffice, Unit: sampleUnit, Request: sampleRequest,
			FileName: sampleFile, Late: true, Now: at(18, 9, 30)}),
		"TemplateLateTomorrow": TemplateLetter(Template{Office: sampleOffice, Unit: sampleUnit, Request: sampleRequest,
			FileName: sampleFile, Late: true, Now: at(17, 7, 30)}),
		"TemplateLatePast": TemplateLetter(Template{Office: sampleOffice, Unit: sampleUnit, Request: sampleRequest,
			FileName: sampleFile, Late: true, Now: at(19, 7, 30)}),
		"ReceiptFirst": ReceiptLetter(Receipt{Office: sampleOffice, Contact: sampleContact, Unit: sampleUnit, Request: sampleRequest,
			Files: []string{sampleFile}, Version: 1, ReceivedAt: at(17, 9, 15)}),
		"ReceiptSecondLate": ReceiptLetter(Receipt{Office: sampleOffice, Unit: sampleUnit, Request: sampleRequest,
			Files: []string{sampleFile}, Version: 2, ReceivedAt: at(19, 9, 15),
			Warnings: []form.Problem{{Sheet: "Chương trình", Cell: "E7", Message: "Thời gian hoàn thành đã qua."}}}),
		"RejectInvalid":     rejection(RejectInvalid, func(d *Rejection) { d.Problems = problems(3) }),
		"RejectInvalidMany": rejection(RejectInvalid, func(d *Rejection) { d.Problems = problems(120) }),
		"RejectInvalidWarnings": rejection(RejectInvalid, func(d *Rejection) {
			d.Problems = problems(2)
			d.Warnings = []form.Problem{{Sheet: "Hướng dẫn", Cell: "C9", Code: "header_invalid",
				Message: "Ô C9 (Ngày báo cáo): “32/12/2026” không phải ngày hợp lệ."}}
		}),
		"RejectOtherTemplate": rejection(RejectOtherTemplate, func(d *Rejection) {
			d.Template = "BM.04.01-KH_2026-11_QLDN.xlsx"
			d.Problems = []form.Problem{{Code: "template_other_key", Message: "Tệp được lập từ tệp mẫu cũ hoặc tệp mẫu của cơ quan khác."}}
		}),
		"RejectInvalidLate":     rejection(RejectInvalid, func(d *Rejection) { d.Problems = problems(1); d.ReceivedAt = at(19, 8, 0) }),
		"RejectNoWorkbook":      rejection(RejectNoWorkbook, func(d *Rejection) { d.Files, d.Request = nil, Request{} }),
		"RejectNoWorkbookPDF":   rejection(RejectNoWorkbook, func(d *Rejection) { d.Files = []string{"Báo cáo.pdf"} }),
		"RejectUnreadable":      rejection(RejectUnreadable, nil),
		"RejectUnknownForm":     rejection(RejectUnknownForm, func(d *Rejection) { d.Request = Request{} }),
		"RejectWrongPeriod":     rejection(RejectWrongPeriod, func(d *Rejection) { d.FoundPeriod = "Tháng 10/2026" }),
		"RejectWrongUnit":       rejection(RejectWrongUnit, func(d *Rejection) { d.FoundUnit = "Phòng Đầu tư" }),
		"RejectNoSubjectNoTime": rejection(RejectInvalid, func(d *Rejection) { d.OriginalSubject, d.ReceivedAt = "", time.Time{} }),
		"NoticeUnknownSender": NoticeLetter(Notice{Office: sampleOffice, Reason: NoticeUnknownSender, From: "ai.do@gmail.com",
			FromName: "Đỗ Văn Ai", ReceivedAt: at(17, 9, 15), Subject: "Báo cáo tháng 11", Files: []string{"bc.xlsx"},
			Folder: "Quarantine", Excerpt: "Gửi Văn phòng báo cáo.\nTrân trọng"}),
		"NoticeUnitMessage": NoticeLetter(Notice{Office: sampleOffice, Reason: NoticeUnitMessage, From: "qldn@bqlkcn.example",
			Unit: sampleUnit, ReceivedAt: at(17, 10, 0), Subject: "Re: [BM.04.01/KH] Nhắc hạn gửi", Excerpt: "Em sẽ gửi chiều nay ạ."}),
		"NoticeUnverifiedSender": NoticeLetter(Notice{Office: sampleOffice, Reason: NoticeUnverifiedSender, From: "qldn@bqlkcn.example",
			FromName: "QLDN", Unit: sampleUnit, ReceivedAt: at(17, 9, 15), Subject: "Báo cáo tháng 11", Files: []string{"bc.xlsx"},
			Folder: "Quarantine", Why: "Chưa xác nhận được thư này do chính qldn@bqlkcn.example gửi: máy chủ thư mx.bqlkcn.example báo chữ ký xác thực của máy chủ thư gửi không hợp lệ."}),
		"NoticeAfterClose": NoticeLetter(Notice{Office: sampleOffice, Reason: NoticeAfterClose, From: "qldn@bqlkcn.example",
			Unit: sampleUnit, ReceivedAt: at(25, 10, 0), Request: sampleRequest, Version: 3}),
		"ReceiptItems": ReceiptLetter(Receipt{Office: sampleOffice, Unit: sampleUnit, Request: sampleRequest, ReceivedAt: at(19, 9, 15),
			Files: []string{sampleFile, "b.xlsx"}, Version: 2, Items: []ReceiptItem{
				{File: sampleFile, Request: sampleRequest, Version: 2, Rows: 12},
				{File: "b.xlsx", Request: Request{FormCode: "BM.02.01/KH", FormTitle: "Báo cáo kết quả", Period: "Tháng 11/2026",
					Deadline: at(20, 17, 0)}, Version: 1, Indicators: 9, Closed: true},
			}}),
		"RejectTooLarge":     rejection(RejectTooLarge, func(d *Rejection) { d.Size, d.MaxSize, d.Request = 33<<20, 30<<20, Request{} }),
		"RejectTooManyFiles": rejection(RejectTooManyFiles, func(d *Rejection) { d.Count, d.MaxCount = 31, 20 }),
		"Reminder": ReminderLetter(Reminder{Office: sampleOffice, Contact: sampleContact, Unit: sampleUnit,
			Request: sampleRequest, Now: at(16, 8, 0)}),
		"ReminderWithFile": ReminderLetter(Reminder{Office: sampleOffice, Unit: sampleUnit, Request: weekRequest,
			Now: at(19, 14, 30), FileName: sampleFile}),
		"Nag":                 nag("", ""),
		"NagEscalatedNoTitle": nag("", "Trần Văn Cường"),
		"NagEscalatedNamed":   nag("Phó Giám đốc Sở", "Trần Văn Cường"),
		"NagSameDay":          NagLetter(Nag{Unit: sampleUnit, Request: sampleRequest, Now: at(18, 17, 30)}),
		"NagNoDeadlineNoTime": NagLetter(Nag{Unit: sampleUnit, Request: Request{FormTitle: "Báo cáo"}}),
		"DigestLate":          DigestLetter(Digest{Office: sampleOffice, Day: at(20, 8, 0), Items: digestItems}),
		"DigestHeld":          DigestLetter(Digest{Office: sampleOffice, Day: at(20, 8, 0), Held: sampleHeld}),
		"DigestLateAndHeld": DigestLetter(Digest{Office: sampleOffice, Day: at(20, 8, 0), Items: digestItems,
			Held: []HeldNotices{{Reason: NoticeUnknownSender, Count: 3}, {Reason: NoticeUnitMessage}}}),
	}
}

var (
	digestItems = []DigestItem{{Request: sampleRequest, Unit: sampleUnit, Nags: 2},
		{Request: sampleRequest, Unit: "Phòng Đầu tư", Nags: 3, Copied: Person{Title: "Phó Trưởng Ban", Name: "Trần Văn Cường"}}}
	sampleHeld = []HeldNotices{{Reason: NoticeUnknownSender, Count: 95, Folder: "Quarantine"},
		{Reason: NoticeUnitMessage, Count: 2, Folder: "Processed"}, {Reason: NoticeAfterClose, Count: 1, Folder: "Processed"}}
)

// forbidden are signs of an unfinished or broken text: placeholders, format errors, stray
// punctuation. English and the rest of the house's rules are Lint's.
var forbidden = regexp.MustCompile(`TODO|FIXME|XXX|%!|<nil>|\{|\}|\x{FFFD}|\(\)|  | [,;:]| \.([^a-z]|$)|\.\.[^.]|,[,;.]`)

func TestLetters_Clean(t *testing.T) {
	for name, l := range sampleLetters() {
		t.Run(name, func(t *testing.T) { checkClean(t, l) })
	}
}

// checkClean fails a letter that is not NFC, has a broken subject, a forbidden word or sign, or
// a body laid out otherwise than "Kính gửi: …" to the signature.
func checkClean(t *testing.T, l Letter) {
	t.Helper()
	if !norm.NFC.IsNormalString(l.Subject) || !norm.NFC.IsNormalString(l.Body) {
		t.Error("NFC: got a text that is not NFC, want NFC")
	}
	if l.Subject == "" || strings.ContainsAny(l.Subject, "\r\n") {
		t.Errorf("subject: got %q, want one non-empty line", l.Subject)
	}
	// The signature separator "-- " is the one line allowed to end in a space, and a quote or a
	// list may indent its lines.
	body := strings.ReplaceAll(l.Body, "\n-- \n", "\n--\n")
	unindented := regexp.MustCompile(`(?m)^ +`).ReplaceAllString(body, "")
	for _, text := range []string{l.Subject, unindented} {
		if m := forbidden.FindString(text); m != "" {
			t.Errorf("text: got %q in %q", m, text)
		}
	}
	for _, f := range LintLetter(l) {
		t.Errorf("lint: %s", f)
	}
	if !strings.HasPrefix(l.Body, "Kính gửi: ") || !strings.Contains(l.Body, "Trân trọng./.") ||
		!strings.HasSuffix(l.Body, "\n") || strings.Contains(l.Body, "\n\n\n") {
		t.Errorf("body layout: got\n%s", l.Body)
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimRight(line, " \t") != line {
			t.Errorf("line %q: got trailing space, want none", line)
		}
	}
}

func TestLetters_Contents(t *testing.T) {
	letters := sampleLetters()
	tests := []struct {
		letter        string
		subject       []string
		body, bodyNot []string
		subjectNot    []string
	}{
		{letter: "Template",
			subject: []string{"Đề nghị gửi: Chương trình công tác trọng tâm tháng 11/2026 – hạn 18/11/2026 [BM.04.01/KH]"},
			body: []string{"Kính gửi: Phòng Quản lý doanh nghiệp", "theo biểu mẫu BM.04.01/KH",
				"Thời hạn gửi: 17:00 ngày 18/11/2026, thứ Tư.", "“" + sampleFile + "”", "giữ nguyên tên tệp",
				"Trả lời thư này", "đồng chí Nguyễn Thị Hoa, chuyên viên Văn phòng, điện thoại 0912 345 678",
				"BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH BẮC NINH\nVĂN PHÒNG", "Địa chỉ: Số 10"},
			bodyNot: []string{"hạn trước", "(thứ"}},
		{letter: "TemplateWeekResent",
			subject: []string{"Gửi lại tệp mẫu: Chương trình công tác trọng tâm tuần 47/2026 – hạn 19/11/2026"},
			body: []string{"Phòng Kế hoạch - Tổng hợp gửi lại tệp mẫu Chương trình công tác trọng tâm tuần 47 (16/11 – 22/11/2026, biểu mẫu BM.04.01/KH)",
				"15:00 ngày 19/11/2026, thứ Năm", "lưu ý nội dung trình Trưởng Ban"},
			subjectNot: []string{"16/11"}},
		{letter: "TemplateBare", subject: []string{"Đề nghị gửi: Báo cáo kết quả thực hiện quý IV/2026"},
			body: []string{"Kính gửi: Quý đơn vị", "VĂN PHÒNG"}, bodyNot: []string{"Thời hạn gửi", "Mọi vướng mắc", "biểu mẫu"},
			subjectNot: []string{"[", "hạn"}},
		{letter: "TemplateLateToday", subject: []string{"– hạn 18/11/2026 (hôm nay)"},
			body: []string{"Thời hạn gửi: 17:00 ngày 18/11/2026, thứ Tư, tức là hôm nay; thời gian còn lại: 7 giờ 30 phút. Tệp mẫu được gửi sát hạn; " +
				"đề nghị đơn vị khẩn trương hoàn thành và gửi báo cáo trong hôm nay.", "Cách gửi báo cáo"},
			bodyNot: []string{"Thời hạn gửi: 17:00 ngày 18/11/2026, thứ Tư."}},
		{letter: "TemplateLateTomorrow", subject: []string{"(ngày mai)"}, body: []string{"Thời hạn gửi: 17:00 ngày 18/11/2026, thứ Tư, tức là ngày mai"}},
		{letter: "TemplateLatePast", subject: []string{"(đã quá hạn)"},
			body: []string{"Tệp mẫu được gửi muộn nên thời hạn gửi báo cáo, 17:00 ngày 18/11/2026, thứ Tư, đã qua; đề nghị đơn vị hoàn thành và gửi báo cáo sớm nhất."}},
		{letter: "Template", bodyNot: []string{"hôm nay", "sát hạn"}, subjectNot: []string{"(hôm nay)"}},
		{letter: "ReceiptFirst", subject: []string{"Đã tiếp nhận: Chương trình công tác trọng tâm tháng 11/2026 [BM.04.01/KH]"},
			body:       []string{"lúc 09:15 ngày 17/11/2026, tệp", "hợp lệ và được tiếp nhận", "Báo cáo được gửi đúng hạn.", "hoa.nt@bqlkcn.example"},
			bodyNot:    []string{"lần gửi thứ", "quá hạn", "lưu ý"},
			subjectNot: []string{"lần gửi", sampleUnit}},
		{letter: "ReceiptSecondLate", subject: []string{"(lần gửi thứ 2)"},
			body: []string{"Đây là lần gửi thứ 2 của đơn vị cho kỳ báo cáo này, thay thế lần gửi trước.",
				"Báo cáo được gửi quá hạn 16 giờ 15 phút so với thời hạn 17:00 ngày 18/11/2026, thứ Tư.",
				"1. Trang tính “Chương trình”, ô E7: Thời gian hoàn thành đã qua.",
				"Mọi vướng mắc xin liên hệ Văn phòng qua số điện thoại 0222 3822 123 hoặc thư điện tử tonghop@bqlkcn.example."}},
		{letter: "RejectInvalid", subject: []string{"Chưa tiếp nhận: Chương trình công tác trọng tâm tháng 11/2026 – đề nghị sửa và gửi lại [BM.04.01/KH]"},
			body: []string{"với tiêu đề “Re: [BM.04.01/KH] Đề nghị gửi”", "còn 3 lỗi cần sửa:\n1. Trang tính “Chương trình”, ô C7: Nội dung công việc không được để trống.",
				"3. Trang tính “Chương trình”, ô C9:", "đính kèm tệp đã sửa, giữ nguyên tên tệp, trước 17:00 ngày 18/11/2026, thứ Tư."},
			bodyNot: []string{"4. ", "khác"}},
		{letter: "RejectInvalidMany", body: []string{"còn 120 lỗi cần sửa", "\n50. Trang tính", "\n… và 70 lỗi khác.\n"},
			bodyNot: []string{"\n51. "}},
		{letter: "RejectInvalidWarnings",
			body: []string{"còn 2 lỗi cần sửa:\n1. Trang tính “Chương trình”, ô C7",
				"\n\nNgoài ra, khi sửa tệp, đề nghị đơn vị xem lại các điểm sau; đây không phải lỗi và không ảnh hưởng đến việc tiếp nhận:\n" +
					"1. Trang tính “Hướng dẫn”: Ô C9 (Ngày báo cáo): “32/12/2026” không phải ngày hợp lệ.\n\nĐề nghị đơn vị sửa các lỗi nêu trên"}},
		{letter: "RejectOtherTemplate", subject: []string{"– đề nghị dùng tệp mẫu mới gửi kèm"},
			body: []string{"vì tệp “" + sampleFile + "” được lập từ tệp mẫu cũ hoặc tệp mẫu của cơ quan khác, không phải tệp mẫu hiện hành Văn phòng gửi cho đơn vị.",
				"Kết quả kiểm tra tệp:\n1. Tệp được lập",
				"Đề nghị đơn vị nhập số liệu vào tệp mẫu mới “BM.04.01-KH_2026-11_QLDN.xlsx” gửi kèm thư này, là tệp mẫu hiện hành của Văn phòng cho đơn vị cho kỳ báo cáo tháng 11/2026; giữ nguyên tên tệp, rồi trả lời thư này, đính kèm tệp đã điền, trước 17:00"},
			bodyNot: []string{"đã bị", "sửa các lỗi"}},
		{letter: "RejectInvalidLate", body: []string{"Do đã quá thời hạn gửi, 17:00 ngày 18/11/2026, thứ Tư, đề nghị đơn vị gửi lại sớm nhất."}},
		{letter: "RejectNoWorkbook", subject: []string{"Chưa tiếp nhận: Báo cáo – đề nghị gửi lại"},
			body: []string{"vì thư không có tệp Excel (.xlsx) đính kèm.", "đính kèm tệp mẫu đã điền, lưu ở định dạng Excel (.xlsx)."}, subjectNot: []string{"["}},
		{letter: "RejectNoWorkbookPDF", body: []string{"tệp “Báo cáo.pdf” không phải tệp Excel."}},
		{letter: "RejectUnreadable", body: []string{"không mở được tệp “" + sampleFile + "”", "đặt mật khẩu", "bỏ mật khẩu nếu có"}},
		{letter: "RejectUnknownForm", body: []string{"không phải tệp mẫu do Văn phòng gửi", "không tạo tệp mới"}},
		{letter: "RejectWrongPeriod", body: []string{"là báo cáo tháng 10/2026, không phải tháng 11/2026 như đề nghị", "sử dụng tệp mẫu tháng 11/2026 do Văn phòng gửi"}},
		{letter: "RejectWrongUnit", body: []string{"là tệp mẫu của Phòng Đầu tư, không phải của Phòng Quản lý doanh nghiệp."}},
		{letter: "RejectNoSubjectNoTime", body: []string{"đã nhận được thư của đơn vị nhưng chưa thể tiếp nhận"}, bodyNot: []string{"tiêu đề", " lúc "}},
		{letter: "NoticeUnknownSender", subject: []string{"Thư từ địa chỉ chưa đăng ký: ai.do@gmail.com"},
			body: []string{"Kính gửi: Các đồng chí phụ trách tổng hợp báo cáo, Văn phòng", "từ địa chỉ ai.do@gmail.com (Đỗ Văn Ai) lúc 09:15 ngày 17/11/2026",
				"với tiêu đề “Báo cáo tháng 11”, kèm 1 tệp: “bc.xlsx”", "không được trả lời tự động",
				"thư mục “Quarantine”", "> Gửi Văn phòng báo cáo.\n> Trân trọng", "không được thông báo lại",
				"thư gốc và tệp đính kèm của địa chỉ chưa đăng ký không được gửi kèm thông báo này",
				"mở thư trong thư mục “Quarantine” của hộp thư chung"},
			bodyNot: []string{"được gửi kèm thư này"}},
		{letter: "NoticeUnitMessage", subject: []string{"Thư của Phòng Quản lý doanh nghiệp không kèm báo cáo: “Re: [BM.04.01/KH] Nhắc hạn gửi”"},
			body: []string{", địa chỉ qldn@bqlkcn.example, đã trả lời thư của hệ thống lúc 10:00", "> Em sẽ gửi chiều nay ạ.",
				"Bản gốc của thư được gửi kèm thư này."}},
		{letter: "NoticeUnverifiedSender", subject: []string{"Thư chưa xác thực được người gửi: Phòng Quản lý doanh nghiệp, qldn@bqlkcn.example"},
			body: []string{"Kính gửi: Các đồng chí phụ trách tổng hợp báo cáo, Văn phòng",
				"mang địa chỉ qldn@bqlkcn.example (QLDN) của Phòng Quản lý doanh nghiệp lúc 09:15 ngày 17/11/2026",
				"có thể không phải do Phòng Quản lý doanh nghiệp gửi", "\n\nChưa xác nhận được thư này do chính qldn@bqlkcn.example gửi: máy chủ thư",
				"đánh dấu là chưa xác thực và không được đưa vào số liệu tổng hợp", "không gửi thư xác nhận hay báo lỗi", "thư mục “Quarantine”",
				"không được thông báo lại"}, bodyNot: []string{"gửi kèm thư này"}},
		{letter: "DigestLate", subject: []string{"Đơn vị chưa gửi báo cáo đã quá hạn – ngày 20/11/2026"},
			body: []string{"Đến 08:00 ngày 20/11/2026, các đơn vị sau", "\n- Phòng Quản lý doanh nghiệp: quá hạn 2 ngày, đã đôn đốc 2 lần.",
				"đã đồng gửi đồng chí Trần Văn Cường, Phó Trưởng Ban phụ trách đơn vị."},
			bodyNot: []string{"thông báo riêng"}},
		{letter: "DigestHeld", subject: []string{"Thư đến chưa được thông báo riêng – ngày 20/11/2026"},
			body: []string{"mỗi giờ hệ thống chỉ gửi một số thư thông báo",
				"\n- 95 thư khác từ địa chỉ chưa đăng ký đã được chuyển vào thư mục cách ly: xem thư mục “Quarantine” của hộp thư chung.",
				"\n- 2 thư khác của đơn vị không kèm báo cáo chưa được thông báo riêng: xem thư mục “Processed” của hộp thư chung.",
				"\n- 1 báo cáo khác gửi sau khi đã chốt số liệu chưa được thông báo riêng: xem thư mục “Processed” của hộp thư chung và quyết định"},
			bodyNot: []string{"quá hạn", "đôn đốc", "khóa sổ"}, subjectNot: []string{"quá hạn"}},
		{letter: "DigestLateAndHeld", subject: []string{"Đơn vị chưa gửi báo cáo đã quá hạn"},
			body:    []string{"đã đôn đốc 3 lần", "\n- 3 thư khác từ địa chỉ chưa đăng ký đã được chuyển vào thư mục cách ly: xem thư mục cách ly của hộp thư chung."},
			bodyNot: []string{"0 thư", "không kèm báo cáo"}},
		{letter: "NoticeAfterClose", subject: []string{"Báo cáo gửi sau khi đã chốt số liệu: Phòng Quản lý doanh nghiệp – Chương trình công tác trọng tâm tháng 11/2026 [BM.04.01/KH]"},
			body:    []string{"lần gửi thứ 3, lúc 10:00 ngày 25/11/2026", "sau khi kỳ báo cáo đã chốt số liệu", "quyết định có đưa lần gửi này"},
			bodyNot: []string{"khóa sổ"}},
		{letter: "ReceiptItems", subject: []string{"Đã tiếp nhận: Chương trình công tác trọng tâm tháng 11/2026 và 1 báo cáo khác"},
			body: []string{"Nội dung đã ghi nhận:\n1. Tệp “" + sampleFile + "”: Chương trình công tác trọng tâm tháng 11/2026, lần gửi thứ 2, thay thế lần gửi trước; gồm 12 dòng; gửi quá hạn 16 giờ 15 phút so với thời hạn 17:00 ngày 18/11/2026, thứ Tư.",
				"\n2. Tệp “b.xlsx”: Báo cáo kết quả tháng 11/2026, lần gửi thứ 1; gồm 9 chỉ tiêu có số liệu; gửi đúng hạn.",
				"Báo cáo tổng hợp kỳ này đã được duyệt và gửi; Văn phòng sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh"},
			bodyNot: []string{"Đây là lần gửi thứ", "nộp", "khóa sổ", "ban hành"}},
		{letter: "RejectTooLarge", body: []string{"thư có dung lượng 33 MB, vượt giới hạn 30 MB", "chỉ đính kèm tệp báo cáo đã điền"}},
		{letter: "RejectTooManyFiles", body: []string{"thư có 31 tệp, kể cả các tệp trong tệp nén, vượt quá 20 tệp"}},
		{letter: "Reminder", subject: []string{"Nhắc hạn gửi: Chương trình công tác trọng tâm tháng 11/2026 – hạn 18/11/2026 [BM.04.01/KH]"},
			body:    []string{"Đến 08:00 ngày 16/11/2026, Văn phòng chưa nhận được", "thời gian còn lại: 2 ngày 9 giờ."},
			bodyNot: []string{"quá hạn", "đồng gửi", "gửi kèm thư này"}},
		{letter: "ReminderWithFile", body: []string{"thời gian còn lại: 30 phút.", "Tệp mẫu “" + sampleFile + "” được gửi kèm thư này"}},
		{letter: "Nag", subject: []string{"Đôn đốc gửi: Chương trình công tác trọng tâm tháng 11/2026 – đã quá hạn 2 ngày [BM.04.01/KH]"},
			body:    []string{"Thời hạn gửi Chương trình công tác trọng tâm tháng 11/2026 là 17:00 ngày 18/11/2026, thứ Tư.", "báo cáo đã quá hạn 2 ngày.", "khẩn trương"},
			bodyNot: []string{"đồng gửi"}},
		// Item 11: the nag names the leader copied, and says nothing of one when nobody is.
		{letter: "NagEscalatedNoTitle", body: []string{"Thư này được đồng gửi đồng chí Trần Văn Cường, lãnh đạo phụ trách đơn vị, để biết và chỉ đạo."}},
		{letter: "NagEscalatedNamed", body: []string{"Thư này được đồng gửi đồng chí Trần Văn Cường, Phó Giám đốc Sở phụ trách đơn vị, để biết và chỉ đạo."}},
		{letter: "NagSameDay", subject: []string{"– đã quá hạn"}, body: []string{"báo cáo đã quá hạn."}, bodyNot: []string{"quá hạn 0", "đồng gửi"}},
		{letter: "NagNoDeadlineNoTime", body: []string{"Đến nay, Văn phòng vẫn chưa nhận được Báo cáo của đơn vị; báo cáo đã quá hạn."}},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			l, ok := letters[tt.letter]
			if !ok {
				t.Fatalf("no sample letter %q", tt.letter)
			}
			check := func(what, text string, want []string, present bool) {
				for _, w := range want {
					if strings.Contains(text, w) != present {
						t.Errorf("%s: got\n%s\nwant it to contain %q: %v", what, text, w, present)
					}
				}
			}
			check("subject", l.Subject, tt.subject, true)
			check("subject", l.Subject, tt.subjectNot, false)
			check("body", l.Body, tt.body, true)
			check("body", l.Body, tt.bodyNot, false)
		})
	}
}

func TestProblemList(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		wantLines int
		wantLast  string
	}{
		{name: "One", n: 1, wantLines: 1, wantLast: "1. Trang tính “Chương trình”, ô C7: Nội dung công việc không được để trống."},
		{name: "Fifty", n: 50, wantLines: 50, wantLast: "50. Trang tính “Chương trình”, ô C56: Nội dung công việc không được để trống."},
		{name: "FiftyOne", n: 51, wantLines: 51, wantLast: "… và 1 lỗi khác."},
		{name: "Many", n: 1000, wantLines: 51, wantLast: "… và 950 lỗi khác."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.Split(problemList(problems(tt.n), "lỗi"), "\n")
			if len(lines) != tt.wantLines || lines[len(lines)-1] != tt.wantLast {
				t.Errorf("got %d lines ending %q, want %d ending %q", len(lines), lines[len(lines)-1], tt.wantLines, tt.wantLast)
			}
		})
	}
}

func TestProblemLine(t *testing.T) {
	tests := []struct {
		name string
		p    form.Problem
		want string
	}{
		{name: "SheetCell", p: form.Problem{Sheet: "Chỉ tiêu", Cell: "D9", Message: "Phải là số."}, want: "Trang tính “Chỉ tiêu”, ô D9: Phải là số."},
		{name: "SheetOnly", p: form.Problem{Sheet: "Chỉ tiêu", Message: "Thiếu dòng."}, want: "Trang tính “Chỉ tiêu”: Thiếu dòng."},
		{name: "CellOnly", p: form.Problem{Cell: "A1", Message: "Sai."}, want: "Ô A1: Sai."},
		{name: "MessageOnly", p: form.Problem{Message: "thiếu trang tính nhận diện."}, want: "Thiếu trang tính nhận diện."},
		{name: "Multiline", p: form.Problem{Message: "dòng 1\ndòng 2"}, want: "Dòng 1 dòng 2"},
		{name: "NoMessage", p: form.Problem{Cell: "B2", Code: "x"}, want: "Ô B2: giá trị không hợp lệ"},
		{name: "InFile", p: form.Problem{Sheet: "Chỉ tiêu", Cell: "D9", Message: InFile("a.xlsx", "Ô D9 (Kế hoạch năm): phải là số.")},
			want: "Tệp “a.xlsx”, trang tính “Chỉ tiêu”: Ô D9 (Kế hoạch năm): phải là số."},
		{name: "InFileNoCell", p: form.Problem{Cell: "D9", Message: InFile("a.xlsx", "phải là số.")},
			want: "Tệp “a.xlsx”, ô D9: Phải là số."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problemLine(tt.p); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatDeadline(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		want string
	}{
		{name: "Afternoon", t: at(18, 17, 0), want: "17:00 ngày 18/11/2026, thứ Tư"},
		{name: "Morning", t: at(19, 8, 30), want: "08:30 ngày 19/11/2026, thứ Năm"},
		{name: "Sunday", t: at(22, 12, 0), want: "12:00 ngày 22/11/2026, Chủ nhật"},
		{name: "EndOfDay", t: at(20, 23, 59), want: "trong ngày 20/11/2026, thứ Sáu"},
		{name: "Midnight", t: at(21, 0, 0), want: "trong ngày 20/11/2026, thứ Sáu"},
		{name: "MidnightNewYear", t: time.Date(2027, 1, 1, 0, 0, 0, 0, ict), want: "trong ngày 31/12/2026, thứ Năm"},
		{name: "MarchNoZero", t: time.Date(2026, 3, 5, 15, 0, 0, 0, ict), want: "15:00 ngày 05/3/2026, thứ Năm"},
		{name: "JanuaryZero", t: time.Date(2026, 1, 15, 15, 0, 0, 0, ict), want: "15:00 ngày 15/01/2026, thứ Năm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatDeadline(tt.t); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWeekday(t *testing.T) {
	want := []string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := Weekday(d); got != want[d] {
			t.Errorf("Weekday(%s): got %q, want %q", d, got, want[d])
		}
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{name: "Seconds", d: 20 * time.Second, want: "1 phút"},
		{name: "Negative", d: -time.Hour, want: "1 phút"},
		{name: "Minutes", d: 45 * time.Minute, want: "45 phút"},
		{name: "Hours", d: 5 * time.Hour, want: "5 giờ"},
		{name: "HoursMinutes", d: 5*time.Hour + 20*time.Minute, want: "5 giờ 20 phút"},
		{name: "Days", d: 48 * time.Hour, want: "2 ngày"},
		{name: "DaysHours", d: 51*time.Hour + 59*time.Minute, want: "2 ngày 3 giờ"},
		{name: "StartedMinute", d: 34*time.Minute + 20*time.Second, want: "35 phút"},
		{name: "ExactMinute", d: 34 * time.Minute, want: "34 phút"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatDuration(tt.d); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFormatDuration_AgreesWithStatus: a receipt's "nộp muộn …" and the status table's "trễ …"
// state the same lateness, at and around every boundary of the rounding.
func TestFormatDuration_AgreesWithStatus(t *testing.T) {
	short := strings.NewReplacer(" ngày", "n", " giờ", "g", " phút", "ph", " ", "")
	for _, d := range []time.Duration{
		-time.Minute, 0, time.Nanosecond, 59 * time.Second, time.Minute, time.Minute + time.Nanosecond,
		34 * time.Minute, 34*time.Minute + 20*time.Second, 59*time.Minute + time.Second, time.Hour,
		time.Hour + time.Nanosecond, 24*time.Hour - time.Second, 24 * time.Hour, 51*time.Hour + 59*time.Minute + time.Second,
	} {
		if got, want := short.Replace(FormatDuration(d)), status.LateLabel(d); got != want {
			t.Errorf("%v: the letter writes %q, the status %q", d, FormatDuration(d), want)
		}
	}
}

func TestDaysOverdue(t *testing.T) {
	deadline := at(18, 17, 0)
	tests := []struct {
		name string
		now  time.Time
		want int
	}{
		{name: "Before", now: at(18, 9, 0), want: 0},
		{name: "SameEvening", now: at(18, 23, 0), want: 0},
		{name: "NextMorning", now: at(19, 8, 0), want: 1},
		{name: "TwoDays", now: at(20, 18, 0), want: 2},
		{name: "OtherZone", now: time.Date(2026, 11, 18, 18, 30, 0, 0, time.UTC), want: 1}, // 01:30 on the 19th in Hà Nội
		{name: "NextMonth", now: time.Date(2026, 12, 2, 8, 0, 0, 0, ict), want: 14},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DaysOverdue(deadline, tt.now); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
