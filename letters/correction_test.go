package letters

import (
	"strings"
	"testing"

	"github.com/tonghop/tonghop/form"
)

var (
	head     = Person{Title: "Trưởng Ban", Name: "Nguyễn Văn An"}
	clerk    = Person{Title: "Chuyên viên Văn phòng", Name: "Lê Thị Thu"}
	issuedV3 = Issued{At: at(20, 10, 30), Version: 3}
	words    = "Số liệu chỉ tiêu 2 chưa đúng, đề nghị Văn phòng kiểm tra, sửa lại và trình lại tôi."
)

// lateFile is QLDN's fourth file, received after the issue of v3 which counted its third.
func lateFile() LateFile {
	return LateFile{Office: sampleOffice, Contact: sampleContact, Unit: sampleUnit, UnitCode: "QLDN", Address: "qldn@bqlkcn.example",
		Request: Request{FormCode: "BM.02.01/KH", FormTitle: "Báo cáo kết quả thực hiện", Period: "Tháng 11/2026"},
		Period:  "2026-11", File: "bc.xlsx", Version: 4, ReceivedAt: at(25, 9, 0), Issued: issuedV3, Counted: 3, MAC: "3f9a1c0e",
		Warnings: []form.Problem{{Sheet: "Bìa", Cell: "C9", Message: "Ngày lập báo cáo “32/12/2026” không phải ngày có thật."}}}
}

func correctionLetters() map[string]Letter {
	d := sampleDraft()
	d.Version = 3
	forward := func(edit func(*Forward)) Letter {
		f := Forward{Office: sampleOffice, From: head, Address: "tb@bqlkcn.example", Subject: "Re: [TH BM.02.01/KH 2026-11 v3] Ban hành",
			ReceivedAt: at(21, 8, 15), Words: "Anh xem lại giúp số liệu Phòng Môi trường.\nCảm ơn.", Files: []string{"ghi-chu.pdf"},
			About: About{Answered: AnsweredIssue, Report: d.Request, Version: 3, Issued: &issuedV3}}
		if edit != nil {
			edit(&f)
		}
		return ForwardLetter(f)
	}
	c := Correction{Draft: d, From: head, Words: words, Issued: issuedV3, Steps: "Trưởng Ban Nguyễn Văn An"}
	corrected := d
	corrected.Version = 4
	corrected.Replaces = &Replacement{Issued: issuedV3, Why: ReplacedBecause(Person{}, []string{sampleUnit})}
	return map[string]Letter{
		"ForwardIssue": forward(nil),
		"ForwardUnverified": forward(func(f *Forward) {
			f.Unverified, f.Why, f.Folder = "máy chủ thư báo chữ ký xác thực của máy chủ thư gửi không hợp lệ.", WhyNotAuthentic, "Quarantine"
		}),
		"ForwardNewMail": forward(func(f *Forward) { f.About, f.Words, f.Files = About{}, "", nil }),
		"ForwardNag": forward(func(f *Forward) {
			f.About = About{Answered: AnsweredUnit, Report: d.Request, Unit: "Phòng Môi trường"}
		}),
		"ForwardStale": forward(func(f *Forward) {
			f.About, f.Why = About{Answered: AnsweredApproval, Report: d.Request, Version: 2, Issued: &issuedV3, Correcting: true}, WhyOldVersion
		}),
		"Correction":          CorrectionLetter(c),
		"CorrectionDiffers":   CorrectionLetter(Correction{Draft: d, From: head, Words: words, Issued: issuedV3, Differs: true}),
		"CorrectionEdited":    CorrectionLetter(Correction{Draft: d, From: head, Words: words, Issued: issuedV3, Edited: "sua.xlsx"}),
		"CorrectionAck":       CorrectionAckLetter(c, head),
		"CorrectedRequest":    ApprovalRequestLetter(corrected, head, nil, 0),
		"ReplacementIssue":    IssueLetter(corrected, []Decided{{Person: head, At: at(26, 9, 0), Version: 4, MessageID: "r9@kcn.example"}}),
		"LateReceipt":         LateFileReceiptLetter(lateFile()),
		"LateNotice":          LateFileNoticeLetter(lateFile()),
		"LateAskAgain":        LateFileAskAgainLetter(lateFile(), clerk, "Để chị xem"),
		"LateTaken":           LateFileDecisionLetter(lateFile(), true),
		"LateLeftOut":         LateFileDecisionLetter(lateFile(), false),
		"LateRecordedTaken":   LateFileRecordedLetter(lateFile(), clerk, true),
		"LateRecordedLeftOut": LateFileRecordedLetter(lateFile(), clerk, false),
	}
}

