package reportbook

import (
	"fmt"
	"io"
	"testing"
)

// BenchmarkWrite writes the consolidated work program of 100 and 1,000 units of 200 list rows
// each (100 tasks, 100 results), and the indicator report of as many units.
func BenchmarkWrite(b *testing.B) {
	for _, bench := range []struct {
		code        string
		units, rows int
	}{
		{"BM.04.01/KH", 100, 100},
		{"BM.04.01/KH", 1000, 100},
		{"BM.02.01/KH", 100, 0},
		{"BM.02.01/KH", 1000, 0},
	} {
		rows := bench.rows * len(builtin(b, bench.code).Tables)
		b.Run(fmt.Sprintf("%s/units=%d/rows=%d", bench.code, bench.units, rows), func(b *testing.B) {
			fx := newFixture(b, bench.code, bench.units, bench.rows)
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, fx.book, fx.st, fx.meta); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
