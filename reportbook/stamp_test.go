package reportbook

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestStamp(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 3, 0)
	_, draft := fx.write(t)
	at := time.Date(2026, 11, 20, 2, 15, 0, 0, time.UTC)
	loc := time.FixedZone("ICT", 7*3600)
	approvals := []Approval{
		{Title: "Chánh Văn phòng", Name: "Lê Văn Cường", At: at, Version: 2, MessageID: "a1@kcn.example"},
		{Title: "Trưởng Ban", Name: "Nguyễn Văn An", At: at.Add(time.Hour), Version: 2, MessageID: "a2@kcn.example"},
	}
	out, err := Stamp(draft, approvals, loc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all := rows(t, f, sheetSummary)
	var text string
	for _, r := range all[:stampSearchRows] {
		text += strings.Join(r, "|") + "\n"
	}
	if strings.Contains(text, "DỰ THẢO") || !strings.Contains(text, "Đã duyệt: Trưởng Ban Nguyễn Văn An, 10:15 ngày 20/11/2026") {
		t.Errorf("title block after stamping:\n%s", text)
	}
	props, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, p := range props {
		got[p.Name] = p.Value
	}
	if got[PropApprovedBy] != "Trưởng Ban Nguyễn Văn An" || got[PropApprovalMessageID] != "a2@kcn.example" ||
		!strings.Contains(got["tonghop.approval.1"].(string), "Chánh Văn phòng Lê Văn Cường") {
		t.Errorf("custom properties: %v", got)
	}
	hf, err := f.GetHeaderFooter(sheetSummary)
	// The period by its name, never its code: "BM.02.01/KH — Tháng 11/2026 … Đã duyệt".
	if err != nil || strings.Contains(hf.OddHeader, "DỰ THẢO") || !strings.Contains(hf.OddHeader, contentIssued) ||
		!strings.Contains(hf.OddHeader, "BM.02.01/KH — Tháng 11/2026") || strings.Contains(hf.OddHeader, "2026-11") {
		t.Errorf("page header: %q, %v", hf.OddHeader, err)
	}
	if _, err := Stamp([]byte("not a workbook"), approvals, loc); err == nil {
		t.Error("Stamp accepted garbage")
	}
	if _, err := Stamp(draft, nil, loc); err == nil {
		t.Error("Stamp without approvals")
	}
}

// TestStamp_Unauthenticated: an approval counted without authentication leaves a warning in
// the approval block and in the properties; an authenticated issue has neither.
func TestStamp_Unauthenticated(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 3, 0)
	_, draft := fx.write(t)
	at := time.Date(2026, 11, 20, 2, 15, 0, 0, time.UTC)
	for _, unauth := range []bool{false, true} {
		approvals := []Approval{{Title: "Trưởng Ban", Name: "Nguyễn Văn An", At: at, Version: 1,
			MessageID: "a1@kcn.example", Unauthenticated: unauth}}
		out, err := Stamp(draft, approvals, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		var text string
		for _, r := range rows(t, f, sheetSummary)[:stampSearchRows] {
			text += strings.Join(r, "|") + "\n"
		}
		props, err := f.GetCustomProps()
		if err != nil {
			t.Fatal(err)
		}
		prop := ""
		for _, p := range props {
			if p.Name == PropUnauthenticated {
				prop, _ = p.Value.(string)
			}
		}
		doc, err := f.GetDocProps()
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if got := strings.Contains(text, "CẢNH BÁO") && strings.Contains(text, "Đã duyệt: Trưởng Ban"); got != unauth {
			t.Errorf("Unauthenticated=%v: warning in the approval block %v:\n%s", unauth, got, text)
		}
		if (prop == unauthenticatedLine) != unauth || strings.Contains(doc.Description, "CẢNH BÁO") != unauth {
			t.Errorf("Unauthenticated=%v: property %q, description %q", unauth, prop, doc.Description)
		}
	}
}
