package letters_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/templates"
)

// The templates a unit fills: for each built-in form its cover, sheets and cell prompts; then
// every problem a workbook can have, each made by a real workbook read back, as the letters
// quote them.

var booksKey = []byte("khóa tệp mẫu của Văn phòng")

// booksTemplateMeta is the test office's template for QLDN. The ward report's deadline is at
// midnight, which the cover writes as the whole day before.
func booksTemplateMeta(f form.Form) templates.Meta {
	m := templates.Meta{Office: "Ban Quản lý các khu công nghiệp tỉnh Thái Nguyên", UnitCode: "QLDN",
		UnitName: "Phòng Quản lý doanh nghiệp", Period: "2026-11", PeriodLabel: "Tháng 11/2026",
		Deadline: booksAt(18, 17, 0), ReplyTo: "baocao@kcn.thainguyen.gov.vn", Secret: booksKey}
	switch {
	case f.Period.Has("week"):
		m.Period, m.PeriodLabel, m.Deadline = "2026-W48", "Tuần 48 (23/11 – 29/11/2026)", booksAt(19, 15, 0)
	case f.Code == "KT-XH":
		m.Deadline = time.Date(2026, 12, 16, 0, 0, 0, 0, booksICT)
	}
	return m
}

// booksGenerate is the template of form f with meta m, generated once a process for the same
// form and meta (the problem cases fill the same few templates fifty times) and copied for each
// caller.
func booksGenerate(t *testing.T, f form.Form, m templates.Meta) []byte {
	t.Helper()
	key, err := json.Marshal(struct {
		F form.Form
		M templates.Meta
	}{f, m})
	if err != nil {
		t.Fatal(err)
	}
	booksTemplates.Lock()
	defer booksTemplates.Unlock()
	tpl, ok := booksTemplates.m[string(key)]
	if !ok {
		var buf bytes.Buffer
		if err := templates.Generate(&buf, f, m, nil); err != nil {
			t.Fatal(err)
		}
		tpl = buf.Bytes()
		if booksTemplates.m == nil {
			booksTemplates.m = map[string][]byte{}
		}
		booksTemplates.m[string(key)] = tpl
	}
	return bytes.Clone(tpl)
}

// booksTemplates holds what booksGenerate made, by form and meta.
var booksTemplates struct {
	sync.Mutex
	m map[string][]byte
}

func TestBooksCatalogue_Templates(t *testing.T) {
	forms := form.Builtins()
	forms["BC.TH/TN"] = booksTaskForm() // a column of every type
	for code, f := range forms {
		name := "templates-" + strings.ToLower(form.Slug(code)) + ".txt"
		name = strings.ReplaceAll(name, ".", "-")
		name = strings.TrimSuffix(name, "-txt") + ".txt"
		t.Run(code, func(t *testing.T) {
			text := booksDumpTemplate(t, booksGenerate(t, f, booksTemplateMeta(f)))
			booksGolden(t, name, text, booksIdentLine)
		})
	}
}

// booksIdentLine leaves out the cover's identification line, which a program reads.
func booksIdentLine(line string) string {
	if strings.Contains(line, templates.IdentPrefix+"|") {
		return ""
	}
	return line
}

// booksDumpTemplate writes a template as a unit sees it: each visible sheet's cells, then the
// messages Excel shows beside a cell (the input prompt) and when a value is refused.
func booksDumpTemplate(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		if visible, _ := f.GetSheetVisible(sheet); !visible {
			continue
		}
		booksDumpSheet(t, &b, f, sheet, nil)
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			if dv.Prompt != nil && *dv.Prompt != "" {
				fmt.Fprintf(&b, "  Nhắc nhập ở ô %s, “%s”: %s\n", dv.Sqref, booksStr(dv.PromptTitle), *dv.Prompt)
			}
			if dv.Error != nil && *dv.Error != "" {
				fmt.Fprintf(&b, "  Báo lỗi ở ô %s, “%s”: %s\n", dv.Sqref, booksStr(dv.ErrorTitle), *dv.Error)
			}
		}
	}
	return b.String()
}

func booksStr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// booksTask is the test form that has a column of every type, a required text, a limit of
// rows and a long narrative section, so that every problem about a cell can be shown.
func booksTaskForm() form.Form {
	f64 := func(v float64) *float64 { return &v }
	return form.Form{Code: "BC.TH/TN", Version: 1, Period: form.Kinds{"month"}, Title: "Báo cáo tình hình thực hiện nhiệm vụ được giao",
		Tables: []form.Table{{Key: "viec", Title: "Công việc", MinRows: 2, FreeRows: 5, MaxRows: 3, Columns: []form.Column{
			{Key: "noi_dung", Title: "Nội dung", Type: form.Text, Required: true, MaxLen: 200},
			{Key: "so_nguoi", Title: "Số người thực hiện", Type: form.Integer, Min: f64(0), Max: f64(50)},
			{Key: "kinh_phi", Title: "Kinh phí, triệu đồng", Type: form.Decimal, Min: f64(0), Max: f64(20000)},
			{Key: "ty_le", Title: "Tỷ lệ hoàn thành", Type: form.Percent},
			{Key: "han", Title: "Thời hạn", Type: form.Date},
			{Key: "muc_do", Title: "Mức độ ưu tiên", Type: form.Choice, Choices: []string{"Cao", "Trung bình", "Thấp"}},
			{Key: "email", Title: "Thư điện tử", Type: form.Email},
			{Key: "dien_thoai", Title: "Điện thoại", Type: form.Phone},
		}}},
		Narrative: []form.Section{{Key: "ket_qua", Title: "I. Kết quả", Required: true, MaxLen: 20000},
			{Key: "kien_nghi", Title: "II. Kiến nghị", MaxLen: 500}},
	}
}

