package xlsconv

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestConverter_ExactlyAtLimits: an input of exactly MaxInput bytes is converted and an output
// of exactly MaxOutput bytes is kept; one byte over either limit is refused as too large.
func TestConverter_ExactlyAtLimits(t *testing.T) {
	t.Parallel()
	viet := readFixture(t, "vietnamese-utf8.xls")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if _, err := zw.Create("xl/workbook.xml"); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	xlsx := buf.Bytes()
	in, out := int64(len(viet)), int64(len(xlsx))
	tests := []struct {
		name                string
		maxInput, maxOutput int64
		tooLarge            bool
	}{
		{"BothAtLimit", in, out, false},
		{"InputOver", in - 1, out, true},
		{"OutputOver", in, out - 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, mark := fakeConverter(t, "ssconvert", "cp MARK/made.xlsx out.xlsx")
			if err := os.WriteFile(filepath.Join(mark, "made.xlsx"), xlsx, 0o600); err != nil {
				t.Fatal(err)
			}
			c.MaxInput, c.MaxOutput = tc.maxInput, tc.maxOutput
			got, err := c.ToXLSX(context.Background(), viet)
			if tc.tooLarge != errors.Is(err, ErrTooLarge) || !tc.tooLarge && (err != nil || !bytes.Equal(got, xlsx)) {
				t.Errorf("got %d bytes, %v; want too large %v (input %d, output %d bytes)", len(got), err, tc.tooLarge, in, out)
			}
		})
	}
}
