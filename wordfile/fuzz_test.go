package wordfile

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds Read arbitrary packages, seeded with documents that exercise every element it
// reads. It must never panic, and what it returns must hold its invariants.
func FuzzRead(f *testing.F) {
	list := `<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>`
	f.Add(docx(f, parts(p(`<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>`, "I. TÌNH HÌNH")+p(list, "Thu")+
		`<w:tbl><w:tr><w:tc>`+p("", "a")+`</w:tc></w:tr></w:tbl>`, "")))
	f.Add(docx(f, parts(`<w:p><mc:AlternateContent><mc:Fallback><w:r><w:t>x</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`, "")))
	f.Add([]byte("PK\x03\x04"))
	lim := Limits{MaxBytes: 1 << 20, MaxUnzipped: 4 << 20, MaxParagraphs: 2000}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data, lim)
		if err != nil {
			return
		}
		if len(doc.Tables) != len(doc.TableAt) {
			t.Fatalf("%d tables, %d positions", len(doc.Tables), len(doc.TableAt))
		}
		if len(doc.Paragraphs) > lim.MaxParagraphs {
			t.Fatalf("%d paragraphs, more than %d", len(doc.Paragraphs), lim.MaxParagraphs)
		}
		for i, at := range doc.TableAt {
			if at < 0 || at > len(doc.Paragraphs) || (i > 0 && at < doc.TableAt[i-1]) {
				t.Fatalf("table %d at %d of %d paragraphs", i, at, len(doc.Paragraphs))
			}
		}
		for _, p := range doc.Paragraphs {
			if p.Heading < 0 || p.Heading > 9 {
				t.Fatalf("heading level %d", p.Heading)
			}
			if p.Text != strings.TrimSpace(p.Text) || !utf8.ValidString(p.Text) {
				t.Fatalf("text %q not trimmed or not UTF-8", p.Text)
			}
		}
	})
}
