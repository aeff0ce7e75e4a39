package letters

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestApprovalToken_RoundTrip(t *testing.T) {
	tests := []struct {
		name, subject string
		code, period  string
		version       int
		ok            bool
	}{
		{"plain", ApprovalToken("BM.02.01/KH", "2026-11", 2) + " Xin ý kiến duyệt", "BM.02.01/KH", "2026-11", 2, true},
		{"reply", "RE: Trả lời: " + ApprovalToken("BM.04.01/KH", "2026-W48", 1) + " Xin ý kiến", "BM.04.01/KH", "2026-W48", 1, true},
		{"year", ApprovalToken("KT-XH", "2026", 12), "KT-XH", "2026", 12, true},
		{"quarter", ApprovalToken("KT-XH", "2026-Q4", 3), "KT-XH", "2026-Q4", 3, true},
		{"last wins", "Re: [TH A 2026-10 v1] Fwd: [TH B 2026-11 v3]", "B", "2026-11", 3, true},
		{"lower v", "Re: [TH BM.02.01/KH 2026-11 V4]", "BM.02.01/KH", "2026-11", 4, true},
		{"no token", "Re: [BM.02.01/KH] Đã nhận báo cáo", "", "", 0, false},
		{"version zero", "[TH BM 2026-11 v0]", "", "", 0, false},
		{"broken", "[TH BM.02.01/KH 2026-11 v]", "", "", 0, false},
		{"spaces in code", "[TH BM 02 2026-11 v1]", "", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, p, v, ok := ParseApprovalToken(tt.subject)
			if code != tt.code || p != tt.period || v != tt.version || ok != tt.ok {
				t.Errorf("ParseApprovalToken(%q) = %q %q %d %v; want %q %q %d %v", tt.subject, code, p, v, ok, tt.code, tt.period, tt.version, tt.ok)
			}
		})
	}
}

func FuzzParseApprovalToken(f *testing.F) {
	f.Add("Re: [TH BM.02.01/KH 2026-11 v2] Xin ý kiến")
	f.Add("[TH x 2026-W01 v999999]")
	f.Add("[TH [TH a 2026 v1]]")
	f.Fuzz(func(t *testing.T, subject string) {
		code, p, v, ok := ParseApprovalToken(subject)
		if !ok {
			return
		}
		if v < 1 || code == "" || p == "" {
			t.Fatalf("ok with %q %q %d", code, p, v)
		}
		again, p2, v2, ok2 := ParseApprovalToken(ApprovalToken(code, p, v))
		if !ok2 || again != code || p2 != p || v2 != v {
			t.Fatalf("token of %q %q %d does not read back: %q %q %d %v", code, p, v, again, p2, v2, ok2)
		}
	})
}

func sampleDraft() Draft {
	return Draft{
		Office:  Office{Name: "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh", Desk: "Văn phòng"},
		Request: Request{FormCode: "BM.02.01/KH", FormTitle: "Báo cáo kết quả thực hiện nhiệm vụ", Period: "Tháng 11/2026"},
		Period:  "2026-11", Version: 2, FileName: "TongHop_BM.02.01-KH_2026-11_v2.xlsx", Expected: 3,
		Counted: []string{"Phòng Quản lý doanh nghiệp", "Phòng Đầu tư"}, Missing: []string{"Phòng Môi trường"},
		Changes: []string{UnitResent("Phòng Đầu tư", 2, 1)},
	}
}

