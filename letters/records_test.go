package letters

import (
	"strings"
	"testing"
)

func TestRecordsDamagedLetter(t *testing.T) {
	l := RecordsDamagedLetter(RecordsDamaged{Office: sampleOffice, At: at(17, 9, 15), Problems: 3})
	if l.Subject != "Phát hiện hồ sơ lưu trữ bị hư hỏng" {
		t.Errorf("subject: got %q", l.Subject)
	}
	for _, w := range []string{"Kính gửi: Các đồng chí phụ trách tổng hợp báo cáo, Văn phòng", "lúc 09:15 ngày 17/11/2026,",
		"3 chỗ không toàn vẹn", "khôi phục từ bản sao lưu", "Trân trọng./."} {
		if !strings.Contains(l.Body, w) {
			t.Errorf("body: got\n%s\nwant it to contain %q", l.Body, w)
		}
	}
	for _, text := range []string{l.Subject, l.Body} {
		if found := Lint(text); len(found) > 0 {
			t.Errorf("Lint: got %v in\n%s", found, text)
		}
	}
}
