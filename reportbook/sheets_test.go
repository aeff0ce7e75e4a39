package reportbook

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/status"
)

func TestWrite_Status(t *testing.T) {
	fx := newFixture(t, "BM.04.01/KH", 3, 1, "U03")
	f, _ := fx.write(t)
	all := rows(t, f, sheetStatus)
	_, hr := rowWith(t, all, 0, hdrNo)
	tests := []struct {
		name, unit string
		col        int
		want       string
	}{
		{"OnTime", "U01", 3, "đúng hạn"},
		{"OnTimeVersion", "U02", 4, "2"},
		{"LateLabel", "U02", 3, "đúng hạn"},
		{"Missing", "U03", 3, "chưa gửi, quá hạn 3 ngày"},
		{"MissingNoVersion", "U03", 4, ""},
		{"Sent", "U02", 7, "2"},
		{"Reminders", "U03", 8, "Nhắc hạn lần 1: 07:30 ngày 20/11; Đôn đốc lần 2: 07:30 ngày 23/11 (đồng gửi lãnh đạo)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := rowWith(t, all[hr:], 1, tt.unit)
			if got := at(r, tt.col); got != tt.want {
				t.Errorf("%s column %d: got %q, want %q", tt.unit, tt.col, got, tt.want)
			}
		})
	}
	_, n := rowWith(t, all[hr:], 1, "U01")
	if got := cellValue(t, f, sheetStatus, "F"+strconv.Itoa(hr+n)); got != "16:00 ngày 20/11/2026" {
		t.Errorf("U01 arrival: got %q, want 16:00 ngày 20/11/2026", got)
	}
	if !contains(all, "Thời hạn gửi: 17:00 ngày 20/11/2026, thứ Sáu") {
		t.Errorf("status: no deadline line")
	}
	rate, _ := rowWith(t, all, 2, labelRate)
	if at(rate, 3) != "2/3 đơn vị" || !strings.HasPrefix(at(rate, 4), "0.666") {
		t.Errorf("reporting rate: got %q, want 2/3 and 0.666…", rate)
	}
}

func TestWrite_Late(t *testing.T) {
	fx := newFixture(t, "BM.04.01/KH", 3, 0)
	f, _ := fx.write(t)
	all := rows(t, f, sheetStatus)
	r, _ := rowWith(t, all, 1, "U03")
	if got := at(r, 3); got != "quá hạn 1 giờ" {
		t.Errorf("U03: got %q, want %q", got, "quá hạn 1 giờ")
	}
}

func TestWrite_Provenance(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 3, 0, "U02")
	f, _ := fx.write(t)
	all := rows(t, f, sheetProvenance)
	_, hr := rowWith(t, all, 0, hdrNo)
	if got := len(all) - hr; got != 2 {
		t.Fatalf("provenance rows: got %d, want 2", got)
	}
	r := all[hr+1]
	want := []string{"2", "U03", "Phòng Quản lý doanh nghiệp", "1", "", markYes, "BM.02.01/KH_U03.xlsx",
		strings.Repeat("0", 63) + "3", "<m3@kcn.gov.vn>"}
	r[4] = "" // a date serial, checked below as shown
	if !slices.Equal(r, want) {
		t.Errorf("U03 row: got %q, want %q", r, want)
	}
	if got := cellValue(t, f, sheetProvenance, "E"+strconv.Itoa(hr+2)); got != "18:00 ngày 20/11/2026" {
		t.Errorf("U03 received: got %q, want 18:00 ngày 20/11/2026", got)
	}
}

