package templates

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// TestRead_MovedLayout edits filled workbooks the way units do (rows above the header, a new
// column, a renamed sheet) and checks the same data is read, on the moved lines.
func TestRead_MovedLayout(t *testing.T) {
	tests := []struct {
		name  string
		form  string
		edit  func(x *excelize.File) error
		shift int // rows the table data moved down
	}{{
		name: "RowsAboveHeader", form: "BM.04.01/KH", shift: 3,
		edit: func(x *excelize.File) error {
			if err := x.InsertRows("Chương trình", 1, 3); err != nil {
				return err
			}
			return x.InsertRows("Kết quả kỳ trước", 2, 3)
		},
	}, {
		name: "ColumnInserted", form: "BM.04.01/KH",
		edit: func(x *excelize.File) error {
			if err := x.InsertCols("Chương trình", "C", 1); err != nil {
				return err
			}
			return x.SetCellStr("Chương trình", "C4", "Ghi chú riêng")
		},
	}, {
		name: "SheetRenamed", form: "BM.04.02/KH",
		edit: func(x *excelize.File) error { return x.SetSheetName("Phân công", "PC tuần 47") },
	}, {
		name: "IndicatorRowsInserted", form: "BM.02.01/KH",
		edit: func(x *excelize.File) error {
			if err := x.InsertRows("Chỉ tiêu", 2, 2); err != nil {
				return err
			}
			return x.InsertRows("Nội dung báo cáo", 1, 1)
		},
	}, {
		name: "IndicatorCodesCleared", form: "KT-XH",
		edit: func(x *excelize.File) error {
			for r := 5; r <= 11; r++ {
				if err := x.SetCellStr("Chỉ tiêu KT-XH", cellName(1, r), ""); err != nil {
					return err
				}
			}
			return nil
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := builtin(t, tc.form)
			want := sampleData(f)
			wb := edit(t, fill(t, generate(t, f), f, want), tc.edit)
			rep := read(t, wb)
			if len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
				t.Fatalf("got errors %+v, warnings %+v; want none", rep.Errors, rep.Warnings)
			}
			for _, rows := range want.Tables {
				for i := range rows {
					rows[i].Line += tc.shift
				}
			}
			for _, d := range diffFilled(rep.Filled, want) {
				t.Error(d)
			}
		})
	}
}

// TestRead_Date1904 checks serials of a workbook saved in the 1904 date system (Excel for Mac).
func TestRead_Date1904(t *testing.T) {
	f := builtin(t, "BM.04.02/KH")
	data := sampleData(f)
	wb := edit(t, fill(t, generate(t, f), f, data), func(x *excelize.File) error {
		yes := true
		if err := x.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			return err
		}
		for i := range 3 {
			ref := cellName(5, HeaderRow+1+i)
			v, err := x.GetCellValue("Phân công", ref, excelize.Options{RawCellValue: true})
			if err != nil {
				return err
			}
			serial, _ := strconv.ParseFloat(v, 64)
			if err := x.SetCellFloat("Phân công", ref, serial-1462, -1, 64); err != nil {
				return err
			}
		}
		return nil
	})
	rep := read(t, wb)
	for i, r := range rep.Filled.Tables["assignments"] {
		if want := data.Tables["assignments"][i].Values["deadline"]; r.Values["deadline"] != want {
			t.Errorf("row %d: got deadline %q, want %q", i, r.Values["deadline"], want)
		}
	}
}

