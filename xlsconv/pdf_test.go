package xlsconv

import (
	"bytes"
	"context"
	"errors"
	"os"
	"regexp"
	"testing"

	"github.com/tonghop/tonghop/internal/officeapps"
)

// TestToPDF converts an administrative document package document wrote (testdata/letter.docx,
// see SOURCES.tsv) and refuses bytes that are not a document.
func TestToPDF(t *testing.T) {
	bin := officeapps.Soffice(t)
	c, err := New(bin)
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("testdata/letter.docx")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("OK", func(t *testing.T) {
		pdf, err := c.ToPDF(context.Background(), docx)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("got %q…, want a PDF", pdf[:min(len(pdf), 8)])
		}
		// Times New Roman printed in one font with every Vietnamese letter, where installed
		// (Debian's fonts-liberation2; fonts-liberation 1.07 lacks ơ, ư and the stacked tones).
		if _, err := os.Stat("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"); err == nil {
			fonts := regexp.MustCompile(`/BaseFont\s*/[A-Z]{6}\+([A-Za-z-]+)`).FindAllSubmatch(pdf, -1)
			for _, f := range fonts {
				if !bytes.HasPrefix(f[1], []byte("LiberationSerif")) {
					t.Errorf("PDF font %s, want Liberation Serif only", f[1])
				}
			}
			if len(fonts) == 0 {
				t.Error("no font found in the PDF")
			}
		}
	})
	t.Run("ErrFailed", func(t *testing.T) {
		if _, err := c.ToPDF(context.Background(), []byte("not a document at all")); !errors.Is(err, ErrFailed) {
			t.Errorf("got %v, want ErrFailed", err)
		}
	})
	t.Run("ErrNoPDF", func(t *testing.T) {
		ss := &Converter{Path: "/usr/bin/ssconvert", Kind: KindSsconvert}
		if _, err := ss.ToPDF(context.Background(), docx); !errors.Is(err, ErrNoPDF) {
			t.Errorf("got %v, want ErrNoPDF", err)
		}
	})
}
