package wordfile

import (
	"os"
	"slices"
	"testing"
)

// Documents saved by Word itself (testdata/word-made, from python-docx's test files) read as
// Word shows them: the built-in heading style gives the level, numbering.xml the list label,
// and a table nested in a cell adds its text to that cell.
func TestRead_WordMade(t *testing.T) {
	read := func(name string) *Doc {
		t.Helper()
		data, err := os.ReadFile("testdata/word-made/" + name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(data, Limits{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}

	styles := read("par-known-styles.docx")
	want := []Paragraph{
		{Text: "no specified style"},
		{Style: "Foobar", Text: "missing style"},
		{Style: "Heading1", Heading: 1, Text: "Heading 1"},
		{Style: "BodyText", Text: "Body Text"},
	}
	if len(styles.Paragraphs) < len(want) || !slices.Equal(styles.Paragraphs[:len(want)], want) {
		t.Errorf("par-known-styles: %+v\nwant first %+v", styles.Paragraphs, want)
	}

	numbered := read("num-having-numbering-part.docx")
	if len(numbered.Paragraphs) == 0 || numbered.Paragraphs[0].Numbering != "1." ||
		numbered.Paragraphs[0].Text != "Paragraph having List Number style." {
		t.Errorf("num-having-numbering-part: %+v, want “1.” from numbering.xml", numbered.Paragraphs)
	}

	blocks := read("blk-paras-and-tables.docx")
	if len(blocks.Tables) != 3 || !slices.Equal(blocks.TableAt, []int{0, 1, 2}) {
		t.Fatalf("blk-paras-and-tables: %d tables at %v, want 3 at [0 1 2]", len(blocks.Tables), blocks.TableAt)
	}
	if cell := blocks.Tables[1][0][0]; cell != "Text before\nTable\nBetween\nText after" {
		t.Errorf("the cell holding a nested table: %q", cell)
	}
	if p := blocks.Paragraphs[0].Text; p != "Lorem ipsum dolor sit amet, consectetur adipiscing elit." {
		t.Errorf("first paragraph %q", p)
	}
}
