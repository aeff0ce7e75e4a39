package receive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officeapps"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/wordfile"
)

// narrativeForms is the test office with the Thái Nguyên department's BM-VP-01.01: a monthly
// report of narrative sections only, which units may send in Word.
const narrativeForms = officetest.FormsDefault + `
[[forms]]
code = "BM-VP-01.01"
title = "Báo cáo kết quả công tác"
period = "month"
deadline = "day 20"
approval = ["tb"]
  [[forms.narrative]]
  key = "results"
  title = "I. Kết quả thực hiện nhiệm vụ"
  required = true
  [[forms.narrative]]
  key = "highlights"
  title = "II.1. Kết quả nổi bật"
  [[forms.narrative]]
  key = "shortcomings"
  title = "II.2. Tồn tại, hạn chế"
  [[forms.narrative]]
  key = "direction"
  title = "III. Phương hướng nhiệm vụ kỳ tới"
  required = true
  [[forms.narrative]]
  key = "recommendations"
  title = "IV. Kiến nghị, đề xuất"
  max_len = 2000
`

// tableForms is an office whose only form is a list of rows: nothing a unit writes in words.
const tableForms = `
[[forms]]
code = "BC.DS/T"
title = "Danh sách doanh nghiệp được kiểm tra"
period = "month"
deadline = "day 20"
approval = ["tb"]
  [[forms.tables]]
  key = "ds"
  title = "Danh sách"
    [[forms.tables.columns]]
    key = "ten"
    title = "Tên doanh nghiệp"
    type = "text"
`

