package letters

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestStuckMailLetter(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	tests := []struct {
		name string
		n    StuckMail
		want []string
	}{
		{"Mailbox", StuckMail{Office: sampleOffice, Tries: 2, ReceivedAt: at(17, 9, 15), Size: 38 << 10, SHA256: sha, Folder: "Quarantine"},
			[]string{"Kính gửi: Các đồng chí phụ trách tổng hợp báo cáo, Văn phòng", "2 lần", "lúc 09:15 ngày 17/11/2026,", "38 KB",
				"chuyển vào thư mục “Quarantine” của hộp thư chung", "0123456789abcdef.", "Trân trọng./."}},
		{"Ingest", StuckMail{Tries: 3, Size: 5 << 20, SHA256: sha},
			[]string{"3 lần", "dung lượng 5 MB,", "Thư đã được tạm giữ."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := StuckMailLetter(tc.n)
			if l.Subject != "Thư không đọc được, đã tạm giữ" {
				t.Errorf("subject: got %q", l.Subject)
			}
			for _, w := range tc.want {
				if !strings.Contains(l.Body, w) {
					t.Errorf("body: got\n%s\nwant it to contain %q", l.Body, w)
				}
			}
			body := strings.ReplaceAll(l.Body, "\n-- \n", "\n--\n")
			if m := forbidden.FindString(body); m != "" || !norm.NFC.IsNormalString(body) {
				t.Errorf("body: got %q in\n%s", m, l.Body)
			}
			if strings.Contains(l.Body, sha) {
				t.Error("body: got the whole sha256, want its first 16 digits")
			}
		})
	}
}
