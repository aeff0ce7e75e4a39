package ledger

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func testRequest(form string, year int, at time.Time) Request {
	return Request{Form: form, Year: year, Title: "Số liệu lao động", Covers: "6 tháng đầu năm",
		Units: []string{"QLDN", "QLDT"}, Due: at.Add(96 * time.Hour), CreatedAt: at, CreatedBy: "tonghop request (clerk@host)"}
}

func created(at time.Time) Event {
	return Event{At: at, Actor: "tonghop request (clerk@host)", Action: ActionRequestCreated}
}

// TestCreateRequest_Numbering numbers requests per form and year from 01: R01, R02 of one form,
// R01 of another form the same year and of the same form the next year.
func TestCreateRequest_Numbering(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	at := time.Date(2026, 7, 6, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	steps := []struct {
		form string
		year int
		want string
	}{
		{"BC.Q", 2026, "2026-R01"},
		{"BC.Q", 2026, "2026-R02"},
		{"BC.6T", 2026, "2026-R01"},
		{"BC.Q", 2027, "2027-R01"},
	}
	for _, s := range steps {
		r, err := l.CreateRequest(ctx, testRequest(s.form, s.year, at), created(at))
		if err != nil || r.Period != s.want {
			t.Fatalf("CreateRequest(%s, %d) = %q, %v; want %q", s.form, s.year, r.Period, err, s.want)
		}
	}
	got, err := l.Request(ctx, "BC.Q", "2026-R02")
	if err != nil || got.Number != 2 || got.Title != "Số liệu lao động" || !slices.Equal(got.Units, []string{"QLDN", "QLDT"}) ||
		!got.Due.Equal(at.Add(96*time.Hour)) || !got.CreatedAt.Equal(at) {
		t.Errorf("Request(BC.Q, 2026-R02) = %+v, %v", got, err)
	}
	list, err := l.Requests(ctx, "BC.Q", 2026)
	if err != nil || len(list) != 2 || list[0].Period != "2026-R01" || list[1].Period != "2026-R02" {
		t.Errorf("Requests(BC.Q, 2026) = %+v, %v", list, err)
	}
	if _, err := l.Request(ctx, "BC.Q", "2026-R03"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Request(2026-R03) error = %v, want ErrNotFound", err)
	}
}

// TestCreateRequest_PeriodRow writes the period row and the event with the request: the period
// starts at 00:00 the day it was made (office zone), ends and is due at the due time, is open,
// and OpenRequests lists it until it is closed.
func TestCreateRequest_PeriodRow(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	zone := time.FixedZone("ICT", 7*3600)
	at := time.Date(2026, 7, 6, 9, 0, 0, 0, zone)
	r, err := l.CreateRequest(ctx, testRequest("BC.Q", 2026, at), created(at))
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.Period(ctx, "BC.Q", r.Period)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Start.Equal(time.Date(2026, 7, 6, 0, 0, 0, 0, zone)) || !p.Deadline.Equal(r.Due) || !p.End.Equal(r.Due) || p.Status != PeriodOpen {
		t.Errorf("period row = %+v", p)
	}
	evs, err := l.Events(ctx, 0, 10)
	if err != nil || len(evs) != 1 || evs[0].Action != ActionRequestCreated || evs[0].Object != PeriodObject("BC.Q", r.Period) {
		t.Errorf("events = %+v, %v", evs, err)
	}
	open, err := l.OpenRequests(ctx)
	if err != nil || len(open) != 1 {
		t.Fatalf("OpenRequests = %+v, %v", open, err)
	}
	if err := l.SetPeriodStatus(ctx, "BC.Q", r.Period, PeriodClosed); err != nil {
		t.Fatal(err)
	}
	if open, err := l.OpenRequests(ctx); err != nil || len(open) != 0 {
		t.Errorf("OpenRequests after close = %+v, %v", open, err)
	}
}

// TestCreateRequest_Refused: the 100th request of a year, a request without units or due before
// it is made, and an event without an action — which rolls the whole request back.
func TestCreateRequest_Refused(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	at := time.Date(2026, 7, 6, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= MaxRequests; i++ {
		if _, err := l.CreateRequest(ctx, testRequest("BC.Q", 2026, at), created(at)); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	if _, err := l.CreateRequest(ctx, testRequest("BC.Q", 2026, at), created(at)); !errors.Is(err, ErrTooManyRequests) {
		t.Errorf("100th request: error %v, want ErrTooManyRequests", err)
	}
	bad := testRequest("BC.6T", 2026, at)
	bad.Units = nil
	if _, err := l.CreateRequest(ctx, bad, created(at)); err == nil {
		t.Error("request without units accepted")
	}
	bad = testRequest("BC.6T", 2026, at)
	bad.Due = at.Add(-time.Hour)
	if _, err := l.CreateRequest(ctx, bad, created(at)); err == nil {
		t.Error("request due before it is made accepted")
	}
	if _, err := l.CreateRequest(ctx, testRequest("BC.6T", 2026, at), Event{At: at}); err == nil {
		t.Error("request with a bad event accepted")
	}
	if _, err := l.Period(ctx, "BC.6T", "2026-R01"); !errors.Is(err, ErrNotFound) {
		t.Errorf("period row left by a refused request: %v", err)
	}
}

// TestRequests_ForeignKey: a request row needs its period row.
func TestRequests_ForeignKey(t *testing.T) {
	l := openTest(t)
	db := rawDB(t, l.Dir())
	_, err := db.Exec(`INSERT INTO requests (form, period, year, number, units, created_at, created_by)
		VALUES ('BC.Q', '2026-R01', 2026, 1, '["QLDN"]', '2026-07-06T02:00:00Z', 'x')`)
	if err == nil {
		t.Error("request without a period row accepted")
	}
}

// TestOpenRequests_NoScanOfPeriods checks that the scheduler's question on every pass reads the
// requests and finds each one's period by its key, not every period of every form.
func TestOpenRequests_NoScanOfPeriods(t *testing.T) {
	l := openTest(t)
	plan := queryPlan(t, l, requestsFrom+`p.status = 'open' ORDER BY p.deadline, r.form, r.period`)
	if !strings.Contains(plan, "SCAN r") || !strings.Contains(plan, "SEARCH p USING INDEX sqlite_autoindex_periods_1 (form=? AND period=?)") {
		t.Errorf("plan %q, want the requests scanned and each period found by its key", plan)
	}
}
