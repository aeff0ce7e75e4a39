package form

// The built-in forms follow the procedures in shared/seeds: the IZ Authority's ISO procedure
// (BM.04.01/KH, BM.04.02/KH, BM.02.01/KH), the report content of DOST's BM-VP-01 and the
// ward KT-XH indicators of a district People's Committee.

// Task status choices of a work program's result table.
var taskStatuses = []string{"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn"}

// Submission levels (cấp trình) of a task.
var submissionLevels = []string{"Trưởng Ban", "Phó Trưởng Ban", "UBND tỉnh", "Bộ, ngành", "Lãnh đạo đơn vị"}

func f64(v float64) *float64 { return &v }

// Builtins returns fresh copies of the built-in forms, keyed by code.
func Builtins() map[string]Form {
	out := map[string]Form{}
	for _, f := range []Form{workProgram(), taskAssignment(), resultReport(), wardIndicators()} {
		out[f.Code] = f
	}
	return out
}

func workProgram() Form {
	return Form{
		Code: "BM.04.01/KH", Version: 1, Period: Kinds{"week"},
		Title: "Chương trình công tác trọng tâm",
		Tables: []Table{{
			Key: "tasks", Title: "Chương trình", MinRows: 1, FreeRows: 30,
			Columns: []Column{
				{Key: "content", Title: "Nội dung công việc", Type: Text, Required: true, MaxLen: 2000, Width: 50},
				{Key: "lead", Title: "Đơn vị chủ trì", Type: Text, Required: true, MaxLen: 200, Width: 22},
				{Key: "coordinate", Title: "Đơn vị phối hợp", Type: Text, MaxLen: 300, Width: 22},
				{Key: "person", Title: "Người phụ trách", Type: Text, Required: true, MaxLen: 100, Width: 20},
				{Key: "deadline", Title: "Thời gian hoàn thành", Type: Date, Required: true, Width: 14},
				{Key: "level", Title: "Cấp trình", Type: Choice, Choices: submissionLevels, Width: 16},
			},
		}, {
			Key: "results", Title: "Kết quả kỳ trước", FreeRows: 30,
			Columns: []Column{
				{Key: "content", Title: "Nội dung công việc kỳ trước", Type: Text, Required: true, MaxLen: 2000, Width: 50},
				{Key: "status", Title: "Kết quả", Type: Choice, Required: true, Choices: taskStatuses, Width: 16},
				{Key: "reason", Title: "Lý do (nếu chưa hoàn thành)", Type: Text, MaxLen: 1000, Width: 40},
			},
		}},
	}
}

func taskAssignment() Form {
	return Form{
		Code: "BM.04.02/KH", Version: 1, Period: Kinds{"week"},
		Title: "Phân công nhiệm vụ",
		Tables: []Table{{
			Key: "assignments", Title: "Phân công", MinRows: 1, FreeRows: 30,
			Columns: []Column{
				{Key: "task", Title: "Nhiệm vụ", Type: Text, Required: true, MaxLen: 2000, Width: 45},
				{Key: "staff", Title: "Cán bộ thực hiện", Type: Text, Required: true, MaxLen: 100, Width: 22},
				{Key: "email", Title: "Thư điện tử", Type: Email, Width: 26},
				{Key: "deadline", Title: "Thời hạn", Type: Date, Required: true, Width: 14},
				{Key: "measures", Title: "Biện pháp thực hiện", Type: Text, MaxLen: 1000, Width: 40},
			},
		}},
	}
}

