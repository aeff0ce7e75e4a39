package document

import "testing"

// BenchmarkBuild measures building the sample document in the built-in layout.
func BenchmarkBuild(b *testing.B) {
	d := sampleDoc()
	for b.Loop() {
		data, err := Build(d)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
	}
}
