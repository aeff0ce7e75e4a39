package document

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite_Sample(t *testing.T) {
	data, err := Build(sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("DOC_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "sample.docx"), data, 0o644)
	}
}
