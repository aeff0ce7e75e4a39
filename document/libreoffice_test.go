package document

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officeapps"
)

// TestLibreOffice_Template: a document filled into an office's letterhead (its body and
// recipients spliced in as paragraphs and tables) opens in LibreOffice Writer with every text.
func TestLibreOffice_Template(t *testing.T) {
	soffice := officeapps.Soffice(t)
	out, err := FillTemplate(letterhead(t), sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "mau.docx")
	if err := os.WriteFile(in, out, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", filepath.Join(dir, "out"), in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	text, err := os.ReadFile(filepath.Join(dir, "out", "mau.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Số: 125/BC-BQL", "Ninh Bình, ngày 08 tháng 12 năm 2026", "Kết quả thực hiện nhiệm vụ tháng 11 năm 2026",
		"Ban Quản lý KCN Gián Khẩu: Thu hút 2 dự án mới.", "Vốn đăng ký", "1.250,5", "Nguyễn Văn An", "- Sở Kế hoạch và Đầu tư;",
		"- Lưu: VT, KHTH."} {
		if !strings.Contains(string(text), want) {
			t.Errorf("LibreOffice's text lacks %q:\n%s", want, text)
		}
	}
}
