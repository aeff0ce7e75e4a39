package office

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// requestOffice is the minimal office with two more units, and a ledger.
func requestOffice(t *testing.T) (*Office, *ledger.Ledger) {
	t.Helper()
	more := "[[units]]\ncode = \"QLDT\"\nname = \"Phòng Quản lý đầu tư\"\nemails = [\"qldt@example.vn\"]\n" +
		"[[units]]\ncode = \"QHXD\"\nname = \"Phòng Quy hoạch - Xây dựng\"\nemails = [\"qhxd@example.vn\"]\n[[forms]]"
	o := parse(t, strings.Replace(minimal, "[[forms]]", more, 1))
	l, err := ledger.Open(context.Background(), filepath.Join(t.TempDir(), "ledger"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return o, l
}

// TestRequestPlan: a request's plan asks its units, in the configuration's order, sends the
// templates when it was made, places the deadline at the due time (a Saturday here, kept as
// written) and keeps the form's reminders and nags; its units are the period's, its line the
// deadlines listing's.
func TestRequestPlan(t *testing.T) {
	o, l := requestOffice(t)
	ctx := context.Background()
	loc := o.Location
	made := time.Date(2026, 7, 6, 9, 0, 0, 0, loc)
	due := time.Date(2026, 7, 11, 11, 0, 0, 0, loc) // Saturday
	r, err := l.CreateRequest(ctx, ledger.Request{Form: "BM.02.01/KH", Year: 2026, Title: "Số liệu lao động",
		Units: []string{"QHXD", "QLDN"}, Due: due, CreatedAt: made, CreatedBy: "test"},
		ledger.Event{At: made, Actor: "test", Action: ledger.ActionRequestCreated})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := o.RequestPlan(r)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(plan.Units, ",") != "QLDN,QHXD" || plan.Label != "Yêu cầu đột xuất số 01/2026: Số liệu lao động" {
		t.Errorf("plan units %v label %q", plan.Units, plan.Label)
	}
	p := period.Period{Kind: period.Once, Year: 2026, N: 1}
	w, err := plan.Window(p, o.Calendar, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !w.TemplateAt.Equal(made) || !w.Deadline.Equal(due) || len(w.Steps) != 2 {
		t.Errorf("window: template %v deadline %v steps %+v", w.TemplateAt, w.Deadline, w.Steps)
	}
	f, _ := o.Form("BM.02.01/KH")
	units, err := o.PeriodUnits(ctx, l, f, p)
	if err != nil || len(units) != 2 || units[0].Code != "QLDN" || units[1].Code != "QHXD" {
		t.Errorf("PeriodUnits = %v, %v", units, err)
	}
	if all, _ := o.PeriodUnits(ctx, nil, f, p); len(all) != 3 {
		t.Errorf("PeriodUnits without a ledger = %v, want the form's three units", all)
	}
	if _, err := o.PeriodUnits(ctx, l, f, period.Period{Kind: period.Once, Year: 2026, N: 2}); err == nil {
		t.Error("PeriodUnits of a request never made: no error")
	}
	lines, err := o.RequestLines(ctx, l, f, 2026)
	if err != nil || len(lines) != 1 || lines[0].Format(loc) != "2026-R01\t2026-07-11 11:00\tyêu cầu đột xuất: Số liệu lao động" {
		t.Errorf("RequestLines = %+v, %v", lines, err)
	}
	if lines, _ := o.RequestLines(ctx, l, f, 2027); len(lines) != 0 {
		t.Errorf("RequestLines 2027 = %+v", lines)
	}
}
