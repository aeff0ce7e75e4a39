package daemon

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ask"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// yearForms are a half-year report due 15/06 of which only the first half is collected, and a
// quarterly report of which only the first and third quarters are, each with one narrative
// section. The quarterly form also takes a one-off request in July.
const yearForms = `
[[forms]]
code = "BC.6T"
title = "Báo cáo 6 tháng đầu năm"
period = "half"
periods = ["H1"]
deadline = "15/06"
approval = ["tb"]
[[forms.narrative]]
key = "noi_dung"
title = "Nội dung báo cáo"
required = true
[[forms]]
code = "BC.Q"
title = "Báo cáo quý"
period = "quarter"
periods = ["Q1", "Q3"]
deadline = "day 15"
approval = ["tb"]
[[forms.narrative]]
key = "noi_dung"
title = "Nội dung báo cáo"
required = true
`

// yearTick is the simulated year's step in office hours (officeHours): coarse, every two hours
// at odd hours. Outside them it steps every six hours (01:00, 07:00, 13:00, 19:00), where
// nothing scheduled may leave; the year has 2,500 steps.
const yearTick = 2 * time.Hour

// TestYear_PeriodsChosenAndRequest runs 2026 for the four units of the test office, none of
// which sends a recurring report, and on Monday 06/07/2026 09:00 makes a request of BC.Q to
// QLDN and QLDT due Friday 10/07 17:00, as the request command does beside the running daemon.
// The templates sent are exactly those of H1, Q1 and Q3 for every unit and of the request for
// the two units asked; the request's leave at once. Both units answer it; their files are
// counted and a draft is built for it.
func TestYear_PeriodsChosenAndRequest(t *testing.T) {
	t.Parallel()
	loc := period.DefaultLocation()
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, loc)
	}
	e := newOfficeEnv(t, officetest.Options{Forms: yearForms}, func(o *Options) {
		o.Config.Start = at(1, 1, 0)
	})
	ctx := context.Background()
	requestAt := at(7, 6, 9)
	answers := map[time.Time]string{at(7, 8, 11): "QLDN", at(7, 9, 15): "QLDT"}
	for now := at(1, 1, 1); now.Before(at(12, 31, 23)); now = now.Add(yearTick) {
		unit, answer := answers[now]
		if !officeHours(now) && now.Hour()%6 != 1 && !now.Equal(requestAt) && !answer {
			continue
		}
		e.clock.Set(now)
		if now.Equal(requestAt) {
			request(t, e, at(7, 10, 17))
		}
		if answer {
			answerRequest(t, e, unit)
		}
		if err := e.d.Schedule(ctx); err != nil {
			t.Fatalf("%s schedule: %v", now, err)
		}
		if err := e.d.Flush(ctx); err != nil {
			t.Fatalf("%s flush: %v", now, err)
		}
		if err := e.d.Consolidate(ctx); err != nil {
			t.Fatalf("%s consolidate: %v", now, err)
		}
	}
	var want []string
	for _, p := range []string{"2026-H1", "2026-Q1", "2026-Q3"} {
		for _, u := range officetest.Units {
			want = append(want, p+" "+u)
		}
	}
	want = append(want, "2026-R01 QLDN", "2026-R01 QLDT")
	slices.Sort(want)
	got, sentAt := sentTemplates(t, e)
	if !slices.Equal(got, want) {
		t.Errorf("templates sent:\n got  %s\nwant  %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	for _, u := range []string{"QLDN", "QLDT"} {
		if at := sentAt["2026-R01 "+u]; !at.Equal(requestAt) {
			t.Errorf("request's template to %s left %v, want at once (%v)", u, at, requestAt)
		}
	}
	valid, err := e.ledger.LatestValid(ctx, "BC.Q", "2026-R01")
	if err != nil || len(valid) != 2 || valid["QLDN"].Late || valid["QLDT"].Late {
		t.Errorf("counted files of 2026-R01: %+v, %v; want QLDN's and QLDT's, on time", valid, err)
	}
	draft, err := e.ledger.LatestDraft(ctx, "BC.Q", "2026-R01")
	if err != nil || len(draft.Basis) != 2 {
		t.Errorf("draft of 2026-R01: %+v, %v; want one counting QLDN and QLDT", draft, err)
	}
}

// request makes the request as the command does: recorded, then its templates queued by an
// asker of its own, beside the daemon.
func request(t *testing.T, e *env, due time.Time) {
	t.Helper()
	ctx := context.Background()
	now := e.clock.Now()
	r, err := e.ledger.CreateRequest(ctx, ledger.Request{Form: "BC.Q", Year: now.Year(), Title: "Số liệu lao động",
		Covers: "đến hết tháng 6/2026", Units: []string{"QLDN", "QLDT"}, Due: due, CreatedAt: now, CreatedBy: "test"},
		ledger.Event{At: now, Actor: "test", Action: ledger.ActionRequestCreated})
	if err != nil || r.Period != "2026-R01" {
		t.Fatalf("request: %q, %v", r.Period, err)
	}
	a := ask.Asker{Office: e.d.o, Ledger: e.ledger, Now: e.clock.Now}
	if err := a.Request(ctx, r.Form, r.Period); err != nil {
		t.Fatal(err)
	}
}

// answerRequest mails back the unit's request template, filled, and lets the daemon take it in.
func answerRequest(t *testing.T, e *env, unit string) {
	t.Helper()
	ctx := context.Background()
	m, err := e.ledger.OutMail(ctx, ledger.TemplateKey("BC.Q", "2026-R01", unit))
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := e.ledger.Blob(m.Attachments[0].SHA256)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := e.cfg.Form("BC.Q")
	filled, err := templates.Fill(tpl, f.Form, form.Filled{Narrative: map[string]string{"noi_dung": "Số lao động: 1.250 người."}})
	if err != nil {
		t.Fatal(err)
	}
	e.append(t, mail(officetest.UnitAddr(unit), fmt.Sprintf("year-%s@kcn", unit), "", m.Attachments[0].Name, filled))
	if err := e.d.Poll(ctx); err != nil {
		t.Fatal(err)
	}
}

// sentTemplates are the templates the outbox sent, as "PERIOD UNIT" sorted, with when each left.
func sentTemplates(t *testing.T, e *env) ([]string, map[string]time.Time) {
	t.Helper()
	out, err := e.ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	at := map[string]time.Time{}
	for _, m := range out {
		if m.Kind != ledger.KindTemplate || m.Status != ledger.OutSent {
			continue
		}
		key := m.About.Period + " " + m.About.Unit
		got = append(got, key)
		at[key] = m.SentAt
	}
	slices.Sort(got)
	return got, at
}