// officeWith compiles the test office with these forms.
func officeWith(t *testing.T, forms string) (*office.Office, *config.Config) {
	t.Helper()
	_, path := officetest.OfficeWith(t, testKey, officetest.Options{Forms: forms})
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg.MailAuth = config.MailAuth{}
	o, err := office.Compile(cfg, []byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	return o, cfg
}

// word2016 is the Word-shaped fixture (testdata/word/README.md) zipped, each part passed
// through edit (nil: as it is); a part edit returns nil for is dropped.
func word2016(t *testing.T, edit func(name string, data []byte) []byte) []byte {
	t.Helper()
	root := filepath.Join("testdata", "word", "word2016")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	err := fs.WalkDir(os.DirFS(root), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			return err
		}
		if edit != nil {
			data = edit(name, data)
		}
		if data != nil {
			add(name, data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		if extra := edit("", nil); extra != nil {
			add("word/vbaProject.bin", extra)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// word14 is the Word-saved package testdata/word/word14-par-known-styles.docx (see the README
// there) with a unit's report written into its document.xml, in the Heading1 and BodyText
// styles Word defined in it: every other part is as Word saved it.
func word14(t *testing.T) []byte {
	t.Helper()
	src, err := zip.OpenReader(filepath.Join("testdata", "word", "word14-par-known-styles.docx"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	para := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	body := para("BodyText", "BÁO CÁO") + para("BodyText", "Kết quả công tác tháng 11 năm 2026") +
		para("Heading1", "I. Kết quả thực hiện nhiệm vụ") + para("BodyText", "Hoàn thành 12/12 nhiệm vụ được giao.") +
		para("Heading1", "II. Đánh giá chung") +
		para("BodyText", "1. Kết quả nổi bật") + para("BodyText", "Thu hút 2 dự án đầu tư mới với tổng vốn 1.250 tỷ đồng.") +
		para("BodyText", "2. Tồn tại, hạn chế") + para("BodyText", "Tiến độ giải ngân của một số dự án còn chậm.") +
		para("Heading1", "III. Phương hướng nhiệm vụ tháng tới") + para("BodyText", "Đôn đốc các doanh nghiệp hoàn thành báo cáo năm.") +
		para("Heading1", "IV. Kiến nghị, đề xuất") + para("BodyText", "Không có.")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range src.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			start, end := bytes.Index(data, []byte("<w:body>"))+len("<w:body>"), bytes.Index(data, []byte("<w:sectPr"))
			if start < len("<w:body>") || end < start {
				t.Fatal("Word's document.xml has no body to write into")
			}
			data = slices.Concat(data[:start], []byte(body), data[end:])
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// libreOfficeDocx converts testdata/word/bao-cao-libreoffice.html to .docx with LibreOffice.
func libreOfficeDocx(t *testing.T) []byte {
	t.Helper()
	bin := officeapps.Soffice(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "bao-cao.html")
	html, err := os.ReadFile(filepath.Join("testdata", "word", "bao-cao-libreoffice.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, html, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "bao-cao.docx"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no .docx: %v", err)
	}
	return data
}

// sendWord judges a mail from unit QLDN carrying the files.
func sendWord(t *testing.T, o *office.Office, files ...officetest.File) ledger.Intake {
	t.Helper()
	in, _ := judgeMail(t, o, &fakeLedger{}, officetest.MailFiles(officetest.UnitAddr("QLDN"), officetest.OfficeAddr, "w1@kcn.example", files...))
	return in
}

func TestWord_Receipt(t *testing.T) {
	o, _ := officeWith(t, narrativeForms)
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		want map[string]string // a piece of each section's text
	}{
		{"Made by LibreOffice", libreOfficeDocx, map[string]string{
			"results":         "Trong tháng 11, Phòng đã hoàn thành 12/12 nhiệm vụ được giao.\n1. Công tác tham mưu",
			"highlights":      "Thu hút 2 dự án đầu tư mới với tổng vốn 1.250 tỷ đồng.",
			"shortcomings":    "Tiến độ giải ngân của một số dự án còn chậm.",
			"direction":       "Đôn đốc các doanh nghiệp hoàn thành báo cáo năm.",
			"recommendations": "Không có.",
		}},
		{"In a package saved by Word 14", word14, map[string]string{
			"results":         "Hoàn thành 12/12 nhiệm vụ được giao.",
			"highlights":      "Thu hút 2 dự án đầu tư mới với tổng vốn 1.250 tỷ đồng.",
			"shortcomings":    "Tiến độ giải ngân của một số dự án còn chậm.",
			"direction":       "Đôn đốc các doanh nghiệp hoàn thành báo cáo năm.",
			"recommendations": "Không có.",
		}},
		{"Shaped as Word 2016 writes", func(t *testing.T) []byte { return word2016(t, nil) }, map[string]string{
			"results":         "Hoàn thành 12/12 nhiệm vụ được giao trong tháng.\na) Công tác tham mưu",
			"highlights":      "Thu hút 2 dự án mới, tổng vốn đăng ký 1.250 tỷ đồng (chi tiết tại Cổng thông tin của Ban).",
			"shortcomings":    "Tiến độ giải ngân vốn của một số dự án còn chậm.",
			"direction":       "Đôn đốc các doanh nghiệp hoàn thành báo cáo năm 2026.",
			"recommendations": "Không.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data(t)
			in, blobs := judgeMail(t, o, &fakeLedger{}, officetest.MailFiles(officetest.UnitAddr("QLDN"), officetest.OfficeAddr,
				"w1@kcn.example", officetest.File{Name: "Bao cao thang 11.docx", Data: data}))
			if len(in.Submissions) != 1 {
				t.Fatalf("got %d submissions, want 1; outbox %s", len(in.Submissions), kinds(in.Outbox))
			}
			sub := in.Submissions[0]
			if sub.Form != "BM-VP-01.01" || sub.Period != "2026-11" || sub.Unit != "QLDN" || !sub.Valid {
				t.Fatalf("got %s %s %s valid=%v, problems %s", sub.Form, sub.Period, sub.Unit, sub.Valid, sub.Problems)
			}
			if len(blobs) != 1 || !bytes.Equal(blobs[0], data) {
				t.Error("the .docx is not the file stored")
			}
			filled := wordFilled(t, sub)
			for key, want := range tt.want {
				if !strings.Contains(filled.Narrative[key], want) {
					t.Errorf("section %s: got %q, want it to hold %q", key, filled.Narrative[key], want)
				}
			}
			if strings.Contains(filled.Narrative["results"], "11/12") || strings.Contains(filled.Narrative["recommendations"], "Nơi nhận") {
				t.Errorf("deleted text or the recipients read: %q", filled.Narrative)
			}
			if kinds(in.Outbox) != "receipt" {
				t.Fatalf("got outbox %s, want a receipt", kinds(in.Outbox))
			}
			body := in.Outbox[0].Body
			for _, want := range []string{"5 mục nội dung (I. Kết quả thực hiện nhiệm vụ; II.1. Kết quả nổi bật;",
				"báo cáo tháng 11/2026, theo kỳ báo cáo ghi ở phần tiêu đề văn bản"} {
				if !strings.Contains(body, want) {
					t.Errorf("receipt lacks %q:\n%s", want, body)
				}
			}
		})
	}
}

func wordFilled(t *testing.T, sub ledger.Submission) form.Filled {
	t.Helper()
	var f form.Filled
	if err := json.Unmarshal(sub.Data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// plainHeading turns the Word fixture's heading into body text: its section is then missing.
func plainHeading(title string) func(string, []byte) []byte {
	return func(name string, data []byte) []byte {
		if name != "word/document.xml" {
			return data
		}
		i := bytes.Index(data, []byte(title))
		j := bytes.LastIndex(data[:i], []byte(`<w:pStyle w:val="Heading1"/>`))
		return append(append([]byte(nil), data[:j]...), data[j+len(`<w:pStyle w:val="Heading1"/>`):]...)
	}
}

func TestWord_Rejection(t *testing.T) {
	narrative, _ := officeWith(t, narrativeForms)
	figures, _ := testOffice(t)
	tables, _ := officeWith(t, tableForms)
	withMacros := func(name string, data []byte) []byte {
		if name == "" {
			return []byte("VBA")
		}
		return data
	}
	emptied := func(name string, data []byte) []byte {
		if name != "word/document.xml" {
			return data
		}
		return bytes.Replace(data, []byte("Đôn đốc các doanh nghiệp hoàn thành báo cáo năm 2026."), nil, 1)
	}
	tests := []struct {
		name     string
		o        *office.Office
		data     []byte
		recorded bool     // an invalid submission of the form is recorded
		want     []string // in the error letter
	}{
		{"Required section missing", narrative, word2016(t, plainHeading("Phương hướng, nhiệm vụ tháng 12")), true,
			[]string{"Không tìm thấy mục “III. Phương hướng nhiệm vụ kỳ tới” trong văn bản; đây là mục bắt buộc."}},
		{"Required section empty", narrative, word2016(t, emptied), true,
			[]string{"Mục “III. Phương hướng nhiệm vụ kỳ tới” (trong văn bản là “III. Phương hướng, nhiệm vụ tháng 12”) chưa có nội dung"}},
		{"Macros", narrative, word2016(t, withMacros), false,
			[]string{"có chứa macro hoặc mã lệnh tự động nên hệ thống không tiếp nhận"}},
		{"Form with figures", figures, word2016(t, nil), false,
			[]string{"Báo cáo theo biểu mẫu BM.02.01/KH (Báo cáo kết quả thực hiện nhiệm vụ) có phần số liệu nên phải gửi bằng tệp mẫu Excel"}},
		{"No form in words", tables, word2016(t, nil), false,
			[]string{"hệ thống chỉ nhận văn bản Word (.docx) đối với báo cáo bằng lời văn"}},
		{"Not a Word document", narrative, []byte("PK\x03\x04 not really"), false,
			[]string{"Không đọc được tệp Word “Bao cao.docx”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := sendWord(t, tt.o, officetest.File{Name: "Bao cao.docx", Data: tt.data})
			if got := len(in.Submissions) == 1 && in.Submissions[0].Form == "BM-VP-01.01" && !in.Submissions[0].Valid; got != tt.recorded {
				t.Errorf("invalid submission recorded: got %v, want %v (%d submissions)", got, tt.recorded, len(in.Submissions))
			}
			if kinds(in.Outbox) != "rejection" {
				t.Fatalf("got outbox %q, want a rejection", kinds(in.Outbox))
			}
			for _, want := range tt.want {
				if !strings.Contains(in.Outbox[0].Body, want) {
					t.Errorf("the error letter lacks %q:\n%s", want, in.Outbox[0].Body)
				}
			}
		})
	}
}

// TestWord_CoveringLetter: a Word letter beside a workbook is no report, and is not answered.
func TestWord_CoveringLetter(t *testing.T) {
	o, cfg := officeWith(t, narrativeForms)
	letter := word2016(t, func(name string, data []byte) []byte {
		if name != "word/document.xml" {
			return data
		}
		i, j := bytes.Index(data, []byte("<w:body>")), bytes.Index(data, []byte("<w:sectPr"))
		return append(append(append([]byte(nil), data[:i+len("<w:body>")]...),
			[]byte(`<w:p><w:r><w:t>Kính gửi: Văn phòng Ban. Phòng gửi kèm báo cáo tháng 11.</w:t></w:r></w:p>`)...), data[j:]...)
	})
	in := sendWord(t, o, officetest.File{Name: "BM.02.01-KH_2026-11_QLDN.xlsx", Data: officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)},
		officetest.File{Name: "Cong van.docx", Data: letter})
	if len(in.Submissions) != 1 || in.Submissions[0].Form != "BM.02.01/KH" || !in.Submissions[0].Valid {
		t.Fatalf("got %d submissions (%+v), want the workbook's alone", len(in.Submissions), in.Submissions)
	}
	if kinds(in.Outbox) != "receipt" {
		t.Errorf("got outbox %q, want the workbook's receipt alone", kinds(in.Outbox))
	}
}

// TestWord_PersonForUnit: a person reporting for a unit sends its Word report; the unit is the
// one the letterhead names, among those the person reports for.
func TestWord_PersonForUnit(t *testing.T) {
	o, _ := officeWith(t, narrativeForms)
	send := func(data []byte) ledger.Intake {
		in, _ := judgeMail(t, o, &fakeLedger{}, officetest.MailFiles(officetest.Supervisor, officetest.OfficeAddr,
			"p1@kcn.example", officetest.File{Name: "Bao cao.docx", Data: data}))
		return in
	}
	in := send(word2016(t, nil))
	if len(in.Submissions) != 1 || in.Submissions[0].Unit != "QLDN" || !in.Submissions[0].Valid {
		t.Fatalf("got %+v, want QLDN's valid report", in.Submissions)
	}
	in = send(word2016(t, func(name string, data []byte) []byte {
		if name != "word/document.xml" {
			return data
		}
		return bytes.Replace(data, []byte("PHÒNG QLDN"), []byte("PHÒNG KHÁC"), 1)
	}))
	if len(in.Submissions) != 0 || kinds(in.Outbox) != "rejection" || !strings.Contains(in.Outbox[0].Body, "không xác định được") {
		t.Errorf("got %d submissions, outbox %q; want a rejection naming no unit", len(in.Submissions), kinds(in.Outbox))
	}
}

// TestWord_LabelsAsLibreOfficeShows: the list numbers the reader computes for the Word-shaped
// fixture (heading styles linked to a multilevel list, a lettered list) are those LibreOffice
// shows when it opens the document.
func TestWord_LabelsAsLibreOfficeShows(t *testing.T) {
	bin := officeapps.Soffice(t)
	dir := t.TempDir()
	data := word2016(t, nil)
	src := filepath.Join(dir, "bao-cao.docx")
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "txt:Text", "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	shown, err := os.ReadFile(filepath.Join(dir, "bao-cao.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(shown), "\n") {
		lines[strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))] = true
	}
	doc, err := wordfile.Read(data, wordfile.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range doc.Paragraphs {
		if p.Numbering == "" {
			continue
		}
		n++
		if line := p.Numbering + " " + p.Text; !lines[line] {
			t.Errorf("%q: LibreOffice shows no such line:\n%s", line, shown)
		}
	}
	if n != 8 {
		t.Errorf("got %d numbered paragraphs, want 8 (I., a), b), II., 1., 2., III., IV.)", n)
	}
}
