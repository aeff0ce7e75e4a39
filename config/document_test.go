package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParse_Document: the document's keys (issue 20) are read, their defaults filled, and a bad
// type, abbreviation or letterhead is named by its key.
func TestParse_Document(t *testing.T) {
	dir := t.TempDir()
	big := make([]byte, MaxLetterhead+1)
	for name, data := range map[string][]byte{"mau.docx": []byte("PK\x03\x04 a letterhead"), "empty.docx": nil, "big.docx": big} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	parse := func(office, form string) (*Config, error) {
		src := strings.Replace(minimal, "[office]\n", "[office]\n"+office, 1)
		src = strings.Replace(src, "[[forms]]\n", "[[forms]]\n"+form, 1)
		return Parse([]byte(src), filepath.Join(dir, "tonghop.toml"))
	}
	c, err := parse("governing_body = \"UBND tỉnh Ninh Bình\"\nplace = \"Ninh Bình\"\nabbreviation = \"BQL\"\narchive = \"KHTH\"\nletterhead = \"mau.docx\"\n",
		"document_type = \"thong_bao\"\nsummary = \"Kết quả {ky}\"\n")
	if err != nil {
		t.Fatal(err)
	}
	o, f := c.Office, &c.Forms[0]
	if o.GoverningBody != "UBND tỉnh Ninh Bình" || o.Place != "Ninh Bình" || o.Abbreviation != "BQL" || o.Archive != "KHTH" {
		t.Errorf("office: got %+v", o.OfficeDocument)
	}
	if string(o.LetterheadData) != "PK\x03\x04 a letterhead" {
		t.Errorf("letterhead: got %q, want the file read", o.LetterheadData)
	}
	if got := f.DocumentKind(); got != "thong_bao" {
		t.Errorf("document kind: got %q", got)
	}
	if got, want := f.DocumentSummary("Tháng 11/2026"), "Kết quả tháng 11/2026"; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	for _, c := range []struct{ name, office, form, want string }{
		{"Type", "", "document_type = \"cong_van\"\n", "forms[0].document_type: \"cong_van\""},
		{"Abbreviation", "abbreviation = \"BQL/KCN\"\n", "", "office.abbreviation"},
		{"LetterheadMissing", "letterhead = \"khong-co.docx\"\n", "", "office.letterhead: cannot read"},
		{"LetterheadEmpty", "letterhead = \"empty.docx\"\n", "", "office.letterhead"},
		{"LetterheadTooLarge", "letterhead = \"big.docx\"\n", "", "want a .docx of at most"},
	} {
		t.Run("Err"+c.name, func(t *testing.T) {
			if _, err := parse(c.office, c.form); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestForm_DocumentDefaults(t *testing.T) {
	f := &Form{}
	f.Title = "Báo cáo kết quả công tác"
	if got := f.DocumentKind(); got != "bao_cao" {
		t.Errorf("kind: got %q, want bao_cao", got)
	}
	if got, want := f.DocumentSummary("Tháng 11/2026"), "Báo cáo kết quả công tác tháng 11/2026"; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
}
