package letters_test

import (
	"archive/zip"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/templates"
)

// booksProblemCases are the ways a file goes wrong, each in the words of what the unit did.
func booksProblemCases() []booksProblemCase {
	long := string([]rune(strings.Repeat("Nội dung chi tiết. ", 11))[:201])
	return []booksProblemCase{
		{what: "để trống ô bắt buộc", data: booksFilled(func(d *form.Filled) { delete(booksRow(d, 0), "noi_dung") }, nil)},
		{what: "gõ chữ vào ô số", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["kinh_phi"] = "khoảng 5 triệu" }, nil)},
		{what: "gõ số thập phân vào ô số nguyên", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["so_nguoi"] = "2,5" }, nil)},
		{what: "gõ ngày không có thật", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["han"] = "31/2/2026" }, nil)},
		{what: "gõ giá trị không có trong danh sách", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["muc_do"] = "Rất gấp" }, nil)},
		{what: "gõ quá số ký tự cho phép", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["noi_dung"] = long }, nil)},
		{what: "gõ số nhỏ hơn mức tối thiểu", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["so_nguoi"] = "-3" }, nil)},
		{what: "gõ số lớn hơn mức tối đa", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["kinh_phi"] = "25000" }, nil)},
		{what: "gõ sai địa chỉ thư điện tử", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["email"] = "canbo@" }, nil)},
		{what: "gõ sai số điện thoại", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["dien_thoai"] = "09123" }, nil)},
		{what: "gõ số dạng chữ, có dấu chấm ngăn cách hàng nghìn", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["kinh_phi"] = "1.234,5" }, nil)},
		{what: "gõ tỷ lệ dạng số thập phân vào ô đã đổi định dạng", data: booksFilled(nil, booksNumberCell("E5", 0.85))},
		{what: "gõ ngày có năm hai chữ số", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["han"] = "5/1/27" }, nil)},
		{what: "ô ngày đã đổi định dạng thành số", data: booksFilled(nil, booksNumberCell("F5", 46356))},
		{what: "gõ lựa chọn không dấu", data: booksFilled(func(d *form.Filled) { booksRow(d, 0)["muc_do"] = "trung binh" }, nil)},
		{what: "số điện thoại mất số 0 ở đầu", data: booksFilled(nil, booksNumberCell("I5", 912345678))},
		{what: "điền sai thư điện tử trên trang Hướng dẫn", data: booksFilled(func(d *form.Filled) {
			d.Header = map[string]string{templates.HeaderEmail: "huong tai kcn"}
		}, nil)},
		{what: "chỉ điền một dòng", data: booksFilled(func(d *form.Filled) { d.Tables["viec"] = d.Tables["viec"][:1] }, nil)},
		{what: "không điền dòng nào", data: booksFilled(func(d *form.Filled) { delete(d.Tables, "viec") }, nil)},
		{what: "điền quá số dòng đọc được", data: booksFilled(func(d *form.Filled) {
			d.Tables["viec"] = append(d.Tables["viec"], d.Tables["viec"]...)
		}, nil)},
		{what: "xóa một trang", data: booksFilled(nil, func(x *excelize.File) error { return x.DeleteSheet("Công việc") })},
		{what: "sửa tiêu đề một cột", data: booksFilled(nil, func(x *excelize.File) error { return x.SetCellStr("Công việc", "F4", "Hạn") })},
		{what: "sửa tiêu đề một cột bắt buộc", data: booksFilled(nil, func(x *excelize.File) error { return x.SetCellStr("Công việc", "B4", "Việc") })},
		{what: "sửa tên một mục nội dung", data: booksFilled(nil, func(x *excelize.File) error {
			return x.SetCellStr(templates.NarrativeSheet, "A6", "Kiến nghị")
		})},
		{what: "để trống mục nội dung bắt buộc", data: booksFilled(func(d *form.Filled) { delete(d.Narrative, "ket_qua") }, nil)},
		{what: "viết quá dài một mục nội dung", data: booksFilled(func(d *form.Filled) {
			d.Narrative["ket_qua"] = string([]rune(strings.Repeat("Kết quả. ", 2223))[:20001])
		}, nil)},
		{what: "sửa mã số và tên một chỉ tiêu", data: booksBuiltinFilled("BM.02.01/KH", nil, func(x *excelize.File) error {
			if err := x.SetCellStr("Chỉ tiêu", "A7", "1.3"); err != nil {
				return err
			}
			return x.SetCellStr("Chỉ tiêu", "B7", "Dự án khác")
		})},
		{what: "chỉ tiêu tổng khác tổng các chỉ tiêu thành phần", data: booksBuiltinFilled("BM.02.01/KH", func(d *form.Filled) {
			d.Indicators["kcn"]["1"]["plan"] = "99"
		}, nil)},
		{what: "gõ bằng bảng mã cũ", data: booksBuiltinFilled("BM.04.01/KH", func(d *form.Filled) {
			d.Tables = map[string][]form.Row{"tasks": {{Line: 5, Values: map[string]string{
				"content": "Rµ so¸t hå s¬ dù ¸n ®Çu t\u00ad", "lead": "QLDN", "person": "Trần Văn Nam", "deadline": "2026-11-27"}}}}
			d.Indicators = nil
		}, nil)},
		{what: "sửa thông tin nhận dạng của tệp", data: booksFilled(nil, booksIdentCell("B3", "QLDT"))},
		{what: "tệp mẫu cũ không ghi khóa, thông tin nhận dạng bị sửa", data: booksFilled(nil, func(x *excelize.File) error {
			if err := x.SetCellStr(templates.IdentSheet, "B6", ""); err != nil {
				return err
			}
			return x.SetCellStr(templates.IdentSheet, "B5", "00")
		})},
		{what: "dùng tệp mẫu của cơ quan khác", data: booksFilled(nil, nil), keys: templates.Keys{Current: []byte("khóa của cơ quan khác")}},
		{what: "dùng tệp mẫu gửi trước khi thay khóa", data: booksFilled(nil, nil),
			keys: templates.Keys{Current: []byte("khóa mới của Văn phòng"), Previous: [][]byte{booksKey}}},
		{what: "gửi một bảng tính khác", data: booksBlankWorkbook},
		{what: "gửi tệp mẫu của biểu mẫu khác", data: booksFilled(nil, booksIdentCell("B1", "BM.99/KH"))},
		{what: "tệp mất trang nhận dạng ẩn", data: booksFilled(nil, booksNoIdent(false))},
		{what: "tệp mất cả dòng mã nhận dạng", data: booksFilled(nil, booksNoIdent(true))},
		{what: "dùng tệp mẫu trước khi biểu mẫu được sửa đổi", data: booksFilled(nil, nil), forms: []form.Form{booksRevised()}},
		{what: "gửi tệp có macro", data: booksMacros},
		{what: "gửi tệp định dạng Excel cũ, hệ thống chuyển được", data: booksCorpus("readxl__vietnamese-utf8.xls"),
			converted: booksFilled(nil, nil)},
		{what: "gửi tệp định dạng Excel cũ", data: booksCorpus("readxl__vietnamese-utf8.xls")},
		{what: "đính kèm tệp rỗng", data: func(*testing.T) []byte { return nil }},
		{what: "gửi tệp quá lớn", data: func(*testing.T) []byte { return bytes.Repeat([]byte("x"), 33<<20+1000) }},
		{what: "gửi tệp không phải bảng tính", data: func(*testing.T) []byte { return []byte("Báo cáo tháng 11: xem thư.") }},
		{what: "gửi tệp đặt mật khẩu", data: booksCorpus("excelize__encryptAES.xlsx")},
		{what: "gửi tệp hỏng khi tải về", data: booksDamaged},
		{what: "gửi tệp có nội dung giải nén quá lớn", data: booksFilled(nil, nil), lim: templates.Limits{MaxUnzipBytes: 10_000}},
		{what: "gửi tệp có quá nhiều ô", data: booksFilled(nil, nil), lim: templates.Limits{MaxCells: 50}},
		{what: "gửi tệp có quá nhiều chữ", data: booksFilled(nil, nil), lim: templates.Limits{MaxChars: 500}},
		{what: "gửi tệp đọc quá lâu", data: booksFilled(nil, nil), lim: templates.Limits{Timeout: 1}},
	}
}

