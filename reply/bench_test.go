package reply

import (
	"strings"
	"testing"
)

// BenchmarkRead measures a typical phone reply (Gmail, both bodies) and a
// 1 MB body.
func BenchmarkRead(b *testing.B) {
	typicalPlain, typicalHTML := gmailAndroid.build("Ok anh, duyệt nhé.\nCảm ơn em")
	hugePlain := "Duyệt\n\nOn Fri, Nov 20, 2026 at 9:12 AM X <x@y.vn> wrote:\n" +
		strings.Repeat("> Trình duyệt báo cáo tháng 11/2026 của 8 đơn vị.\n", (1<<20)/52)
	hugeHTML := "<div>Duyệt</div><blockquote>" + strings.Repeat("<p>Trình duyệt báo cáo</p>", (1<<20)/27) + "</blockquote>"
	b.Run("typical", func(b *testing.B) {
		b.SetBytes(int64(len(typicalPlain) + len(typicalHTML)))
		for b.Loop() {
			Read(typicalPlain, typicalHTML)
		}
	})
	b.Run("1MB", func(b *testing.B) {
		b.SetBytes(int64(len(hugePlain) + len(hugeHTML)))
		for b.Loop() {
			Read(hugePlain, hugeHTML)
		}
	})
}