// booksTaskData is a valid filling of booksTaskForm: two rows and the results.
func booksTaskData() form.Filled {
	row := func(line int, content string) form.Row {
		return form.Row{Line: line, Values: map[string]string{"noi_dung": content, "so_nguoi": "3", "kinh_phi": "120.5",
			"ty_le": "80", "han": "2026-11-30", "muc_do": "Cao", "email": "canbo@kcn.gov.vn", "dien_thoai": "0912345678"}}
	}
	return form.Filled{Tables: map[string][]form.Row{"viec": {row(5, "Rà soát hồ sơ dự án"), row(6, "Kiểm tra doanh nghiệp")}},
		Narrative: map[string]string{"ket_qua": "Hoàn thành các nhiệm vụ được giao."}}
}

// booksProblemCase is one way a unit's file goes wrong: what the unit did, and the file.
type booksProblemCase struct {
	what string
	data func(t *testing.T) []byte
	lim  templates.Limits
	keys templates.Keys // zero: the office's key
	// converted, when set, is what LibreOffice would make of the file (a .xls).
	converted func(t *testing.T) []byte
	// forms are the forms read against; nil: the test form and the built-ins.
	forms []form.Form
}

func TestBooksCatalogue_Problems(t *testing.T) {
	var b strings.Builder
	for _, c := range booksProblemCases() {
		keys := c.keys
		if keys.Current == nil {
			keys.Current = booksKey
		}
		forms := c.forms
		if forms == nil {
			forms = booksForms()
		}
		var conv templates.Converter
		if c.converted != nil {
			conv = booksConverter{c.converted(t)}
		}
		rep, _, _ := templates.ReadAny(context.Background(), c.data(t), forms, keys, c.lim, conv)
		if rep == nil || len(rep.Errors)+len(rep.Warnings) == 0 {
			t.Errorf("%s: got no problem", c.what)
			continue
		}
		fmt.Fprintf(&b, "Trường hợp: %s\n", c.what)
		for _, p := range rep.Errors {
			fmt.Fprintf(&b, "  Lỗi: %s\n", p.Message)
		}
		for _, p := range rep.Warnings {
			fmt.Fprintf(&b, "  Lưu ý: %s\n", p.Message)
		}
		b.WriteString("\n")
	}
	booksGolden(t, "templates-problems.txt", b.String(), nil)
}

func booksForms() []form.Form {
	out := []form.Form{booksTaskForm()}
	for _, code := range []string{"BM.04.01/KH", "BM.04.02/KH", "BM.02.01/KH", "KT-XH"} {
		out = append(out, form.Builtins()[code])
	}
	return out
}

// booksFilled generates the test form's template, fills it with data changed by change, and
// then lets edit alter the workbook as Excel would keep it.
func booksFilled(change func(d *form.Filled), edit func(x *excelize.File) error) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		t.Helper()
		f := booksTaskForm()
		d := booksTaskData()
		if change != nil {
			change(&d)
		}
		return booksFill(t, f, booksGenerate(t, f, booksTemplateMeta(f)), d, edit)
	}
}

func booksFill(t *testing.T, f form.Form, tpl []byte, d form.Filled, edit func(x *excelize.File) error) []byte {
	t.Helper()
	data, err := templates.Fill(tpl, f, d)
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return data
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := edit(x); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// booksBuiltinFilled is the monthly report of the test office filled, then changed.
func booksBuiltinFilled(code string, change func(d *form.Filled), edit func(x *excelize.File) error) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		t.Helper()
		f := form.Builtins()[code]
		d := booksFigures(f, 1, nil)
		d.Header = map[string]string{}
		if change != nil {
			change(&d)
		}
		return booksFill(t, f, booksGenerate(t, f, booksTemplateMeta(f)), d, edit)
	}
}

func booksRow(d *form.Filled, i int) map[string]string { return d.Tables["viec"][i].Values }

// booksNumberCell stores a number in a cell of the table with Excel's general format, as a unit
// typing into a cell it reformatted would.
func booksNumberCell(cell string, v float64) func(x *excelize.File) error {
	return func(x *excelize.File) error {
		if err := x.SetCellValue("Công việc", cell, v); err != nil {
			return err
		}
		return x.SetCellStyle("Công việc", cell, cell, 0)
	}
}

func booksIdentCell(cell, value string) func(x *excelize.File) error {
	return func(x *excelize.File) error { return x.SetCellStr(templates.IdentSheet, cell, value) }
}

// booksNoIdent removes the hidden identification and the names that repeat it, as a program
// that re-saves the file may; withCover also clears the cover's identification line.
func booksNoIdent(withCover bool) func(x *excelize.File) error {
	return func(x *excelize.File) error {
		if err := x.DeleteSheet(templates.IdentSheet); err != nil {
			return err
		}
		for _, n := range x.GetDefinedName() {
			if strings.HasPrefix(n.Name, templates.IdentPrefix+"_") {
				if err := x.DeleteDefinedName(&excelize.DefinedName{Name: n.Name, Scope: n.Scope}); err != nil {
					return err
				}
			}
		}
		if !withCover {
			return nil
		}
		cells, err := x.SearchSheet(templates.CoverSheet, "^"+templates.IdentPrefix+`\|`, true)
		if err != nil || len(cells) != 1 {
			return fmt.Errorf("identification line: %v, %v", cells, err)
		}
		return x.SetCellStr(templates.CoverSheet, cells[0], "")
	}
}

func booksCorpus(name string) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("..", "templates", "testdata", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
}

// booksConverter stands for LibreOffice: it turns any .xls into the given workbook.
type booksConverter struct{ out []byte }

func (c booksConverter) ToXLSX(context.Context, []byte) ([]byte, error) { return c.out, nil }

var _ templates.Converter = booksConverter{}
