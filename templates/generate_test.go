package templates

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

func TestFileName(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	if got, want := FileName(f, "PKH", "2026-11"), "BM.02.01-KH_2026-11_PKH.xlsx"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestGenerate opens each generated template again and checks its sheets, labels, validations,
// protection and identification.
func TestGenerate(t *testing.T) {
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			f := builtin(t, code)
			data := generate(t, f)
			x := open(t, data)
			var want []string
			want = append(want, CoverSheet)
			for _, p := range parts(&f) {
				want = append(want, p.sheet)
			}
			want = append(want, IdentSheet)
			if got := x.GetSheetList(); !reflect.DeepEqual(got, want) {
				t.Errorf("sheets: got %q, want %q", got, want)
			}
			checkCover(t, x, f)
			checkIdentSheet(t, x, data, f)
			for _, p := range parts(&f) {
				checkHeader(t, x, &p)
				switch p.kind {
				case kindTable:
					checkTableSheet(t, x, &p)
				case kindIndicators:
					checkIndicatorSheet(t, x, &p)
				}
			}
		})
	}
}

func cellText(t *testing.T, x *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := x.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

func checkCover(t *testing.T, x *excelize.File, f form.Form) {
	t.Helper()
	rows, err := x.GetRows(CoverSheet)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, " | "))
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		"BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH THÁI NGUYÊN", strings.ToUpper(f.Title), "Biểu mẫu | " + f.Code + "\n",
		"Phòng Kế hoạch - Tổng hợp (PKH)", "Tháng 11/2026", "Hạn gửi | 17:00 ngày 18/11/2026, thứ Tư",
		"baocao@kcn.thainguyen.gov.vn", "Người lập biểu", "TONGHOP|" + f.Code + "|1|PKH|2026-11",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("cover: no %q in\n%s", want, text)
		}
	}
	if p, err := x.GetSheetProtection(CoverSheet); err != nil || !p.FormatColumns || p.InsertRows {
		t.Errorf("cover protection: got %+v, %v; want protected", p, err)
	}
}

// TestGenerate_CoverDeadline: the cover writes a deadline as the letters do, a midnight
// deadline being the whole day before, and names a revised form's revision.
func TestGenerate_CoverDeadline(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		name     string
		deadline time.Time
		version  int
		want     []string
	}{
		{"Midnight", time.Date(2026, 12, 16, 0, 0, 0, 0, ict), 1,
			[]string{"Hạn gửi | trong ngày 15/12/2026, thứ Ba", "Biểu mẫu | BM.02.01/KH\n"}},
		{"Revised", time.Date(2026, 12, 15, 15, 0, 0, 0, ict), 3,
			[]string{"Hạn gửi | 15:00 ngày 15/12/2026, thứ Ba", "Biểu mẫu | BM.02.01/KH, sửa đổi lần 2\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := builtin(t, "BM.02.01/KH")
			f.Version = tt.version
			m := testMeta()
			m.Deadline = tt.deadline
			var buf bytes.Buffer
			if err := Generate(&buf, f, m, nil); err != nil {
				t.Fatal(err)
			}
			rows, err := open(t, buf.Bytes()).GetRows(CoverSheet)
			if err != nil {
				t.Fatal(err)
			}
			var text string
			for _, r := range rows {
				text += strings.Join(r, " | ") + "\n"
			}
			for _, want := range tt.want {
				if !strings.Contains(text, want) {
					t.Errorf("cover: no %q in\n%s", want, text)
				}
			}
			if strings.Contains(text, "16/12/2026") || strings.Contains(text, "phiên bản") {
				t.Errorf("cover names the day after the deadline or a version:\n%s", text)
			}
		})
	}
}

func checkIdentSheet(t *testing.T, x *excelize.File, data []byte, f form.Form) {
	t.Helper()
	kv := map[string]string{}
	for r := 1; r <= 6; r++ {
		kv[cellText(t, x, IdentSheet, cellName(1, r))] = cellText(t, x, IdentSheet, cellName(2, r))
	}
	want := map[string]string{
		"form": f.Code, "version": "1", "unit": "PKH", "period": "2026-11",
		"tag": IdentTag(testSecret, f.Code, 1, "PKH", "2026-11"), "key": KeyID(testSecret),
	}
	if !reflect.DeepEqual(kv, want) {
		t.Errorf("ident sheet: got %v, want %v", kv, want)
	}
	if visible, _ := x.GetSheetVisible(IdentSheet); visible {
		t.Error("ident sheet is visible")
	}
	if wb := zipPart(t, data, "xl/workbook.xml"); !strings.Contains(wb, `name="_tonghop" sheetId="`) || !strings.Contains(wb, `state="veryHidden"`) {
		t.Errorf("workbook.xml does not make %s very hidden:\n%s", IdentSheet, wb)
	}
}

