package receive

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/templates"
)

// requestWorkbook is unit's filled template of BM.02.01/KH for the one-off period p.
func requestWorkbook(t *testing.T, o *office.Office, unit, p string) []byte {
	t.Helper()
	f, _ := o.Form("BM.02.01/KH")
	var tpl bytes.Buffer
	meta := templates.Meta{Office: o.Office.Name, UnitCode: unit, UnitName: unit, Period: p,
		PeriodLabel: "Yêu cầu đột xuất", ReplyTo: o.SMTP.From, Secret: []byte(testKey)}
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		t.Fatal(err)
	}
	data := form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": {}}, Narrative: map[string]string{}}
	for _, row := range f.Indicators[0].Rows {
		data.Indicators["kcn"][row.Code] = map[string]string{"period": "2"}
	}
	data.Indicators["kcn"]["1"]["period"] = "4"
	for _, s := range f.Narrative {
		data.Narrative[s.Key] = "Nội dung " + s.Title
	}
	out, err := templates.Fill(tpl.Bytes(), f.Form, data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestJudge_Request judges files for a one-off period by the ledger's request: a unit asked,
// on time or after the due time; a unit not asked; a request never made. Without a ledger
// (tonghop check) the file is accepted, without a deadline.
func TestJudge_Request(t *testing.T) {
	o, l := officetest.Site(t, testKey)
	ctx := context.Background()
	made := testNow.Add(-72 * time.Hour)
	_, err := l.CreateRequest(ctx, ledger.Request{Form: "BM.02.01/KH", Year: 2026, Title: "Số liệu lao động",
		Units: []string{"QLDN", "QLDT"}, Due: testNow.Add(-24 * time.Hour).Add(8 * time.Hour), CreatedAt: made, CreatedBy: "test"},
		ledger.Event{At: made, Actor: "test", Action: ledger.ActionRequestCreated})
	if err != nil {
		t.Fatal(err)
	}
	unit := func(code string) office.Sender {
		u, _ := o.Unit(code)
		return office.Sender{Unit: &u}
	}
	tests := []struct {
		name, unit, period string
		ledger             Ledger
		now                time.Time
		errors             string
		late, recorded     bool
	}{
		{"OnTime", "QLDN", "2026-R01", l, testNow.Add(-48 * time.Hour), "", false, true},
		{"Late", "QLDT", "2026-R01", l, testNow, "", true, true},
		{"NotAsked", "QHXD", "2026-R01", l, testNow, "request_not_asked", false, false},
		{"NoRequest", "QLDN", "2026-R02", l, testNow, "request_unknown", false, false},
		{"NoLedger", "QHXD", "2026-R02", NoLedger{}, testNow, "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := requestWorkbook(t, o, tc.unit, tc.period)
			att := intake.Attachment{Name: "a.xlsx", Data: data, Size: int64(len(data))}
			j := &Judge{Office: o, Ledger: tc.ledger, Now: func() time.Time { return tc.now }}
			v, err := j.Workbook(ctx, unit(tc.unit), att, "")
			if err != nil {
				t.Fatal(err)
			}
			if v.Submission.Period != tc.period || codes(v.Errors) != tc.errors || v.Submission.Late != tc.late || (v.Period != nil) != tc.recorded {
				t.Errorf("period %q errors %q late %v period row %v; want %q %q %v %v", v.Submission.Period, codes(v.Errors),
					v.Submission.Late, v.Period != nil, tc.period, tc.errors, tc.late, tc.recorded)
			}
			if tc.recorded && v.Period.Period != tc.period {
				t.Errorf("period row %+v", v.Period)
			}
		})
	}
	if p, ok := (&Judge{Office: o}).guessPeriod("BM.02.01/KH", "Re: Đề nghị gửi: Báo cáo yêu cầu đột xuất số 01/2026: Số liệu tháng 10/2026", ""); !ok || p != "2026-R01" {
		t.Errorf("guessPeriod = %q, %v; want 2026-R01", p, ok)
	}
}
