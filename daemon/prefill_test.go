package daemon

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// weeklyProgramForms is the weekly work program: the program for a week is due on the Thursday of
// the week before, and its template leaves three working days earlier.
const weeklyProgramForms = `
[[forms]]
code = "BM.04.01/KH"
period = "week"
deadline = "thu 15:00"
plans_next = true
send_template = "3wd"
approval = ["tb"]
`

// TestSchedule_PrefilledResults: QLDN's program for week 48 lists tasks A and B; the template
// the daemon queues for week 49 lists them in its results sheet, to be marked, and nothing else.
func TestSchedule_PrefilledResults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	loc := period.DefaultLocation()
	e := newOfficeEnv(t, officetest.Options{Forms: weeklyProgramForms}, nil)
	e.clock.Set(time.Date(2026, 11, 18, 10, 0, 0, 0, loc))
	e.append(t, mail(officetest.UnitAddr("QLDN"), "w48-qldn@kcn", "", "BM.04.01-KH_2026-W48_QLDN.xlsx",
		signedProgram(t, e, "QLDN", "2026-W48", "Nhiệm vụ A của tuần 48", "Nhiệm vụ B của tuần 48")))
	e.append(t, mail(officetest.UnitAddr("QLDT"), "w48-qldt@kcn", "", "BM.04.01-KH_2026-W48_QLDT.xlsx",
		signedProgram(t, e, "QLDT", "2026-W48", "Việc của phòng khác")))
	if err := e.d.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if subs, err := e.ledger.LatestValid(ctx, "BM.04.01/KH", "2026-W48"); err != nil || len(subs) != 2 {
		t.Fatalf("week 48 counted: got %d files, %v; want 2", len(subs), err)
	}

	e.clock.Set(time.Date(2026, 11, 23, 16, 0, 0, 0, loc))
	if err := e.d.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	tpl := workbookInOutbox(t, e, "template:BM.04.01/KH:2026-W49:QLDN")
	o := compiled(t, e.cfg)
	unit, _ := o.Unit("QLDN")
	rep, err := templates.Read(tpl, o.ReadLayouts(&unit), []byte(testKey), templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if id := rep.Filled.Ident; id.Period != "2026-W49" || id.Unit != "QLDN" || !id.TagOK {
		t.Fatalf("queued template is %+v, want QLDN's signed template of 2026-W49", id)
	}
	var got []string
	for _, r := range rep.Filled.Tables["results"] {
		if r.Values["status"] != "" {
			t.Errorf("task %q has a status already: %q", r.Values["content"], r.Values["status"])
		}
		got = append(got, r.Values["content"])
	}
	if want := []string{"Nhiệm vụ A của tuần 48", "Nhiệm vụ B của tuần 48"}; !slices.Equal(got, want) {
		t.Errorf("results of the week 49 template: got %q, want last week's tasks %q", got, want)
	}
	if n := len(rep.Filled.Tables["tasks"]); n != 0 {
		t.Errorf("the new program has %d tasks already, want none", n)
	}
	// QLMT sent nothing for week 48: its template starts empty.
	rep, err = templates.Read(workbookInOutbox(t, e, "template:BM.04.01/KH:2026-W49:QLMT"), o.Layouts(), []byte(testKey), templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Filled.Tables["results"]); n != 0 {
		t.Errorf("QLMT's template lists %d results, want none", n)
	}
}

// signedProgram is unit's work program for week key, signed, with one task per content.
func signedProgram(t *testing.T, e *env, unit, key string, contents ...string) []byte {
	t.Helper()
	o := compiled(t, e.cfg)
	f, _ := o.Form("BM.04.01/KH")
	u, _ := o.Unit(unit)
	p, err := period.Parse(key)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := o.TemplateMeta(f, u, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.Generate(&buf, o.Workbook(f, u), meta, nil); err != nil {
		t.Fatal(err)
	}
	var rows []form.Row
	for _, c := range contents {
		rows = append(rows, form.Row{Values: map[string]string{"content": c, "lead": "Phòng " + unit,
			"person": "Nguyễn Văn Bình", "deadline": "2026-11-27"}})
	}
	out, err := templates.Fill(buf.Bytes(), f.Form, form.Filled{Tables: map[string][]form.Row{"tasks": rows}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// workbookInOutbox is the workbook attached to the outbox mail of that key.
func workbookInOutbox(t *testing.T, e *env, key string) []byte {
	t.Helper()
	all, err := e.ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if m.Key != key {
			continue
		}
		for _, a := range m.Attachments {
			if data, err := e.ledger.Blob(a.SHA256); err == nil && bytes.HasPrefix(data, []byte("PK")) {
				return data
			}
		}
		t.Fatalf("outbox mail %s has no workbook", key)
	}
	t.Fatalf("no outbox mail %s; have %d mails", key, len(all))
	return nil
}