// TestRead_TypedCells covers values as Excel stores them when typed in cells whose format was
// lost or changed: plain numbers in date and percent columns, numbers in text columns.
func TestRead_TypedCells(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	data := sampleData(f)
	wb := edit(t, fill(t, generate(t, f), f, data), func(x *excelize.File) error {
		plain, err := x.NewStyle(&excelize.Style{})
		if err != nil {
			return err
		}
		// H11 (% so với kế hoạch of indicator 5) typed as 85 in a general cell.
		if err := x.SetCellStyle("Chỉ tiêu", "H11", "H11", plain); err != nil {
			return err
		}
		if err := x.SetCellFloat("Chỉ tiêu", "H11", 85, -1, 64); err != nil {
			return err
		}
		// I11 typed as 0.5 in a general cell: kept as 0.5 points, with a warning.
		if err := x.SetCellStyle("Chỉ tiêu", "I11", "I11", plain); err != nil {
			return err
		}
		return x.SetCellFloat("Chỉ tiêu", "I11", 0.5, -1, 64)
	})
	rep := read(t, wb)
	got := rep.Filled.Indicators["kcn"]["5"]
	if got["pct_plan"] != "85" || got["pct_last_year"] != "0.5" {
		t.Errorf("got pct_plan %q, pct_last_year %q; want 85 and 0.5", got["pct_plan"], got["pct_last_year"])
	}
	if keys := problemKeys(rep.Warnings); len(keys) != 1 || keys[0] != "percent_ambiguous|Chỉ tiêu|I11|5" {
		t.Errorf("warnings: got %q, want percent_ambiguous at I11", keys)
	}
	if len(rep.Errors) != 0 {
		t.Errorf("got errors %+v, want none", rep.Errors)
	}
}

// TestRead_BrokenStructure checks the problems reported when parts of the layout are gone.
func TestRead_BrokenStructure(t *testing.T) {
	tests := []struct {
		name   string
		form   string
		setup  func(f *form.Form)
		edit   func(x *excelize.File) error
		errors []string
		warns  []string
	}{{
		name: "SheetDeleted", form: "BM.04.01/KH",
		edit:   func(x *excelize.File) error { return x.DeleteSheet("Kết quả kỳ trước") },
		errors: []string{"missing_sheet|Kết quả kỳ trước||results"},
	}, {
		name: "RequiredColumnRenamed", form: "BM.04.01/KH",
		edit:   func(x *excelize.File) error { return x.SetCellStr("Chương trình", "E4", "Cán bộ") },
		errors: []string{"missing_column|Chương trình||person"},
	}, {
		name: "OptionalColumnRenamed", form: "BM.04.01/KH",
		edit:  func(x *excelize.File) error { return x.SetCellStr("Chương trình", "D4", "Phối hợp") },
		warns: []string{"missing_column|Chương trình||coordinate"},
	}, {
		name: "TooManyRows", form: "BM.04.02/KH",
		setup:  func(f *form.Form) { f.Tables[0].MaxRows = 2 },
		edit:   func(x *excelize.File) error { return nil },
		errors: []string{"too_many_rows|Phân công|A7|assignments"},
	}, {
		name: "SectionRenamed", form: "KT-XH",
		edit:   func(x *excelize.File) error { return x.SetCellStr("Nội dung báo cáo", "A5", "Kết quả") },
		errors: []string{"missing_section|Nội dung báo cáo||results"},
	}, {
		name: "IndicatorDeleted", form: "KT-XH",
		edit: func(x *excelize.File) error {
			for col := 1; col <= 3; col++ {
				if err := x.SetCellStr("Chỉ tiêu KT-XH", cellName(col, 6), ""); err != nil {
					return err
				}
			}
			return nil
		},
		errors: []string{"missing_indicator|Chỉ tiêu KT-XH||2"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := builtin(t, tc.form)
			if tc.setup != nil {
				tc.setup(&f)
			}
			wb := edit(t, fill(t, generate(t, f), f, sampleData(f)), tc.edit)
			rep, err := Read(wb, []form.Form{f}, testSecret, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got := problemKeys(rep.Errors); !reflect.DeepEqual(got, sorted(tc.errors)) {
				t.Errorf("errors: got %q, want %q", got, tc.errors)
			}
			if got := problemKeys(rep.Warnings); !reflect.DeepEqual(got, sorted(tc.warns)) {
				t.Errorf("warnings: got %q, want %q", got, tc.warns)
			}
		})
	}
}
