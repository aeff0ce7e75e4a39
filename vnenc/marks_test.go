package vnenc_test

import (
	"testing"

	"github.com/tonghop/tonghop/vnenc"
)

func TestStripMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hoàn thành", "Hoan thanh"},
		{"ĐANG THỰC HIỆN", "DANG THUC HIEN"},
		{"Quý IV/2026", "Quy IV/2026"},
		{"Hoa\u0300n", "Hoan"}, // NFD
		{"plain ASCII", "plain ASCII"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := vnenc.StripMarks(tc.in); got != tc.want {
			t.Errorf("StripMarks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
