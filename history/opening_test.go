package history

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

func TestOpeningPeriods(t *testing.T) {
	tests := []struct {
		current     string
		n           int
		first, last string
	}{
		{"2026-11", 22, "2025-01", "2026-10"},
		{"2026-01", 12, "2025-01", "2025-12"},
		{"2026-Q3", 6, "2025-Q1", "2026-Q2"},
		{"2026-H2", 3, "2025-H1", "2026-H1"},
		{"2026-9M", 1, "2025-9M", "2025-9M"},
		{"2026", 1, "2025", "2025"},
		// ISO years: 2026 has 53 weeks, 2025 52.
		{"2027-W01", 53, "2026-W01", "2026-W53"},
		{"2026-W53", 52 + 52, "2025-W01", "2026-W52"},
	}
	for _, tt := range tests {
		ps := OpeningPeriods(mustPeriod(t, tt.current))
		if len(ps) != tt.n || ps[0].String() != tt.first || ps[len(ps)-1].String() != tt.last {
			t.Errorf("OpeningPeriods(%s): got %d periods %v…%v, want %d %s…%s", tt.current, len(ps), ps[0], ps[len(ps)-1], tt.n, tt.first, tt.last)
		}
	}
}

func TestCurrentPeriod(t *testing.T) {
	loc := period.DefaultLocation()
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, loc)
	tests := []struct {
		kind period.Kind
		year int
		want string
		ok   bool
	}{
		{period.Month, 2026, "2026-12", true},
		{period.Month, 2027, "2027-01", true},
		{period.Week, 2026, "2026-W49", true},
		{period.Quarter, 2026, "2026-Q4", true},
		{period.Month, 2025, "", false},
	}
	for _, tt := range tests {
		got, ok := CurrentPeriod(tt.kind, tt.year, now, loc)
		if ok != tt.ok || ok && got.String() != tt.want {
			t.Errorf("CurrentPeriod(%s, %d): got %v %v, want %s %v", tt.kind, tt.year, got, ok, tt.want, tt.ok)
		}
	}
}

