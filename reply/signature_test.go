package reply

import "testing"

func TestDropSignature(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"Outlook signature after a closing",
			"Duyệt nhé.\n\nTrân trọng,\nNguyễn Văn Hùng\nTrưởng Ban\nBan Quản lý các KCN tỉnh Thái Nguyên\nĐT: 0208 3855 123\nhung.nv@bqlkcn.thainguyen.gov.vn",
			"Duyệt nhé."},
		{"name line without a closing", "Đồng ý\n\nNguyễn Văn Hùng\nPhó Giám đốc Sở KH&CN", "Đồng ý"},
		{"closing alone", "Sửa mục 2.\nThanks,", "Sửa mục 2."},
		{"a decision word stops the block", "Duyệt\nTrân trọng\nKhông duyệt phần 2\nHùng", "Duyệt\nTrân trọng\nKhông duyệt phần 2"},
		{"a lower-case instruction stays", "Đồng ý.\nHùng\nPhường Hòa Bình làm tiếp", "Đồng ý.\nHùng\nPhường Hòa Bình làm tiếp"},
		{"a word that is no name stays", "Duyệt\nNgừng", "Duyệt\nNgừng"},
		{"a place is not a name", "Duyệt\nPhường Hòa Bình", "Duyệt\nPhường Hòa Bình"},
		{"the first line is never dropped", "Nguyễn Văn Hùng", "Nguyễn Văn Hùng"},
		{"Mai is read as tomorrow", "Duyệt\nMai", "Duyệt\nMai"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropSignature(tc.text); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
