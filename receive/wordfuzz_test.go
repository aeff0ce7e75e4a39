package receive

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/wordfile"
)

// FuzzWordSections reads arbitrary text as a Word report's paragraphs (a line "## II. Title" a
// heading of level 2, a typed number split off as Word shows it) by the BM-VP-01.01 sections,
// and looks for its period. Nothing may panic, every section's text is made of the document's
// own lines, and a period found is valid.
func FuzzWordSections(f *testing.F) {
	f.Add("BÁO CÁO\nKết quả công tác tháng 11 năm 2026\n# I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\nA.\nII. ĐÁNH GIÁ\n1. Kết quả nổi bật\nB.\nIII. Phương hướng\nC.\nNơi nhận:")
	f.Add("## 1.\n# \nI.1.\na) b)\n1.2 Thu\nngày 05 tháng 12 năm 2026 quý IV tháng 13/2026")
	defs := sectionDefs(bmvp)
	monthly := &config.Form{Form: form.Form{Period: form.Kinds{"month", "quarter"}}}
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		doc := &wordfile.Doc{}
		lines := map[string]bool{}
		for _, line := range strings.Split(text, "\n") {
			level := len(line) - len(strings.TrimLeft(line, "#"))
			label, rest := splitLabel(line[level:])
			p := wordfile.Paragraph{Heading: min(level, 9), Numbering: label, Text: strings.TrimSpace(rest)}
			doc.Paragraphs = append(doc.Paragraphs, p)
			lines[strings.TrimSpace(p.Numbering+" "+p.Text)] = true
		}
		read := matchSections(defs, doc)
		for key, s := range read.text {
			for _, line := range strings.Split(s, "\n") {
				if s != "" && !lines[line] {
					t.Fatalf("section %s holds %q, no line of the document", key, line)
				}
			}
		}
		if p, ok := findPeriod(monthly, text, now); ok && p.Valid() != nil {
			t.Fatalf("period %v found, not valid", p)
		}
	})
}
