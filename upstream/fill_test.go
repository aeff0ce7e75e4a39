package upstream

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/templates"
)

func some(v float64) consolidate.Value { return consolidate.Value{V: v, OK: true} }

var none consolidate.Value

func row(code string, plan, period, ytd, lastYear consolidate.Value) consolidate.SummaryRow {
	return consolidate.SummaryRow{Code: code, Plan: plan, Period: period, YTD: ytd, LastYear: lastYear}
}

func decimal(key, title string) form.Column {
	return form.Column{Key: key, Title: title, Type: form.Decimal}
}

// upperForm is an upper form with one indicator table of the given key and codes, the usual
// value columns (and a ratio and a note, which hold none of our figures), a list and a section.
func upperForm(key string, codes ...string) form.Form {
	t := form.IndicatorTable{Key: key, Title: "Chỉ tiêu", Columns: []form.Column{decimal("plan", "Kế hoạch"),
		decimal("period", "Thực hiện"), decimal("ytd", "Lũy kế"), decimal("last_year", "Cùng kỳ"),
		{Key: "pct_plan", Title: "% kế hoạch", Type: form.Percent}, {Key: "note", Title: "Ghi chú", Type: form.Text}}}
	for _, c := range codes {
		t.Rows = append(t.Rows, form.Indicator{Code: c, Name: "Chỉ tiêu " + c})
	}
	return form.Form{Code: "UP", Version: 1, Title: "Biểu cấp trên", Period: form.Kinds{"month"},
		Indicators: []form.IndicatorTable{t},
		Tables: []form.Table{{Key: "tasks", Title: "Nhiệm vụ", Columns: []form.Column{
			{Key: "content", Title: "Nội dung", Type: form.Text}, {Key: "status", Title: "Tình trạng", Type: form.Text}}}},
		Narrative: []form.Section{{Key: "results", Title: "Kết quả"}}}
}

// TestFillData table-tests the mapping from our consolidated book to the upper form: by code
// and column, never inventing a figure.
func TestFillData(t *testing.T) {
	full := consolidate.Book{Summary: []consolidate.SummaryTable{{Key: "kcn", Rows: []consolidate.SummaryRow{
		row("1", some(100), some(12), some(40), some(9)),
		row("2", none, some(0.1+0.2), none, none),
	}}}}
	twoTables := consolidate.Book{Summary: []consolidate.SummaryTable{
		{Key: "a", Rows: []consolidate.SummaryRow{row("1", none, some(1), none, none)}},
		{Key: "b", Rows: []consolidate.SummaryRow{row("1", none, some(2), none, none), row("9", none, some(9), none, none)}},
	}}
	cases := []struct {
		name    string
		book    consolidate.Book
		upper   form.Form
		want    map[string]map[string]map[string]string
		figures int
		blank   []Blank
	}{{
		name: "same table and codes", book: full, upper: upperForm("kcn", "1", "2"),
		want: map[string]map[string]map[string]string{"kcn": {
			"1": {"plan": "100", "period": "12", "ytd": "40", "last_year": "9"},
			"2": {"period": "0.3"}, // a sum's floating-point noise is not a figure
		}},
		figures: 5,
		blank:   []Blank{{Table: "Chỉ tiêu", Code: "2", Name: "Chỉ tiêu 2", Columns: []string{"Kế hoạch", "Lũy kế", "Cùng kỳ"}}},
	}, {
		name: "another table key: the one row of that code", book: full, upper: upperForm("ktxh", "2"),
		want: map[string]map[string]map[string]string{"ktxh": {"2": {"period": "0.3"}}}, figures: 1,
		blank: []Blank{{Table: "Chỉ tiêu", Code: "2", Name: "Chỉ tiêu 2", Columns: []string{"Kế hoạch", "Lũy kế", "Cùng kỳ"}}},
	}, {
		name: "a code we lack stays blank, listed whole", book: full, upper: upperForm("kcn", "3"),
		want:  map[string]map[string]map[string]string{},
		blank: []Blank{{Table: "Chỉ tiêu", Code: "3", Name: "Chỉ tiêu 3"}},
	}, {
		name: "a code in two of our tables is ambiguous", book: twoTables, upper: upperForm("c", "1", "9"),
		want: map[string]map[string]map[string]string{"c": {"9": {"period": "9"}}}, figures: 1,
		blank: []Blank{{Table: "Chỉ tiêu", Code: "1", Name: "Chỉ tiêu 1"},
			{Table: "Chỉ tiêu", Code: "9", Name: "Chỉ tiêu 9", Columns: []string{"Kế hoạch", "Lũy kế", "Cùng kỳ"}}},
	}, {
		name: "the same key picks its own table", book: twoTables, upper: upperForm("b", "1"),
		want: map[string]map[string]map[string]string{"b": {"1": {"period": "2"}}}, figures: 1,
		blank: []Blank{{Table: "Chỉ tiêu", Code: "1", Name: "Chỉ tiêu 1", Columns: []string{"Kế hoạch", "Lũy kế", "Cùng kỳ"}}},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FillData(c.book, c.upper, time.Time{})
			if !reflect.DeepEqual(got.Data.Indicators, c.want) {
				t.Errorf("indicators: got %v, want %v", got.Data.Indicators, c.want)
			}
			if got.Figures != c.figures {
				t.Errorf("figures: got %d, want %d", got.Figures, c.figures)
			}
			var blank []Blank
			for _, b := range got.Blank {
				if b.Code != "" {
					blank = append(blank, b)
				}
			}
			if !reflect.DeepEqual(blank, c.blank) {
				t.Errorf("blank indicators: got %+v, want %+v", blank, c.blank)
			}
		})
	}
}

