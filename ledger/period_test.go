package ledger

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func testPeriodOf(form, period string, start time.Time) Period {
	return Period{
		Form: form, Period: period,
		Start: start, End: start.AddDate(0, 1, 0), Deadline: start.AddDate(0, 0, 17),
		OpenedAt: start.Add(-time.Hour),
	}
}

func TestEnsurePeriod(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	nov := testPeriodOf(testForm, "2026-11", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	dec := testPeriodOf(testForm, "2026-12", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	week := testPeriodOf("BM.04.01/KH", "2026-W47", time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC))

	for _, p := range []Period{dec, nov, week} {
		if created, err := l.EnsurePeriod(ctx, p); err != nil || !created {
			t.Fatalf("EnsurePeriod %s = %v, %v; want created", p.Period, created, err)
		}
	}
	changed := nov
	changed.Deadline = nov.Deadline.AddDate(0, 0, 3)
	if created, err := l.EnsurePeriod(ctx, changed); err != nil || created {
		t.Fatalf("EnsurePeriod again = %v, %v; want false, nil", created, err)
	}
	got, err := l.Period(ctx, testForm, "2026-11")
	nov.Status = PeriodOpen
	if err != nil || !reflect.DeepEqual(got, nov) {
		t.Errorf("Period:\n got %+v (%v)\nwant %+v (never overwritten)", got, err, nov)
	}

	list, err := l.Periods(ctx, testForm)
	if err != nil || len(list) != 2 || list[0].Period != "2026-11" || list[1].Period != "2026-12" {
		t.Errorf("Periods(%s): got %+v (%v), want Nov then Dec", testForm, list, err)
	}
	if all, err := l.Periods(ctx, ""); err != nil || len(all) != 3 {
		t.Errorf("Periods(\"\"): got %d (%v), want 3", len(all), err)
	}
	if _, err := l.Period(ctx, testForm, "2027-01"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Period of absent: got %v, want ErrNotFound", err)
	}
}

func TestSetPeriodStatus(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	p := testPeriodOf(testForm, testPeriod, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if _, err := l.EnsurePeriod(ctx, p); err != nil {
		t.Fatal(err)
	}
	if done, err := l.ClosedOrIssued(ctx, testForm, testPeriod); err != nil || done {
		t.Errorf("ClosedOrIssued of an open period: got %v (%v), want false", done, err)
	}
	ev := Event{At: t0, Actor: "system", Action: "period.closed", Object: "form:" + testForm + "/" + testPeriod}
	if err := l.SetPeriodStatus(ctx, testForm, testPeriod, PeriodClosed, ev); err != nil {
		t.Fatalf("SetPeriodStatus: %v", err)
	}
	if done, err := l.ClosedOrIssued(ctx, testForm, testPeriod); err != nil || !done {
		t.Errorf("ClosedOrIssued of a closed period: got %v (%v), want true", done, err)
	}
	if done, err := l.ClosedOrIssued(ctx, testForm, "1999-01"); err != nil || done {
		t.Errorf("ClosedOrIssued of an absent period: got %v (%v), want false", done, err)
	}
	if got, _ := l.Period(ctx, testForm, testPeriod); got.Status != PeriodClosed {
		t.Errorf("status: got %s, want closed", got.Status)
	}
	if events, _ := l.Events(ctx, 0, 0); len(events) != 1 {
		t.Errorf("events: got %d, want 1", len(events))
	}
	if err := l.SetPeriodStatus(ctx, testForm, "1999-01", PeriodClosed); !errors.Is(err, ErrNotFound) {
		t.Errorf("absent period: got %v, want ErrNotFound", err)
	}
	if err := l.SetPeriodStatus(ctx, testForm, testPeriod, "archived"); err == nil {
		t.Error("unknown status: got nil error, want a refusal")
	}
}

func TestEnsurePeriod_Invalid(t *testing.T) {
	l := openTest(t)
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change func(*Period)
	}{
		{"NoForm", func(p *Period) { p.Form = "" }},
		{"BadStatus", func(p *Period) { p.Status = "archived" }},
		{"NoDeadline", func(p *Period) { p.Deadline = time.Time{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testPeriodOf(testForm, testPeriod, start)
			tt.change(&p)
			if _, err := l.EnsurePeriod(context.Background(), p); err == nil {
				t.Error("got nil error, want a refusal")
			}
		})
	}
}

// RecordIntake inserts the periods of a mail's workbooks with it, never overwriting one that
// exists, and refuses an intake whose period is incomplete before writing anything.
func TestRecordIntake_Periods(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	nov := testPeriodOf(testForm, "2026-11", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	closed := testPeriodOf(testForm, "2026-10", time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	closed.Status = PeriodClosed
	if _, err := l.EnsurePeriod(ctx, closed); err != nil {
		t.Fatal(err)
	}
	reopened := closed
	reopened.Status = PeriodOpen
	in := testIntake(t, l, "periods", true, "QLDN")
	in.Periods = []Period{nov, reopened}
	if _, err := l.RecordIntake(ctx, in); err != nil {
		t.Fatalf("RecordIntake: %v", err)
	}
	if got, err := l.Period(ctx, testForm, "2026-11"); err != nil || got.Status != PeriodOpen {
		t.Errorf("2026-11: got %+v (%v), want it recorded open", got, err)
	}
	if got, err := l.Period(ctx, testForm, "2026-10"); err != nil || got.Status != PeriodClosed {
		t.Errorf("2026-10: got %+v (%v), want it kept closed", got, err)
	}
	bad := testIntake(t, l, "bad period", true, "QLDN")
	bad.Periods = []Period{{Form: testForm, Period: "2026-12"}}
	if _, err := l.RecordIntake(ctx, bad); err == nil {
		t.Error("period without deadline: got nil error, want a refusal")
	}
	if _, err := l.MailBySHA(ctx, bad.Mail.SHA256); !errors.Is(err, ErrNotFound) {
		t.Errorf("refused intake: got %v, want nothing recorded", err)
	}
}

// TestPeriods_OneFormByKey checks that one form's periods, listed by the drafter on every step,
// are found by the primary key rather than by a scan of every form's.
func TestPeriods_OneFormByKey(t *testing.T) {
	l := openTest(t)
	if plan := queryPlan(t, l, periodsOfForm, testForm); !strings.Contains(plan, "SEARCH periods USING INDEX sqlite_autoindex_periods_1 (form=?)") {
		t.Errorf("plan %q, want a search of the primary key", plan)
	}
}
