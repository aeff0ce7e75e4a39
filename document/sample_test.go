package document

import (
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
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
		Lists: []consolidate.ListTable{{Key: "nhiem_vu", Title: "Biểu 02. Nhiệm vụ trọng tâm", Columns: []form.Column{
			{Key: "noi_dung", Title: "Nội dung công việc", Type: form.Text}, {Key: "thoi_han", Title: "Thời hạn", Type: form.Date},
		}, Rows: []consolidate.ListRow{
			{Unit: "kcn_gl", Line: 1, Values: []string{"Hoàn thiện hồ sơ quy hoạch phân khu", "15/12/2026"}, CarriedOver: true},
			{Unit: "kcn_kh", Line: 1, Values: []string{"Đối thoại doanh nghiệp quý IV", "20/12/2026"}},
		}}},
		Missing:    []consolidate.Unit{{Code: "kcn_tp", Name: "Ban Quản lý KCN Tam Điệp"}},
		Provenance: []consolidate.Source{{Unit: "kcn_gl"}, {Unit: "kcn_kh"}},
	}
}

var sampleUnits = map[string]string{"kcn_gl": "Ban Quản lý KCN Gián Khẩu", "kcn_kh": "Ban Quản lý KCN Khánh Phú",
	"kcn_tp": "Ban Quản lý KCN Tam Điệp"}

// sampleDoc is the document of sampleBook as an office would issue it.
func sampleDoc() Doc {
	return Doc{
		GoverningBody: "UBND tỉnh Ninh Bình", Office: "Ban Quản lý các khu công nghiệp",
		Number: "125", Symbol: "BC-BQL", Place: "Ninh Bình",
		Date: time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC), Kind: KindReport,
		Summary:    "Kết quả thực hiện nhiệm vụ tháng 11 năm 2026",
		Body:       FromBook(sampleBook(), "BC-THANG_2026-11.xlsx", sampleUnits),
		Signer:     Signer{Authority: "KT. Trưởng ban", Title: "Phó Trưởng ban", Name: "Nguyễn Văn An"},
		Recipients: []string{"UBND tỉnh (để b/c)", "Sở Kế hoạch và Đầu tư", "Lãnh đạo Ban"},
		Archive:    "KHTH",
	}
}
