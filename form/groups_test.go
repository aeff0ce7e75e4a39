package form

import (
	"slices"
	"testing"
)

func wardReport() Form {
	return Form{
		Code: "KTXH/T", Version: 1, Title: "Báo cáo tháng", Period: Kinds{"month"},
		Tables: []Table{{Key: "projects", Title: "Dự án", Groups: []string{"phuong"}, MinRows: 1,
			Columns: []Column{{Key: "name", Title: "Tên", Type: Text, Required: true}}}},
		Indicators: []IndicatorTable{{Key: "ktxh", Title: "Chỉ tiêu",
			Columns: []Column{{Key: "plan", Title: "Kế hoạch năm", Type: Decimal}, {Key: "period", Title: "Thực hiện", Type: Decimal}},
			Rows: []Indicator{
				{Code: "0", Name: "Tổng", Children: []string{"1", "3"}},
				{Code: "1", Name: "Thu ngân sách", Required: true, Groups: []string{"phuong"}},
				{Code: "3", Name: "Số vụ phạm pháp", Required: true},
			}}, {Key: "ward_only", Title: "Riêng phường", Groups: []string{"phuong"},
			Columns: []Column{{Key: "period", Title: "Thực hiện", Type: Decimal}},
			Rows:    []Indicator{{Code: "1", Name: "Hộ kinh doanh", Required: true}}}},
		Narrative: []Section{{Key: "ket_qua", Title: "Kết quả", Required: true},
			{Key: "phuong", Title: "Phường", Required: true, Groups: []string{"phuong"}}},
	}
}

func codes(it IndicatorTable) []string {
	var out []string
	for _, r := range it.Rows {
		out = append(out, r.Code)
	}
	return out
}

func TestForm_ForGroup(t *testing.T) {
	f := wardReport()
	t.Run("Ward", func(t *testing.T) {
		g := f.ForGroup("phuong")
		if len(g.Tables) != 1 || len(g.Indicators) != 2 || len(g.Narrative) != 2 {
			t.Fatalf("ward layout: got %d tables, %d indicator tables, %d sections, want 1, 2, 2",
				len(g.Tables), len(g.Indicators), len(g.Narrative))
		}
		if got := codes(g.Indicators[0]); !slices.Equal(got, []string{"0", "1", "3"}) {
			t.Errorf("rows: got %v", got)
		}
	})
	for _, group := range []string{"phong", ""} {
		t.Run("Other"+group, func(t *testing.T) {
			g := f.ForGroup(group)
			if len(g.Tables) != 0 || len(g.Indicators) != 1 || len(g.Narrative) != 1 {
				t.Fatalf("got %d tables, %d indicator tables, %d sections, want 0, 1, 1",
					len(g.Tables), len(g.Indicators), len(g.Narrative))
			}
			if got := codes(g.Indicators[0]); !slices.Equal(got, []string{"0", "3"}) {
				t.Errorf("rows: got %v, want 0 and 3", got)
			}
			if got := g.Indicators[0].Rows[0].Children; !slices.Equal(got, []string{"3"}) {
				t.Errorf("subtotal children: got %v, want [3]", got)
			}
			if p := g.Check(); len(p) > 0 {
				t.Errorf("the group's layout is invalid: %v", p)
			}
		})
	}
	t.Run("SharesNothing", func(t *testing.T) {
		g := f.ForGroup("phuong")
		g.Indicators[0].Rows[0].Children[0] = "x"
		g.Indicators[0].Columns[0].Title = "x"
		if f.Indicators[0].Rows[0].Children[0] != "1" || f.Indicators[0].Columns[0].Title != "Kế hoạch năm" {
			t.Error("ForGroup's result shares slices with the form")
		}
	})
}

func TestForm_Whole(t *testing.T) {
	f := wardReport()
	w := f.Whole()
	if w.Tables[0].MinRows != 0 || w.Tables[0].Columns[0].Required {
		t.Error("a limited table keeps its requirements")
	}
	if w.Indicators[0].Rows[1].Required || !w.Indicators[0].Rows[2].Required {
		t.Errorf("indicator requirements: got %v and %v, want false and true",
			w.Indicators[0].Rows[1].Required, w.Indicators[0].Rows[2].Required)
	}
	if w.Indicators[1].Rows[0].Required {
		t.Error("a row of a limited indicator table keeps its requirement")
	}
	if !w.Narrative[0].Required || w.Narrative[1].Required {
		t.Error("section requirements wrong")
	}
	if !f.Tables[0].Columns[0].Required || !f.Indicators[0].Rows[1].Required {
		t.Error("Whole changed the form")
	}
	if !f.Limited() || (Form{Code: "x"}).Limited() || f.ForGroup("phong").Limited() {
		t.Error("Limited wrong")
	}
}
