package xlsconv

import (
	"bytes"
	"context"
	"errors"
	"os"
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