// Value columns of an indicator report: plan, this period, year to date, same period last year,
// and the two ratios.
func indicatorColumns() []Column {
	return []Column{
		{Key: "plan", Title: "Kế hoạch năm", Type: Decimal, Min: f64(0), Width: 14},
		{Key: "period", Title: "Thực hiện kỳ báo cáo", Type: Decimal, Min: f64(0), Width: 14},
		{Key: "ytd", Title: "Lũy kế từ đầu năm", Type: Decimal, Min: f64(0), Width: 14},
		{Key: "last_year", Title: "Cùng kỳ năm trước", Type: Decimal, Min: f64(0), Width: 14},
		{Key: "pct_plan", Title: "% so với kế hoạch", Type: Percent, Min: f64(0), Width: 12},
		{Key: "pct_last_year", Title: "% so với cùng kỳ", Type: Percent, Min: f64(0), Width: 12},
	}
}

// The BM-VP-01 report headings.
func reportSections() []Section {
	return []Section{
		{Key: "results", Title: "I. Kết quả thực hiện nhiệm vụ", Required: true, MaxLen: 20000},
		{Key: "highlights", Title: "II.1. Kết quả nổi bật", MaxLen: 10000},
		{Key: "shortcomings", Title: "II.2. Tồn tại, hạn chế", MaxLen: 10000},
		{Key: "causes", Title: "II.3. Nguyên nhân", MaxLen: 10000},
		{Key: "solutions", Title: "II.4. Giải pháp khắc phục", MaxLen: 10000},
		{Key: "direction", Title: "III. Phương hướng nhiệm vụ kỳ tới", Required: true, MaxLen: 10000},
		{Key: "recommendations", Title: "IV. Kiến nghị, đề xuất", MaxLen: 10000},
	}
}

func resultReport() Form {
	return Form{
		Code: "BM.02.01/KH", Version: 1, Period: Kinds{"month"},
		Title: "Báo cáo kết quả thực hiện nhiệm vụ",
		Indicators: []IndicatorTable{{
			Key: "kcn", Title: "Chỉ tiêu",
			Columns: indicatorColumns(),
			Rows: []Indicator{
				{Code: "1", Name: "Số dự án cấp mới", Unit: "dự án", Children: []string{"1.1", "1.2"}, Required: true},
				{Code: "1.1", Name: "Dự án đầu tư trong nước", Unit: "dự án", Required: true},
				{Code: "1.2", Name: "Dự án đầu tư nước ngoài (FDI)", Unit: "dự án", Required: true},
				{Code: "2", Name: "Vốn đầu tư đăng ký mới", Unit: "tỷ đồng", Required: true},
				{Code: "3", Name: "Số dự án đi vào sản xuất kinh doanh", Unit: "dự án"},
				{Code: "4", Name: "Doanh thu", Unit: "tỷ đồng"},
				{Code: "5", Name: "Giá trị xuất khẩu", Unit: "triệu USD"},
				{Code: "6", Name: "Nộp ngân sách nhà nước", Unit: "tỷ đồng"},
				{Code: "7", Name: "Số lao động tuyển mới", Unit: "người"},
			},
		}},
		Narrative: reportSections(),
	}
}

func wardIndicators() Form {
	return Form{
		Code: "KT-XH", Version: 1, Period: Kinds{"month"},
		Title: "Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh",
		Indicators: []IndicatorTable{{
			Key: "ktxh", Title: "Chỉ tiêu KT-XH",
			Columns: indicatorColumns(),
			Rows: []Indicator{
				{Code: "1", Name: "Thu ngân sách trên địa bàn", Unit: "triệu đồng", Required: true},
				{Code: "2", Name: "Số hộ kinh doanh cấp mới", Unit: "hộ"},
				{Code: "3", Name: "Số lao động được giải quyết việc làm", Unit: "người"},
				{Code: "4", Name: "Số hộ nghèo", Unit: "hộ", Aggregate: "sum"},
				{Code: "5", Name: "Tỷ lệ người dân tham gia BHYT", Unit: "%", Aggregate: "avg"},
				{Code: "6", Name: "Số vụ phạm pháp hình sự", Unit: "vụ"},
				{Code: "7", Name: "Số vụ vi phạm trật tự xây dựng", Unit: "vụ"},
			},
		}},
		Narrative: reportSections(),
	}
}