func checkHeader(t *testing.T, x *excelize.File, p *part) {
	t.Helper()
	for i, h := range p.headers {
		got := cellText(t, x, p.sheet, cellName(i+1, HeaderRow))
		want := h.title
		if h.required {
			want += requiredMark
		}
		if got != want {
			t.Errorf("%s header %d: got %q, want %q", p.sheet, i+1, got, want)
		}
	}
	panes, err := x.GetPanes(p.sheet)
	if err != nil || !panes.Freeze || panes.YSplit != HeaderRow {
		t.Errorf("%s panes: got %+v, %v; want frozen below row %d", p.sheet, panes, err, HeaderRow)
	}
}

func checkTableSheet(t *testing.T, x *excelize.File, p *part) {
	t.Helper()
	dvs, err := x.GetDataValidations(p.sheet)
	if err != nil {
		t.Fatal(err)
	}
	byCol := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byCol[strings.TrimRight(topLeft(dv.Sqref), "0123456789")] = dv
	}
	for i, c := range p.table.Columns {
		dv := byCol[colName(i+2)]
		wantType := map[form.ColumnType]string{form.Choice: "list", form.Date: "date", form.Email: "custom"}[c.Type]
		if c.Type == form.Text && c.MaxLen > 0 {
			wantType = "textLength"
		}
		if dv == nil || dv.Type != wantType {
			t.Errorf("%s column %s: got validation %+v, want type %q", p.sheet, c.Key, dv, wantType)
			continue
		}
		if c.Type == form.Choice && dv.Formula1 != "DM_"+p.key+"_"+c.Key {
			t.Errorf("%s column %s: got list %q, want the named range", p.sheet, c.Key, dv.Formula1)
		}
		if dv.PromptTitle == nil || *dv.PromptTitle == "" || dv.Prompt == nil || *dv.Prompt == "" {
			t.Errorf("%s column %s: no input message", p.sheet, c.Key)
		}
	}
	if f := cellFormula(t, x, p.sheet, "A5"); !strings.HasPrefix(f, "IF(COUNTA(B5:") {
		t.Errorf("%s A5: got formula %q, want the STT numbering", p.sheet, f)
	}
}

func cellFormula(t *testing.T, x *excelize.File, sheet, ref string) string {
	t.Helper()
	f, err := x.GetCellFormula(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func checkIndicatorSheet(t *testing.T, x *excelize.File, p *part) {
	t.Helper()
	// Unprotected sheets report every permission false; ours allow formatting, not inserting.
	if prot, err := x.GetSheetProtection(p.sheet); err != nil || !prot.FormatColumns || prot.InsertRows {
		t.Errorf("%s: got protection %+v, %v; want protected", p.sheet, prot, err)
	}
	for i, ind := range p.ind.Rows {
		row := HeaderRow + 1 + i
		if got := cellText(t, x, p.sheet, cellName(1, row)); got != ind.Code {
			t.Errorf("%s A%d: got %q, want %q", p.sheet, row, got, ind.Code)
		}
		if locked(t, x, p.sheet, cellName(2, row)) != true || locked(t, x, p.sheet, cellName(4, row)) != false {
			t.Errorf("%s row %d: want the name locked and values unlocked", p.sheet, row)
		}
	}
}

func locked(t *testing.T, x *excelize.File, sheet, ref string) bool {
	t.Helper()
	idx, err := x.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := x.GetStyle(idx)
	if err != nil {
		t.Fatal(err)
	}
	return st.Protection == nil || st.Protection.Locked
}

func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGenerate_InvalidForm(t *testing.T) {
	f := builtin(t, "BM.04.02/KH")
	f.Tables[0].Columns[0].Type = "money"
	if err := Generate(io.Discard, f, testMeta(), nil); err == nil {
		t.Error("got no error for an invalid form")
	}
}

func TestUniqueSheetName(t *testing.T) {
	used := map[string]bool{norm2(CoverSheet): true}
	tests := []struct{ name, title, want string }{
		{"Plain", "Chương trình", "Chương trình"},
		{"Forbidden", "Kế hoạch [2026]: Q1/Q2?", "Kế hoạch -2026-- Q1-Q2-"},
		{"Long", "Danh mục các nhiệm vụ trọng tâm của đơn vị", "Danh mục các nhiệm vụ trọng tâm"},
		{"Duplicate", "Chương trình", "Chương trình (2)"},
		{"Reserved", "Hướng dẫn", "Hướng dẫn (2)"},
		{"Empty", "  ", "Trang"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := uniqueSheetName(tc.title, used); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
