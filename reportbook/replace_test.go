package reportbook

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A replacement report says, above its approvals and in its properties, which issue it replaces.
func TestStampReplacement(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 3, 0)
	_, draft := fx.write(t)
	loc := time.FixedZone("ICT", 7*3600)
	issued := time.Date(2026, 11, 20, 3, 30, 0, 0, time.UTC)
	approvals := []Approval{{Title: "Trưởng Ban", Name: "Nguyễn Văn An", At: issued.Add(72 * time.Hour), Version: 4, MessageID: "a4@kcn.example"}}
	out, err := StampReplacement(draft, approvals, Replaced{At: issued, Version: 3}, loc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var text string
	for _, r := range rows(t, f, sheetSummary)[:stampSearchRows] {
		text += strings.Join(r, "|") + "\n"
	}
	want := "Thay thế báo cáo đã gửi ngày 20/11/2026 (dự thảo lần 3); Đã duyệt: Trưởng Ban Nguyễn Văn An, 10:30 ngày 23/11/2026 (dự thảo lần 4)"
	if !strings.Contains(text, want) || strings.Contains(text, "DỰ THẢO") {
		t.Errorf("title block: want %q in\n%s", want, text)
	}
	props, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, p := range props {
		got[p.Name] = p.Value
	}
	if got[PropReplaces] != "2026-11-20T03:30:00Z; v3" || got[PropApprovedVersion] == nil || got[PropUnauthenticated] != nil {
		t.Errorf("custom properties: %v", got)
	}
	doc, err := f.GetDocProps()
	replaced := "Thay thế báo cáo đã gửi ngày 20/11/2026 (dự thảo lần 3)"
	if err != nil || !strings.HasPrefix(doc.Description, replaced) || strings.Count(doc.Description, replaced) != 1 {
		t.Errorf("description: %q (%v)", doc.Description, err)
	}
}
