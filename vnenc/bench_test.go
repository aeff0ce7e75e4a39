package vnenc_test

import (
	"testing"

	"github.com/tonghop/tonghop/vnenc"
)

func BenchmarkFix(b *testing.B) {
	inputs := []struct {
		name string
		in   string
	}{
		{"ASCII", "Report on the implementation of tasks, Q2 2024 (UBND)"},
		{"Unicode", "Báo cáo kết quả thực hiện nhiệm vụ tháng 6 năm 2024"},
		{"Latin1", "Crème brûlée à la française, Müller & Søn"},
		{"TCVN3", "B¸o c¸o kÕt qu¶ thùc hiÖn nhiÖm vô th¸ng 6 n¨m 2024"},
		{"VNI", "Baùo caùo keát quaû thöïc hieän nhieäm vuï thaùng 6 naêm 2024"},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.in)))
			for b.Loop() {
				vnenc.Fix(in.in)
			}
		})
	}
}