// TestFillData_IntegerColumn: an average with a fraction is not written into a whole-number
// column (rounding would be a figure nobody counted); it is listed with why.
func TestFillData_IntegerColumn(t *testing.T) {
	upper := upperForm("kcn", "1")
	upper.Indicators[0].Columns[1].Type = form.Integer
	got := FillData(consolidate.Book{Summary: []consolidate.SummaryTable{{Key: "kcn",
		Rows: []consolidate.SummaryRow{row("1", some(10), some(2.5), none, none)}}}}, upper, time.Time{})
	if v, ok := got.Data.Indicators["kcn"]["1"]["period"]; ok {
		t.Errorf("fractional figure written into an integer column: %q", v)
	}
	want := Blank{Table: "Chỉ tiêu", Code: "1", Name: "Chỉ tiêu 1", Columns: []string{"Thực hiện"}, Why: whyNotInteger}
	found := false
	for _, b := range got.Blank {
		found = found || reflect.DeepEqual(b, want)
	}
	if !found {
		t.Errorf("blank: %+v; want %+v among them", got.Blank, want)
	}
}

// TestFillData_ListsAndNarrative: list rows keep the upper table's columns only, in our order;
// sections gather the units' texts under their names; what we lack is listed.
func TestFillData_ListsAndNarrative(t *testing.T) {
	book := consolidate.Book{
		Lists: []consolidate.ListTable{{Key: "tasks", Columns: []form.Column{{Key: "content"}, {Key: "status"}, {Key: "lead"}},
			Rows: []consolidate.ListRow{
				{Unit: "P1", Values: []string{"Rà soát hồ sơ", "Hoàn thành", "P1"}},
				{Unit: "P2", Values: []string{"", "", "P2"}}, // nothing the upper table has: no row
				{Unit: "P2", Values: []string{"Kiểm tra", "", ""}},
			}}},
		Narrative: []consolidate.NarrativeSection{{Key: "results", Entries: []consolidate.NarrativeEntry{
			{Unit: "P1", Name: "UBND Phường 1", Text: "Hoàn thành kế hoạch."}, {Unit: "P2", Name: "UBND Phường 2", Text: "  "}}}},
	}
	got := FillData(book, upperForm("kcn"), time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	wantRows := []form.Row{{Line: 1, Values: map[string]string{"content": "Rà soát hồ sơ", "status": "Hoàn thành"}},
		{Line: 2, Values: map[string]string{"content": "Kiểm tra"}}}
	if !reflect.DeepEqual(got.Data.Tables["tasks"], wantRows) || got.Rows != 2 {
		t.Errorf("list rows: %+v (%d)", got.Data.Tables["tasks"], got.Rows)
	}
	if got.Data.Narrative["results"] != "- UBND Phường 1: Hoàn thành kế hoạch." || got.Sections != 1 {
		t.Errorf("narrative: %q", got.Data.Narrative["results"])
	}
	if got.Data.Header[templates.HeaderDate] != "2026-11-20" {
		t.Errorf("report date: %q", got.Data.Header[templates.HeaderDate])
	}
	empty := FillData(consolidate.Book{}, upperForm("kcn"), time.Time{})
	if len(empty.Blank) != 2 || empty.Blank[0].Name != "Nhiệm vụ" || empty.Blank[1].Name != "Kết quả" {
		t.Errorf("an empty book: blank %+v, want the list and the section", empty.Blank)
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{0.1 + 0.2: "0.3", 1e6: "1000000", -2.5: "-2.5", 12: "12", 1.0 / 3: "0.333333333"} {
		if got := number(v); got != want {
			t.Errorf("number(%v) = %q, want %q", v, got, want)
		}
	}
	if got := number(-1e-12); got != "0" {
		t.Errorf("number(-1e-12) = %q, want 0", got)
	}
}

const upperKey = "upper-office-key"

// upperTemplate is the upper office's real template of the built-in monthly report for unit
// QBD, signed with the upper office's key.
func upperTemplate(t testing.TB) (form.Form, []byte) {
	t.Helper()
	f := form.Builtins()["BM.02.01/KH"]
	var buf bytes.Buffer
	m := templates.Meta{Office: "UBND Thành phố", UnitCode: "QBD", UnitName: "UBND Quận Ba Đình", Period: "2026-11",
		PeriodLabel: "Tháng 11/2026", ReplyTo: "tonghop@thanhpho.example", Secret: []byte(upperKey)}
	if err := templates.Generate(&buf, f, m, nil); err != nil {
		t.Fatal(err)
	}
	return f, buf.Bytes()
}

// TestFillTemplate_RoundTrip fills the upper office's real template and reads it back as the
// upper office does, with its key: the identification is intact (tag verified), the figures
// are ours, the file is valid.
func TestFillTemplate_RoundTrip(t *testing.T) {
	f, tpl := upperTemplate(t)
	var rows []consolidate.SummaryRow
	for _, ind := range f.Indicators[0].Rows {
		rows = append(rows, row(ind.Code, none, some(6), none, none))
	}
	rows[0].Period = some(12) // 1 = 1.1 + 1.2
	book := consolidate.Book{Summary: []consolidate.SummaryTable{{Key: "kcn", Rows: rows}}}
	for _, s := range f.Narrative {
		book.Narrative = append(book.Narrative, consolidate.NarrativeSection{Key: s.Key,
			Entries: []consolidate.NarrativeEntry{{Name: "UBND Phường 1", Text: "Nội dung " + s.Title}}})
	}
	fl := FillData(book, f, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	out, err := FillTemplate(tpl, f, fl)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := templates.Read(out, []form.Form{f}, []byte(upperKey), templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if id := rep.Filled.Ident; !id.TagOK || id.Unit != "QBD" || id.Period != "2026-11" || id.Form != f.Code {
		t.Errorf("identification read back: %+v", id)
	}
	if !rep.Valid() {
		t.Errorf("filled template is not valid: %+v", rep.Errors)
	}
	if got := rep.Filled.Indicators["kcn"]["1"]["period"]; got != "12" {
		t.Errorf("indicator 1 read back: %q, want 12", got)
	}
	if got := rep.Filled.Narrative[f.Narrative[0].Key]; !strings.Contains(got, "UBND Phường 1: Nội dung") {
		t.Errorf("narrative read back: %q", got)
	}
}

// FuzzFillTemplate: whatever bytes come as the upper template, filling errs or writes a
// workbook; it never panics.
func FuzzFillTemplate(f *testing.F) {
	upper, tpl := upperTemplate(f)
	f.Add(tpl)
	f.Add([]byte("PK\x03\x04 not a workbook"))
	f.Add(tpl[:len(tpl)/2])
	fl := FillData(consolidate.Book{Summary: []consolidate.SummaryTable{{Key: "kcn",
		Rows: []consolidate.SummaryRow{row("1", none, some(3), none, none)}}}}, upper, time.Time{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		_, _ = FillTemplate(data, upper, fl)
	})
}