// booksDamaged is the test form's file with bytes flipped in the middle of its largest part, as
// a damaged download, the zip directory intact.
func booksDamaged(t *testing.T) []byte {
	t.Helper()
	data := booksFilled(nil, nil)(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var big *zip.File
	for _, f := range zr.File {
		if big == nil || f.CompressedSize64 > big.CompressedSize64 {
			big = f
		}
	}
	off, err := big.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.Clone(data)
	for i := off + int64(big.CompressedSize64)/3; i < off+int64(big.CompressedSize64)/3+64; i++ {
		out[i] ^= 0x5a
	}
	return out
}

// booksRevised is the test form after a revision: version 2.
func booksRevised() form.Form {
	f := booksTaskForm()
	f.Version = 2
	return f
}

func booksBlankWorkbook(t *testing.T) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetCellStr("Sheet1", "A1", "Danh sách cán bộ"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// booksMacros is the test form's file saved with a macro project, as .xlsm.
func booksMacros(t *testing.T) []byte {
	t.Helper()
	corpus := booksCorpus("calamine__vba.xlsm")(t)
	zr, err := zip.NewReader(bytes.NewReader(corpus), int64(len(corpus)))
	if err != nil {
		t.Fatal(err)
	}
	var vba []byte
	for _, f := range zr.File {
		if f.Name == "xl/vbaProject.bin" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			vba, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	x, err := excelize.OpenReader(bytes.NewReader(booksFilled(nil, nil)(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.AddVBAProject(vba); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bao-cao.xlsm")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestBooksCatalogue_TemplatesComplete: every message of templates/messages.go a unit can read
// (the problems and the cell prompts) is in the catalogue, so a new one cannot be added
// without being read here.
func TestBooksCatalogue_TemplatesComplete(t *testing.T) {
	if booksUpdating() {
		t.Skip("reads the golden files: run again without -update")
	}
	var all strings.Builder
	for _, name := range booksGoldenFiles {
		if strings.HasPrefix(name, "templates-") {
			data, err := os.ReadFile(filepath.Join(booksGoldenDir, name))
			if err != nil {
				t.Skipf("%v (write the golden files first)", err)
			}
			all.Write(data)
		}
	}
	text := all.String()
	fs := token.NewFileSet()
	file, err := parser.ParseFile(fs, filepath.Join("..", "templates", "messages.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	verb := regexp.MustCompile(`%[sdq]`)
	n := 0
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if !strings.HasPrefix(id.Name, "msg") && !strings.HasPrefix(id.Name, "dv") || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					continue
				}
				format, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				n++
				parts := verb.Split(strings.ReplaceAll(format, "%%", "%"), -1)
				for j := range parts {
					parts[j] = regexp.QuoteMeta(parts[j])
				}
				if !regexp.MustCompile(strings.Join(parts, ".*?")).MatchString(text) {
					t.Errorf("%s (%q) is in no templates-*.txt golden file", id.Name, format)
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("read %d messages from templates/messages.go, want them all", n)
	}
}
