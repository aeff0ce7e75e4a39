package receive

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/templates"
)

// groupOffice is the test office with QLDN made a ward and a monthly form whose first indicator,
// required, only wards report.
func groupOffice(t *testing.T) (*office.Office, *config.Form) {
	t.Helper()
	o, cfg := testOffice(t)
	cfg.Groups = map[string]string{"phuong": "UBND các phường"}
	for i := range cfg.Units {
		if cfg.Units[i].Code == "QLDN" {
			cfg.Units[i].Group = "phuong"
		}
	}
	base, _ := cfg.Form("BM.02.01/KH")
	f := *base
	f.Form = form.Form{Code: "KTXH/T", Version: 1, Title: "Báo cáo tình hình kinh tế - xã hội tháng", Period: form.Kinds{"month"},
		Indicators: []form.IndicatorTable{{Key: "ktxh", Title: "Chỉ tiêu",
			Columns: []form.Column{{Key: "plan", Title: "Kế hoạch năm", Type: form.Decimal},
				{Key: "period", Title: "Thực hiện trong tháng", Type: form.Decimal}},
			Rows: []form.Indicator{
				{Code: "1", Name: "Thu ngân sách trên địa bàn", Unit: "triệu đồng", Required: true, Groups: []string{"phuong"}},
				{Code: "3", Name: "Số vụ phạm pháp hình sự", Unit: "vụ", Required: true},
			}}}}
	cfg.Forms = append(cfg.Forms, f)
	var plans schedule.Plans
	for _, pl := range o.Plans[base.Code] {
		pl.Form = f.Code
		plans = append(plans, pl)
	}
	o.Plans[f.Code] = plans
	added, _ := o.Form(f.Code)
	return o, added
}

// groupWorkbook is unit's template of the form for November 2026 with only indicator 3 given.
func groupWorkbook(t *testing.T, o *office.Office, f *config.Form, unit string) []byte {
	t.Helper()
	u, _ := o.Unit(unit)
	meta, err := o.TemplateMeta(f, u, period.Period{Kind: period.Month, Year: 2026, N: 11}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.Generate(&buf, o.Workbook(f, u), meta, nil); err != nil {
		t.Fatal(err)
	}
	data := form.Filled{Indicators: map[string]map[string]map[string]string{"ktxh": {"3": {"period": "4"}}}}
	out, err := templates.Fill(buf.Bytes(), o.Workbook(f, u), data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestJudge_WorkbookOfGroup: a ward's file without the ward indicator is refused whether the
// ward sends it or someone sending for units does; another unit's file without it is accepted.
func TestJudge_WorkbookOfGroup(t *testing.T) {
	o, f := groupOffice(t)
	ward, _ := o.Unit("QLDN")
	other, _ := o.Unit("QLDT")
	tests := []struct {
		name     string
		unit     string
		sender   office.Sender
		required bool
	}{
		{"WardSends", "QLDN", office.Sender{Unit: &ward}, true},
		{"SentForWard", "QLDN", office.Sender{}, true},
		{"OtherSends", "QLDT", office.Sender{Unit: &other}, false},
		{"SentForOther", "QLDT", office.Sender{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := groupWorkbook(t, o, f, tc.unit)
			att := intake.Attachment{Name: "a.xlsx", Data: data, Size: int64(len(data))}
			v, err := testJudge(o, NoLedger{}).Workbook(context.Background(), tc.sender, att, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(codes(v.Errors), templates.CodeRequired); got != tc.required {
				t.Errorf("required error: got %v, want %v (errors %q)", got, tc.required, codes(v.Errors))
			}
			if !tc.required && !v.Submission.Valid {
				t.Errorf("file refused: %q", codes(v.Errors))
			}
		})
	}
}
