package templates

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// TestGenerate_Prefill writes last week's tasks into a work program's results sheet, reads the
// template back, and answers the rows with FillRows.
func TestGenerate_PrefilledResults(t *testing.T) {
	f := builtin(t, "BM.04.01/KH")
	pre := &form.Filled{Tables: map[string][]form.Row{"results": {
		{Values: map[string]string{"content": "Nhiệm vụ A"}}, {Values: map[string]string{"content": "Nhiệm vụ B"}}}}}
	var buf bytes.Buffer
	if err := Generate(&buf, f, testMeta(), pre); err != nil {
		t.Fatal(err)
	}
	tpl := buf.Bytes()
	rep := read(t, tpl)
	rows := rep.Filled.Tables["results"]
	if len(rows) != 2 || rows[0].Values["content"] != "Nhiệm vụ A" || rows[1].Values["content"] != "Nhiệm vụ B" {
		t.Fatalf("results read back: got %+v, want A and B", rows)
	}
	if rows[0].Values["status"] != "" {
		t.Errorf("status pre-filled: %q", rows[0].Values["status"])
	}
	if !hasProblemIn(rep.Errors, "Kết quả kỳ trước", CodeRequired) {
		t.Errorf("a task without a status is not refused: %+v", rep.Errors)
	}
	x, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []int{2, 3} { // content and status; A is the locked row number
		if locked(t, x, "Kết quả kỳ trước", cellName(col, rows[0].Line)) {
			t.Errorf("pre-filled cell %s is locked", cellName(col, rows[0].Line))
		}
	}
	x.Close()

	data := sampleData(f)
	delete(data.Tables, "results")
	filled := fill(t, tpl, f, data)
	answers := []form.Row{
		{Line: rows[0].Line, Values: map[string]string{"status": "Hoàn thành"}},
		{Line: rows[1].Line, Values: map[string]string{"status": "Đang thực hiện", "reason": "Chờ ý kiến của Sở"}},
	}
	out, err := FillRows(filled, f, "results", answers)
	if err != nil {
		t.Fatal(err)
	}
	rep = read(t, out)
	if !rep.Valid() {
		t.Fatalf("answered file invalid: %+v", rep.Errors)
	}
	got := rep.Filled.Tables["results"]
	if len(got) != 2 || got[1].Values["content"] != "Nhiệm vụ B" || got[1].Values["status"] != "Đang thực hiện" || got[1].Values["reason"] != "Chờ ý kiến của Sở" {
		t.Errorf("answered results: got %+v", got)
	}
	if _, err := FillRows(filled, f, "results", []form.Row{{Line: 2, Values: map[string]string{"status": "Hoàn thành"}}}); err == nil {
		t.Error("FillRows above the header: want an error")
	}
	if _, err := FillRows(filled, f, "nope", answers); err == nil {
		t.Error("FillRows of an unknown table: want an error")
	}
}

func hasProblemIn(ps []form.Problem, sheet, code string) bool {
	for _, p := range ps {
		if p.Sheet == sheet && p.Code == code {
			return true
		}
	}
	return false
}

// wardForm has an indicator only wards report, required of them, and one every unit reports.
func wardForm() form.Form {
	return form.Form{
		Code: "KTXH/T", Version: 1, Title: "Báo cáo tình hình kinh tế - xã hội tháng", Period: form.Kinds{"month"},
		Indicators: []form.IndicatorTable{{Key: "ktxh", Title: "Chỉ tiêu",
			Columns: []form.Column{{Key: "plan", Title: "Kế hoạch năm", Type: form.Decimal},
				{Key: "period", Title: "Thực hiện trong tháng", Type: form.Decimal}},
			Rows: []form.Indicator{
				{Code: "1", Name: "Thu ngân sách trên địa bàn", Unit: "triệu đồng", Required: true, Groups: []string{"phuong"}},
				{Code: "3", Name: "Số vụ phạm pháp hình sự", Unit: "vụ", Required: true},
			}}},
	}
}

func TestGroups_TemplateAndReading(t *testing.T) {
	f := wardForm()
	ward, police := f.ForGroup("phuong"), f.ForGroup("phong")
	readAs := func(data []byte, layout form.Form) *form.Report {
		t.Helper()
		rep, err := Read(data, []form.Form{layout}, testSecret, Limits{})
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		return rep
	}
	names := func(tpl []byte) map[string]bool {
		t.Helper()
		x, err := excelize.OpenReader(bytes.NewReader(tpl))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, err := x.GetRows("Chỉ tiêu")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, r := range rows {
			for _, c := range r {
				out[strings.TrimSuffix(c, " (*)")] = true
			}
		}
		return out
	}
	wardTpl, policeTpl := generate(t, ward), generate(t, police)
	if !names(wardTpl)["Thu ngân sách trên địa bàn"] {
		t.Error("the ward's template lacks the ward row")
	}
	if names(policeTpl)["Thu ngân sách trên địa bàn"] {
		t.Error("the police's template shows the ward row")
	}
	t.Run("PoliceValidWithoutWardRow", func(t *testing.T) {
		data := form.Filled{Indicators: map[string]map[string]map[string]string{"ktxh": {"3": {"period": "4"}}}}
		rep := readAs(fill(t, policeTpl, police, data), police)
		if !rep.Valid() {
			t.Errorf("police file refused: %+v", rep.Errors)
		}
	})
	t.Run("WardMissingRowRequired", func(t *testing.T) {
		data := form.Filled{Indicators: map[string]map[string]map[string]string{"ktxh": {"3": {"period": "4"}}}}
		rep := readAs(fill(t, wardTpl, ward, data), ward)
		if !hasProblemIn(rep.Errors, "Chỉ tiêu", CodeRequired) {
			t.Errorf("ward file without row 1: got errors %+v, want required", rep.Errors)
		}
		data.Indicators["ktxh"]["1"] = map[string]string{"period": "1500"}
		if rep := readAs(fill(t, wardTpl, ward, data), ward); !rep.Valid() {
			t.Errorf("complete ward file refused: %+v", rep.Errors)
		}
	})
}