func TestWrite_Properties(t *testing.T) {
	approved := []Approval{{Title: "Phó Trưởng Ban", Name: "Trần Thị B", At: deadline.Add(40 * time.Hour), Version: 1},
		{Title: "Trưởng Ban", Name: "Nguyễn Văn A", At: deadline.Add(44 * time.Hour), Version: 2, MessageID: "<ok@kcn.gov.vn>"}}
	tests := []struct {
		name      string
		approvals []Approval
		status    string
		title     string // the summary's state line
		custom    map[string]any
	}{
		{"Draft", nil, contentDraft, "DỰ THẢO lần 2", map[string]any{PropDraft: int32(2)}},
		{"Approved", approved, contentIssued, "Đã duyệt: Trưởng Ban Nguyễn Văn A, 13:00 ngày 22/11/2026 (dự thảo lần 2)",
			map[string]any{PropApprovedBy: "Trưởng Ban Nguyễn Văn A", PropApprovedAt: "2026-11-22T06:00:00Z",
				PropApprovedVersion: int32(2), PropApprovalMessageID: "<ok@kcn.gov.vn>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := newFixture(t, "BM.02.01/KH", 2, 0)
			fx.meta.Approvals = tt.approvals
			f, _ := fx.write(t)
			if !contains(rows(t, f, sheetSummary), tt.title) {
				t.Errorf("summary: no line %q", tt.title)
			}
			doc, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if doc.Creator != Creator || doc.ContentStatus != tt.status || doc.Created != "2026-11-21T01:30:00Z" ||
				!strings.Contains(doc.Title, "Báo cáo kết quả thực hiện nhiệm vụ") || doc.Language != "vi-VN" {
				t.Errorf("document properties: got %+v", doc)
			}
			// What File > Properties shows names the period in Vietnamese, never by its code.
			if doc.Subject != "Báo cáo tổng hợp biểu mẫu BM.02.01/KH, tháng 11/2026" || doc.Keywords != "BM.02.01/KH; Tháng 11/2026" {
				t.Errorf("subject, keywords: got %q, %q", doc.Subject, doc.Keywords)
			}
			got := map[string]any{}
			props, err := f.GetCustomProps()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range props {
				got[p.Name] = p.Value
			}
			want := map[string]any{PropForm: "BM.02.01/KH", PropPeriod: "2026-11", PropBuiltAt: "2026-11-21T01:30:00Z",
				PropLedgerState: "submissions=57 events=1234"}
			for k, v := range tt.custom {
				want[k] = v
			}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("custom property %s: got %#v, want %#v", k, got[k], v)
				}
			}
			if _, ok := got[PropApprovedBy]; ok != (tt.approvals != nil) {
				t.Errorf("approved_by present: got %v, want %v", ok, tt.approvals != nil)
			}
		})
	}
}

func TestWrite_StatusWithoutPeriod(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 1, 0)
	fx.st = status.Matrix{Units: fx.st.Units}
	if err := Write(&bytes.Buffer{}, fx.book, fx.st, fx.meta); err == nil {
		t.Errorf("Write with no status column: got nil error, want one")
	}
}

func TestWrite_Layout(t *testing.T) {
	fx := newFixture(t, "BM.04.01/KH", 2, 2)
	f, _ := fx.write(t)
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet: got %d, want 0 (%s)", got, sheetSummary)
	}
	for _, sheet := range f.GetSheetList() {
		page, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *page.Size != paperA4 || *page.FitToWidth != 1 || *page.FitToHeight != 0 {
			t.Errorf("%s: got paper %d, fit %d×%d; want A4 one page wide", sheet, *page.Size, *page.FitToWidth, *page.FitToHeight)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil || hf.OddFooter != footerText || !strings.Contains(hf.OddHeader, "BM.04.01/KH") {
			t.Errorf("%s: got header/footer %+v (%v)", sheet, hf, err)
		}
	}
	if page, _ := f.GetPageLayout(sheetSummary); *page.Orientation != "landscape" {
		t.Errorf("summary of a work program: got %s, want landscape", *page.Orientation)
	}
	panes, err := f.GetPanes(sheetStatus)
	if err != nil || !panes.Freeze || panes.YSplit != 6 {
		t.Errorf("status panes: got %+v (%v), want rows 1–6 frozen", panes, err)
	}
	names := f.GetDefinedName()
	if len(names) == 0 {
		t.Errorf("defined names: got none, want print titles")
	}
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sheetStatus && n.RefersTo != "'Tình hình gửi'!$6:$6" {
			t.Errorf("status print titles: got %q", n.RefersTo)
		}
	}
	width, err := f.GetColWidth(sheetSummary, "C")
	if err != nil || width != 50 {
		t.Errorf("summary column C (task content): got width %v (%v), want the form's 50", width, err)
	}
}

func TestWrite_TextIsNFC(t *testing.T) {
	for _, code := range builtinCodes() {
		fx := newFixture(t, code, 2, 1)
		f, _ := fx.write(t)
		for _, sheet := range f.GetSheetList() {
			for _, r := range rows(t, f, sheet) {
				for _, c := range r {
					if !norm.NFC.IsNormalString(c) {
						t.Errorf("%s %s: %q is not NFC", code, sheet, c)
					}
				}
			}
		}
	}
}