func TestApprovalLetters(t *testing.T) {
	d := sampleDraft()
	boss := Person{Title: "Trưởng Ban", Name: "Nguyễn Văn An"}
	at := time.Date(2026, 11, 20, 9, 15, 0, 0, time.FixedZone("ICT", 7*3600))
	tests := []struct {
		name   string
		letter Letter
		want   []string
	}{
		{"request", ApprovalRequestLetter(d, boss, []Decided{{Person: Person{Title: "Chánh Văn phòng", Name: "Trần Thị Bình"}, At: at}}, 1),
			[]string{"Xin ý kiến duyệt: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (dự thảo lần 2) [TH BM.02.01/KH 2026-11 v2]",
				"Kính gửi: Đồng chí Nguyễn Văn An, Trưởng Ban", "Văn phòng kính trình đồng chí dự thảo lần 2", "để xem xét, cho ý kiến",
				"2/3 đơn vị", "chưa có số liệu của: Phòng Môi trường.", "Phòng Đầu tư: gửi lại, dùng lần gửi thứ 2 thay lần gửi thứ 1.",
				"Đồng chí Trần Thị Bình, Chánh Văn phòng, đã duyệt lúc 09:15 ngày 20/11/2026", "thay thế dự thảo lần 1",
				AnswerInstruction}},
		{"reminder", ApprovalReminderLetter(d, boss, 1, at), []string{"Kính trình lại (lần 2) – xin ý kiến duyệt: ",
			"Lúc 09:15 ngày 20/11/2026, Văn phòng đã kính trình đồng chí dự thảo lần 2", "chưa nhận được ý kiến của đồng chí", AnswerInstruction}},
		{"ack approve", AcknowledgeLetter(d, boss, true, "", IssuedNext), []string{"ý kiến của đồng chí: DUYỆT dự thảo lần 2", IssuedNext}},
		{"ack revise", AcknowledgeLetter(d, boss, false, "Sửa lại mục 2", ""), []string{"đề nghị chỉnh sửa như sau:", "    Sửa lại mục 2"}},
		{"revision", RevisionLetter(d, boss, "Bổ sung số liệu Phòng Môi trường", "sua.xlsx"), []string{"Kính gửi: Các đồng chí phụ trách tổng hợp báo cáo, Văn phòng",
			"Đồng chí Nguyễn Văn An, Trưởng Ban, đề nghị chỉnh sửa dự thảo lần 2", "    Bổ sung số liệu", "“sua.xlsx”"}},
		{"ask again", AskAgainLetter(d, boss, "Đã xem"), []string{"chưa xác định được ý kiến", "    Đã xem", answerAgain}},
		{"unclear", UnclearLetter(d, boss, "Để mai", "không rõ"), []string{"Cần xác nhận ý kiến của lãnh đạo", "Lý do: không rõ."}},
		{"stale", StaleLetter(d, boss, 1), []string{"về dự thảo lần 1. Dự thảo lần 1 đã được thay thế bằng dự thảo lần 2", AnswerInstruction}},
		{"not your turn", NotYourTurnLetter(d, boss, []Person{{Title: "Chánh Văn phòng", Name: "Trần Thị Bình"}}),
			[]string{"đang chờ ý kiến của đồng chí Trần Thị Bình, Chánh Văn phòng; sau bước này Văn phòng sẽ kính trình đồng chí"}},
		{"withdraw", WithdrawLetter(d, boss, 1), []string{"Dự thảo lần 1 đã được thay thế:", "thay thế dự thảo lần 1 đã kính trình đồng chí"}},
		{"refused", RefusedReplyLetter(d.Office, "x@evil.example", "Re: [TH BM.02.01/KH 2026-11 v2]", "người gửi không thuộc quy trình duyệt"), []string{"x@evil.example", "không được tính là ý kiến duyệt"}},
		{"issue", IssueLetter(d, []Decided{{Person: boss, At: at, Version: 2, MessageID: "r1@mail.example"}}),
			[]string{"Báo cáo đã duyệt: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 [TH BM.02.01/KH 2026-11 v2]",
				"- Đồng chí Nguyễn Văn An, Trưởng Ban, duyệt lúc 09:15 ngày 20/11/2026.", "Báo cáo tổng hợp số liệu của 2/3 đơn vị"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.letter.Subject + "\n" + tt.letter.Body
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in:\n%s", w, text)
				}
			}
			if !norm.NFC.IsNormalString(text) {
				t.Error("letter is not NFC")
			}
			if strings.Contains(tt.letter.Subject, "\n") {
				t.Errorf("subject has a newline: %q", tt.letter.Subject)
			}
			// Nothing technical: the reply's Message-ID stays in the record, not in the letter.
			if strings.Contains(text, "r1@mail.example") || strings.Contains(text, "Trả lời thư này: Duyệt") {
				t.Errorf("technical or bare order in:\n%s", text)
			}
		})
	}
}