func TestCorrectionLetters_Clean(t *testing.T) {
	for name, l := range correctionLetters() {
		t.Run(name, func(t *testing.T) { checkClean(t, l) })
	}
}

func TestCorrectionLetters_Contents(t *testing.T) {
	all := correctionLetters()
	tests := []struct {
		letter        string
		subject       string
		body, bodyNot []string
	}{
		{"ForwardIssue", "Thư của Trưởng Ban Nguyễn Văn An về Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026",
			[]string{"tb@bqlkcn.example", "Thư trả lời thư gửi Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (biểu mẫu BM.02.01/KH); " +
				"báo cáo đã được duyệt và gửi ngày 20/11/2026 (dự thảo lần 3).", "> Anh xem lại giúp số liệu Phòng Môi trường.\n> Cảm ơn.",
				"kèm 1 tệp: “ghi-chu.pdf”", "Bản gốc của thư, kèm các tệp đính kèm, được gửi kèm thư này."}, []string{"LƯU Ý", "ban hành"}},
		{"ForwardUnverified", "", []string{"LƯU Ý: Thư không qua được bước xác thực người gửi nên có thể không phải do đồng chí Nguyễn Văn An, Trưởng Ban, gửi",
			"thư mục “Quarantine”", "không trả lời người gửi"}, []string{"được gửi kèm thư này."}},
		{"ForwardNewMail", "Thư của Trưởng Ban Nguyễn Văn An", []string{"không trả lời thư nào của hệ thống", "Thư không có nội dung viết thêm."}, nil},
		{"ForwardNag", "", []string{"Thư trả lời thư hệ thống gửi Phòng Môi trường về Báo cáo kết quả"}, nil},
		{"ForwardStale", "", []string{"dự thảo lần 2", "hiện đang được điều chỉnh", "đã được thay thế"}, nil},
		{"Correction", "Đề nghị điều chỉnh báo cáo đã duyệt: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026",
			[]string{"Đồng chí Nguyễn Văn An, Trưởng Ban, đề nghị điều chỉnh Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (biểu mẫu BM.02.01/KH), " +
				"đã được duyệt và gửi ngày 20/11/2026 (dự thảo lần 3). Nội dung ý kiến:\n    " + words,
				"Kỳ báo cáo đã được mở lại", "trình duyệt lại từ bước đầu, bắt đầu từ Trưởng Ban Nguyễn Văn An;",
				"thay thế báo cáo đã gửi ngày 20/11/2026"}, []string{"lập ngay", "ban hành"}},
		{"CorrectionDiffers", "", []string{"lập ngay dự thảo mới"}, nil},
		{"CorrectionEdited", "", []string{"“sua.xlsx”; tệp này được lưu làm dự thảo mới"}, nil},
		{"CorrectionAck", "Đã nhận đề nghị điều chỉnh: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 [TH BM.02.01/KH 2026-11 v3]",
			[]string{"Kính gửi: Đồng chí Nguyễn Văn An, Trưởng Ban", "    " + words, "kính đề nghị đồng chí trả lời thư này"}, nil},
		{"CorrectedRequest", "Xin ý kiến duyệt: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (dự thảo lần 4) [TH BM.02.01/KH 2026-11 v4]",
			[]string{"Đây là dự thảo điều chỉnh báo cáo đã được duyệt và gửi ngày 20/11/2026; sau khi được duyệt, báo cáo điều chỉnh sẽ được gửi"}, nil},
		{"ReplacementIssue", "Báo cáo đã duyệt, thay thế báo cáo đã gửi ngày 20/11/2026: Báo cáo kết quả",
			[]string{"Báo cáo này thay thế báo cáo đã gửi ngày 20/11/2026. Báo cáo được điều chỉnh để bổ sung số liệu của Phòng Quản lý doanh nghiệp gửi sau khi báo cáo đã được duyệt.",
				"Kính đề nghị sử dụng báo cáo này"}, []string{"r9@kcn.example"}},
		{"LateReceipt", "Đã nhận: Báo cáo kết quả thực hiện tháng 11/2026 (gửi sau khi báo cáo tổng hợp đã được duyệt) [BM.02.01/KH]",
			[]string{"lần gửi thứ 4. Tệp đã được kiểm tra và hợp lệ.", "đã được duyệt và gửi ngày 20/11/2026, với số liệu lần gửi thứ 3 của đơn vị.",
				"sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh hay không và sẽ thông báo kết quả cho đơn vị", "32/12/2026"},
			[]string{"được tiếp nhận", "khóa sổ", "dự thảo"}},
		{"LateNotice", "Báo cáo gửi sau khi báo cáo tổng hợp đã được duyệt: Phòng Quản lý doanh nghiệp – Báo cáo kết quả thực hiện tháng 11/2026 [TH BM.02.01/KH 2026-11 QLDN v4 k3f9a1c0e]",
			[]string{"lần gửi thứ 4, lúc 09:00 ngày 25/11/2026", "với số liệu lần gửi thứ 3 của đơn vị này", "“Đồng ý đưa vào”", "“Không đưa vào”",
				"Đơn vị sẽ được thông báo kết quả."}, nil},
		{"LateAskAgain", "Đề nghị trả lời lại", []string{"Kính gửi: Đồng chí Lê Thị Thu, Chuyên viên Văn phòng", "    Để chị xem", "“Đồng ý đưa vào” hoặc “Không đưa vào”"}, nil},
		{"LateTaken", "Lần gửi thứ 4 được đưa vào báo cáo điều chỉnh", []string{"quyết định đưa lần gửi này vào số liệu tổng hợp", "gửi thay thế báo cáo đã gửi ngày 20/11/2026"}, []string{"giữ nguyên"}},
		{"LateLeftOut", "Lần gửi thứ 4 không được đưa vào báo cáo", []string{"quyết định không đưa lần gửi này vào báo cáo", "được giữ nguyên"}, nil},
		{"LateRecordedTaken", "Đã ghi nhận quyết định", []string{"quyết định ĐƯA VÀO lần gửi thứ 4", "đồng chí Lê Thị Thu, Chuyên viên Văn phòng", "mở lại"}, nil},
		{"LateRecordedLeftOut", "", []string{"quyết định KHÔNG ĐƯA VÀO"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			l := all[tt.letter]
			if !strings.Contains(l.Subject, tt.subject) {
				t.Errorf("subject: got %q, want it to contain %q", l.Subject, tt.subject)
			}
			for _, w := range tt.body {
				if !strings.Contains(l.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, l.Body)
				}
			}
			for _, w := range tt.bodyNot {
				if strings.Contains(l.Body, w) {
					t.Errorf("body has %q:\n%s", w, l.Body)
				}
			}
		})
	}
}

