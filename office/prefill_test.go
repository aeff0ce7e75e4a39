package office

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// prefillOffice is minimal with the weekly work program as well as the monthly report.
func prefillOffice(t *testing.T) *Office {
	t.Helper()
	o := parse(t, minimal+`
[[forms]]
code = "BM.04.01/KH"
period = "week"
plans_next = true
deadline = "thu 15:00"
approval = ["truong_ban"]
`)
	o.Key = []byte("khóa mẫu thử nghiệm")
	return o
}

// recordFile stores one submission of unit in a mail of its own, with its period row.
func recordFile(t *testing.T, l *ledger.Ledger, o *Office, code, unit, key string, valid bool, filled form.Filled) {
	t.Helper()
	ctx := context.Background()
	p, err := period.Parse(key)
	if err != nil {
		t.Fatal(err)
	}
	loc := o.Calendar.Loc
	data, _ := json.Marshal(filled) // maps of strings: cannot fail
	name := fmt.Sprintf("%s_%s_%s_%v", form.Slug(code), unit, key, valid)
	sha, err := l.PutBlob([]byte("Message-ID: <" + name + ">\r\n\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	at := p.End(loc).Add(-time.Hour)
	_, err = l.RecordIntake(ctx, ledger.Intake{
		Mail: ledger.Mail{SHA256: sha, MessageID: "<" + name + "@example.vn>", From: "qldn@example.vn",
			ReceivedAt: at, Outcome: ledger.OutcomeAccepted},
		Submissions: []ledger.Submission{{Form: code, Unit: unit, Period: key, FileName: name + ".xlsx",
			FileSHA256: sha, Valid: valid, Data: data, ReceivedAt: at}},
		Periods: []ledger.Period{{Form: code, Period: key, Start: p.Start(loc), End: p.End(loc),
			Deadline: p.End(loc), OpenedAt: p.Start(loc)}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

func tasksFilled(contents ...string) form.Filled {
	var rows []form.Row
	for i, c := range contents {
		rows = append(rows, form.Row{Line: 5 + i, Values: map[string]string{"content": c, "lead": "Phòng QLDN"}})
	}
	return form.Filled{Tables: map[string][]form.Row{"tasks": rows}}
}

func TestPrefill_LastWeeksTasks(t *testing.T) {
	ctx := context.Background()
	o := prefillOffice(t)
	l, err := ledger.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	f, _ := o.Form("BM.04.01/KH")
	unit, _ := o.Unit("QLDN")
	recordFile(t, l, o, f.Code, "QLDN", "2026-W48", true, tasksFilled("Nhiệm vụ A", "Nhiệm vụ B"))
	recordFile(t, l, o, f.Code, "QLDN", "2026-W48", false, tasksFilled("Nhiệm vụ C")) // invalid: not counted
	recordFile(t, l, o, f.Code, "QLDN", "2026-W47", true, tasksFilled("Nhiệm vụ cũ"))

	if got, err := o.Prefill(ctx, nil, f, unit, period.Period{Kind: period.Week, Year: 2026, N: 49}); got != nil || err != nil {
		t.Errorf("without a ledger: got %+v, %v; want nothing", got, err)
	}
	p := period.Period{Kind: period.Week, Year: 2026, N: 49}
	pre, err := o.Prefill(ctx, l, f, unit, p)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := o.TemplateMeta(f, unit, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.Generate(&buf, o.Workbook(f, unit), meta, pre); err != nil {
		t.Fatal(err)
	}
	rep, err := templates.Read(buf.Bytes(), o.ReadLayouts(&unit), o.Key, templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rows := rep.Filled.Tables["results"]
	var got []string
	for _, r := range rows {
		got = append(got, r.Values["content"]+"|"+r.Values["status"])
	}
	if strings.Join(got, ",") != "Nhiệm vụ A|,Nhiệm vụ B|" {
		t.Fatalf("results of the W49 template: got %q, want A and B without a status", got)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, ref := range []string{fmt.Sprintf("B%d", rows[0].Line), fmt.Sprintf("C%d", rows[1].Line)} {
		idx, err := x.GetCellStyle("Kết quả kỳ trước", ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(idx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Protection == nil || st.Protection.Locked {
			t.Errorf("cell %s of the results is locked: the unit cannot correct it", ref)
		}
	}
}

func TestPrefill_PlanFigure(t *testing.T) {
	ctx := context.Background()
	o := prefillOffice(t)
	l, err := ledger.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	f, _ := o.Form("BM.02.01/KH")
	unit, _ := o.Unit("QLDN")
	plan := func(v string) form.Filled {
		return form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": {"1": {"plan": v, "period": "2"}}}}
	}
	recordFile(t, l, o, f.Code, "QLDN", "2025-12", true, plan("90")) // last year's plan: not this year's
	recordFile(t, l, o, f.Code, "QLDN", "2026-01", true, plan("120"))
	recordFile(t, l, o, f.Code, "QLDN", "2026-02", true, plan(""))
	recordFile(t, l, o, f.Code, "QLDN", "2026-04", true, plan("150")) // after March: not drawn on

	for _, tt := range []struct {
		period string
		want   string
	}{{"2026-03", "120"}, {"2026-01", ""}} {
		p, _ := period.Parse(tt.period)
		pre, err := o.Prefill(ctx, l, f, unit, p)
		if err != nil {
			t.Fatal(err)
		}
		meta, err := o.TemplateMeta(f, unit, p, nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := templates.Generate(&buf, o.Workbook(f, unit), meta, pre); err != nil {
			t.Fatal(err)
		}
		rep, err := templates.Read(buf.Bytes(), o.ReadLayouts(&unit), o.Key, templates.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Filled.Indicators["kcn"]["1"]["plan"]; got != tt.want {
			t.Errorf("%s: plan figure in the template: got %q, want %q", tt.period, got, tt.want)
		}
	}
}

// TestLayouts_Groups: a ward's layout has the ward row, the police's not, and a workbook of an
// unknown unit is read without the ward row's requirement.
func TestLayouts_Groups(t *testing.T) {
	src := strings.Replace(minimal, "[[forms]]", `[groups]
phuong = "UBND các phường"
[[units]]
code = "P_NHATTAN"
name = "UBND phường Nhật Tân"
emails = ["nhattan@example.vn"]
group = "phuong"
[[forms]]`, 1) + `
[[forms]]
code = "KTXH/T"
title = "Báo cáo tình hình kinh tế - xã hội tháng"
period = "month"
deadline = "day 20"
approval = ["truong_ban"]
  [[forms.indicators]]
  key = "ktxh"
  title = "Chỉ tiêu"
  columns = [{ key = "plan", title = "Kế hoạch năm", type = "decimal" }, { key = "period", title = "Thực hiện", type = "decimal" }]
    [[forms.indicators.rows]]
    code = "1"
    name = "Thu ngân sách trên địa bàn"
    required = true
    groups = ["phuong"]
    [[forms.indicators.rows]]
    code = "3"
    name = "Số vụ phạm pháp hình sự"
`
	o := parse(t, src)
	f, _ := o.Form("KTXH/T")
	ward, _ := o.Unit("P_NHATTAN")
	other, _ := o.Unit("QLDN")
	if n := len(o.Workbook(f, ward).Indicators[0].Rows); n != 2 {
		t.Errorf("ward layout: got %d rows, want 2", n)
	}
	if n := len(o.Workbook(f, other).Indicators[0].Rows); n != 1 {
		t.Errorf("layout of a unit without a group: got %d rows, want 1", n)
	}
	whole := o.ReadLayouts(nil)[1]
	if len(whole.Indicators[0].Rows) != 2 || whole.Indicators[0].Rows[0].Required {
		t.Errorf("whole layout: got %+v, want both rows, none required", whole.Indicators[0].Rows)
	}
	if got := o.ReadLayouts(&ward)[1]; !got.Indicators[0].Rows[0].Required {
		t.Error("the ward's reading layout does not require the ward row")
	}
}