// TestWriteOpening_Layout opens a written workbook again and reads what a clerk sees.
func TestWriteOpening_Layout(t *testing.T) {
	b := testBook(t)
	x, err := excelize.OpenReader(bytes.NewReader(writeBook(t, b, testKey)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got, want := x.GetSheetList(), []string{"Hướng dẫn", "Chỉ tiêu", templates.IdentSheet}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets: got %q, want %q", got, want)
	}
	if v, _ := x.GetSheetVisible(templates.IdentSheet); v {
		t.Errorf("the identification sheet is visible")
	}
	if v, _ := x.GetRowVisible("Chỉ tiêu", markerRow); v {
		t.Errorf("the machine-readable row is visible")
	}
	rows, err := x.GetRows("Chỉ tiêu")
	if err != nil {
		t.Fatal(err)
	}
	header := rows[headerRow-1]
	if header[0] != "Mã đơn vị" || header[3] != "Chỉ tiêu" || header[5] != "Tháng 01/2025" || header[len(header)-1] != "Tháng 10/2026" || len(header) != 5+22 {
		t.Errorf("header: got %q, want the units' and indicators' columns, then Tháng 01/2025 … Tháng 10/2026", header)
	}
	if m := rows[markerRow-1]; m[0] != "#tonghop:kcn" || m[2] != "#code" || m[5] != "2025-01" || m[len(m)-1] != "2026-10" {
		t.Errorf("hidden row: got %q", m)
	}
	if got := len(rows) - (firstDataRow - 1); got != 3*9 {
		t.Errorf("data rows: got %d, want 3 units × 9 indicators", got)
	}
	if r := rows[firstDataRow]; r[0] != "QLDN" || r[1] != "Phòng Quản lý doanh nghiệp" || r[2] != "1.1" || r[3] != "Dự án đầu tư trong nước" || r[4] != "dự án" {
		t.Errorf("second data row: got %q, want QLDN's indicator 1.1 with its names", r)
	}
	cover, _ := x.GetRows("Hướng dẫn")
	text := ""
	for _, r := range cover {
		text += strings.Join(r, " ") + "\n"
	}
	for _, want := range []string{"BẢNG SỐ LIỆU CÁC KỲ TRƯỚC", "BM.02.01/KH", "Từ tháng 01/2025 đến tháng 10/2026", "Tháng 11/2026",
		"ghi 0 nếu trong kỳ đơn vị không phát sinh"} {
		if !strings.Contains(text, want) {
			t.Errorf("cover: no %q in\n%s", want, text)
		}
	}
}

// TestReadOpening_RoundTrip fills a workbook as a clerk would (numbers, numbers typed as
// text, zero) and reads back exactly the figures typed.
func TestReadOpening_RoundTrip(t *testing.T) {
	b := testBook(t)
	jan, oct, lastNov := mustPeriod(t, "2026-01"), mustPeriod(t, "2026-10"), mustPeriod(t, "2025-11")
	data := fill(t, writeBook(t, b, testKey),
		entry("QLDN", "1.1", jan, 2), entry("QLDN", "1.2", jan, 1), entry("QLDN", "1", jan, 3),
		entry("QLDN", "2", oct, "1.234,5"), entry("QHXD", "7", lastNov, 0), entry("QHXD", "4", lastNov, 12.25))
	got, rep, err := ReadOpening(context.Background(), data, catalog(b), testKey, templates.Limits{})
	if err != nil || len(rep.Errors) > 0 {
		t.Fatalf("ReadOpening: %v, errors %+v", err, rep.Errors)
	}
	var figs []string
	for _, f := range got.Figures {
		figs = append(figs, strings.Join([]string{f.Form, f.Unit, f.Period, f.Table, f.Code, f.Column, f.Value}, " "))
	}
	want := []string{
		"BM.02.01/KH QLDN 2026-01 kcn 1 period 3",
		"BM.02.01/KH QLDN 2026-01 kcn 1.1 period 2",
		"BM.02.01/KH QLDN 2026-01 kcn 1.2 period 1",
		"BM.02.01/KH QLDN 2026-10 kcn 2 period 1234.5",
		"BM.02.01/KH QHXD 2025-11 kcn 4 period 12.25",
		"BM.02.01/KH QHXD 2025-11 kcn 7 period 0",
	}
	if !reflect.DeepEqual(figs, want) {
		t.Errorf("figures:\ngot  %q\nwant %q", figs, want)
	}
	if got.Form != "BM.02.01/KH" || got.Current != b.Current || !reflect.DeepEqual(got.Units, []string{"QLDN", "QHXD"}) {
		t.Errorf("opening: got %s %s units %v", got.Form, got.Current, got.Units)
	}
	// "1.234,5" typed as text is read the Vietnamese way, and the clerk is told so.
	if len(rep.Warnings) != 1 || rep.Warnings[0].Code != templates.CodeNumberAsText || rep.Warnings[0].Sheet != "Chỉ tiêu" {
		t.Errorf("warnings: got %+v, want the number typed as text", rep.Warnings)
	}
}

// TestReadOpening_Problems: each mistake is reported at its sheet and cell, and a workbook
// with one yields no figure to record (the caller records nothing from a file with errors).
func TestReadOpening_Problems(t *testing.T) {
	b := testBook(t)
	jan := mustPeriod(t, "2026-01")
	blank := writeBook(t, b, testKey)
	good := fill(t, blank, entry("QLDN", "2", jan, 5))
	setCell := func(sheet, ref, v string) func(x *excelize.File) error {
		return func(x *excelize.File) error { return x.SetCellStr(sheet, ref, v) }
	}
	// QLDN's rows are 6–14 (indicators 1, 1.1, 1.2, 2, …); January 2026 is column R.
	tests := []struct {
		name      string
		data      []byte
		code      string
		sheet     string
		cell      string
		otherForm bool
	}{
		{"Words", fill(t, blank, entry("QLDN", "2", jan, "mười hai")), templates.CodeNotANumber, "Chỉ tiêu", "R9", false},
		{"Negative", fill(t, blank, entry("QLDN", "2", jan, -3)), templates.CodeBelowMin, "Chỉ tiêu", "R9", false},
		{"Subtotal", fill(t, blank, entry("QLDN", "1", jan, 5), entry("QLDN", "1.1", jan, 1)), letters.CodeOpeningSubtotal, "Chỉ tiêu", "R6", false},
		{"UnknownUnit", edit(t, good, setCell("Chỉ tiêu", "A9", "XYZ")), letters.CodeOpeningUnit, "Chỉ tiêu", "A9", false},
		{"UnknownIndicator", edit(t, good, setCell("Chỉ tiêu", "C9", "9.9")), letters.CodeOpeningCode, "Chỉ tiêu", "C9", false},
		{"DuplicateRow", edit(t, good, setCell("Chỉ tiêu", "C10", "2")), letters.CodeOpeningDuplicate, "Chỉ tiêu", "C10", false},
		{"ColumnCodeChanged", edit(t, good, setCell("Chỉ tiêu", "R1", "2027-01")), letters.CodeOpeningColumn, "Chỉ tiêu", "R1", false},
		{"ColumnTwice", edit(t, good, setCell("Chỉ tiêu", "S1", "2026-01")), letters.CodeOpeningColumn, "Chỉ tiêu", "S1", false},
		{"FiguresWithoutCodes", edit(t, good, setCell("Chỉ tiêu", "A9", "")), letters.CodeOpeningNoKey, "Chỉ tiêu", "A9", false},
		{"TagChanged", edit(t, good, setCell(templates.IdentSheet, "B4", "2026-12")), letters.CodeOpeningTag, templates.IdentSheet, "", false},
		{"OtherKey", fill(t, writeBook(t, b, []byte("khóa khác")), entry("QLDN", "2", jan, 5)), letters.CodeOpeningTag, templates.IdentSheet, "", false},
		{"SheetGone", edit(t, good, func(x *excelize.File) error { return x.DeleteSheet("Chỉ tiêu") }), letters.CodeOpeningSheet, "", "", false},
		{"Empty", blank, letters.CodeOpeningEmpty, "", "", false},
		{"FormNotOffices", good, letters.CodeOpeningForm, templates.IdentSheet, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := catalog(b)
			if tt.otherForm {
				cat = func(string) (form.Form, []Unit, bool) { return form.Form{}, nil, false }
			}
			_, rep, err := ReadOpening(context.Background(), tt.data, cat, testKey, templates.Limits{})
			if err != nil {
				t.Fatalf("ReadOpening: %v", err)
			}
			if len(rep.Errors) != 1 || rep.Errors[0].Code != tt.code || rep.Errors[0].Sheet != tt.sheet || rep.Errors[0].Cell != tt.cell {
				t.Errorf("errors: got %+v, want one %s at %s!%s", rep.Errors, tt.code, tt.sheet, tt.cell)
			}
			if len(rep.Errors) > 0 && !strings.ContainsAny(rep.Errors[0].Message, "ảạấệịọốờủứỳ") {
				t.Errorf("message %q: want Vietnamese", rep.Errors[0].Message)
			}
		})
	}
	t.Run("MovedRowsAndRenamedSheet", func(t *testing.T) {
		moved := edit(t, good, func(x *excelize.File) error {
			if err := x.InsertRows("Chỉ tiêu", 2, 3); err != nil {
				return err
			}
			return x.SetSheetName("Chỉ tiêu", "Số liệu cũ")
		})
		got, rep, err := ReadOpening(context.Background(), moved, catalog(b), testKey, templates.Limits{})
		if err != nil || len(rep.Errors) > 0 || len(got.Figures) != 1 || got.Figures[0].Value != "5" {
			t.Errorf("got %+v, %+v, %v; want the one figure", got, rep, err)
		}
	})
}