func TestLateFileToken_RoundTrip(t *testing.T) {
	subject := "Re: Re: " + LateFileToken("BM.02.01/KH", "2026-W47", "QL-DN", 12, "3F9A1C0E") + " Báo cáo"
	form, p, unit, v, mac, ok := ParseLateFileToken(subject)
	if !ok || form != "BM.02.01/KH" || p != "2026-W47" || unit != "QL-DN" || v != 12 || mac != "3f9a1c0e" {
		t.Errorf("parse: got %q %q %q %d %q %v", form, p, unit, v, mac, ok)
	}
	if _, _, _, ok := ParseApprovalToken(subject); ok {
		t.Error("a late file's tag read as a draft's token")
	}
	if _, _, _, _, _, ok := ParseLateFileToken("Re: [TH BM.02.01/KH 2026-11 v3] Ban hành"); ok {
		t.Error("a draft's token read as a late file's tag")
	}
	for _, bad := range []string{"[TH BM 2026-11 QLDN v0]", "[TH BM 2026-11 QLDN v1 kxyz]", "[TH BM 26-11 QLDN v1]"} {
		if _, _, _, _, _, ok := ParseLateFileToken(bad); ok {
			t.Errorf("%q: parsed, want no tag", bad)
		}
	}
}

func FuzzParseLateFileToken(f *testing.F) {
	f.Add("Re: " + LateFileToken("BM.02.01/KH", "2026-11", "QLDN", 4, "3f9a1c0e"))
	f.Add("[TH a 2026 b v999999 k00000000][TH")
	f.Fuzz(func(t *testing.T, subject string) {
		form, p, unit, v, mac, ok := ParseLateFileToken(subject)
		if !ok {
			return
		}
		again := LateFileToken(form, p, unit, v, mac)
		if f2, p2, u2, v2, m2, ok2 := ParseLateFileToken(again); !ok2 || f2 != form || p2 != p || u2 != unit || v2 != v || m2 != mac {
			t.Fatalf("round trip of %q: %q", subject, again)
		}
	})
}
