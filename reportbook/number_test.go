package reportbook

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A numbered report states its number first in its title block, and in its properties.
func TestStampNumbered(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 3, 0)
	_, draft := fx.write(t)
	loc := time.FixedZone("ICT", 7*3600)
	issued := time.Date(2026, 11, 20, 3, 30, 0, 0, time.UTC)
	approvals := []Approval{{Title: "Trưởng Ban", Name: "Nguyễn Văn An", At: issued.Add(72 * time.Hour), Version: 4, MessageID: "a4@kcn.example"}}
	out, err := StampNumbered(draft, approvals, &Replaced{At: issued, Version: 3}, "131/BC-BQL", loc)
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
	want := "Số: 131/BC-BQL; Thay thế báo cáo đã gửi ngày 20/11/2026 (dự thảo lần 3); Đã duyệt: Trưởng Ban Nguyễn Văn An"
	if !strings.Contains(text, want) {
		t.Errorf("title block: want %q in\n%s", want, text)
	}
	props, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range props {
		found = found || p.Name == PropNumber && p.Value == "131/BC-BQL"
	}
	if !found {
		t.Errorf("custom properties without %s = 131/BC-BQL: %v", PropNumber, props)
	}
}