func TestReadOpening_NotOpening(t *testing.T) {
	b := testBook(t)
	if _, _, err := ReadOpening(context.Background(), unitTemplate(t, b), catalog(b), testKey, templates.Limits{}); !errors.Is(err, ErrNotOpening) {
		t.Errorf("a unit's template: got %v, want ErrNotOpening", err)
	}
	_, rep, err := ReadOpening(context.Background(), []byte("not a workbook"), catalog(b), testKey, templates.Limits{})
	if !errors.Is(err, templates.ErrUnreadable) || rep == nil || len(rep.Errors) != 1 {
		t.Errorf("garbage: got %v, %+v; want unreadable with its problem", err, rep)
	}
}

// TestReadOpening_TooManyProblems: a hostile file does not make the answer as long as itself.
func TestReadOpening_TooManyProblems(t *testing.T) {
	b := testBook(t)
	var entries []Entry
	for _, u := range testUnits {
		for _, code := range []string{"2", "3", "4", "5", "6", "7"} {
			for _, p := range OpeningPeriods(b.Current) {
				entries = append(entries, entry(u.Code, code, p, "sai"))
			}
		}
	}
	_, rep, err := ReadOpening(context.Background(), fill(t, writeBook(t, b, testKey), entries...), catalog(b), testKey, templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Errors); n != maxProblems+1 || rep.Errors[n-1].Code != letters.CodeOpeningTooMany {
		t.Errorf("errors: got %d, the last %+v; want %d and the note that the list stops", n, rep.Errors[len(rep.Errors)-1], maxProblems+1)
	}
}

func TestPastFigures(t *testing.T) {
	filled := form.Filled{Indicators: map[string]map[string]map[string]string{
		"kcn": {"2": {"period": "5", "ytd": "50", "plan": ""}, "1": {"period": "3"}},
	}}
	var got []string
	for _, f := range PastFigures("BM.02.01/KH", "QLDN", "2026-03", filled) {
		got = append(got, f.Unit+" "+f.Period+" "+f.Code+"/"+f.Column+"="+f.Value)
	}
	want := []string{"QLDN 2026-03 1/period=3", "QLDN 2026-03 2/period=5", "QLDN 2026-03 2/ytd=50"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PastFigures: got %q, want %q", got, want)
	}
}
