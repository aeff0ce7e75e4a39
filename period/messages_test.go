package period

import (
	"strings"
	"testing"
)

// TestRule_Describe: every kind of rule reads in Vietnamese words, the time first, with none of
// the configuration's English.
func TestRule_Describe(t *testing.T) {
	tests := []struct {
		rule string
		kind Kind
		want string
	}{
		{"thu 15:00", Week, "15:00 thứ Năm hằng tuần"},
		{"Chủ nhật", Week, "Chủ nhật hằng tuần"},
		{"day 18", Month, "ngày 18 hằng tháng"},
		{"day 20 17:00", Quarter, "17:00 ngày 20 của tháng cuối kỳ"},
		{"15/06 17:00", Half, "17:00 ngày 15/6"},
		{"10/01 next year", Year, "ngày 10/01 năm sau"},
		{"last working day", Month, "ngày làm việc cuối cùng của kỳ"},
		{"5 working days after issue of BM.04.01/KH", Week, "ngày làm việc thứ 5 sau khi báo cáo theo biểu mẫu BM.04.01/KH được duyệt"},
		{"2 working days after deadline of KT-XH 10:00", Month, "10:00 ngày làm việc thứ 2 sau hạn gửi biểu mẫu KT-XH"},
		{"3 working days after period end", Month, "ngày làm việc thứ 3 sau ngày cuối kỳ"},
		{"1 working day after period start", Week, "ngày làm việc thứ 1 sau ngày đầu kỳ"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			r, err := ParseRule(tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			got := r.Describe(tt.kind)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, english := range []string{"day", "working", "after", "issue", "next", "period"} {
				if strings.Contains(got, english) {
					t.Errorf("%q: English %q", got, english)
				}
			}
		})
	}
}

func TestPlacement_Explain(t *testing.T) {
	cal := calendar2026(t)
	p, _ := Parse("2026-10")
	rule, _ := ParseRule("day 18")
	pol := Policy{Rule: rule}
	pl, err := pol.Place(p, cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "theo quy định: ngày 18 hằng tháng; 18/10/2026 là ngày nghỉ hằng tuần (Chủ nhật), chuyển sang ngày làm việc trước đó"
	if got := pl.Explain(p, pol, cal); got != want {
		t.Errorf("moved: got %q, want %q", got, want)
	}
	over := Placement{At: pl.At, Overridden: true}
	if got, want := over.Explain(p, pol, cal), "hạn được điều chỉnh riêng cho kỳ này"; got != want {
		t.Errorf("override without a note: got %q, want %q", got, want)
	}
	over.Note = "Lãnh đạo Ban cho lùi hạn"
	if got, want := over.Explain(p, pol, cal), "hạn được điều chỉnh riêng cho kỳ này: Lãnh đạo Ban cho lùi hạn"; got != want {
		t.Errorf("override with a note: got %q, want %q", got, want)
	}
}

func TestPendingNote(t *testing.T) {
	p, _ := Parse("2026-W48")
	rule, _ := ParseRule("5 working days after issue of BM.04.01/KH")
	want := "chưa xác định: hạn là ngày làm việc thứ 5 sau khi báo cáo theo biểu mẫu BM.04.01/KH được duyệt; " +
		"báo cáo tuần 48 (23/11 – 29/11/2026) chưa được duyệt"
	if got := PendingNote(rule, p); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
