package document

import (
	"time"

	"github.com/tonghop/tonghop/consolidate"
)

// sampleBook is a small consolidated book: one narrative section, one table, a missing unit.
func sampleBook() consolidate.Book {
	v := func(f float64) consolidate.Value { return consolidate.Value{V: f, OK: true} }
	return consolidate.Book{
		Narrative: []consolidate.NarrativeSection{{Key: "ket_qua", Title: "Kết quả thực hiện nhiệm vụ",
			Entries: []consolidate.NarrativeEntry{
				{Unit: "kcn_gl", Name: "Ban Quản lý KCN Gián Khẩu", Text: "Thu hút 2 dự án mới.\nHoàn thành giải phóng mặt bằng giai đoạn 1."},
				{Unit: "kcn_kh", Name: "Ban Quản lý KCN Khánh Phú", Text: "Duy trì sản xuất ổn định."},
			}}},
		Summary: []consolidate.SummaryTable{{Key: "chi_tieu", Title: "Biểu 01. Chỉ tiêu chủ yếu", Rows: []consolidate.SummaryRow{
			{Code: "DA", Name: "Dự án thu hút mới", Measure: "dự án", Plan: v(20), Period: v(3), YTD: v(17), PctPlan: v(85),
				Counted: []string{"kcn_gl", "kcn_kh"}, Expected: 3},
			{Code: "VON", Name: "Vốn đăng ký", Measure: "tỷ đồng", Plan: v(5000), Period: v(1250.5), YTD: v(4321.75), PctPlan: v(86.435),
				Counted: []string{"kcn_gl", "kcn_kh"}, Expected: 3},
		}}},
		Missing:    []consolidate.Unit{{Code: "kcn_tp", Name: "Ban Quản lý KCN Tam Điệp"}},
		Provenance: []consolidate.Source{{Unit: "kcn_gl"}, {Unit: "kcn_kh"}},
	}
}

// sampleDoc is the document of sampleBook as an office would issue it.
func sampleDoc() Doc {
	return Doc{
		GoverningBody: "UBND tỉnh Ninh Bình", Office: "Ban Quản lý các khu công nghiệp",
		Number: "125", Symbol: "BC-BQL", Place: "Ninh Bình",
		Date: time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC), Kind: KindReport,
		Summary:    "Kết quả thực hiện nhiệm vụ tháng 11 năm 2026",
		Body:       FromBook(sampleBook(), "BC-THANG_2026-11.xlsx"),
		Signer:     Signer{Authority: "KT. Trưởng ban", Title: "Phó Trưởng ban", Name: "Nguyễn Văn An"},
		Recipients: []string{"UBND tỉnh (để b/c)", "Sở Kế hoạch và Đầu tư", "Lãnh đạo Ban"},
		Archive:    "KHTH",
	}
}
