package letters

import (
	"strings"
	"testing"
)

func TestFailedMailLetter(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	tests := []struct {
		name string
		n    FailedMail
		want []string
	}{
		{"Mailbox", FailedMail{Office: sampleOffice, Tries: 3, Size: 38 << 10, SHA256: sha, Folder: "Failed"},
			[]string{"Kính gửi: Các đồng chí phụ trách tổng hợp báo cáo, Văn phòng", "3 lần", "38 KB",
				"chuyển vào thư mục “Failed” của hộp thư chung", "0123456789abcdef.", "Trân trọng./."}},
		{"Ingest", FailedMail{Tries: 4, Size: 5 << 20, SHA256: sha}, []string{"4 lần", "dung lượng 5 MB,", "Thư đã được để riêng."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := FailedMailLetter(tc.n)
			for _, w := range tc.want {
				if !strings.Contains(l.Body, w) {
					t.Errorf("body: got\n%s\nwant it to contain %q", l.Body, w)
				}
			}
			if found := LintLetter(l); len(found) > 0 {
				t.Errorf("LintLetter: got %v in\n%s", found, l.Body)
			}
			if strings.Contains(l.Body, sha) {
				t.Error("body: got the whole sha256, want its first 16 digits")
			}
		})
	}
}
