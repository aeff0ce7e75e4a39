package letters

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestEditedNotTakenLetter(t *testing.T) {
	d := sampleDraft()
	boss := Person{Title: "Trưởng Ban", Name: "Nguyễn Văn An"}
	tests := []struct {
		name string
		why  string
		want []string
	}{
		{name: "Encrypted", why: "Tệp đã được đặt mật khẩu nên hệ thống không đọc được; hãy bỏ mật khẩu, lưu lại rồi gửi lại.",
			want: []string{"Tệp chỉnh sửa chưa được sử dụng: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (dự thảo lần 2) [TH BM.02.01/KH 2026-11 v2]",
				"Kính gửi: Đồng chí Nguyễn Văn An, Trưởng Ban", "kèm tệp “sua.xlsx”", "chưa được dùng làm dự thảo mới. Tệp đã được đặt mật khẩu",
				"ghi nhận cho dự thảo lần 2 như Văn phòng đã kính trình"}},
		{name: "TooLarge", why: EditedTooLarge, want: []string{"Tệp quá lớn nên hệ thống không đọc được."}},
		{name: "NoFullStop", why: "Tệp hỏng ", want: []string{"Tệp hỏng.\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := EditedNotTakenLetter(d, boss, "sua.xlsx", tt.why)
			text := l.Subject + "\n" + l.Body
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in:\n%s", w, text)
				}
			}
			if !norm.NFC.IsNormalString(text) || strings.Contains(l.Subject, "\n") {
				t.Errorf("not NFC, or a subject on two lines:\n%s", text)
			}
		})
	}
}
