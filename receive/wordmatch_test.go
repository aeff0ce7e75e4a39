package receive

import (
	"reflect"
	"slices"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/wordfile"
)

// bmvp is the BM-VP-01.01 report's sections, as the built-in forms define them.
var bmvp = []form.Section{
	{Key: "results", Title: "I. Kết quả thực hiện nhiệm vụ", Required: true},
	{Key: "highlights", Title: "II.1. Kết quả nổi bật"},
	{Key: "shortcomings", Title: "II.2. Tồn tại, hạn chế"},
	{Key: "direction", Title: "III. Phương hướng nhiệm vụ kỳ tới", Required: true},
	{Key: "recommendations", Title: "IV. Kiến nghị, đề xuất"},
}

// para is a body paragraph; typed one with a number typed or shown; styled a heading.
func para(text string) wordfile.Paragraph { return wordfile.Paragraph{Text: text} }
func typed(label, text string) wordfile.Paragraph {
	return wordfile.Paragraph{Numbering: label, Text: text}
}
func styled(level int, label, text string) wordfile.Paragraph {
	return wordfile.Paragraph{Style: "Heading1", Heading: level, Numbering: label, Text: text}
}

func TestMatchSections(t *testing.T) {
	head := []wordfile.Paragraph{para("BÁO CÁO"), para("Kết quả công tác tháng 11 năm 2026")}
	tail := []wordfile.Paragraph{para("Nơi nhận:"), para("- Lưu: VT.")}
	doc := func(ps ...wordfile.Paragraph) *wordfile.Doc {
		return &wordfile.Doc{Paragraphs: slices.Concat(head, ps, tail)}
	}
	tests := []struct {
		name     string
		sections []form.Section
		doc      *wordfile.Doc
		want     map[string]string
		retitled []string
		extra    []string
	}{
		{"Seed layout, typed numbers", bmvp, doc(
			typed("I.", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRONG THÁNG"),
			para("Hoàn thành 12 nhiệm vụ."),
			typed("1.", "Công tác tham mưu"), para("Tham mưu 3 văn bản."),
			typed("2.", "Công tác khác"),
			typed("II.", "ĐÁNH GIÁ CHUNG"),
			typed("1.", "Kết quả nổi bật"), para("Thu hút 2 dự án."),
			typed("2.", "Tồn tại, hạn chế"), para("Giải ngân chậm."),
			typed("III.", "PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG TỚI"), para("Đôn đốc giải ngân."),
			typed("IV.", "KIẾN NGHỊ VÀ ĐỀ XUẤT"), para("Không."),
		), map[string]string{
			"results":         "Hoàn thành 12 nhiệm vụ.\n1. Công tác tham mưu\nTham mưu 3 văn bản.\n2. Công tác khác",
			"highlights":      "Thu hút 2 dự án.",
			"shortcomings":    "Giải ngân chậm.",
			"direction":       "Đôn đốc giải ngân.",
			"recommendations": "Không.",
		}, nil, nil},
		{"Heading styles without numbers, no diacritics", bmvp, doc(
			styled(1, "", "Ket qua thuc hien nhiem vu"), para("A."),
			styled(1, "", "Danh gia"),
			styled(2, "", "ket qua noi bat"), para("B."),
			styled(1, "", "PHUONG HUONG NHIEM VU KY TOI"), para("C."),
		), map[string]string{"results": "A.", "highlights": "B.", "direction": "C."}, nil, nil},
		{"Computed numbers under styled headings", bmvp, doc(
			styled(1, "I.", "Kết quả thực hiện nhiệm vụ"), para("A."),
			typed("1.", "Việc đã làm"), para("A1."),
			styled(1, "II.", "Đánh giá"),
			styled(2, "1.", "Kết quả nổi bật"), para("B."),
			styled(1, "III.", "Phương hướng, nhiệm vụ kỳ tới"), para("C."),
		), map[string]string{"results": "A.\n1. Việc đã làm\nA1.", "highlights": "B.", "direction": "C."}, nil, nil},
		{"Number with another title", bmvp, doc(
			typed("I.", "Kết quả thực hiện nhiệm vụ"), para("A."),
			typed("III.", "Hướng công tác kỳ tới"), para("C."),
		), map[string]string{"results": "A.", "direction": "C."}, []string{"direction"}, nil},
		{"Number alone is not enough", bmvp, doc(
			typed("I.", "Kết quả thực hiện nhiệm vụ"), para("A."),
			typed("III.", "Định hướng tháng 12"), para("C."),
		), map[string]string{"results": "A."}, nil, []string{"III. Định hướng tháng 12"}},
		{"Title with another number, and a part of no section", bmvp, doc(
			typed("1.", "Kết quả thực hiện nhiệm vụ"), para("A."),
			typed("2.", "Phương hướng nhiệm vụ kỳ tới"), para("C."),
			typed("3.", "Các nội dung khác"), para("D."),
		), map[string]string{"results": "A.", "direction": "C."}, nil, []string{"3. Các nội dung khác"}},
		{"A table in a section, the signature table ends the body", bmvp, &wordfile.Doc{
			Paragraphs: []wordfile.Paragraph{typed("I.", "Kết quả thực hiện nhiệm vụ"), para("Số liệu:"),
				typed("III.", "Phương hướng nhiệm vụ kỳ tới"), para("C.")},
			Tables:  [][][]string{{{"Chỉ tiêu", "Số"}, {"Dự án", "2"}}, {{"Nơi nhận:\n- Lưu: VT.", "TRƯỞNG PHÒNG"}}},
			TableAt: []int{2, 4},
		}, map[string]string{"results": "Số liệu:\nChỉ tiêu | Số\nDự án | 2", "direction": "C."}, nil, nil},
		{"One section, no heading: the whole body", []form.Section{{Key: "noi_dung", Title: "Nội dung báo cáo"}},
			doc(para("Đơn vị đã hoàn thành."), para("Đề nghị xem xét.")),
			map[string]string{"noi_dung": "Đơn vị đã hoàn thành.\nĐề nghị xem xét."}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchSections(sectionDefs(tt.sections), tt.doc)
			if !reflect.DeepEqual(got.text, tt.want) {
				t.Errorf("got %q, want %q", got.text, tt.want)
			}
			if !slices.Equal(got.retitled, tt.retitled) {
				t.Errorf("retitled: got %v, want %v", got.retitled, tt.retitled)
			}
			var extra []string
			for _, h := range got.extra {
				extra = append(extra, h.label+" "+h.title)
			}
			if !slices.Equal(extra, tt.extra) {
				t.Errorf("extra: got %q, want %q", extra, tt.extra)
			}
		})
	}
}

func TestLabelPath(t *testing.T) {
	tests := []struct {
		label string
		want  []string
	}{
		{"I.", []string{"r1"}}, {"IV", []string{"r4"}}, {"II.1.", []string{"r2", "n1"}},
		{"1.", []string{"n1"}}, {"1.2", []string{"n1", "n2"}}, {"a)", []string{"la"}}, {"đ)", []string{"lđ"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := labelPath(tt.label); !slices.Equal(got, tt.want) {
			t.Errorf("labelPath(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
	if !samePath(labelPath("I."), labelPath("1.")) || samePath(labelPath("II.1."), labelPath("II.")) {
		t.Error("samePath: I. and 1. are one number, II.1. and II. are not")
	}
}
